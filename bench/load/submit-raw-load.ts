/**
 * The submit benchmark's raw baseline: for each draft, the rows a submit writes, by plain `pg`
 * in one transaction (BEGIN … COMMIT), `connections` closed loops, each draft used once. One
 * statement per row written — the NOTIFY rides with its outbox INSERT and the audit event's
 * INSERT reads its predecessor and computes its hash, as OneWindow's own statements do — and
 * the rows every submit of the service shares (the clock-due counter its due time moves, the
 * day's figures, the queue counters, the receipt number) last, so they are held the shortest:
 *
 *   1. the audit event
 *   2. the applicant's text message and its outbox row (when `notification`)
 *   3. the precheck outbox row
 *   4. the conditional UPDATE of the application (state, submitted_at, due_at; WHERE state =
 *      'draft' AND claim_holder_id IS NULL; the clock_due_counters trigger moves a shared row),
 *      whose failure rolls the rest back — one statement where OneWindow locks first and updates last
 *   5. the day's figures (when `dailyStats`) and 6. the queue counters
 *   7. the receipt's number (row-locked counter), 8. the notice, 9. its render outbox row
 *
 * Nothing is read or checked beyond what those writes need. Prints a LoadSample as JSON.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cpuOf, cpuSpent } from './cpu';
import type { LoadSample } from './latency';
import { readSpec } from './spec';

interface Spec {
  databaseUrl: string;
  drafts: Array<{ id: string; serviceCode: string }>;
  actor: { id: string; name: string; phone: string };
  precheckQueue: string;
  documentsQueue: string;
  notificationsQueue: string;
  outboxChannel: string;
  dailyStats: boolean;
  notification: boolean;
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

async function submitOne(client: Client, spec: Spec, draft: { id: string; serviceCode: string }): Promise<void> {
  const now = new Date();
  const enqueue = (queue: string, job: string, payload: unknown) =>
    client.query(`WITH queued AS (INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id) SELECT pg_notify('${spec.outboxChannel}', '') FROM queued`, [
      queue,
      job,
      JSON.stringify(payload),
    ]);
  await client.query('BEGIN');
  try {
    const body = JSON.stringify({ applicationId: draft.id, at: now.toISOString(), actorKind: 'applicant', actorId: spec.actor.id, actorName: spec.actor.name, action: 'submit', fromState: 'draft', toState: 'submitted', note: null, data: {} });
    const [event] = (
      await client.query(
        `INSERT INTO audit_events (application_id, at, actor_kind, actor_id, actor_name, action, from_state, to_state, note, data, prev_hash, hash)
         SELECT $1::uuid, $2::timestamptz, 'applicant', $3::uuid, $4::text, 'submit', 'draft', 'submitted', NULL, '{}'::jsonb, previous.hash,
                encode(sha256(convert_to(coalesce(previous.hash, '') || E'\\n' || $5::text, 'UTF8')), 'hex')
           FROM (SELECT (SELECT hash FROM audit_events WHERE application_id = $1::uuid ORDER BY id DESC LIMIT 1) AS hash) previous
         RETURNING id, prev_hash, hash`,
        [draft.id, now, spec.actor.id, spec.actor.name, body],
      )
    ).rows as Array<{ prev_hash: string | null; hash: string }>;
    // The same check OneWindow makes on the hash the database computed.
    const expected = createHash('sha256')
      .update(event.prev_hash ?? '')
      .update('\n')
      .update(body)
      .digest('hex');
    if (event.hash !== expected) throw new Error('audit hash mismatch');
    if (spec.notification) {
      const id = randomUUID();
      await client.query(`INSERT INTO notifications (id, account_id, application_id, channel, recipient, template, body) VALUES ($1, $2, $3, 'sms', $4, 'state-submit', $5)`, [
        id,
        spec.actor.id,
        draft.id,
        spec.actor.phone,
        `【朔州市平鲁区行政审批服务管理局】您的营业执照申请（${draft.id.slice(0, 8)}）已提交，状态：已提交，窗口将进行受理审查。详情：http://127.0.0.1:3000/applications/${draft.id}`,
      ]);
      await enqueue(spec.notificationsQueue, 'notify', { notificationId: id });
    }
    await enqueue(spec.precheckQueue, 'precheck', { applicationId: draft.id });
    // From here on, rows every submit of the service shares: held until COMMIT.
    const updated = await client.query(
      `UPDATE applications SET state = 'submitted', submitted_at = $2, due_at = $3, updated_at = now()
        WHERE id = $1 AND state = 'draft' AND claim_holder_id IS NULL RETURNING updated_at`,
      [draft.id, now, new Date(now.getTime() + 5 * 86_400_000)],
    );
    if (updated.rowCount !== 1) throw new Error(`draft ${draft.id} was not a draft`);
    if (spec.dailyStats) {
      await client.query(
        `INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued) VALUES ($1, $2, 1, 0, 0, 0, 0)
         ON CONFLICT (day, service_code) DO UPDATE SET submitted = daily_service_stats.submitted + 1`,
        [shanghaiDate(now), draft.serviceCode],
      );
    }
    await client.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ($1, 'draft', -1), ($1, 'submitted', 1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + EXCLUDED.count`,
      [draft.serviceCode],
    );
    const year = Number(shanghaiDate(now).slice(0, 4));
    const [{ value }] = (
      await client.query(
        `INSERT INTO number_counters (scope, value) VALUES ($1, 1) ON CONFLICT (scope) DO UPDATE SET value = number_counters.value + 1 RETURNING value`,
        [`notice:receipt:${year}`],
      )
    ).rows as Array<{ value: string }>;
    const [notice] = (
      await client.query(`INSERT INTO notices (application_id, kind, number, issued_at, data, pdf_sha256) VALUES ($1, 'receipt', $2, $3, '{}', NULL) RETURNING id`, [
        draft.id,
        `平审收字〔${year}〕第${String(value).padStart(6, '0')}号`,
        new Date(Math.floor(now.getTime() / 1000) * 1000),
      ])
    ).rows as Array<{ id: string }>;
    await enqueue(spec.documentsQueue, 'render-notice', { noticeId: notice.id });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function main(): Promise<void> {
  const spec = readSpec<Spec>(process.argv[2]);
  const clients = Array.from({ length: spec.connections }, () => new Client({ connectionString: spec.databaseUrl, application_name: 'onewindow-bench-raw' }));
  await Promise.all(clients.map((c) => c.connect()));
  let cursor = 0;
  const unexpected: string[] = [];
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    await Promise.all(
      clients.map(async (client) => {
        while (process.hrtime.bigint() < deadline && cursor < spec.drafts.length) {
          const draft = spec.drafts[cursor++];
          const t = process.hrtime.bigint();
          try {
            await submitOne(client, spec, draft);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          } catch (error) {
            errors++;
            if (unexpected.length < 5) unexpected.push(String(error));
          }
        }
      }),
    );
    return { latencies, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  // Each connection's backend is a process of its own: its CPU is the database's share of the work.
  const backends = await Promise.all(clients.map(async (c) => ((await c.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid));
  try {
    if (spec.warmUpSeconds > 0) await run(spec.warmUpSeconds);
    const before = { load: process.cpuUsage(), database: cpuOf(backends) };
    const sample = await run(spec.seconds);
    const own = process.cpuUsage(before.load);
    const cpu = { load: (own.user + own.system) / 1000, server: 0, database: cpuSpent(before.database, cpuOf(backends)) };
    const measured: LoadSample & { used: number; unexpected: string[] } = { ...sample, cpu, used: cursor, unexpected };
    process.stdout.write(JSON.stringify(measured));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
