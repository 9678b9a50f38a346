import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { verifyAuditTrail } from '@onewindow/applications';
import { Api, ApiResponse, SAMPLE_FILES } from './support/api';
import { businessLicenseForm } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { Desk, signedInApplicant, staffDesk } from './support/journeys';
import { PrivatePostgres } from './support/private-postgres';
import { PrivateServices } from './support/private-services';
import { WorkerProcess } from './support/worker-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL stopped (`pg_ctl stop -m fast`) and started again while applicants file and a clerk
 * accepts: requests meanwhile get a clear 503, nothing is half-written, and the portal, the back
 * office and the worker process carry on afterwards without a restart. On a cluster of this
 * file's own, on a spare port: the machine's main cluster is never touched.
 */
describe('PostgreSQL restarted under load', () => {
  let services: PrivateServices;
  let pg: PrivatePostgres;
  let h: Harness;
  let worker: WorkerProcess;
  let desk: Desk;
  let applicants: Array<{ api: Api; phone: string }>;

  beforeAll(async () => {
    services = await PrivateServices.start('onewindow_restart', 'owpg');
    pg = services.pg;
    h = await startHarness({ worker: false });
    worker = await WorkerProcess.start(services.env);
    applicants = await Promise.all([signedInApplicant(h), signedInApplicant(h), signedInApplicant(h)]);
    desk = await staffDesk(h, 'pgrestart');
  }, 180_000);

  /** The worker must live through the restart; if it died, its last log lines say why. */
  const assertWorkerAlive = () => {
    if (!worker.alive) throw new Error(`the worker process died:\n${worker.output()}`);
  };

  afterAll(async () => {
    await worker?.kill();
    await h?.close();
    await services?.close();
  });

  it('503s while it is down, no partial rows, and every file ends where it should with each side effect once', async () => {
    const workerPid = worker.pid;
    const seen: Array<{ app: 'portal' | 'backoffice'; status: number; response: ApiResponse }> = [];
    /** Set when the test ends, however it ends: the load stops. */
    let stopped = false;
    /** Sends until the answer is not a 503, as a client honouring Retry-After would (sooner, to keep the test short). */
    const untilAvailable = async (app: 'portal' | 'backoffice', send: () => Promise<ApiResponse>) => {
      for (;;) {
        const response = await send();
        seen.push({ app, status: response.status, response });
        if (response.status !== 503 || stopped) return response;
        await sleep(100);
      }
    };

    const files: Array<{ id: string; owner: Api; submittedAt?: number }> = [];
    let createRetries = 0;
    let filing = true;

    async function fileOne(me: Api) {
      let attempts = 0;
      const draft = await untilAvailable('portal', () => {
        attempts += 1;
        return me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() });
      });
      createRetries += attempts - 1;
      expect(draft.status).toBe(201);
      const file: (typeof files)[number] = { id: draft.body.id, owner: me };
      files.push(file);
      const key = randomUUID();
      const submit = () => me.post(`/api/applications/${file.id}/submit`, {}, { 'idempotency-key': key });
      const first = await untilAvailable('portal', submit);
      expect(first.status).toBe(422);
      for (const field of Object.keys(first.body.fields)) {
        const upload = await untilAvailable('portal', () =>
          me.upload(`/api/applications/${file.id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }),
        );
        expect(upload.status).toBe(201);
      }
      // The same Idempotency-Key on every try: a submission that landed before the connection dropped is not made twice.
      const second = await untilAvailable('portal', submit);
      expect(second.status).toBe(202);
      file.submittedAt = Date.now();
    }

    // A loop that fails stops the load and is reported at the end (and by any wait that is still running).
    let failure: unknown = null;
    const guard = (loop: Promise<void>) =>
      loop.catch((error: unknown) => {
        failure ??= error;
        filing = false;
      });
    const progress = (check: () => boolean) => async () => {
      if (failure) throw failure;
      assertWorkerAlive();
      return check() ? true : undefined;
    };
    let applicantsFiling = applicants.length;
    const applicantLoops = applicants.map(({ api }) =>
      guard(
        (async () => {
          try {
            while (filing && !stopped) await fileOne(api);
          } finally {
            applicantsFiling -= 1;
          }
        })(),
      ),
    );

    /** The window: accepts each file once the worker has prechecked it; polls its inbox meanwhile. */
    const accepted = new Set<string>();
    const clerkLoop = guard(
      (async () => {
        while (!stopped && (applicantsFiling > 0 || accepted.size < files.length)) {
          expect((await untilAvailable('backoffice', () => desk.clerk.get('/api/inbox'))).status).toBe(200);
          for (const file of files.filter((f) => f.submittedAt && !accepted.has(f.id))) {
            const view = await untilAvailable('backoffice', () => desk.clerk.get(`/api/applications/${file.id}`));
            expect(view.status).toBe(200);
            if (view.body.state !== 'awaiting_acceptance') continue;
            expect((await untilAvailable('backoffice', () => desk.clerk.post(`/api/applications/${file.id}/claim`))).status).toBe(200);
            expect((await untilAvailable('backoffice', () => desk.clerk.post(`/api/applications/${file.id}/accept`))).status).toBe(200);
            accepted.add(file.id);
          }
          await sleep(50);
        }
      })(),
    );

    const submittedCount = () => files.filter((f) => f.submittedAt).length;
    let before = 0;
    let downAt = 0;
    let upAt = 0;
    try {
      await eventually(progress(() => submittedCount() >= 3), 60_000, 'three files in before the restart');
      before = submittedCount();

      await pg.down('fast');
      downAt = Date.now();
      // While it is down, pages say so too, in the visitor's language.
      const page = await h.portal.inject({ method: 'GET', url: '/applications', cookies: { ow_session: 'a-session-that-cannot-be-checked' } });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toContain('text/html');
      await sleep(4000);
      await pg.up();
      upAt = Date.now();

      // The worker's relay listens for NOTIFY again on the restarted server (not only polling from now on).
      await eventually(
        async () => {
          const [{ n }] = await pg.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN onewindow_outbox'`);
          return n > 0 ? true : undefined;
        },
        15_000,
        'the relay listening again',
      );
      await eventually(progress(() => files.filter((f) => (f.submittedAt ?? 0) > upAt).length >= 3), 90_000, 'three files in after the restart');
      filing = false;
      await eventually(progress(() => accepted.size === files.length && submittedCount() === files.length), 120_000, 'every file accepted');
    } finally {
      filing = false;
      stopped = true;
      await Promise.all([...applicantLoops, clerkLoop]);
    }
    if (failure) throw failure;

    // Requests during the outage: 503 with one line saying so, never a 500, never a 401 for a live session.
    const outage = seen.filter((s) => s.status === 503);
    expect(outage.filter((s) => s.app === 'portal').length).toBeGreaterThan(0);
    expect(outage.filter((s) => s.app === 'backoffice').length).toBeGreaterThan(0);
    for (const { response } of outage) {
      expect(response.body).toEqual({ statusCode: 503, error: 'unavailable', message: expect.stringMatching(/^[^\n]{5,120}$/) });
      expect(response.headers['retry-after']).toBe('5');
    }
    expect(seen.filter((s) => ![200, 201, 202, 422, 503].includes(s.status)).map((s) => `${s.app} ${s.status} ${JSON.stringify(s.response.body)}`)).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(before + 3);

    // Every file, before or after: accepted once, with one receipt and one acceptance notice, rendered.
    const ids = files.map((f) => f.id);
    for (const id of ids) expect((await desk.clerk.get(`/api/applications/${id}`)).body.state).toBe('under_review');
    const perFile = async (sql: string) => {
      const rows: Array<{ application_id: string; n: number }> = await h.db.query(sql, [ids]);
      return Object.fromEntries(ids.map((id) => [id, rows.find((r) => r.application_id === id)?.n ?? 0]));
    };
    const once = Object.fromEntries(ids.map((id) => [id, 1]));
    for (const action of ['create', 'submit', 'precheck_pass', 'accept']) {
      expect({ action, counts: await perFile(`SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = '${action}' GROUP BY 1`) }).toEqual({ action, counts: once });
    }
    for (const kind of ['receipt', 'acceptance']) {
      expect({ kind, counts: await perFile(`SELECT application_id, count(*)::int AS n FROM notices WHERE application_id = ANY($1) AND kind = '${kind}' GROUP BY 1`) }).toEqual({ kind, counts: once });
    }
    await eventually(async () => ((await h.db.query('SELECT count(*)::int AS n FROM notices WHERE pdf_sha256 IS NULL'))[0].n === 0 ? true : undefined), 60_000, 'every notice rendered');
    await eventually(async () => ((await h.db.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL'))[0].n === 0 ? true : undefined), 30_000, 'outbox drained');

    // Nothing half-written anywhere in the database.
    // A draft whose 201 was lost with the connection is whole too (its creation event is there); there are at most as many as retried creations.
    const strays: Array<{ id: string; state: string; events: number }> = await h.db.query(
      `SELECT a.id, a.state, (SELECT count(*)::int FROM audit_events e WHERE e.application_id = a.id) AS events FROM applications a WHERE NOT (a.id = ANY($1))`,
      [ids],
    );
    expect(strays.length).toBeLessThanOrEqual(createRetries);
    for (const stray of strays) expect(stray).toEqual({ id: stray.id, state: 'draft', events: 1 });
    // The per-state counters moved in the same transactions as the files.
    const counters: Array<{ key: string; n: number }> = await h.db.query(`SELECT service_code || '/' || state AS key, count::int AS n FROM queue_counters WHERE count <> 0 ORDER BY 1`);
    const actual: Array<{ key: string; n: number }> = await h.db.query(`SELECT service_code || '/' || state AS key, count(*)::int AS n FROM applications GROUP BY 1 ORDER BY 1`);
    expect(counters).toEqual(actual);
    // Each file's audit chain is whole and ends in the state the file is in.
    const audit = await verifyAuditTrail(h.db.manager);
    expect(audit.brokenChains).toEqual([]);
    const mismatched = await h.db.query(
      `SELECT a.id, a.state, e.to_state FROM applications a
         JOIN LATERAL (SELECT to_state FROM audit_events WHERE application_id = a.id AND to_state IS NOT NULL ORDER BY id DESC LIMIT 1) e ON true
        WHERE e.to_state <> a.state`,
    );
    expect(mismatched).toEqual([]);
    // No Idempotency-Key left claimed by a request that died with its connection.
    expect(await h.db.query('SELECT key FROM idempotency_keys WHERE status_code IS NULL')).toEqual([]);
    // Every material row's file is stored.
    const materials: Array<{ sha256: string }> = await h.db.query('SELECT DISTINCT sha256 FROM materials');
    for (const { sha256 } of materials) expect(existsSync(join(h.config.STORAGE_DIR, sha256.slice(0, 2), sha256))).toBe(true);

    // Nothing was restarted: the same worker process did the work after the restart.
    expect(worker.alive).toBe(true);
    expect(worker.pid).toBe(workerPid);
    expect(upAt - downAt).toBeGreaterThanOrEqual(4000);
  }, 300_000);

  it('a submission cut off by the restart, sent again with its Idempotency-Key, is made once and answered at once', async () => {
    const me = applicants[0].api;
    const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() });
    const id: string = draft.body.id;
    const key = randomUUID();
    const submit = () => me.post(`/api/applications/${id}/submit`, {}, { 'idempotency-key': key });
    const first = await submit();
    expect(first.status).toBe(422);
    for (const field of Object.keys(first.body.fields)) {
      await me.upload(`/api/applications/${id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
    }
    // Hold the file's row, so that the submission is half-way through its transaction when PostgreSQL stops.
    const holder = h.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [id]);
    const cut = submit();
    await eventually(
      async () => ((await pg.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'onewindow_restart'`))[0].n > 0 ? true : undefined),
      15_000,
      'the submission waiting on the row',
    );
    await pg.down('fast');
    const cutOff = await cut;
    expect(cutOff.status).toBe(503);
    await holder.release().catch(() => undefined);
    await pg.up();

    const startedAt = Date.now();
    let again = await submit();
    while (again.status === 503 && Date.now() - startedAt < 10_000) {
      await sleep(100);
      again = await submit();
    }
    expect(again.status).toBe(202);
    // Not a 409 after waiting out a claim its dead request could never finish.
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect((await submit()).body).toEqual(again.body);
    const [{ n: submits }] = await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = $1 AND action = 'submit'`, [id]);
    expect(submits).toBe(1);
    const [{ n: receipts }] = await h.db.query(`SELECT count(*)::int AS n FROM notices WHERE application_id = $1 AND kind = 'receipt'`, [id]);
    expect(receipts).toBe(1);
    expect(await h.db.query('SELECT key FROM idempotency_keys WHERE status_code IS NULL')).toEqual([]);
    await eventually(
      async () => {
        assertWorkerAlive();
        return (await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined;
      },
      30_000,
      'precheck after the restart',
    );
    expect(worker.alive).toBe(true);
  }, 120_000);
});
