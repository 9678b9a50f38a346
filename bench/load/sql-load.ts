/**
 * The raw baseline's load process: the same SQL the API runs, sent with plain `pg` over as many
 * connections as the HTTP load uses, each connection in a closed loop (send, wait, send again),
 * after the same warm-up. Prints a LoadSample as JSON.
 */
import { Client } from 'pg';
import type { LoadSample } from './latency';

interface Spec {
  databaseUrl: string;
  text: string;
  values: unknown[];
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

async function run(clients: Client[], spec: Spec, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    clients.map(async (client) => {
      while (process.hrtime.bigint() < deadline) {
        const t = process.hrtime.bigint();
        try {
          await client.query(spec.text, spec.values);
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as Spec;
  const clients = Array.from({ length: spec.connections }, () => new Client({ connectionString: spec.databaseUrl, application_name: 'onewindow-bench-raw' }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    if (spec.warmUpSeconds > 0) await run(clients, spec, spec.warmUpSeconds);
    const measured = await run(clients, spec, spec.seconds);
    process.stdout.write(JSON.stringify(measured));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
