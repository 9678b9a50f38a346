/**
 * `npm run bench -- memory` (issue 10's `memory` row): the portal's RSS after N submissions and
 * the RSS of the two workers (flow, documents) over N jobs (default N = 100,000; BENCH_MEMORY_N for a shorter run while
 * developing). The portal and the workers run in their own processes; their VmRSS is read from
 * /proc/<pid>/status every BENCH_MEMORY_SAMPLE_MS. Jobs are counted from PostgreSQL's record:
 * a precheck done is a file past `submitted`, a notice job done is a receipt with its PDF
 * stored, a text-message job done is a notification sent. Targets: portal < 250 MB; worker growth < 10 % over the second half of its N jobs.
 * Writes its section of RESULTS.md.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropFlowDatabase } from './drafts';
import { openFlow } from './flow';
import { summarize } from './load/latency';
import type { HttpLoopSample } from './load/http-loop';
import { runLoad, startWorkers } from './processes';
import { buildOf, machine, writeResultsSection } from './results';

const N = Number(process.env.BENCH_MEMORY_N ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_MEMORY_CONNECTIONS ?? 8);
const SAMPLE_MS = Number(process.env.BENCH_MEMORY_SAMPLE_MS ?? 2000);
/** After the submits, how long the worker may take to reach N jobs before the run gives up. */
const JOBS_DEADLINE_MINUTES = Number(process.env.BENCH_MEMORY_JOBS_DEADLINE_MINUTES ?? 120);
const PORTAL_TARGET = 250 * 1024 * 1024;
const GROWTH_TARGET = 0.1;

interface Sample {
  /** Seconds since the submits began. */
  t: number;
  portal: number;
  /** The two workers (processes.ts startWorkers): `flow` and `documents`. */
  flow: number;
  documents: number;
  submitted: number;
  prechecked: number;
  rendered: number;
  notified: number;
}

const jobsOf = (s: Sample) => s.prechecked + s.rendered + s.notified;

export async function memoryBenchmark(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const log = (line: string) => console.log(`[memory] ${line}`);
  const flow = await openFlow('memory', CONNECTIONS, log);
  const samples: Sample[] = [];
  let submitSample: HttpLoopSample | null = null;
  let submitSeconds = 0;
  let jobsSeconds = 0;
  let startRss = { portal: NaN, flow: NaN, documents: NaN };
  let reachedJobs = false;
  try {
    log(`copying ${N.toLocaleString('en')} complete drafts`);
    const drafts = await flow.drafts.take(N);
    const workers = await startWorkers(flow.env, join(flow.dir, 'logs'));
    log(`workers: flow pid ${workers.flow.pid}, documents pid ${workers.documents.pid}; portal: pid ${flow.portal.pid}`);
    await new Promise((r) => setTimeout(r, 2000));
    startRss = { portal: flow.portal.rss(), flow: workers.flow.rss(), documents: workers.documents.rss() };
    const watch = new Client({ connectionString: flow.db.appUrl, application_name: 'onewindow-bench-memory-watch' });
    await watch.connect();
    const t0 = Date.now();
    let sampling = Promise.resolve();
    const take = async () => {
      const [row] = (
        await watch.query(
          `SELECT (SELECT count(*) FROM applications WHERE state <> 'draft')::int AS submitted,
                  (SELECT count(*) FROM applications WHERE state NOT IN ('draft', 'submitted'))::int AS prechecked,
                  (SELECT count(*) FROM notices WHERE pdf_sha256 IS NOT NULL)::int AS rendered,
                  (SELECT count(*) FROM notifications WHERE sent_at IS NOT NULL)::int AS notified`,
        )
      ).rows as Array<{ submitted: number; prechecked: number; rendered: number; notified: number }>;
      const s: Sample = { t: (Date.now() - t0) / 1000, portal: flow.portal.rss(), flow: workers.flow.rss(), documents: workers.documents.rss(), ...row };
      samples.push(s);
      if (samples.length % 15 === 0) log(`${s.t.toFixed(0)} s: ${s.submitted} submitted, ${s.prechecked} prechecked, ${s.rendered} notices rendered, ${s.notified} texts sent; portal ${mb(s.portal)}, workers ${mb(s.flow)} + ${mb(s.documents)}`);
    };
    const timer = setInterval(() => (sampling = sampling.then(take).catch((e) => log(`sample failed: ${String(e)}`))), SAMPLE_MS);
    try {
      // N submits, each draft once, from a separate process.
      submitSample = await runLoad<HttpLoopSample>(
        'http-loop.js',
        {
          origin: flow.portal.url,
          method: 'POST',
          paths: drafts.slice(0, N).map((d) => `/api/applications/${d.id}/submit`),
          cycle: false,
          tokens: flow.applicant.tokens,
          connections: CONNECTIONS,
          seconds: null,
          warmUpSeconds: 0,
          expectStatus: 202,
        },
        join(flow.dir, 'specs'),
      );
      flow.drafts.used(N);
      submitSeconds = (Date.now() - t0) / 1000;
      // A sample right after the last submit: the portal's RSS after its N submissions.
      await (sampling = sampling.then(take));
      log(`${submitSample.latencies.length} submits in ${submitSeconds.toFixed(0)} s (${submitSample.errors} errors); waiting for ${N.toLocaleString('en')} jobs`);
      const deadline = Date.now() + JOBS_DEADLINE_MINUTES * 60_000;
      for (;;) {
        await sampling;
        const last = samples[samples.length - 1];
        if (last && jobsOf(last) >= N) {
          reachedJobs = true;
          break;
        }
        if (Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
      jobsSeconds = (Date.now() - t0) / 1000;
    } finally {
      clearInterval(timer);
      await sampling;
      await watch.end();
      await workers.stop();
    }
  } finally {
    await flow.close();
    await dropFlowDatabase(flow.db);
  }
  report(started, loadAtStart, samples, submitSample!, submitSeconds, jobsSeconds, startRss, reachedJobs);
}

const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MB`;
const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

function report(
  started: Date,
  loadAtStart: number[],
  samples: Sample[],
  submits: HttpLoopSample,
  submitSeconds: number,
  jobsSeconds: number,
  startRss: { portal: number; flow: number; documents: number },
  reachedJobs: boolean,
): void {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const valid = samples.filter((s) => !Number.isNaN(s.portal) && !Number.isNaN(s.flow) && !Number.isNaN(s.documents));
  // The portal after its N submissions: the first sample after the last submit was answered, and its peak.
  const portalAfter = valid.find((s) => s.t >= submitSeconds)?.portal ?? NaN;
  const portalPeak = Math.max(...valid.map((s) => s.portal));
  // Each worker over the N jobs: mean RSS of the samples around the half (45–55 % of N jobs)
  // against the mean of the last tenth (90–100 %), and the peaks of each half.
  const jobs = (lo: number, hi: number) => valid.filter((s) => jobsOf(s) >= lo * N && jobsOf(s) <= hi * N);
  const workerFigures = (rss: (s: Sample) => number) => {
    const atHalf = mean(jobs(0.45, 0.55).map(rss));
    const atEnd = mean(jobs(0.9, 1.0).map(rss));
    // The floor: the lowest sample of each window, what is left after the collector has run; a leak raises it, the saw-tooth does not.
    const floorAtHalf = Math.min(...jobs(0.45, 0.55).map(rss));
    const floorAtEnd = Math.min(...jobs(0.9, 1.0).map(rss));
    return {
      atHalf,
      atEnd,
      growth: (atEnd - atHalf) / atHalf,
      floorAtHalf,
      floorAtEnd,
      floorGrowth: (floorAtEnd - floorAtHalf) / floorAtHalf,
      firstHalfPeak: Math.max(...jobs(0, 0.5).map(rss)),
      secondHalfPeak: Math.max(...jobs(0.5, 1.0).map(rss)),
    };
  };
  const workers = { flow: workerFigures((s) => s.flow), documents: workerFigures((s) => s.documents) };
  const last = valid[valid.length - 1];
  const s = summarize([submits]);
  const portalMet = portalPeak < PORTAL_TARGET;
  const growthMet = workers.flow.growth < GROWTH_TARGET && workers.documents.growth < GROWTH_TARGET;
  // A row per tenth of the jobs: how RSS moved along the run.
  const tenths = Array.from({ length: 10 }, (_, k) => {
    const at = valid.find((x) => jobsOf(x) >= ((k + 1) / 10) * N);
    return at ? `| ${((k + 1) * 10).toFixed(0)} % | ${at.t.toFixed(0)} | ${at.submitted} | ${at.prechecked} | ${at.rendered} | ${at.notified} | ${mb(at.portal)} | ${mb(at.flow)} | ${mb(at.documents)} |` : null;
  }).filter(Boolean);
  const body = `- date: ${started.toISOString()}
- machine: ${machine()}; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the 2 vCPUs are shared with other work)
- command: \`npm run bench -- memory\` (BENCH_MEMORY_N=${N}${N === 100_000 ? ', the issue\'s size' : ' — smaller than the issue\'s 100,000'}, BENCH_MEMORY_CONNECTIONS=${CONNECTIONS}, BENCH_MEMORY_SAMPLE_MS=${SAMPLE_MS}; ${buildOf()})
- run: ${N.toLocaleString('en')} complete 营业执照 drafts (copied by SQL from one filed through the API) submitted through the portal by \`load/http-loop.js\` (${CONNECTIONS} closed loops, a session each) while the two workers ran as \`docker/compose.yml\` deploys them (\`flow\`: every processor but the notice PDFs, and the relay; \`documents\`: the notice PDFs); each app in its own process against a fresh \`onewindow_bench_flow_memory\`. Each submit causes three jobs: the precheck (→ \`awaiting_acceptance\`), the receipt notice's PDF and the applicant's text message. Jobs are counted from PostgreSQL (files past \`submitted\`; notices with a stored PDF; notifications sent).
- time: the submits took ${submitSeconds.toFixed(0)} s (${s.perSecond.toFixed(0)}/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${submits.errors} errors); the workers ${reachedJobs ? `reached ${N.toLocaleString('en')} jobs at ${jobsSeconds.toFixed(0)} s` : `had done ${last ? jobsOf(last) : 0} jobs when the run gave up at ${jobsSeconds.toFixed(0)} s`} (${last?.prechecked ?? 0} prechecks, ${last?.rendered ?? 0} notices rendered, ${last?.notified ?? 0} texts sent); whole run ${((Date.now() - started.getTime()) / 60_000).toFixed(0)} min including the database and the drafts

| figure | value | target |
|---|---:|---|
| portal RSS at start | ${mb(startRss.portal)} | |
| portal RSS after ${N.toLocaleString('en')} submissions | ${mb(portalAfter)} | < 250 MB |
| portal RSS peak | ${mb(portalPeak)} | < 250 MB |
| worker RSS at start: flow / documents | ${mb(startRss.flow)} / ${mb(startRss.documents)} | |
| worker RSS around ${(N / 2).toLocaleString('en')} jobs (mean of 45–55 %): flow / documents | ${mb(workers.flow.atHalf)} / ${mb(workers.documents.atHalf)} | |
| worker RSS over the last tenth of ${N.toLocaleString('en')} jobs (mean of 90–100 %): flow / documents | ${mb(workers.flow.atEnd)} / ${mb(workers.documents.atEnd)} | |
| **worker growth over the second half: flow / documents** | **${(workers.flow.growth * 100).toFixed(1)} % / ${(workers.documents.growth * 100).toFixed(1)} %** | < ${GROWTH_TARGET * 100} % each |
| worker RSS floor (lowest sample) around the half / over the last tenth: flow | ${mb(workers.flow.floorAtHalf)} / ${mb(workers.flow.floorAtEnd)} (${pct(workers.flow.floorGrowth)}) | |
| worker RSS floor (lowest sample) around the half / over the last tenth: documents | ${mb(workers.documents.floorAtHalf)} / ${mb(workers.documents.floorAtEnd)} (${pct(workers.documents.floorGrowth)}) | |
| worker RSS peak, first half / second half: flow | ${mb(workers.flow.firstHalfPeak)} / ${mb(workers.flow.secondHalfPeak)} | |
| worker RSS peak, first half / second half: documents | ${mb(workers.documents.firstHalfPeak)} / ${mb(workers.documents.secondHalfPeak)} | |

Portal < 250 MB: ${portalMet ? 'met' : 'not met'}; worker growth < ${GROWTH_TARGET * 100} % (means): ${growthMet ? 'met' : 'not met'}; by the floors: ${workers.flow.floorGrowth < GROWTH_TARGET && workers.documents.floorGrowth < GROWTH_TARGET ? 'met' : 'not met'}${reachedJobs ? '' : ' (the run did not reach N jobs)'}.

| jobs done | s | submitted | prechecked | notices rendered | texts sent | portal RSS | flow worker RSS | documents worker RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${tenths.join('\n')}
`;
  writeResultsSection('## memory', body + notes());
  console.log(body);
}

function notes(): string {
  return `
How it is read: RSS is what the kernel holds for the process (V8's heap, code, buffers, the fonts the worker keeps parsed); V8 grows its heap to a working size and gives little back, so RSS climbs over the first minutes and then moves in a saw-tooth with garbage collection. A leak shows as a climb that continues through the second half; the growth figure compares the mean of the samples around the halfway mark with the mean over the last tenth, which a single saw-tooth peak does not move. The workers' jobs are counted from the database as they complete, so their N jobs are mostly its first N — the prechecks, PDFs and messages of the first third or so of the submissions — while the portal goes on to N submissions.

What the runs of 2026-11-28 show (07:48 and 08:22 UTC, 100,000 submissions in 12–13 min each): the portal holds 189–193 MB from the first tenth to the last, and the flow worker 184–187 MB once warm: neither grows. The documents worker's RSS swings between about 245 and 335 MB as each batch of four renders allocates and frees its buffers (fonts subset, pages deflated); a mean of a few samples on that saw-tooth moves with where they fall (13.9 % in the first run, 11.7 % in the second), while its floor — the lowest sample of each window, what remains after the collector has run — is flat (246 → 245 MB, −0.3 %) and its peaks are lower in the second half than in the first (337 → 330 MB). The renderer run alone confirms it (\`NoticePdfRenderer.render\` 6,000 times in one process, \`node --expose-gc\`, a forced collection every 1,000: heap used after collection 12 MB at every thousand, RSS 151–158 MB throughout). By the means the documents worker misses the 10 % target; by every measure of retained memory it does not grow.
`;
}
