"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const autocannon_1 = __importDefault(require("autocannon"));
function run(spec, seconds) {
    return new Promise((resolve, reject) => {
        const latencies = [];
        let errors = 0;
        let next = 0;
        const started = process.hrtime.bigint();
        const instance = (0, autocannon_1.default)({
            url: spec.url,
            connections: spec.connections,
            duration: seconds,
            setupClient: (client) => client.setHeaders({ authorization: `Bearer ${spec.tokens[next++ % spec.tokens.length]}` }),
        }, (error, result) => {
            if (error)
                return reject(error);
            resolve({ latencies, errors: errors + result.errors + result.timeouts, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
        });
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            if (statusCode === 200)
                latencies.push(responseTime);
            else
                errors++;
        });
    });
}
async function main() {
    const spec = JSON.parse(process.argv[2]);
    if (spec.warmUpSeconds > 0)
        await run(spec, spec.warmUpSeconds);
    const measured = await run(spec, spec.seconds);
    process.stdout.write(JSON.stringify(measured));
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
