/**
 * The route benchmark's load process: submits drafts at a fixed rate (open loop: the k-th submit
 * is sent at k ÷ rate seconds, whether or not earlier ones have been answered), and for every
 * 202 watches the file until it is in the window clerks' queue (`awaiting_acceptance`, the state
 * the clerk inbox lists), polling PostgreSQL every `pollMs` for the files still on their way.
 * Time to the inbox = the moment the poll that first sees it returns − the moment the 202
 * arrived (an upper bound: it includes up to one poll interval). Prints a RouteSample as JSON.
 */
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { readSpec } from './spec';

interface Spec {
  origin: string;
  databaseUrl: string;
  ids: string[];
  tokens: string[];
  /** Submits per second. */
  rate: number;
  /** How many of `ids` to submit. */
  count: number;
  /** The first this many submits are a warm-up: sent and followed, not counted. */
  warmUp: number;
  maxSockets: number;
  pollMs: number;
  /** After the last 202, how long to wait without any file arriving before calling those still on their way lost. */
  settleSeconds: number;
}

export interface RouteSample {
  /** ms from sending to the 202, per counted submit. */
  submitLatencies: number[];
  /** ms from the 202 to the file seen in awaiting_acceptance, per counted submit. */
  routeLatencies: number[];
  accepted: number;
  errors: number;
  unexpected: string[];
  /** Counted 202s whose file reached another state (a precheck that sent it back). */
  misrouted: Record<string, number>;
  /** Why, for the first few: the correction items precheck recorded. */
  misroutedWhy: string[];
  /** Counted 202s whose file never arrived: none arrived for `settleSeconds` while they were still on their way. */
  lost: number;
  /** Seconds from the last 202 until the last file arrived. */
  drainSeconds: number;
  /** Seconds from the first counted submit to the last one sent. */
  sendSeconds: number;
  /** The rate actually achieved in sending. */
  sentPerSecond: number;
  /** Polls made, and how long one took (median ms). */
  polls: number;
  pollMedianMs: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

function submit(agent: Agent, origin: string, id: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/applications/${id}/submit`, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-length': '0' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const spec = readSpec<Spec>(process.argv[2]);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.maxSockets });
  const db = new Client({ connectionString: spec.databaseUrl, application_name: 'onewindow-bench-route-watch' });
  await db.connect();

  const pending = new Map<string, { at: number; counted: boolean }>();
  const result: RouteSample = { submitLatencies: [], routeLatencies: [], accepted: 0, errors: 0, unexpected: [], misrouted: {}, misroutedWhy: [], lost: 0, drainSeconds: 0, sendSeconds: 0, sentPerSecond: 0, polls: 0, pollMedianMs: 0 };
  const pollTimes: number[] = [];
  const misrouted: string[] = [];
  let sending = true;
  let lastAccepted = now();
  let lastArrival = now();

  const watcher = (async () => {
    for (;;) {
      if (pending.size > 0) {
        const t = now();
        const rows = (await db.query(`SELECT id, state FROM applications WHERE id = ANY($1::uuid[]) AND state <> 'submitted'`, [[...pending.keys()]])).rows as Array<{ id: string; state: string }>;
        const seen = now();
        pollTimes.push(seen - t);
        if (rows.length) lastArrival = seen;
        for (const row of rows) {
          const entry = pending.get(row.id)!;
          pending.delete(row.id);
          if (!entry.counted) continue;
          if (row.state === 'awaiting_acceptance') result.routeLatencies.push(seen - entry.at);
          else {
            result.misrouted[row.state] = (result.misrouted[row.state] ?? 0) + 1;
            if (result.misroutedWhy.length < 3) misrouted.push(row.id);
          }
        }
      }
      if (!sending && (pending.size === 0 || now() - Math.max(lastAccepted, lastArrival) > spec.settleSeconds * 1000)) break;
      await new Promise((r) => setTimeout(r, spec.pollMs));
    }
  })();

  const inFlight: Array<Promise<void>> = [];
  const started = now();
  let firstCounted = NaN;
  let lastSent = NaN;
  for (let k = 0; k < spec.count; k++) {
    const due = started + (k * 1000) / spec.rate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const counted = k >= spec.warmUp;
    const id = spec.ids[k];
    const sentAt = now();
    if (counted && Number.isNaN(firstCounted)) firstCounted = sentAt;
    lastSent = sentAt;
    inFlight.push(
      submit(agent, spec.origin, id, spec.tokens[k % spec.tokens.length])
        .then(({ status, body }) => {
          const at = now();
          if (status === 202) {
            pending.set(id, { at, counted });
            lastAccepted = at;
            if (counted) {
              result.accepted++;
              result.submitLatencies.push(at - sentAt);
            }
          } else if (counted) {
            result.errors++;
            if (result.unexpected.length < 5) result.unexpected.push(`${status}: ${body.slice(0, 300)}`);
          }
        })
        .catch((error: unknown) => {
          if (counted) {
            result.errors++;
            if (result.unexpected.length < 5) result.unexpected.push(String(error));
          }
        }),
    );
  }
  await Promise.all(inFlight);
  sending = false;
  await watcher;
  for (const entry of pending.values()) if (entry.counted) result.lost++;
  result.drainSeconds = Math.max(0, (lastArrival - lastAccepted) / 1000);
  for (const id of misrouted.slice(0, 3)) {
    const rows = (await db.query('SELECT items FROM corrections WHERE application_id = $1', [id])).rows as Array<{ items: unknown }>;
    result.misroutedWhy.push(`${id}: ${JSON.stringify(rows.map((r) => r.items)).slice(0, 300)}`);
  }
  result.sendSeconds = (lastSent - firstCounted) / 1000;
  result.sentPerSecond = (spec.count - spec.warmUp - 1) / result.sendSeconds;
  result.polls = pollTimes.length;
  result.pollMedianMs = pollTimes.sort((a, b) => a - b)[Math.floor(pollTimes.length / 2)] ?? NaN;
  agent.destroy();
  await db.end();
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
