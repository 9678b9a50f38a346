"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const pg_1 = require("pg");
async function run(clients, spec, seconds) {
    const latencies = [];
    let errors = 0;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    await Promise.all(clients.map(async (client) => {
        while (process.hrtime.bigint() < deadline) {
            const t = process.hrtime.bigint();
            try {
                await client.query(spec.text, spec.values);
                latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
            }
            catch {
                errors++;
            }
        }
    }));
    return { latencies, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
async function main() {
    const spec = JSON.parse(process.argv[2]);
    const clients = Array.from({ length: spec.connections }, () => new pg_1.Client({ connectionString: spec.databaseUrl, application_name: 'onewindow-bench-raw' }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
        if (spec.warmUpSeconds > 0)
            await run(clients, spec, spec.warmUpSeconds);
        const measured = await run(clients, spec, spec.seconds);
        process.stdout.write(JSON.stringify(measured));
    }
    finally {
        await Promise.all(clients.map((c) => c.end()));
    }
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
