/**
 * `npm run bench -- inbox` (issue 4's benchmark, issue 10's `inbox` row): the back office's
 * `GET /api/inbox` at N applications (default 1M; BENCH_INBOX_N), per filter, p50 and p99 under
 * autocannon from a separate process, beside the raw keyset SQL the inbox runs for the same page
 * (built by the same builder), sent with plain `pg` from a separate process at the same
 * concurrency, in the same run. Target: API p99 ≤ 2 × raw p99. Writes its section of RESULTS.md.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { buildInboxQuery, InboxFilters } from '@onewindow/applications/inbox-query';
import { loadConfig } from '@onewindow/config';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { BENCH_PASSWORD, BENCH_STAFF, prepareBenchDatabase } from './bench-database';
import { LoadReport, LoadSample, summarize } from './load/latency';
import { callJson, runLoad } from './processes';
import { machine, writeResultsSection } from './results';

const N = Number(process.env.BENCH_INBOX_N ?? 1_000_000);
/** Each concurrency measured in turn: one request at a time (what a clerk waits for), and ten closed loops (a busy office). */
const CONCURRENCIES = (process.env.BENCH_INBOX_CONNECTIONS ?? '1,10').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_INBOX_ROUNDS ?? 5);
const WARM_UP_SECONDS = 0.5;
/** Only the cases whose name contains this (BENCH_INBOX_ONLY), for profiling one filter. */
const ONLY = process.env.BENCH_INBOX_ONLY;
const TARGET_RATIO = 2;

type Who = (typeof BENCH_STAFF)[number]['username'];
interface Case {
  name: string;
  who: Who;
  filters: InboxFilters;
  /** No page query at all: what every inbox request costs before its SQL (no raw side). */
  floor?: boolean;
}
interface Measured extends Case {
  connections: number;
  api: LoadReport;
  raw: LoadReport;
}

export async function inboxBenchmark(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const log = (line: string) => console.log(`[inbox] ${line}`);
  const db = await prepareBenchDatabase(N, log);

  // The back office in this process, against the benchmark database and a queue prefix of its own.
  Object.assign(process.env, { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, QUEUE_PREFIX: 'onewindow-bench' });
  const app = await createBackofficeApp(loadConfig(), { logger: 'quiet' });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const results: Measured[] = [];
  try {
    // One session per connection and person, as each clerk at a window has their own.
    const tokens: Record<string, string[]> = {};
    for (const { username } of BENCH_STAFF) {
      tokens[username] = [];
      for (let k = 0; k < Math.max(...CONCURRENCIES); k++) tokens[username].push((await callJson(base, '/api/auth/login', null, { username, password: BENCH_PASSWORD })).token);
    }
    const cases = (await casesFor(db.appUrl, base, tokens['bench-clerk'][0])).filter((c) => !ONLY || c.name.includes(ONLY));
    for (const c of cases) {
      const staff = { ...db.staff[c.who] };
      const url = `${base}/api/inbox?${new URLSearchParams(Object.entries(c.filters).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
      const probe = await callJson(base, url.slice(base.length), tokens[c.who][0]);
      const sql = buildInboxQuery(staff, c.filters, new Date());
      if (!sql && !c.floor) throw new Error(`${c.name}: nothing to query`);
      log(`${c.name}: ${probe.items.length} items on the page`);
      for (const connections of CONCURRENCIES) {
        // API and raw alternate in short rounds, so a burst of other work on the shared cores falls on both.
        const [api, raw] = [[] as LoadSample[], [] as LoadSample[]];
        for (let round = 0; round < ROUNDS; round++) {
          const seconds = SECONDS / ROUNDS;
          const runApi = () => runLoad<LoadSample>('http-load.js', { url, tokens: tokens[c.who].slice(0, connections), connections, seconds, warmUpSeconds: WARM_UP_SECONDS });
          const runRaw = async () =>
            sql ? runLoad<LoadSample>('sql-load.js', { databaseUrl: db.appUrl, text: sql.text, values: sql.values, connections, seconds, warmUpSeconds: WARM_UP_SECONDS }) : { latencies: [], errors: 0, seconds };
          if (round % 2 === 0) api.push(await runApi()), raw.push(await runRaw());
          else raw.push(await runRaw()), api.push(await runApi());
        }
        const [a, r] = [summarize(api), summarize(raw)];
        results.push({ ...c, connections, api: a, raw: r });
        log(`${c.name} at ${connections}: API p50 ${a.p50.toFixed(2)} p99 ${a.p99.toFixed(2)} ms (${a.perSecond.toFixed(0)}/s, ${a.errors} errors) · raw p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms (${r.perSecond.toFixed(0)}/s) · ×${(a.p99 / r.p99).toFixed(2)}`);
      }
    }
  } finally {
    await app.close();
  }
  report(started, loadAtStart, db, results);
}

/** The filters measured; the search terms are taken from the seeded data. */
async function casesFor(databaseUrl: string, base: string, clerkToken: string): Promise<Case[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const [sample] = (
    await client.query(
      `SELECT number, entity_name, applicant_name FROM applications WHERE state IN ('awaiting_acceptance', 'under_review', 'awaiting_seal') ORDER BY number OFFSET 1000 LIMIT 1`,
    )
  ).rows as Array<{ number: string; entity_name: string; applicant_name: string }>;
  await client.end();
  // A cursor 10,000 files into the clerk's queue (50 pages of 200).
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    cursor = (await callJson(base, `/api/inbox?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, clerkToken)).nextCursor;
  }
  const core = sample.entity_name.slice(6, 9);
  return [
    { name: 'API floor: session, counts, HTTP, no page query (q of 21 digits)', who: 'bench-clerk', filters: { q: '1'.repeat(21) }, floor: true },
    { name: 'clerk · first page', who: 'bench-clerk', filters: {} },
    { name: 'clerk · page 51 (cursor 10,000 files in)', who: 'bench-clerk', filters: { cursor: cursor! } },
    { name: 'three queues · first page', who: 'bench-chief', filters: {} },
    { name: 'reviewer of one section', who: 'bench-reviewer', filters: {} },
    { name: 'clerk · service', who: 'bench-clerk', filters: { service: 'food-business' } },
    { name: 'clerk · green channel', who: 'bench-clerk', filters: { greenChannel: true } },
    { name: 'clerk · claimed by me', who: 'bench-clerk', filters: { claimedBy: 'me' } },
    { name: 'clerk · unclaimed', who: 'bench-clerk', filters: { claimedBy: 'none' } },
    { name: 'three queues · overdue', who: 'bench-chief', filters: { overdue: true } },
    { name: 'three queues · due within 3 working days', who: 'bench-chief', filters: { dueWithinWorkingDays: 3 } },
    { name: 'three queues · service + unclaimed + not overdue', who: 'bench-chief', filters: { service: 'construction', claimedBy: 'none', overdue: false } },
    { name: 'q = an application number', who: 'bench-chief', filters: { q: sample.number } },
    { name: 'q = one day’s numbers (14 digits)', who: 'bench-chief', filters: { q: sample.number.slice(0, 14) } },
    { name: `q = 3 characters of a name (${core})`, who: 'bench-chief', filters: { q: core } },
    { name: `q = 2 characters: applicant names starting ${sample.applicant_name.slice(0, 2)}`, who: 'bench-chief', filters: { q: sample.applicant_name.slice(0, 2) } },
    { name: `q = 1 character: applicant surname ${sample.applicant_name.slice(0, 1)}, clerk`, who: 'bench-clerk', filters: { q: sample.applicant_name.slice(0, 1) } },
  ];
}

function report(started: Date, loadAtStart: number[], db: Awaited<ReturnType<typeof prepareBenchDatabase>>, results: Measured[]): void {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const ms = (v: number) => v.toFixed(2);
  const table = (connections: number) =>
    results
      .filter((r) => r.connections === connections)
      .map((r) => {
        if (r.floor) return `| ${r.name} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${r.api.perSecond.toFixed(0)} | — | — | — | — |`;
        const ratio = r.api.p99 / r.raw.p99;
        return `| ${r.name} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${r.api.perSecond.toFixed(0)} | ${ms(r.raw.p50)} | ${ms(r.raw.p99)} | ${r.raw.perSecond.toFixed(0)} | ${ratio.toFixed(2)}× ${ratio <= TARGET_RATIO ? '' : '(over)'} |`;
      })
      .join('\n');
  const verdict = (connections: number) => {
    const measured = results.filter((r) => r.connections === connections && !r.floor);
    const worst = measured.reduce((x, y) => (y.api.p99 / y.raw.p99 > x.api.p99 / x.raw.p99 ? y : x));
    const met = measured.filter((r) => r.api.p99 / r.raw.p99 <= TARGET_RATIO).length;
    return `At ${connections} connection${connections === 1 ? '' : 's'}: API p99 ≤ ${TARGET_RATIO}× raw p99 met by ${met} of ${measured.length} filters; worst ${(worst.api.p99 / worst.raw.p99).toFixed(2)}× (${worst.name}).${overNote(results.filter((r) => r.connections === connections))}`;
  };
  const errors = results.reduce((sum, r) => sum + r.api.errors + r.raw.errors, 0);
  const sections = CONCURRENCIES.map(
    (connections) => `### inbox at ${connections} connection${connections === 1 ? '' : 's'}

| filter | API p50 ms | API p99 ms | API req/s | raw SQL p50 ms | raw SQL p99 ms | raw q/s | API p99 ÷ raw p99 |
|---|---:|---:|---:|---:|---:|---:|---:|
${table(connections)}
`,
  );
  const body = `- date: ${started.toISOString()}
- machine: ${machine()}; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the 2 vCPUs are shared with other work)
- command: \`npm run bench -- inbox\` (BENCH_INBOX_N=${N}, BENCH_INBOX_CONNECTIONS=${CONCURRENCIES.join(',')}, BENCH_INBOX_SECONDS=${SECONDS}, BENCH_INBOX_ROUNDS=${ROUNDS})
- data: ${db.n.toLocaleString('en')} applications in \`onewindow_bench\` (${db.reused ? `reused: ${db.seeded}` : `seeded by this run in ${db.seedSeconds?.toFixed(0)} s`}) across all eight services and twelve states, 40 % of them in the three queues; 8 % green channel; 30 % of queue files claimed
- load: at each concurrency, ${SECONDS} s per side in ${ROUNDS} alternating rounds (API, raw, raw, API, …) each after ${WARM_UP_SECONDS} s of warm-up, page size 50 (the default). API: autocannon 9 in a child process, one session per connection. Raw: the exact statement the inbox runs for that page (\`buildInboxQuery\`), plain \`pg\` in a child process, the same number of connections in closed loops. Both share the 2 cores with the server and PostgreSQL.
- errors: ${errors}

${CONCURRENCIES.map(verdict).join('\n\n')}

${sections.join('\n')}`;
  writeResultsSection('## inbox', body + notes());
  console.log(body);
}

/** Which filters over the target have a raw statement cheaper than half the API's fixed price (the floor row's p99). */
function overNote(results: Array<{ name: string; floor?: boolean; api: LoadReport; raw: LoadReport }>): string {
  const floor = results.find((r) => r.floor);
  const over = results.filter((r) => !r.floor && r.api.p99 / r.raw.p99 > TARGET_RATIO);
  if (!floor || over.length === 0) return '';
  const below = over.filter((r) => TARGET_RATIO * r.raw.p99 < floor.api.p99);
  return ` Of the ${over.length} over it, ${below.length} (${below.map((r) => r.name).join('; ') || 'none'}) have a raw p99 under half the floor's p99 of ${floor.api.p99.toFixed(2)} ms: for them the target asks the whole request to cost less than its fixed price alone.`;
}

/** What the figures mean; kept beside the code that makes them. */
function notes(): string {
  return `
What one API request does beyond the raw statement: the session lookup (\`SessionService.resolve\`: a read, with a write only when the expiry is slid, at most once a minute), the counts query on \`queue_counters\` (run beside the page query on a second pooled connection), Nest/Fastify routing, DTO validation, the clock of each item and JSON. The "API floor" row is all of that with no page query: the fixed price every inbox request pays besides its SQL.

What sets the ratio (run of 2026-11-28 11:04 UTC on an idle machine, at both concurrencies). One request at a time, the API's median is 1.3–2 ms above the statement's (the floor row: 1.4 ms) and both sides' p99 come from the same rare stalls of the shared cores, so 14 of 16 filters are within 1.1×; the two over are a single file by its number and a rare three-character name, whose statements (p50 0.4–0.6 ms, p99 1.6–2.5 ms) are cheaper than the API's fixed price alone. Ten closed loops keep ten requests in flight, so p99 follows how many requests a second each side serves: the expensive statements (three queues, one day's numbers, two characters of a name) are within 1.4–1.6×, the middling ones come close to 2× (clerk · unclaimed 2.09× in this run; it and the first page have been either side of 2 from run to run), and the same two cheapest pages are 3.6–3.8×. Earlier runs on a loaded machine (load average 5–11) measured 8–13 of 16 within 2×, with different filters over: there, p99 measured how long each side waited for a core. What would lower the floor, not done: keeping resolved sessions in memory (an invalidation every process hears before its next request, because disabling an account must end its sessions at once), or the page and the counts in one statement; neither brings the two cheapest pages near 2×, since an HTTP request through this stack with no SQL at all costs more than twice their statement (track's floor row).

Where the time goes (\`BENCH_INBOX_ONLY='clerk · first' node --cpu-prof dist/bench/run.js inbox\`, 2026-11-28): the server process is idle about half of the time, waiting on PostgreSQL; of the rest, socket writes (\`writev\`) and GC lead, then Fastify's serializer, pg's row parsing and date parsing, and the inbox's own clock (\`toShanghaiIso\`, the calendar's day arithmetic: under 1 ms per 200 rows after its per-page day cache; it was 25–50 ms per 200 rows with the domain's \`elapsedFraction\` per row). The ratio is therefore set by the extra PostgreSQL round trips per request (session, counts) and by how busy the shared cores are: cheap pages (a single file by number, a rare name) show the fixed cost most, expensive pages (three queues, service + unclaimed + not overdue) least. Before the session's expiry was slid at most once a minute, every request also wrote and flushed WAL: the run of 2026-11-28 02:14 UTC measured 8 of 16 filters within 2×, worst 3.29× (three queues · overdue).

Plans at 1M (EXPLAIN ANALYZE, same statements): every page without text search is a Merge Append of per-branch index scans on applications_inbox_idx under their LIMITs, reading 50–70 buffers for a first page and the same for page 51 (the cursor is an index range bound). "Claimed by me" reads the partial index applications_claimed_inbox_idx \`(claim_holder_id, state, green_channel DESC, due_at, id) WHERE claim_holder_id IS NOT NULL\` as an exact range (before it, the queue was walked past other people's claims, about 49 files in 50 here; test/inbox.e2e-spec.ts holds the plan to it). A one-day number prefix reads that day's ~2,000 files through applications_number_key and sorts them; three characters of a name go through the trigram GIN indexes; two characters through the applicant-name trigram index as a prefix; one character walks the queue.
`;
}
