import { createHash, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { verifyAuditTrail } from '@onewindow/applications';
import { allocateUscc } from '@onewindow/domain';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { Api } from './support/api';
import { businessLicenseForm } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { Desk, draftWithMaterials, signedInApplicant, staffDesk } from './support/journeys';
import { PrivateRedis } from './support/private-redis';
import { PrivateServices } from './support/private-services';
import { WorkerProcess } from './support/worker-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Redis killed (SIGKILL: it keeps nothing on disk, so every queued and running job is gone) and
 * started again on its port while applicants file and a seal officer seals. The worker runs as
 * its own process and is not restarted; PostgreSQL's record brings every file to its end, and
 * every side effect is counted. On a PostgreSQL cluster and a Redis of this file's own, so the
 * numbers start at 1 and nothing else's work is counted.
 */
describe('Redis restarted under load', () => {
  let services: PrivateServices;
  let redis: PrivateRedis;
  let h: Harness;
  let worker: WorkerProcess;
  let desk: Desk;
  let applicants: Api[];
  let prefix: string;
  const queues = new Map<string, Queue>();
  const queue = (name: string) => {
    if (!queues.has(name)) {
      const q = new Queue(name, { connection: redisConnectionOptions(redis.url), prefix });
      // While Redis is down this test's own connections fail too; that is the point, not news.
      q.on('error', () => undefined);
      queues.set(name, q);
    }
    return queues.get(name)!;
  };

  beforeAll(async () => {
    services = await PrivateServices.start('onewindow_redis_restart', 'owredis');
    [redis, prefix] = [services.redis, services.prefix];
    h = await startHarness({ worker: false });
    worker = await WorkerProcess.start(services.env);
    applicants = (await Promise.all([signedInApplicant(h), signedInApplicant(h)])).map((a) => a.api);
    desk = await staffDesk(h, 'redisrestart');
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await worker?.kill();
    await h?.close();
    await services?.close();
  });

  const assertWorkerAlive = () => {
    if (!worker.alive) throw new Error(`the worker process died:\n${worker.output()}`);
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await h.db.query(sql, params))[0].n);
  const stateOf = async (id: string) => (await desk.clerk.get(`/api/applications/${id}`)).body.state as string;
  const allIn = (ids: string[], state: string) => async () => {
    assertWorkerAlive();
    return (await count(`SELECT count(*) AS n FROM applications WHERE id = ANY($1) AND state = $2`, [ids, state])) === ids.length ? true : undefined;
  };

  /** A draft with every material the checklist asks for; `submit` then answers 202. */
  async function readyDraft(me: Api): Promise<string> {
    const draft = await draftWithMaterials(me, 'business-license', businessLicenseForm());
    expect(draft.submitted).toBe(false);
    return draft.id;
  }

  async function submitted(me: Api): Promise<string> {
    const id = await readyDraft(me);
    expect((await me.post(`/api/applications/${id}/submit`, {}, { 'idempotency-key': randomUUID() })).status).toBe(202);
    return id;
  }

  /** A file walked by the window and the reviewer to `awaiting_seal`: one seal away from issuance. */
  async function awaitingSeal(me: Api): Promise<string> {
    const id = await submitted(me);
    await eventually(async () => ((await stateOf(id)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck');
    expect((await desk.clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await desk.clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
    expect((await desk.reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，准予许可。' })).status).toBe(200);
    return id;
  }

  /** Per file: how many rows the query counts (0 where none). */
  const perFile = async (ids: string[], sql: string) => {
    const rows: Array<{ application_id: string; n: number }> = await h.db.query(sql, [ids]);
    return Object.fromEntries(ids.map((id) => [id, rows.find((r) => r.application_id === id)?.n ?? 0]));
  };
  const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

  it('SIGKILL of Redis and a restart on its port while files are submitted, prechecked and issued: every file ends where it should, each side effect once', async () => {
    const workerPid = worker.pid;
    const ownerOf = new Map<string, Api>();
    const sealIds = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const id = await awaitingSeal(applicants[i % 2]);
        ownerOf.set(id, applicants[i % 2]);
        return id;
      }),
    );
    await eventually(async () => ((await count('SELECT count(*) AS n FROM notices WHERE pdf_sha256 IS NULL')) === 0 ? true : undefined), 60_000, 'notices so far rendered');

    // The load: both applicants keep filing through the API, the seal officer seals the morning's files.
    const filed: Array<{ id: string; at: number }> = [];
    let filing = true;
    const filers = applicants.map((me) =>
      (async () => {
        while (filing) filed.push({ id: await submitted(me), at: Date.now() });
      })(),
    );
    for (const response of await Promise.all(sealIds.map((id) => desk.sealer.post(`/api/applications/${id}/seal`)))) expect(response.status).toBe(200);
    await eventually(async () => ((await count('SELECT count(*) AS n FROM licenses WHERE application_id = ANY($1)', [sealIds])) > 0 ? true : undefined), 60_000, 'a first licence number');

    // What Redis holds at the instant it dies: the jobs it was carrying are lost with it.
    const held = (await Promise.all(ALL_QUEUES.map((name) => queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized')))).reduce(
      (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
      0,
    );
    const issuedAtKill = await count(`SELECT count(*) AS n FROM applications WHERE id = ANY($1) AND state = 'issued'`, [sealIds]);
    await redis.down();
    const downAt = Date.now();
    // Applicants go on filing while Redis is away: their submissions wait in the outbox.
    await eventually(async () => (filed.filter((f) => f.at > downAt).length >= 2 ? true : undefined), 30_000, 'two files submitted while Redis is down');
    await sleep(Math.max(0, 3000 - (Date.now() - downAt)));
    await redis.up();
    const upAt = Date.now();
    await eventually(async () => (filed.filter((f) => f.at > upAt).length >= 2 ? true : undefined), 60_000, 'two files submitted after the restart');
    filing = false;
    await Promise.all(filers);
    expect(held).toBeGreaterThan(0);

    // Every file where it should be, with no restart: the sealed ones issued, the filed ones prechecked.
    const filedIds = filed.map((f) => f.id);
    const why = `(Redis held ${held} jobs; ${issuedAtKill} of ${sealIds.length} issued at the kill)`;
    await eventually(allIn(sealIds, 'issued'), 150_000, `every sealed file issued ${why}`);
    await eventually(allIn(filedIds, 'awaiting_acceptance'), 150_000, `every filed file prechecked ${why}`);
    await eventually(async () => ((await count('SELECT count(*) AS n FROM seal_carving_orders WHERE application_id = ANY($1)', [sealIds])) === sealIds.length ? true : undefined), 90_000, 'seal orders');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM notices WHERE pdf_sha256 IS NULL')) === 0 ? true : undefined), 90_000, 'every notice rendered');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM notifications WHERE sent_at IS NULL AND given_up_at IS NULL')) === 0 ? true : undefined), 90_000, 'every message sent');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')) === 0 ? true : undefined), 30_000, 'outbox drained');

    // Licences: one per sealed file, numbered 1..8 on this cluster without a gap, each PDF the applicant downloads the one recorded.
    const licences: Array<{ application_id: string; number: string; pdf_sha256: string }> = await h.db.query('SELECT application_id, number, pdf_sha256 FROM licenses', []);
    expect(licences.map((l) => l.application_id).sort()).toEqual([...sealIds].sort());
    expect(licences.map((l) => l.number).sort()).toEqual(Array.from({ length: sealIds.length }, (_, i) => allocateUscc({ prefix: '91', divisionCode: '140603', sequence: i + 1 })).sort());
    for (const licence of licences) {
      const pdf = await ownerOf.get(licence.application_id)!.get(`/api/applications/${licence.application_id}/license.pdf`);
      expect(pdf.status).toBe(200);
      expect(createHash('sha256').update(pdf.raw).digest('hex')).toBe(licence.pdf_sha256);
    }
    expect(await perFile(sealIds, `SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'issued' GROUP BY 1`)).toEqual(once(sealIds));
    expect(await perFile(sealIds, `SELECT application_id, count(*)::int AS n FROM seal_carving_orders WHERE application_id = ANY($1) GROUP BY 1`)).toEqual(once(sealIds));
    expect(await perFile(sealIds, `SELECT application_id, count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND template = 'seal-order-opened' GROUP BY 1`)).toEqual(
      once(sealIds),
    );

    // Every file submitted and prechecked once, with one receipt; receipts numbered without a gap.
    const all = [...sealIds, ...filedIds];
    for (const action of ['submit', 'precheck_pass']) {
      expect({ action, counts: await perFile(all, `SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = '${action}' GROUP BY 1`) }).toEqual({
        action,
        counts: once(all),
      });
    }
    expect(await perFile(all, `SELECT application_id, count(*)::int AS n FROM notices WHERE application_id = ANY($1) AND kind = 'receipt' GROUP BY 1`)).toEqual(once(all));
    const receipts: Array<{ number: string }> = await h.db.query(`SELECT number FROM notices WHERE kind = 'receipt'`);
    expect(receipts.map((r) => Number(/第(\d+)号/.exec(r.number)![1])).sort((a, b) => a - b)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    for (const kind of ['acceptance', 'approval']) {
      expect({ kind, counts: await perFile(sealIds, `SELECT application_id, count(*)::int AS n FROM notices WHERE application_id = ANY($1) AND kind = '${kind}' GROUP BY 1`) }).toEqual({ kind, counts: once(sealIds) });
    }
    // Each submission's text message once, and no message of any kind twice.
    expect(await perFile(all, `SELECT application_id, count(*)::int AS n FROM notifications WHERE application_id = ANY($1) AND channel = 'sms' AND template = 'state-submit' GROUP BY 1`)).toEqual(once(all));
    expect(await h.db.query(`SELECT application_id, template FROM notifications GROUP BY application_id, template, channel, body HAVING count(*) > 1`)).toEqual([]);
    expect((await verifyAuditTrail(h.db.manager)).brokenChains).toEqual([]);

    // The same worker process did it all, and the schedules Redis forgot (the minute reconciler's among them) are back.
    expect(worker.pid).toBe(workerPid);
    assertWorkerAlive();
    expect(await queue(QUEUES.maintenance).getJobScheduler('reconcile-every-minute')).toBeDefined();
    expect(await queue(QUEUES.deadlines).getJobScheduler('release-idle-claims')).toBeDefined();
  }, 420_000);

  it('one Idempotency-Key sent twice at the same instant: one submission, one receipt, one set of messages, the same answer twice', async () => {
    const me = applicants[0];
    const id = await readyDraft(me);
    const key = randomUUID();
    const [a, b] = await Promise.all([0, 1].map(() => me.post(`/api/applications/${id}/submit`, {}, { 'idempotency-key': key })));
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    await eventually(async () => ((await stateOf(id)) === 'awaiting_acceptance' ? true : undefined), 30_000, 'precheck');
    await eventually(async () => ((await count(`SELECT count(*) AS n FROM notifications WHERE application_id = $1 AND sent_at IS NULL`, [id])) === 0 ? true : undefined), 30_000, 'messages sent');
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE application_id = $1 AND action = 'submit'`, [id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM notices WHERE application_id = $1 AND kind = 'receipt'`, [id])).toBe(1);
    const messages: Array<{ channel: string; n: number }> = await h.db.query(
      `SELECT channel, count(*)::int AS n FROM notifications WHERE application_id = $1 AND template = 'state-submit' GROUP BY channel`,
      [id],
    );
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toEqual({ channel: m.channel, n: 1 });
  }, 90_000);

  it('the same jobs delivered again through BullMQ after they completed (new job ids, same payloads): each file changes once', async () => {
    const id = await awaitingSeal(applicants[1]);
    expect((await desk.sealer.post(`/api/applications/${id}/seal`)).status).toBe(200);
    await eventually(async () => ((await stateOf(id)) === 'issued' ? true : undefined), 60_000, 'issued');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM seal_carving_orders WHERE application_id = $1', [id])) === 1 ? true : undefined), 30_000, 'seal order');
    await eventually(async () => ((await count('SELECT count(*) AS n FROM notifications WHERE application_id = $1 AND sent_at IS NULL', [id])) === 0 ? true : undefined), 30_000, 'messages sent');
    const before = await h.db.query(
      `SELECT (SELECT count(*) FROM licenses)::int AS licences, (SELECT pdf_sha256 FROM licenses WHERE application_id = $1) AS pdf,
              (SELECT count(*) FROM notices WHERE application_id = $1)::int AS notices, (SELECT count(*) FROM notifications WHERE application_id = $1)::int AS notifications,
              (SELECT count(*) FROM audit_events WHERE application_id = $1)::int AS events, (SELECT count(*) FROM seal_carving_orders)::int AS orders`,
      [id],
    );
    const notification: { id: string } = (await h.db.query(`SELECT id FROM notifications WHERE application_id = $1 LIMIT 1`, [id]))[0];
    // A second delivery of each job the file went through, as a relay replaying its rows under new ids would make.
    const replays = [
      { queue: QUEUES.businessLicense, name: 'precheck', data: { applicationId: id } },
      { queue: QUEUES.issuance, name: 'issue', data: { applicationId: id } },
      { queue: QUEUES.sealCarving, name: 'open-seal-order', data: { applicationId: id } },
      { queue: QUEUES.notifications, name: 'notify', data: { notificationId: notification.id } },
    ];
    const jobs = await Promise.all(replays.map((r) => queue(r.queue).add(r.name, r.data, { ...DEFAULT_JOB_OPTIONS, jobId: `replay-${randomUUID()}` })));
    await eventually(async () => ((await Promise.all(jobs.map((job) => job.getState()))).every((state) => state === 'completed') ? true : undefined), 30_000, 'the replays done');
    expect(
      await h.db.query(
        `SELECT (SELECT count(*) FROM licenses)::int AS licences, (SELECT pdf_sha256 FROM licenses WHERE application_id = $1) AS pdf,
                (SELECT count(*) FROM notices WHERE application_id = $1)::int AS notices, (SELECT count(*) FROM notifications WHERE application_id = $1)::int AS notifications,
                (SELECT count(*) FROM audit_events WHERE application_id = $1)::int AS events, (SELECT count(*) FROM seal_carving_orders)::int AS orders`,
        [id],
      ),
    ).toEqual(before);
    expect(await stateOf(id)).toBe('issued');
  }, 120_000);
});
