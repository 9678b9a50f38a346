/**
 * The raw baseline's load process: the same SQL the API runs, sent with plain `pg` over as many
 * connections as the HTTP load uses, each connection in a closed loop (send, wait, send again),
 * after the same warm-up. With `valuesList` the parameters change from one query to the next
 * (in turn, as the API side's paths do); with `statements` each turn sends several statements on its
 * connection, one after another, and times them together. Prints a LoadSample as JSON.
 */
import { Client } from 'pg';
import { cpuOf, cpuSpent } from './cpu';
import type { LoadSample } from './latency';
import { readSpec } from './spec';

interface Spec {
  databaseUrl: string;
  text: string;
  values: unknown[];
  valuesList?: unknown[][];
  statements?: Array<{ text: string; values: unknown[] }>;
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

async function run(clients: Client[], spec: Spec, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  let next = 0;
  const valuesOf = spec.valuesList?.length ? () => spec.valuesList![next++ % spec.valuesList!.length] : () => spec.values;
  await Promise.all(
    clients.map(async (client) => {
      while (process.hrtime.bigint() < deadline) {
        const t = process.hrtime.bigint();
        try {
          if (spec.statements) for (const s of spec.statements) await client.query(s.text, s.values);
          else await client.query(spec.text, valuesOf());
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
  const spec = readSpec<Spec>(process.argv[2]);
  const clients = Array.from({ length: spec.connections }, () => new Client({ connectionString: spec.databaseUrl, application_name: 'onewindow-bench-raw' }));
  await Promise.all(clients.map((c) => c.connect()));
  // Each connection's backend is a process of its own: its CPU is the database's share of the work.
  const backends = await Promise.all(clients.map(async (c) => ((await c.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid));
  try {
    if (spec.warmUpSeconds > 0) await run(clients, spec, spec.warmUpSeconds);
    const before = { load: process.cpuUsage(), database: cpuOf(backends) };
    const measured: LoadSample = await run(clients, spec, spec.seconds);
    const own = process.cpuUsage(before.load);
    measured.cpu = { load: (own.user + own.system) / 1000, server: 0, database: cpuSpent(before.database, cpuOf(backends)) };
    process.stdout.write(JSON.stringify(measured));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
