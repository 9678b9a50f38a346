import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { PrecheckService, ReconcilerService } from '@onewindow/applications';
import { FAMILY_QUEUES, outboxJobId, QUEUES, QueueRegistry, redisConnectionOptions } from '@onewindow/queues';
import { Api } from './support/api';
import { businessLicenseForm, entityName } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { signedInApplicant, submittedFile } from './support/journeys';
import { PrivateRedis } from './support/private-redis';
import { DocumentsProcessor } from '../apps/worker/src/documents.processor';
import { MaintenanceProcessor } from '../apps/worker/src/maintenance.processor';
import { NotificationsProcessor } from '../apps/worker/src/notifications.processor';
import { PRECHECK_PROCESSORS } from '../apps/worker/src/precheck.processor';

/**
 * Redis faults: each scenario runs against a Redis of its own, asserts the final state of every
 * application and counts every side effect. PostgreSQL is the record; Redis only carries work.
 */
describe('nothing lost when Redis fails', () => {
  let redis: PrivateRedis;
  let h: Harness;
  let me: Api;
  const savedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    h = await startHarness();
    me = (await signedInApplicant(h)).api;
  });

  afterAll(async () => {
    await h?.close();
    await redis?.down();
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
  });

  /** Files that Redis was carrying work for: `submitted` (precheck due) or `issuing` (issuance due), their jobs already "sent". */
  async function filesAwaitingWork(state: 'submitted' | 'issuing', count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      await h.db.query(
        `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, entity_name, contact_phone, submitted_at, updated_at)
         VALUES ($1, $2, 'business-license', $3, $4, $4, $5, $6, '13800000000', now() - interval '2 minutes', now() - interval '2 minutes')`,
        [id, `R${id.replace(/-/g, '').slice(0, 19)}`, state, randomUUID(), JSON.stringify(businessLicenseForm({ name: entityName() })), 'x'],
      );
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        await h.db.query(
          `INSERT INTO materials (application_id, material_code, file_name, mime_type, size_bytes, sha256, uploaded_by) VALUES ($1, $2, 'scan.pdf', 'application/pdf', 10, $3, $1)`,
          [id, materialCode, 'a'.repeat(64)],
        );
      }
    }
    return ids;
  }

  /** The in-process workers that take a submission's jobs: its precheck, its receipt's PDF, its text message. */
  const submissionWorkers = (): Worker[] => [
    h.worker!.get(PRECHECK_PROCESSORS[FAMILY_QUEUES.indexOf(QUEUES.businessLicense)]).worker,
    h.worker!.get(DocumentsProcessor).worker,
    h.worker!.get(NotificationsProcessor).worker,
  ];

  /** Waits until the relay has put every job of these files into Redis, where they wait (their workers paused). */
  async function jobsWaitingInRedis(ids: string[]): Promise<number> {
    await eventually(
      async () => ((await h.db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND payload::text ~ $1`, [ids.join('|')]))[0].n === 0 ? true : undefined),
      20000,
      'jobs relayed',
    );
    let waiting = 0;
    for (const name of [QUEUES.businessLicense, QUEUES.documents, QUEUES.notifications]) {
      const queue = new Queue(name, { connection: redisConnectionOptions(redis.url), prefix: h.config.QUEUE_PREFIX });
      waiting += (await queue.getJobCounts('waiting')).waiting;
      await queue.close();
    }
    return waiting;
  }

  /** Each submitted file: one submit and one precheck event, one receipt rendered, its text message recorded and sent once. */
  async function expectSubmissionsDoneOnce(ids: string[]) {
    await eventually(async () => ((await states(ids)).join() === 'awaiting_acceptance' ? true : undefined), 30000, 'prechecks');
    await eventually(
      async () => ((await h.db.query(`SELECT count(*)::int AS n FROM notices WHERE application_id = ANY($1) AND pdf_sha256 IS NOT NULL`, [ids]))[0].n === ids.length ? true : undefined),
      30000,
      'receipts rendered',
    );
    await eventually(
      async () => ((await h.db.query(`SELECT count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND sent_at IS NULL`, [ids]))[0].n === 0 ? true : undefined),
      30000,
      'messages sent',
    );
    const perFile = async (sql: string) => (await h.db.query(`${sql} GROUP BY application_id ORDER BY application_id`, [ids])).map((r: { n: number }) => r.n);
    const once = Array(ids.length).fill(1);
    expect(await perFile(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'submit'`)).toEqual(once);
    expect(await perFile(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'precheck_pass'`)).toEqual(once);
    expect(await perFile(`SELECT count(*)::int AS n FROM notices WHERE application_id = ANY($1)`)).toEqual(once);
    expect(await perFile(`SELECT count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND channel = 'sms' AND template = 'state-submit'`)).toEqual(once);
    expect(await h.db.query(`SELECT application_id FROM notifications WHERE application_id = ANY($1) GROUP BY application_id, channel, template HAVING count(*) > 1`, [ids])).toEqual([]);
  }

  const states = async (ids: string[]) => (await h.db.query(`SELECT DISTINCT state FROM applications WHERE id = ANY($1)`, [ids])).map((r: { state: string }) => r.state);

  it('after FLUSHALL the reconciler restores all pending work from PostgreSQL, and every side effect happens once', async () => {
    // The minute reconciler would otherwise find these stale files first (at any moment): this test runs it by hand.
    const maintenance = h.worker!.get(MaintenanceProcessor).worker;
    await maintenance.pause();
    const prechecks = await filesAwaitingWork('submitted', 10);
    const issuances = await filesAwaitingWork('issuing', 5);
    // Three submissions through the portal whose precheck, receipt PDF and text message jobs wait in Redis when it is flushed.
    const paused = submissionWorkers();
    await Promise.all(paused.map((w) => w.pause()));
    const submittedIds = [await submittedFile(me), await submittedFile(me), await submittedFile(me)];
    expect(await jobsWaitingInRedis(submittedIds)).toBeGreaterThanOrEqual(9);
    await redis.flushAll();
    for (const w of paused) w.resume();
    // Their minute of grace has passed, as the reconciler's next run would find them.
    await h.db.query(`UPDATE applications SET updated_at = updated_at - interval '2 minutes' WHERE id = ANY($1)`, [submittedIds]);
    await h.db.query(`UPDATE notices SET issued_at = issued_at - interval '2 minutes' WHERE application_id = ANY($1)`, [submittedIds]);
    await h.db.query(`UPDATE notifications SET created_at = created_at - interval '2 minutes' WHERE application_id = ANY($1)`, [submittedIds]);
    const report = await h.worker!.get(ReconcilerService).reconcile(60);
    maintenance.resume();
    expect(report.precheck).toBeGreaterThanOrEqual(13);
    expect(report.issue).toBeGreaterThanOrEqual(5);
    expect(report.notices).toBeGreaterThanOrEqual(3);
    expect(report.notifications).toBeGreaterThanOrEqual(3);
    // Run it again at once, as a second reconciler would: still one result each.
    await h.worker!.get(ReconcilerService).reconcile(60);

    await eventually(async () => ((await states(prechecks)).join() === 'awaiting_acceptance' ? true : undefined), 30000, 'prechecks');
    await eventually(async () => ((await states(issuances)).join() === 'issued' ? true : undefined), 30000, 'issuances');
    const passes = await h.db.query(`SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'precheck_pass' GROUP BY 1`, [prechecks]);
    expect(passes.map((r: { n: number }) => r.n)).toEqual(Array(10).fill(1));
    const licences = await h.db.query(`SELECT application_id, count(*)::int AS n FROM licenses WHERE application_id = ANY($1) GROUP BY 1`, [issuances]);
    expect(licences.map((r: { n: number }) => r.n)).toEqual(Array(5).fill(1));
    await eventually(async () => {
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM seal_carving_orders WHERE application_id = ANY($1)`, [issuances]);
      return n === 5 ? true : undefined;
    }, 20000, 'seal orders');
    // Each licence with one rendered PDF; its messages (issued, seal order opened) recorded and sent once.
    const pdfs = await h.db.query(`SELECT count(DISTINCT pdf_sha256)::int AS n FROM licenses WHERE application_id = ANY($1)`, [issuances]);
    expect(pdfs[0].n).toBe(5);
    await eventually(
      async () => ((await h.db.query(`SELECT count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND sent_at IS NOT NULL`, [issuances]))[0].n >= 10 ? true : undefined),
      20000,
      'licence messages sent',
    );
    for (const template of ['state-issued', 'seal-order-opened']) {
      const sent = await h.db.query(`SELECT count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND channel = 'sms' AND template = $2 GROUP BY application_id`, [issuances, template]);
      expect({ template, counts: sent.map((r: { n: number }) => r.n) }).toEqual({ template, counts: Array(5).fill(1) });
    }
    expect(await h.db.query(`SELECT application_id FROM notifications WHERE application_id = ANY($1) GROUP BY application_id, channel, template HAVING count(*) > 1`, [issuances])).toEqual([]);
    await expectSubmissionsDoneOnce(submittedIds);
  });

  it('a relay that died after enqueueing but before marking its rows sent: the rows are sent again, the work is done once', async () => {
    const [id] = await filesAwaitingWork('submitted', 1);
    await h.db.query(`UPDATE applications SET updated_at = now() WHERE id = $1`, [id]);
    // What the dead relay did: queued the job under the row's id, but never marked the row.
    const [row] = await h.db.query(`INSERT INTO outbox (queue, job_name, payload, sent_at) VALUES ('business-license', 'precheck', $1, NULL) RETURNING id`, [
      JSON.stringify({ applicationId: id }),
    ]);
    const queue = new Queue(QUEUES.businessLicense, { connection: redisConnectionOptions(redis.url), prefix: h.config.QUEUE_PREFIX });
    await queue.add('precheck', { applicationId: id }, { jobId: outboxJobId(row.id) });
    await queue.close();
    await h.db.query(`SELECT pg_notify('onewindow_outbox', '')`);
    await eventually(async () => ((await states([id])).join() === 'awaiting_acceptance' ? true : undefined), 20000, 'precheck');
    await eventually(async () => {
      const [sent] = await h.db.query(`SELECT sent_at FROM outbox WHERE id = $1`, [row.id]);
      return sent.sent_at ? true : undefined;
    }, 10000, 'row marked sent');
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = $1 AND action = 'precheck_pass'`, [id]);
    expect(n).toBe(1);
  });

  it('the same job delivered twice changes the file once', async () => {
    const [id] = await filesAwaitingWork('submitted', 1);
    const precheck = h.worker!.get(PrecheckService);
    const results = await Promise.allSettled([precheck.run(id), precheck.run(id)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'passed')).toHaveLength(1);
    expect(await precheck.run(id)).toBe('skipped');
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = $1 AND action = 'precheck_pass'`, [id]);
    expect(n).toBe(1);
  });

  it('Redis down for 30 s with jobs queued in it and files submitted meanwhile: every file resumes and finishes once, without restarting anything', async () => {
    // Jobs in Redis when it dies: three submissions whose precheck, receipt and message jobs wait there.
    const paused = submissionWorkers();
    await Promise.all(paused.map((w) => w.pause()));
    const before = [await submittedFile(me), await submittedFile(me), await submittedFile(me)];
    expect(await jobsWaitingInRedis(before)).toBeGreaterThanOrEqual(9);
    // BullMQ prints each failed reconnect of a queue or worker nobody listens to; the worker listens to all of them.
    const printed = jest.spyOn(console, 'error');
    await redis.down();
    for (const w of paused) w.resume();
    // Applicants go on submitting: the portal does not need Redis, the work waits in the outbox.
    const during = [await submittedFile(me), await submittedFile(me)];
    await h.db.query(`SELECT pg_notify('onewindow_outbox', '')`);
    // The issue's outage: 30 s, long enough for every client's reconnect backoff to grow and the relay to give up a batch.
    await new Promise((r) => setTimeout(r, 30_000));
    const ids = [...before, ...during];
    expect(await states(ids)).toEqual(['submitted']);
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
    await redis.up();
    // The outbox sends what waited; the jobs Redis lost come back through the minute reconciler, whose schedule the worker restores.
    await eventually(async () => ((await states(ids)).join() === 'awaiting_acceptance' ? true : undefined), 150_000, 'resumed after Redis came back');
    await expectSubmissionsDoneOnce(ids);
  }, 240_000);
});

describe('a lost Redis connection is told once, not at every retry', () => {
  it('one line when the queues lose Redis, one when it is back, however many reconnect attempts fail between', async () => {
    const redis = await PrivateRedis.start();
    const told: string[] = [];
    const registry = new QueueRegistry(redis.url, `owtest-log-${randomUUID().slice(0, 8)}`, { lost: (error) => told.push(`lost ${error.message}`), back: () => told.push('back') });
    try {
      await registry.get(QUEUES.maintenance).getJobCounts();
      await redis.down();
      await eventually(async () => (told.length > 0 ? true : undefined), 10_000, 'the loss to be told');
      // ioredis retries every few hundred ms: over two seconds that is several failed attempts.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(told).toEqual([expect.stringMatching(/^lost /)]);
      await redis.up();
      await eventually(async () => (told.includes('back') ? true : undefined), 15_000, 'the reconnection to be told');
      expect(await registry.get(QUEUES.maintenance).getJobCounts()).toEqual(expect.objectContaining({ waiting: 0 }));
      expect(told).toEqual([expect.stringMatching(/^lost /), 'back']);
    } finally {
      await registry.close();
      await redis.down();
    }
  });
});
