/**
 * A load process for requests that differ one from the next (a submit per draft, a look-up per
 * application): `connections` closed loops (send, wait for the answer, send the next), each on a
 * keep-alive socket of its own with its own session, taking the next path from a shared list.
 * With `cycle` false every path is used once and a loop ends when the list does (so a draft is
 * never submitted twice); otherwise the list repeats. Latency is measured per request from the
 * write to the end of the answer (process.hrtime, fractional ms). Prints a LoadSample as JSON,
 * with the count of each status and a few bodies of unexpected answers.
 */
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { cpuOf, cpuSpent } from './cpu';
import type { CpuSpent, LoadSample } from './latency';
import { readSpec } from './spec';

interface Spec {
  origin: string;
  method: 'GET' | 'POST';
  paths: string[];
  cycle: boolean;
  /** Bearer tokens, one per connection in turn (none for public look-ups). */
  tokens: string[];
  connections: number;
  /** Measured seconds; null runs until the paths are used up (cycle false). */
  seconds: number | null;
  warmUpSeconds: number;
  expectStatus: number;
  /** Measure the CPU of the measured run: this process, the server's pids, and the server's PostgreSQL backends (by application_name). */
  cpu?: { pids: number[]; databaseUrl: string; applicationName: string };
}

/** The pids of the backends a server holds in its pool. */
async function backendPids(client: Client, applicationName: string): Promise<number[]> {
  const rows = (await client.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [applicationName])).rows as Array<{ pid: number }>;
  return rows.map((r) => r.pid);
}

export interface HttpLoopSample extends LoadSample {
  statuses: Record<string, number>;
  unexpected: string[];
  /** Paths used, warm-up included. */
  used: number;
}

function send(agent: Agent, spec: Spec, path: string, token: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${spec.origin}${path}`,
      {
        method: spec.method,
        agent,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(spec.method === 'POST' ? { 'content-length': '0' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const spec = readSpec<Spec>(process.argv[2]);
  const agents = Array.from({ length: spec.connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  let cursor = 0;
  const nextPath = (): string | null => {
    if (cursor >= spec.paths.length) {
      if (!spec.cycle) return null;
      cursor = 0;
    }
    return spec.paths[cursor++];
  };

  const run = async (seconds: number | null, record: boolean) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const unexpected: string[] = [];
    let errors = 0;
    const started = process.hrtime.bigint();
    const deadline = seconds === null ? null : started + BigInt(Math.round(seconds * 1e9));
    await Promise.all(
      agents.map(async (agent, k) => {
        const token = spec.tokens.length ? spec.tokens[k % spec.tokens.length] : undefined;
        while (deadline === null || process.hrtime.bigint() < deadline) {
          const path = nextPath();
          if (path === null) break;
          const t = process.hrtime.bigint();
          try {
            const { status, body } = await send(agent, spec, path, token);
            const ms = Number(process.hrtime.bigint() - t) / 1e6;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status === spec.expectStatus) latencies.push(ms);
            else {
              errors++;
              if (unexpected.length < 5) unexpected.push(`${status} ${path}: ${body.slice(0, 300)}`);
            }
          } catch (error) {
            errors++;
            statuses.socket = (statuses.socket ?? 0) + 1;
            if (unexpected.length < 5) unexpected.push(`socket ${path}: ${String(error)}`);
          }
        }
      }),
    );
    const sample = { latencies, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9, statuses, unexpected };
    return record ? sample : null;
  };

  if (spec.warmUpSeconds > 0) await run(spec.warmUpSeconds, false);
  const watch = spec.cpu ? new Client({ connectionString: spec.cpu.databaseUrl, application_name: 'onewindow-bench-cpu' }) : null;
  await watch?.connect();
  const readCpu = async () => ({
    load: process.cpuUsage(),
    server: cpuOf(spec.cpu?.pids ?? []),
    database: watch ? cpuOf(await backendPids(watch, spec.cpu!.applicationName)) : new Map<number, number>(),
  });
  const before = await readCpu();
  const measured = (await run(spec.seconds, true))!;
  const after = await readCpu();
  await watch?.end();
  const own = process.cpuUsage(before.load);
  const cpu: CpuSpent = { load: (own.user + own.system) / 1000, server: cpuSpent(before.server, after.server), database: cpuSpent(before.database, after.database) };
  agents.forEach((a) => a.destroy());
  const result: HttpLoopSample = { ...measured, used: cursor, ...(spec.cpu ? { cpu } : {}) };
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
