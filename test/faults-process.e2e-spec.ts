import { createHash } from 'node:crypto';
import { getPriority } from 'node:os';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { verifyAuditTrail } from '@onewindow/applications';
import { allocateUscc } from '@onewindow/domain';
import { jobOptionsOf, outboxJobId, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { Api } from './support/api';
import { eventually, Harness, startHarness } from './support/harness';
import { Desk, signedInApplicant, staffDesk, submittedFile } from './support/journeys';
import { PrivatePostgres } from './support/private-postgres';
import { PrivateRedis } from './support/private-redis';
import { PrivateServices } from './support/private-services';
import { WorkerProcess } from './support/worker-process';

/**
 * Process crashes: the worker runs as an OS process of its own (as in production) and is
 * SIGKILLed mid-work; a new one takes over. Everything runs on a PostgreSQL cluster and a Redis
 * of this file's own, so no other test's worker can pick up the work, and the final state of
 * every application and every side effect can be counted exactly.
 */
describe('nothing lost or doubled when a worker process is killed', () => {
  let services: PrivateServices;
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let h: Harness;
  let me: Api;
  let desk: Desk;
  let workerEnv: Record<string, string>;
  let prefix: string;
  const workers: WorkerProcess[] = [];

  const startWorker = async () => {
    const worker = await WorkerProcess.start(workerEnv);
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    // The portal and back office run in this process (their ConfigModule reads the environment).
    services = await PrivateServices.start('onewindow_faults', 'owproc');
    ({ pg, redis, env: workerEnv, prefix } = services);
    h = await startHarness({ worker: false });
    me = (await signedInApplicant(h)).api;
    desk = await staffDesk(h, 'proc');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await h?.close();
    await services?.close();
  });

  const stateOf = async (id: string) => (await me.get(`/api/applications/${id}`)).body.state as string;

  /** A file walked by the window and the reviewer to `awaiting_seal`: one seal away from issuance. */
  async function awaitingSeal(): Promise<string> {
    const id = await submittedFile(me);
    await eventually(async () => ((await stateOf(id)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck');
    expect((await desk.clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await desk.clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
    expect((await desk.reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，准予许可。' })).status).toBe(200);
    expect(await stateOf(id)).toBe('awaiting_seal');
    return id;
  }

  const count = async (sql: string, params: unknown[]) => Number((await h.db.query(sql, params))[0].n);

  it('a worker refuses to start on a Redis that may evict keys, naming the setting; without persistence it warns', async () => {
    const admin = new IORedis(redis.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await expect(WorkerProcess.start(workerEnv)).rejects.toThrow(/maxmemory-policy=allkeys-lru.*noeviction/);
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
    const worker = await startWorker();
    expect(worker.output()).toContain('keeps nothing on disk');
  }, 180_000);

  it('SIGKILL in the middle of issuance: a new worker finishes every file, each with one number, signature, PDF, seal order and set of notices', async () => {
    const first = workers.find((w) => w.alive) ?? (await startWorker());
    const N = 10;
    const ids = await Promise.all(Array.from({ length: N }, () => awaitingSeal()));
    // Every notice of the way so far is rendered before the seal, so what follows counts issuance only.
    await eventually(async () => ((await count('SELECT count(*) AS n FROM notices WHERE pdf_sha256 IS NULL', [])) === 0 ? true : undefined), 60_000, 'notices rendered');

    // One morning's seals at once; the worker issues up to four at a time.
    for (const status of (await Promise.all(ids.map((id) => desk.sealer.post(`/api/applications/${id}/seal`)))).map((r) => r.status)) expect(status).toBe(200);
    await eventually(async () => ((await count('SELECT count(*) AS n FROM licenses WHERE application_id = ANY($1)', [ids])) > 0 ? true : undefined), 60_000, 'a first licence number');
    await first.kill('SIGKILL');
    expect(first.alive).toBe(false);

    const atKill = (
      await h.db.query(
        `SELECT (SELECT count(*) FROM licenses WHERE application_id = ANY($1))::int AS numbered,
                (SELECT count(*) FROM licenses WHERE application_id = ANY($1) AND pdf_sha256 IS NOT NULL)::int AS rendered,
                (SELECT count(*) FROM applications WHERE id = ANY($1) AND state = 'issued')::int AS issued`,
        [ids],
      )
    )[0] as { numbered: number; rendered: number; issued: number };
    // Killed part-way: some numbers taken, not every file issued.
    expect(atKill.numbered).toBeGreaterThan(0);
    expect(atKill.issued).toBeLessThan(N);

    // Its unfinished jobs come back to the new worker when their locks lapse (BullMQ's stalled-job
    // check, about 30-60 s), or from the reconciler a minute on: whichever comes first, each file once.
    await startWorker();
    await eventually(
      async () => ((await count(`SELECT count(*) AS n FROM applications WHERE id = ANY($1) AND state = 'issued'`, [ids])) === N ? true : undefined),
      150_000,
      `all ${N} issued (at the kill: ${JSON.stringify(atKill)})`,
    );
    await eventually(async () => ((await count('SELECT count(*) AS n FROM seal_carving_orders WHERE application_id = ANY($1)', [ids])) === N ? true : undefined), 60_000, 'seal orders');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL', [])) === 0 ? true : undefined), 30_000, 'outbox sent');

    // One licence each: one number, gap-free from the first of this cluster, one signature, one PDF the applicant can download.
    const licences: Array<{ application_id: string; number: string; signature: string; pdf_sha256: string }> = await h.db.query(
      'SELECT application_id, number, signature, pdf_sha256 FROM licenses WHERE application_id = ANY($1)',
      [ids],
    );
    expect(licences.map((l) => l.application_id).sort()).toEqual([...ids].sort());
    expect(licences.map((l) => l.number).sort()).toEqual(Array.from({ length: N }, (_, i) => allocateUscc({ prefix: '91', divisionCode: '140603', sequence: i + 1 })).sort());
    for (const licence of licences) {
      expect(licence.signature).toMatch(/^[A-Za-z0-9_-]{80,}$/);
      const pdf = await me.get(`/api/applications/${licence.application_id}/license.pdf`);
      expect(pdf.status).toBe(200);
      expect(createHash('sha256').update(pdf.raw).digest('hex')).toBe(licence.pdf_sha256);
    }

    const perFile = async (sql: string) => {
      const rows: Array<{ application_id: string; n: number }> = await h.db.query(sql, [ids]);
      return Object.fromEntries(ids.map((id) => [id, rows.find((r) => r.application_id === id)?.n ?? 0]));
    };
    const once = Object.fromEntries(ids.map((id) => [id, 1]));
    expect(await perFile(`SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'issued' GROUP BY 1`)).toEqual(once);
    expect(await perFile(`SELECT application_id, count(*)::int AS n FROM seal_carving_orders WHERE application_id = ANY($1) GROUP BY 1`)).toEqual(once);
    expect(await perFile(`SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'seal_order_opened' GROUP BY 1`)).toEqual(once);
    expect(await perFile(`SELECT application_id, count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND template = 'seal-order-opened' GROUP BY 1`)).toEqual(once);
    // No message of any kind went out twice.
    expect(await h.db.query(`SELECT application_id, template FROM notifications GROUP BY application_id, template, body HAVING count(*) > 1`)).toEqual([]);
    // One notice of each kind per file (receipt, acceptance, approval), all rendered, numbered without gaps.
    const notices: Array<{ application_id: string; kind: string; number: string; pdf_sha256: string | null }> = await h.db.query(
      'SELECT application_id, kind, number, pdf_sha256 FROM notices WHERE application_id = ANY($1)',
      [ids],
    );
    for (const kind of ['receipt', 'acceptance', 'approval']) {
      const ofKind = notices.filter((n) => n.kind === kind);
      expect(ofKind.map((n) => n.application_id).sort()).toEqual([...ids].sort());
      expect(ofKind.map((n) => Number(/第(\d+)号/.exec(n.number)![1])).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    }
    expect(notices).toHaveLength(3 * N);
    expect(notices.filter((n) => !n.pdf_sha256)).toEqual([]);
    const audit = await verifyAuditTrail(h.db.manager);
    expect(audit.brokenChains).toEqual([]);
  }, 360_000);

  it('SIGTERM in the middle of issuance: the worker finishes or hands back what it runs and exits in time; the next one has nothing stuck', async () => {
    const worker = workers.find((w) => w.alive) ?? (await startWorker());
    const N = 6;
    const ids = await Promise.all(Array.from({ length: N }, () => awaitingSeal()));
    for (const id of ids) expect((await desk.sealer.post(`/api/applications/${id}/seal`)).status).toBe(200);
    await eventually(async () => ((await count('SELECT count(*) AS n FROM licenses WHERE application_id = ANY($1)', [ids])) > 0 ? true : undefined), 60_000, 'a first licence number');
    const termAt = Date.now();
    const exit = await worker.kill('SIGTERM');
    // Nest's shutdown hooks ran and the process exited 0, before run-main's 25 s deadline would force exit code 1.
    expect(exit.code ?? exit.signal).toBe(0);
    expect(Date.now() - termAt).toBeLessThan(25_000);
    expect(worker.output()).not.toContain('still busy');
    // Nothing is left running under a dead worker's lock: no job waits 30 s to be found stalled.
    const issuance = new Queue(QUEUES.issuance, { connection: redisConnectionOptions(redis.url), prefix });
    try {
      expect(await issuance.getActiveCount()).toBe(0);
    } finally {
      await issuance.close();
    }
    const issuedAtExit = await count(`SELECT count(*) AS n FROM applications WHERE id = ANY($1) AND state = 'issued'`, [ids]);

    await startWorker();
    await eventually(
      async () => ((await count(`SELECT count(*) AS n FROM applications WHERE id = ANY($1) AND state = 'issued'`, [ids])) === N ? true : undefined),
      25_000,
      `the rest issued at once (${issuedAtExit} of ${N} were at the exit)`,
    );
    const [{ numbers, distinct }] = await h.db.query('SELECT count(*)::int AS numbers, count(DISTINCT number)::int AS distinct FROM licenses WHERE application_id = ANY($1)', [ids]);
    expect({ numbers, distinct }).toEqual({ numbers: N, distinct: N });
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'issued'`, [ids])).toBe(N);
  }, 240_000);

  it('SIGKILL of the relay after it queued a batch but before it marked the rows sent: the rows are sent again, the work is done once', async () => {
    const relayWorker = workers.find((w) => w.alive) ?? (await startWorker());
    await eventually(async () => ((await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL', [])) === 0 ? true : undefined), 60_000, 'the outbox drained');
    // Hold the relay between "queued in Redis" and "marked sent", as a crash at that instant would
    // find it: marking a batch with a precheck in it sleeps (other batches pass).
    await h.db.query(`CREATE FUNCTION test_hold_outbox_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(120); RETURN NEW; END $$`);
    await h.db.query(
      `CREATE TRIGGER test_hold_outbox_mark BEFORE UPDATE OF sent_at ON outbox FOR EACH ROW
        WHEN (OLD.sent_at IS NULL AND NEW.sent_at IS NOT NULL AND OLD.job_name = 'precheck') EXECUTE FUNCTION test_hold_outbox_mark()`,
    );
    // pg_stat_activity shows another role's sessions to the superuser only.
    const relayHeld = async () =>
      Number((await pg.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE 'UPDATE outbox SET sent_at%'`))[0].n);
    const queues = new Map<string, Queue>();
    const queue = (name: string) => {
      if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redisConnectionOptions(redis.url), prefix }));
      return queues.get(name)!;
    };
    try {
      const ids = await Promise.all(Array.from({ length: 4 }, () => submittedFile(me)));
      await eventually(async () => ((await relayHeld()) > 0 ? true : undefined), 30_000, 'the relay between enqueue and mark');
      // The rows the relay claimed are the unsent ones this test cannot lock; each has its job in Redis already.
      const locker = h.db.createQueryRunner();
      await locker.connect();
      await locker.startTransaction();
      const free: Array<{ id: string }> = await locker.query('SELECT id FROM outbox WHERE sent_at IS NULL FOR UPDATE SKIP LOCKED');
      await locker.rollbackTransaction();
      await locker.release();
      const unsent: Array<{ id: string; queue: string; job_name: string; payload: unknown }> = await h.db.query('SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL');
      const held = unsent
        .filter((row) => !free.some((f) => f.id === row.id))
        .map((row) => ({ ...row, jobId: jobOptionsOf(row.job_name, row.payload).jobId ?? outboxJobId(row.id) }));
      expect(held.map((row) => row.job_name)).toContain('precheck');
      for (const row of held) expect(await queue(row.queue).getJob(row.jobId)).toBeDefined();
      // The worker does those jobs meanwhile (a reminder waits for its time).
      await eventually(
        async () => ((await Promise.all(held.map((row) => queue(row.queue).getJobState(row.jobId)))).every((state) => state === 'completed' || state === 'delayed') ? true : undefined),
        60_000,
        'the queued jobs done',
      );
      const before = new Map(await Promise.all(held.map(async (row) => [row.jobId, (await queue(row.queue).getJob(row.jobId))!.timestamp] as const)));
      const killedAt = Date.now();
      await relayWorker.kill('SIGKILL');
      // PostgreSQL sees the client gone and rolls the relay's transaction back: the rows are unsent again.
      await eventually(async () => ((await relayHeld()) === 0 ? true : undefined), 20_000, 'the dead relay rolled back');
      expect(await count('SELECT count(*) AS n FROM outbox WHERE id = ANY($1) AND sent_at IS NULL', [held.map((r) => r.id)])).toBe(held.length);
      await h.db.query('DROP TRIGGER test_hold_outbox_mark ON outbox');

      await startWorker();
      await eventually(async () => ((await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL', [])) === 0 ? true : undefined), 60_000, 'every row sent');
      // Sent again under the same job ids: the jobs queued before the crash stand, and the done ones were not run again.
      for (const row of held) {
        const job = (await queue(row.queue).getJob(row.jobId))!;
        expect(job.timestamp).toBe(before.get(row.jobId));
        if (job.finishedOn) {
          expect(job.finishedOn).toBeLessThan(killedAt);
          expect(job.attemptsStarted).toBe(1);
        }
      }
      for (const id of ids) await eventually(async () => ((await stateOf(id)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck');
      await eventually(async () => ((await count('SELECT count(*) AS n FROM notices WHERE application_id = ANY($1) AND pdf_sha256 IS NOT NULL', [ids])) === 4 ? true : undefined), 30_000, 'receipts rendered');
      const perFile = async (action: string) =>
        (await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = $2 GROUP BY application_id`, [ids, action])).map((r: { n: number }) => r.n);
      expect(await perFile('submit')).toEqual([1, 1, 1, 1]);
      expect(await perFile('precheck_pass')).toEqual([1, 1, 1, 1]);
      expect(await count(`SELECT count(*) AS n FROM notices WHERE application_id = ANY($1) AND kind = 'receipt'`, [ids])).toBe(4);
      expect(await h.db.query(`SELECT application_id, template FROM notifications GROUP BY application_id, template, body HAVING count(*) > 1`)).toEqual([]);
    } finally {
      await pg.adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'`);
      await h.db.query('DROP TRIGGER IF EXISTS test_hold_outbox_mark ON outbox');
      await h.db.query('DROP FUNCTION IF EXISTS test_hold_outbox_mark()');
      await Promise.all([...queues.values()].map((q) => q.close()));
    }
  }, 240_000);

  it('a flow worker and a documents worker share the work as WORKER_ROLE says: neither runs the other\'s jobs, PDFs render at a lower CPU priority', async () => {
    await Promise.all(workers.map((w) => w.kill()));
    const documentsQueue = new Queue(QUEUES.documents, { connection: redisConnectionOptions(redis.url), prefix });
    const receiptOf = async (id: string) =>
      (await h.db.query(`SELECT pdf_sha256 FROM notices WHERE application_id = $1 AND kind = 'receipt'`, [id]))[0] as { pdf_sha256: string | null } | undefined;
    const textSent = async (id: string) => count(`SELECT count(*) AS n FROM notifications WHERE application_id = $1 AND channel = 'sms' AND template = 'state-submit' AND sent_at IS NOT NULL`, [id]);
    try {
      const flow = await WorkerProcess.start({ ...workerEnv, WORKER_ROLE: 'flow' });
      workers.push(flow);
      const first = await submittedFile(me);
      // The flow worker relays, prechecks and sends the text message; the receipt's PDF waits in its queue.
      await eventually(async () => ((await stateOf(first)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck by the flow worker');
      await eventually(async () => ((await textSent(first)) === 1 ? true : undefined), 30_000, 'text message by the flow worker');
      await new Promise((r) => setTimeout(r, 1500));
      expect(await receiptOf(first)).toEqual({ pdf_sha256: null });
      expect((await documentsQueue.getJobCounts('waiting')).waiting).toBe(1);

      const documents = await WorkerProcess.start({ ...workerEnv, WORKER_ROLE: 'documents' });
      workers.push(documents);
      expect(getPriority(documents.pid)).toBe(10);
      expect(getPriority(flow.pid)).toBe(0);
      await eventually(async () => ((await receiptOf(first))?.pdf_sha256 ? true : undefined), 30_000, 'receipt rendered by the documents worker');

      // Without the flow worker nothing is relayed: the documents worker neither relays nor prechecks.
      await flow.kill('SIGTERM');
      const second = await submittedFile(me);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await stateOf(second)).toBe('submitted');
      expect(await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND payload->>\'applicationId\' = $1', [second])).toBeGreaterThan(0);
      workers.push(await WorkerProcess.start({ ...workerEnv, WORKER_ROLE: 'flow' }));
      await eventually(async () => ((await stateOf(second)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck once a flow worker runs');
      await eventually(async () => ((await receiptOf(second))?.pdf_sha256 ? true : undefined), 30_000, 'second receipt rendered');
      expect(await textSent(second)).toBe(1);
    } finally {
      await documentsQueue.close();
    }
  }, 240_000);
});
