/**
 * `npm run bench -- dashboard` (issue 8's "counts come from maintained aggregates, answering in under 50 ms at 1M
 * applications"): the back office's `GET /api/dashboard` at N applications (default 1M; BENCH_DASHBOARD_N), p50 and
 * p99 under autocannon from a separate process at each concurrency, beside the dashboard's own three aggregate reads
 * (`dashboardReads`) sent with plain `pg` from a separate process at the same concurrency, in the same run. The
 * aggregates are the ones the app keeps: clock_due_counters by its triggers (filled as the seed inserts), and
 * queue_counters and daily_service_stats rebuilt from the seeded files as the transitions would have kept them.
 * Target: API p99 under 50 ms. Writes its section of RESULTS.md.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { dashboardReads } from '@onewindow/applications';
import { hashPassword } from '@onewindow/auth';
import { loadConfig } from '@onewindow/config';
import { shanghaiDateOf } from '@onewindow/domain';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { BENCH_PASSWORD, prepareBenchDatabase } from './bench-database';
import { LoadReport, LoadSample, summarize } from './load/latency';
import { callJson, runLoad } from './processes';
import { buildOf, machine, writeResultsSection } from './results';
import { rebuildDailyServiceStats, rebuildQueueCounters } from './seed';

const N = Number(process.env.BENCH_DASHBOARD_N ?? 1_000_000);
const CONCURRENCIES = (process.env.BENCH_DASHBOARD_CONNECTIONS ?? '1,10').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 4);
const WARM_UP_SECONDS = 0.5;
const TARGET_MS = 50;
const LEADER = 'bench-leader';
const OPEN_STATES = `('submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing')`;

interface Measured {
  connections: number;
  api: LoadReport;
  raw: LoadReport;
}

interface Aggregates {
  queueRows: number;
  clockRows: number;
  dailyRows: number;
  openFiles: number;
  clockFiles: number;
  seconds: number;
}

export async function dashboardBenchmark(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const log = (line: string) => console.log(`[dashboard] ${line}`);
  const db = await prepareBenchDatabase(N, log);
  const aggregates = await prepareAggregates(db.ownerUrl, log);

  Object.assign(process.env, { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, QUEUE_PREFIX: 'onewindow-bench' });
  const app = await createBackofficeApp(loadConfig(), { logger: 'quiet' });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const results: Measured[] = [];
  try {
    const tokens: string[] = [];
    for (let k = 0; k < Math.max(...CONCURRENCIES); k++) tokens.push((await callJson(base, '/api/auth/login', null, { username: LEADER, password: BENCH_PASSWORD })).token);
    // The answer must be the seeded files' before it is timed: the open queue and the clocks counted from the aggregates.
    const probe = await callJson(base, '/api/dashboard', tokens[0]);
    const open = Object.values(probe.queueTotals as Record<string, number>).reduce((a, b) => a + b, 0);
    if (open !== aggregates.openFiles) throw new Error(`the dashboard shows ${open} open files; the applications hold ${aggregates.openFiles}`);
    log(`probe: ${open.toLocaleString('en')} open files, ${probe.clock.red} red, ${probe.clock.overdue} overdue, ${probe.onTime.decided} decided in 30 days`);
    const reads = dashboardReads(shanghaiDateOf(new Date()));
    const statements = [reads.queue, reads.clock, reads.daily];
    for (const connections of CONCURRENCIES) {
      // API and raw alternate in short rounds, so a burst of other work on the shared cores falls on both.
      const [api, raw] = [[] as LoadSample[], [] as LoadSample[]];
      const seconds = SECONDS / ROUNDS;
      const runApi = () => runLoad<LoadSample>('http-load.js', { url: `${base}/api/dashboard`, tokens, connections, seconds, warmUpSeconds: WARM_UP_SECONDS });
      const runRaw = () => runLoad<LoadSample>('sql-load.js', { databaseUrl: db.appUrl, text: '', values: [], statements, connections, seconds, warmUpSeconds: WARM_UP_SECONDS });
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) api.push(await runApi()), raw.push(await runRaw());
        else raw.push(await runRaw()), api.push(await runApi());
      }
      const m = { connections, api: summarize(api), raw: summarize(raw) };
      results.push(m);
      log(`${connections} connection(s): API p50 ${m.api.p50.toFixed(2)} p99 ${m.api.p99.toFixed(2)} ms (${m.api.perSecond.toFixed(0)}/s, ${m.api.errors} errors) · raw p50 ${m.raw.p50.toFixed(2)} p99 ${m.raw.p99.toFixed(2)} ms (${m.raw.perSecond.toFixed(0)}/s)`);
    }
  } finally {
    await app.close();
  }
  report(started, loadAtStart, db, aggregates, results);
}

/**
 * The aggregates as the app keeps them, and a leadership account to read them. clock_due_counters is checked, not
 * made: its triggers filled it as the seed inserted the files, so a difference is a bug in them.
 */
async function prepareAggregates(ownerUrl: string, log: (line: string) => void): Promise<Aggregates> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'onewindow-bench-seed' });
  await client.connect();
  try {
    const t = Date.now();
    await rebuildQueueCounters(client);
    await rebuildDailyServiceStats(client);
    // The seed's million trigger updates, with no autovacuum between them, leave the small counter
    // tables ten times their live size. A bureau reaches 1M files over years with autovacuum running,
    // and its updates reuse the freed space: compacted here to stand for that steady state.
    await client.query('VACUUM (FULL, ANALYZE) queue_counters, clock_due_counters, daily_service_stats');
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await client.query(
      `INSERT INTO accounts (kind, name, username, password_hash, roles, sections) VALUES ('staff', $1, $1, $2, '{leadership}', '{}')
       ON CONFLICT (username) WHERE username IS NOT NULL DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles`,
      [LEADER, passwordHash],
    );
    const one = async (text: string) => Number(((await client.query(text)).rows[0] as { n: string }).n);
    const clockFiles = await one(`SELECT count(*) AS n FROM applications WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review')`);
    const counted = await one(`SELECT coalesce(sum(count), 0) AS n FROM clock_due_counters`);
    if (counted !== clockFiles) throw new Error(`clock_due_counters holds ${counted} files; the applications hold ${clockFiles} running clocks`);
    const aggregates: Aggregates = {
      queueRows: await one(`SELECT count(*) AS n FROM queue_counters WHERE count <> 0`),
      clockRows: await one(`SELECT count(*) AS n FROM clock_due_counters WHERE count <> 0`),
      dailyRows: await one(`SELECT count(*) AS n FROM daily_service_stats`),
      openFiles: await one(`SELECT count(*) AS n FROM applications WHERE state IN ${OPEN_STATES}`),
      clockFiles,
      seconds: (Date.now() - t) / 1000,
    };
    log(`aggregates: ${aggregates.queueRows} queue rows, ${aggregates.clockRows} clock rows, ${aggregates.dailyRows} daily rows (${aggregates.seconds.toFixed(0)} s)`);
    return aggregates;
  } finally {
    await client.end();
  }
}

function report(started: Date, loadAtStart: number[], db: Awaited<ReturnType<typeof prepareBenchDatabase>>, aggregates: Aggregates, results: Measured[]): void {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const ms = (v: number) => v.toFixed(2);
  const rows = results.map(
    (r) =>
      `| ${r.connections} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${r.api.perSecond.toFixed(0)} | ${ms(r.raw.p50)} | ${ms(r.raw.p99)} | ${r.raw.perSecond.toFixed(0)} | ${r.api.p99 < TARGET_MS ? 'met' : 'over'} |`,
  );
  const errors = results.reduce((sum, r) => sum + r.api.errors + r.raw.errors, 0);
  const body = `- date: ${started.toISOString()}; ${buildOf()}
- machine: ${machine()}; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the 2 vCPUs are shared with other work)
- command: \`npm run bench -- dashboard\` (BENCH_DASHBOARD_N=${N}, BENCH_DASHBOARD_CONNECTIONS=${CONCURRENCIES.join(',')}, BENCH_DASHBOARD_SECONDS=${SECONDS}, BENCH_DASHBOARD_ROUNDS=${ROUNDS})
- data: ${db.n.toLocaleString('en')} applications in \`onewindow_bench\` (${db.reused ? `reused: ${db.seeded}` : `seeded by this run in ${db.seedSeconds?.toFixed(0)} s`}), ${aggregates.openFiles.toLocaleString('en')} of them open and ${aggregates.clockFiles.toLocaleString('en')} with a running clock. The aggregates the dashboard reads: ${aggregates.queueRows} rows of queue_counters, ${aggregates.clockRows} of clock_due_counters (kept by its triggers as the seed inserted; checked against the applications), ${aggregates.dailyRows} of daily_service_stats (rebuilt from the seeded files' submitted, accepted and decided times, as the transitions add them)
- load: at each concurrency, ${SECONDS} s per side in ${ROUNDS} alternating rounds (API, raw, raw, API, …) each after ${WARM_UP_SECONDS} s of warm-up. API: autocannon in a child process, one leadership session per connection. Raw: the dashboard's three reads (\`dashboardReads\`), one after another on each connection, plain \`pg\` in a child process; the API sends them at once on up to three pooled connections, then works out the red and overdue clocks with the working calendar.
- errors: ${errors}

| connections | API p50 ms | API p99 ms | API req/s | raw reads p50 ms | raw reads p99 ms | raw turns/s | API p99 < ${TARGET_MS} ms |
|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}
`;
  writeResultsSection('## dashboard', body + notes());
  console.log(body);
}

/** What the figures mean; kept beside the code that makes them. */
function notes(): string {
  return `
What the figures say (three runs at 1M on an idle machine, 2026-11-28 11:02–11:25 UTC): one leader at a time gets the dashboard in p50 4–5 ms, p99 11–18 ms, well inside 50 ms at 1M files, since nothing reads the applications themselves. Ten closed loops (ten leaders refreshing without pause, far beyond a district's use) saturate the two cores: the API's p99 was 55, 98 and 94 ms, while its three reads alone, sent raw, already took p99 56–58 ms at that load (about 330 sets of reads a second). Their cost is the clock read (about 1,900 rows of due-date buckets, one per service, state, channel and day, 2 ms of execution) and the planning of three unprepared statements; the API adds working out the red and overdue buckets with the calendar and the JSON. What would lower it, not done: the red and overdue sums in SQL against per-service threshold dates worked out beforehand (tens of rows instead of 1,900).
`;
}
