import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { PrecheckService, ReconcilerService } from '@onewindow/applications';
import { outboxJobId, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { businessLicenseForm, entityName } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { PrivateRedis } from './support/private-redis';
import { MaintenanceProcessor } from '../apps/worker/src/maintenance.processor';

/**
 * Redis faults: each scenario runs against a Redis of its own, asserts the final state of every
 * application and counts every side effect. PostgreSQL is the record; Redis only carries work.
 */
describe('nothing lost when Redis fails', () => {
  let redis: PrivateRedis;
  let h: Harness;
  const savedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    h = await startHarness();
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

  const states = async (ids: string[]) => (await h.db.query(`SELECT DISTINCT state FROM applications WHERE id = ANY($1)`, [ids])).map((r: { state: string }) => r.state);

  it('after FLUSHALL the reconciler restores all pending work from PostgreSQL, and every side effect happens once', async () => {
    // The minute reconciler would otherwise find these stale files first (at any moment): this test runs it by hand.
    const maintenance = h.worker!.get(MaintenanceProcessor).worker;
    await maintenance.pause();
    const prechecks = await filesAwaitingWork('submitted', 10);
    const issuances = await filesAwaitingWork('issuing', 5);
    await redis.flushAll();
    const report = await h.worker!.get(ReconcilerService).reconcile(60);
    maintenance.resume();
    expect(report.precheck).toBeGreaterThanOrEqual(10);
    expect(report.issue).toBeGreaterThanOrEqual(5);
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

  it('Redis down for a while: work submitted meanwhile waits in the outbox and is done once Redis is back, without restarting anything', async () => {
    await redis.down();
    const ids = await filesAwaitingWork('submitted', 5);
    for (const id of ids) {
      await h.db.query(`UPDATE applications SET updated_at = now() WHERE id = $1`, [id]);
      await h.db.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('business-license', 'precheck', $1)`, [JSON.stringify({ applicationId: id })]);
    }
    await h.db.query(`SELECT pg_notify('onewindow_outbox', '')`);
    // The issue's outage: 30 s, long enough for every client's reconnect backoff to grow and the relay to give up a batch.
    await new Promise((r) => setTimeout(r, 30_000));
    expect(await states(ids)).toEqual(['submitted']);
    await redis.up();
    await eventually(async () => ((await states(ids)).join() === 'awaiting_acceptance' ? true : undefined), 40000, 'resumed after Redis came back');
    const passes = await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'precheck_pass'`, [ids]);
    expect(passes[0].n).toBe(5);
  }, 120_000);
});
