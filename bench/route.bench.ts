/**
 * `npm run bench -- route` (issue 10's `route` row): at half the submit peak, the time from a
 * submit's 202 to the file being in the window clerks' inbox — through the outbox row, the relay
 * (LISTEN/NOTIFY → BullMQ), the business-license queue's precheck in the worker and its
 * transition to `awaiting_acceptance` — p50 and p99, and how many never arrive. The portal and the
 * worker run in their own processes, the open-loop load in a third. Targets: p50 < 50 ms, p99 <
 * 250 ms, none lost. Writes its section of RESULTS.md.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropFlowDatabase } from './drafts';
import { openFlow } from './flow';
import { summarize } from './load/latency';
import type { RouteSample } from './load/route-load';
import { runLoad, startApp } from './processes';
import { machine, resultsPath, writeResultsSection } from './results';

const SECONDS = Number(process.env.BENCH_ROUTE_SECONDS ?? 60);
const WARM_UP_SECONDS = 3;
const POLL_MS = 5;
const SETTLE_SECONDS = 60;
const MAX_SOCKETS = 32;
const TARGET_P50 = 50;
const TARGET_P99 = 250;

/** The submit scenario's peak, from its section of RESULTS.md (BENCH_ROUTE_RATE overrides half of it). */
function submitPeak(): { perSecond: number; connections: number } | null {
  const path = resultsPath();
  if (!existsSync(path)) return null;
  const match = readFileSync(path, 'utf8').match(/<!-- submit-peak (\{.*?\}) -->/);
  return match ? (JSON.parse(match[1]) as { perSecond: number; connections: number }) : null;
}

export async function routeBenchmark(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const log = (line: string) => console.log(`[route] ${line}`);
  const peak = submitPeak();
  const rate = process.env.BENCH_ROUTE_RATE ? Number(process.env.BENCH_ROUTE_RATE) : peak ? peak.perSecond / 2 : NaN;
  if (!(rate > 0)) throw new Error('route: no submit peak in bench/RESULTS.md; run `npm run bench -- submit` first or set BENCH_ROUTE_RATE');
  const warmUp = Math.round(rate * WARM_UP_SECONDS);
  const count = warmUp + Math.round(rate * SECONDS);
  log(`rate ${rate.toFixed(1)} submits/s (${process.env.BENCH_ROUTE_RATE ? 'BENCH_ROUTE_RATE' : `half the submit peak of ${peak!.perSecond}/s`}), ${count} submits`);

  const flow = await openFlow('route', 16, log);
  let sample: RouteSample;
  let workerRss: number[] = [];
  let backlog = { notices: 0, rendered: 0 };
  try {
    const drafts = await flow.drafts.take(count);
    const worker = await startApp('worker', flow.env, join(flow.dir, 'logs'));
    log(`worker: pid ${worker.pid}`);
    const sampler = setInterval(() => workerRss.push(worker.rss()), 1000);
    try {
      sample = await runLoad<RouteSample>(
        'route-load.js',
        {
          origin: flow.portal.url,
          databaseUrl: flow.db.appUrl,
          ids: drafts.slice(0, count).map((d) => d.id),
          tokens: flow.applicant.tokens,
          rate,
          count,
          warmUp,
          maxSockets: MAX_SOCKETS,
          pollMs: POLL_MS,
          settleSeconds: SETTLE_SECONDS,
        },
        join(flow.dir, 'specs'),
      );
      flow.drafts.used(count);
      backlog = await noticeBacklog(flow.db.appUrl);
    } finally {
      clearInterval(sampler);
      await worker.stop();
    }
    workerRss = workerRss.filter((v) => !Number.isNaN(v));
  } finally {
    await flow.close();
    await dropFlowDatabase(flow.db);
  }
  const route = summarize([{ latencies: sample.routeLatencies, errors: 0, seconds: sample.sendSeconds }]);
  const answer = summarize([{ latencies: sample.submitLatencies, errors: sample.errors, seconds: sample.sendSeconds }]);
  log(`routed ${route.count} of ${sample.accepted}: p50 ${route.p50.toFixed(1)} ms, p99 ${route.p99.toFixed(1)} ms; lost ${sample.lost}; submit answer p50 ${answer.p50.toFixed(1)} p99 ${answer.p99.toFixed(1)} ms`);

  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const ms = (v: number) => v.toFixed(1);
  const met = route.p50 < TARGET_P50 && route.p99 < TARGET_P99 && sample.lost === 0 && Object.keys(sample.misrouted).length === 0;
  const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MB`;
  const body = `- date: ${started.toISOString()}
- machine: ${machine()}; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the 2 vCPUs are shared with other work)
- command: \`npm run bench -- route\` (BENCH_ROUTE_SECONDS=${SECONDS}${process.env.BENCH_ROUTE_RATE ? `, BENCH_ROUTE_RATE=${process.env.BENCH_ROUTE_RATE}` : ''})
- rate: ${rate.toFixed(1)} submits/s, ${process.env.BENCH_ROUTE_RATE ? 'set by BENCH_ROUTE_RATE' : `half the peak of the last submit run (${peak!.perSecond}/s at ${peak!.connections} connections)`}; sent at ${sample.sentPerSecond.toFixed(1)}/s in an open loop (the k-th submit at k ÷ rate s, up to ${MAX_SOCKETS} sockets) for ${sample.sendSeconds.toFixed(0)} s after ${warmUp} warm-up submits (${WARM_UP_SECONDS} s)
- path: portal (own process) → commit with the outbox row and NOTIFY → 202; the worker (own process: \`node dist/apps/worker/src/main.js\`, every processor and the relay, as deployed) hears the NOTIFY, moves the row to BullMQ, the business-license queue's precheck (concurrency 8) checks the file and moves it to \`awaiting_acceptance\`, which is what the clerk inbox lists. Each submit also issues a receipt notice whose PDF the same worker renders (documents queue, concurrency 4) on the same cores.
- measured by: \`load/route-load.js\` in its own process, which polls PostgreSQL every ${POLL_MS} ms for the files on their way (\`state <> 'submitted'\`, by id; median poll ${sample.pollMedianMs.toFixed(1)} ms, ${sample.polls} polls); a file's time is from its 202 to the return of the first poll that sees it (an upper bound). A file not there ${SETTLE_SECONDS} s after the last 202 counts as lost.
- data: a fresh \`onewindow_bench_flow\` with complete 营业执照 drafts, as in \`submit\`

| figure | value | target |
|---|---:|---|
| submits answered 202 (counted) | ${sample.accepted} | |
| errors | ${sample.errors} | 0 |
| 202 → clerk inbox, p50 | ${ms(route.p50)} ms | < ${TARGET_P50} ms |
| 202 → clerk inbox, p99 | ${ms(route.p99)} ms | < ${TARGET_P99} ms |
| 202 → clerk inbox, mean | ${ms(route.mean)} ms | |
| lost (not in the inbox ${SETTLE_SECONDS} s after the last 202) | ${sample.lost} | 0 |
| sent back by precheck (not expected: every draft is complete) | ${Object.entries(sample.misrouted).map(([s, n]) => `${n} ${s}`).join(', ') || '0'} | 0 |
| submit answer p50 / p99 | ${ms(answer.p50)} / ${ms(answer.p99)} ms | |
| worker RSS during the run (min / max) | ${workerRss.length ? `${mb(Math.min(...workerRss))} / ${mb(Math.max(...workerRss))}` : '—'} | |
| receipt notices rendered by the end of the run | ${backlog.rendered} of ${backlog.notices} | |

Targets (p50 < ${TARGET_P50} ms, p99 < ${TARGET_P99} ms, none lost): ${met ? 'met' : 'not met'}.
`;
  writeResultsSection('## route', body + notes());
  console.log(body);
}

async function noticeBacklog(url: string): Promise<{ notices: number; rendered: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (await client.query(`SELECT count(*)::int AS notices, count(pdf_sha256)::int AS rendered FROM notices`)).rows as Array<{ notices: number; rendered: number }>;
    return row;
  } finally {
    await client.end();
  }
}

function notes(): string {
  return '';
}
