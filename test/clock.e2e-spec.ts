import { Job, Queue, RedisQueueBackend } from 'bullmq';
import { DeadlinesService } from '@onewindow/applications';
import { exampleForm } from '@onewindow/domain';
import { deadlineJobId, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { Api, SAMPLE_FILES } from './support/api';
import { entityName, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { MaintenanceProcessor } from '../apps/worker/src/maintenance.processor';

/**
 * The legal clock over HTTP. "Now" is controlled by writing the stored instants (submitted_at,
 * accepted_at, pause intervals) with the owner connection after the API call that created them:
 * the clock is derived from those instants on every read, so the view answers exactly as it
 * would have on those dates. The deadline jobs are driven through DeadlinesService with a fake
 * `now`, never by sleeping.
 */
describe('the legal clock (法定时限): holidays, pauses, extension, calendar, reminders', () => {
  let h: Harness;
  let portal: Api;
  let me: Api;
  let clerk: Api;
  let reviewer: Api;
  let head: Api;
  let admin: Api;
  let ids: { reviewer: string; head: string };

  const sh = (local: string) => new Date(`${local}+08:00`);

  beforeAll(async () => {
    h = await startHarness();
    portal = new Api(h.portal);
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '时限测试人', phone, idNumber: residentId(), password: 'long-enough-password' });
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
    await createStaff(h.db, { username: 'clock-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'clock-reviewer', roles: ['reviewer'], sections: ['planning', 'market_registration'], name: '王审查' });
    await createStaff(h.db, { username: 'clock-head', roles: ['section_head'], sections: ['planning', 'market_registration'], name: '李科长' });
    await createStaff(h.db, { username: 'clock-admin', roles: ['administrator'] });
    const backoffice = new Api(h.backoffice);
    const login = async (username: string) => backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);
    [clerk, reviewer, head, admin] = await Promise.all(['clock-clerk', 'clock-reviewer', 'clock-head', 'clock-admin'].map(login));
    const accounts: Array<{ id: string; username: string }> = await h.db.query(`SELECT id, username FROM accounts WHERE username = ANY($1)`, [['clock-reviewer', 'clock-head']]);
    ids = { reviewer: accounts.find((a) => a.username === 'clock-reviewer')!.id, head: accounts.find((a) => a.username === 'clock-head')!.id };
  });

  afterAll(async () => {
    await h?.close();
  });

  const staffView = async (id: string) => (await head.get(`/api/applications/${id}`)).body;

  /** Files a form, uploads what submit says is missing, and waits for precheck to route it to the window. */
  async function awaitingAcceptance(serviceCode: string, form: Record<string, unknown>): Promise<string> {
    const draft = await me.post('/api/applications', { serviceCode, form });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    const first = await me.post(`/api/applications/${id}/submit`);
    if (first.status !== 202) {
      expect(first.status).toBe(422);
      for (const field of Object.keys(first.body.fields)) {
        await me.upload(`/api/applications/${id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      }
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
    }
    await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 15000, 'awaiting_acceptance');
    return id;
  }

  async function accepted(serviceCode: string, form: Record<string, unknown>): Promise<string> {
    const id = await awaitingAcceptance(serviceCode, form);
    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const accept = await clerk.post(`/api/applications/${id}/accept`);
    expect(accept.status).toBe(200);
    expect(accept.body.state).toBe('under_review');
    return id;
  }

  const landPlanning = () => accepted('land-planning', exampleForm('land-planning')!);
  const businessLicense = () => accepted('business-license', { ...exampleForm('business-license')!, name: entityName() });

  /** Moves the file's acceptance (and submission) to the given instants: the "now" of the test. */
  async function acceptedOn(id: string, acceptedAt: Date, submittedAt = new Date(acceptedAt.getTime() - 24 * 3600_000)) {
    await h.db.query('UPDATE applications SET submitted_at = $2, accepted_at = $3 WHERE id = $1', [id, submittedAt, acceptedAt]);
  }

  it('accepted the day before 国庆 (Oct 1–7, make-up Sat Oct 10): exact promised and legal due times', async () => {
    const license = await businessLicense();
    await acceptedOn(license, sh('2026-09-30T10:00'));
    // 营业执照: promised 1 working day → Thu Oct 8; legal 3 → Oct 8, Fri Oct 9, make-up Sat Oct 10.
    expect((await staffView(license)).clock).toMatchObject({ promisedDueAt: '2026-10-08T17:30:00+08:00', legalDueAt: '2026-10-10T17:30:00+08:00' });
    expect((await me.get(`/api/applications/${license}`)).body.clock).toMatchObject({ promisedDueAt: '2026-10-08T17:30:00+08:00', legalDueAt: '2026-10-10T17:30:00+08:00' });

    const planning = await landPlanning();
    await acceptedOn(planning, sh('2026-09-30T16:59'));
    // 建设用地规划许可证: promised 5 → Oct 8, 9, 10 (Sat), 12, 13; legal 20 → Nov 3.
    expect((await staffView(planning)).clock).toMatchObject({ promisedDueAt: '2026-10-13T17:30:00+08:00', legalDueAt: '2026-11-03T17:30:00+08:00' });
    const estimate = await portal.get('/api/services/land-planning/estimate?acceptedOn=2026-09-30');
    expect(estimate.body).toEqual({ promisedDueAt: '2026-10-13T17:30:00+08:00', legalDueAt: '2026-11-03T17:30:00+08:00' });
  });

  it('a correction pause pushes the acceptance deadline by exactly the working days it lasted, and shows paused meanwhile', async () => {
    const id = await awaitingAcceptance('business-license', { ...exampleForm('business-license')!, name: entityName() });
    // Submitted Mon Nov 2 10:00: accept or refuse by Mon Nov 9 17:30.
    await h.db.query('UPDATE applications SET submitted_at = $2 WHERE id = $1', [id, sh('2026-11-02T10:00')]);
    expect((await staffView(id)).clock.acceptanceDueAt).toBe('2026-11-09T17:30:00+08:00');

    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await clerk.post(`/api/applications/${id}/request-correction`, { items: [{ field: 'domicile', reason: '住所应写明门牌号' }] })).status).toBe(200);
    expect((await staffView(id)).clock.status).toBe('paused');
    await h.db.query(`UPDATE application_pauses SET started_at = $2 WHERE application_id = $1 AND reason = 'correction'`, [id, sh('2026-11-03T10:00')]);

    expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
    await eventually(async () => ((await staffView(id)).state === 'awaiting_acceptance' ? true : undefined), 15000, 'back at the window');
    // With the applicant Tue Nov 3 10:00 → Fri Nov 6 10:00: three working days (Wed, Thu, Fri) → Thu Nov 12.
    await h.db.query(`UPDATE application_pauses SET ended_at = $2 WHERE application_id = $1 AND reason = 'correction'`, [id, sh('2026-11-06T10:00')]);
    const clock = (await staffView(id)).clock;
    expect(clock.acceptanceDueAt).toBe('2026-11-12T17:30:00+08:00');
    expect(clock.status).not.toBe('paused');
  });

  it('an extension of 10 working days by the section head moves legalDueAt exactly, once, with its notice', async () => {
    const id = await landPlanning();
    await acceptedOn(id, sh('2026-09-30T10:00'));
    expect((await reviewer.post(`/api/applications/${id}/extend`, { workingDays: 10, reason: '需现场踏勘' })).status).toBe(403);
    const tooLong = await head.post(`/api/applications/${id}/extend`, { workingDays: 11, reason: '需现场踏勘' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toContain('10');

    const extended = await head.post(`/api/applications/${id}/extend`, { workingDays: 10, reason: '涉及规划条件核实，需现场踏勘' });
    expect(extended.status).toBe(200);
    // Legal Nov 3 + 10 working days: Nov 4, 5, 6, 9, 10, 11, 12, 13, 16, 17. The promise does not move.
    expect(extended.body.clock).toMatchObject({ promisedDueAt: '2026-10-13T17:30:00+08:00', legalDueAt: '2026-11-17T17:30:00+08:00' });
    const view = await staffView(id);
    expect(view.clock.legalDueAt).toBe('2026-11-17T17:30:00+08:00');
    expect(view.notices.map((n: { kind: string }) => n.kind)).toContain('extension');
    expect(view.timeline.find((t: { action: string }) => t.action === 'extend')).toMatchObject({ note: '涉及规划条件核实，需现场踏勘' });
    const [row] = await h.db.query('SELECT extension_working_days, extension_reason FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ extension_working_days: 10, extension_reason: '涉及规划条件核实，需现场踏勘' });

    const again = await head.post(`/api/applications/${id}/extend`, { workingDays: 1, reason: '再次延长' });
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('一次');
    // 营业执照's law allows 3 at most.
    const license = await businessLicense();
    const licenseTooLong = await head.post(`/api/applications/${license}/extend`, { workingDays: 4, reason: '情况复杂' });
    expect(licenseTooLong.status).toBe(422);
    expect(licenseTooLong.body.message).toContain('3');
  });

  it('an administrator adding a holiday changes the estimate; the year stops being provisional; others get 403', async () => {
    expect((await clerk.get('/api/admin/calendar?year=2027')).status).toBe(403);
    const year2027 = await admin.get('/api/admin/calendar?year=2027');
    expect(year2027.status).toBe(200);
    expect(year2027.body.provisional).toBe(true);
    expect(year2027.body.days).toContainEqual({ date: '2027-10-01', kind: 'holiday', name: '国庆节', provisional: true });

    const before = await portal.get('/api/services/business-license/estimate?acceptedOn=2028-03-01');
    expect(before.body).toEqual({ promisedDueAt: '2028-03-02T17:30:00+08:00', legalDueAt: '2028-03-06T17:30:00+08:00' });
    expect((await admin.get('/api/admin/calendar?year=2028')).body).toEqual({ year: 2028, provisional: true, days: [] });

    expect((await clerk.request('PUT', '/api/admin/calendar/2028-03-02', { kind: 'holiday', name: '测试假日' })).status).toBe(403);
    expect((await admin.request('PUT', '/api/admin/calendar/2028-03-02', { kind: 'vacation', name: '测试假日' })).status).toBe(400);
    expect((await admin.request('PUT', '/api/admin/calendar/2028-03-01', { kind: 'workday', name: '调休' })).status).toBe(422);
    const put = await admin.request('PUT', '/api/admin/calendar/2028-03-02', { kind: 'holiday', name: '测试假日' });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ date: '2028-03-02', kind: 'holiday', name: '测试假日', provisional: false });

    // The portal is another process in production: it learns of the change by NOTIFY (here at once, or within the poll).
    const after = await eventually(async () => {
      const answer = (await portal.get('/api/services/business-license/estimate?acceptedOn=2028-03-01')).body;
      return answer.promisedDueAt === '2028-03-03T17:30:00+08:00' ? answer : undefined;
    }, 10000, 'the estimate to follow the calendar');
    expect(after).toEqual({ promisedDueAt: '2028-03-03T17:30:00+08:00', legalDueAt: '2028-03-07T17:30:00+08:00' });
    expect((await admin.get('/api/admin/calendar?year=2028')).body).toEqual({
      year: 2028,
      provisional: false,
      days: [{ date: '2028-03-02', kind: 'holiday', name: '测试假日', provisional: false }],
    });
    const events = await h.db.query(`SELECT actor_name, data FROM audit_events WHERE application_id IS NULL AND action = 'calendar_day_set' AND data->>'date' = '2028-03-02'`);
    expect(events).toEqual([{ actor_name: 'clock-admin', data: expect.objectContaining({ date: '2028-03-02', kind: 'holiday', name: '测试假日', previous: null }) }]);

    expect((await admin.request('DELETE', '/api/admin/calendar/2028-03-02')).status).toBe(204);
    expect((await admin.request('DELETE', '/api/admin/calendar/2028-03-02')).status).toBe(404);
    await eventually(async () => {
      const answer = (await portal.get('/api/services/business-license/estimate?acceptedOn=2028-03-01')).body;
      return answer.promisedDueAt === '2028-03-02T17:30:00+08:00' ? answer : undefined;
    }, 10000, 'the estimate to follow the deletion');
  });

  it('a special procedure pauses the clock and, once ended, pushes the due times by the working days it took', async () => {
    const id = await landPlanning();
    const start = (api: Api) => api.post(`/api/applications/${id}/special-procedures`, { kind: 'expert_review', reason: '组织专家论证规划条件' });
    expect((await clerk.post(`/api/applications/${id}/special-procedures`, { kind: 'expert_review', reason: '论证' })).status).toBe(403);
    expect((await start(reviewer)).status).toBe(422);
    expect((await reviewer.post(`/api/applications/${id}/special-procedures`, { kind: 'site_visit', reason: '论证' })).status).toBe(400);

    expect((await reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const started = await start(reviewer);
    expect(started.status).toBe(200);
    expect(started.body.clock.status).toBe('paused');
    expect((await staffView(id)).clock.status).toBe('paused');
    expect((await start(head)).status).toBe(422);

    const ended = await reviewer.post(`/api/applications/${id}/special-procedures/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.kind).toBe('expert_review');
    expect(ended.body.clock.status).not.toBe('paused');
    expect((await reviewer.post(`/api/applications/${id}/special-procedures/end`)).status).toBe(422);
    const actions = (await staffView(id)).timeline.map((t: { action: string }) => t.action);
    expect(actions).toEqual(expect.arrayContaining(['special_procedure_start', 'special_procedure_end']));

    // Accepted Mon Nov 2; the expert review ran Tue Nov 3 10:00 → Fri Nov 6 10:00 (3 working days):
    // promised Mon Nov 9 → Thu Nov 12, legal Mon Nov 30 → Thu Dec 3.
    await acceptedOn(id, sh('2026-11-02T10:00'));
    await h.db.query(`UPDATE application_pauses SET started_at = $2, ended_at = $3 WHERE application_id = $1 AND reason = 'expert_review'`, [
      id,
      sh('2026-11-03T10:00'),
      sh('2026-11-06T10:00'),
    ]);
    expect((await staffView(id)).clock).toMatchObject({ promisedDueAt: '2026-11-12T17:30:00+08:00', legalDueAt: '2026-12-03T17:30:00+08:00' });
  });

  it('acceptance schedules delayed reminder and escalation jobs whose ids carry the due time', async () => {
    const id = await landPlanning();
    const due = new Date((await staffView(id)).clock.promisedDueAt);
    const queue = new Queue(QUEUES.deadlines, { connection: redisConnectionOptions(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
    try {
      for (const kind of ['remind50', 'remind80', 'escalate'] as const) {
        const jobId = deadlineJobId({ applicationId: id, kind, dueAt: due.getTime() / 1000 });
        const job = await eventually(async () => (await queue.getJob(jobId)) ?? undefined, 15000, jobId);
        expect(await job.getState()).toBe('delayed');
        expect(job.name).toBe(kind === 'escalate' ? 'escalate' : 'remind');
      }
    } finally {
      await queue.close();
    }
  });

  it('when Redis lost the delayed deadline jobs, the minute job schedules them again from PostgreSQL', async () => {
    const id = await landPlanning();
    const due = new Date((await staffView(id)).clock.promisedDueAt);
    const jobIds = (['remind50', 'remind80', 'escalate'] as const).map((kind) => deadlineJobId({ applicationId: id, kind, dueAt: due.getTime() / 1000 }));
    const queue = new Queue(QUEUES.deadlines, { connection: redisConnectionOptions(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
    try {
      for (const jobId of jobIds) await eventually(async () => (await queue.getJob(jobId)) ?? undefined, 15000, jobId);
      // What a flush does to this file's work: its jobs and the marker beside them are gone.
      for (const jobId of jobIds) await (await queue.getJob(jobId))!.remove();
      const redis = await (queue.getBackend() as RedisQueueBackend).client;
      await redis.del(`${h.config.QUEUE_PREFIX}:deadline-jobs-restored`);

      const report = (await h.worker!.get(MaintenanceProcessor).process({ name: 'reconcile', data: {} } as Job)) as { deadlines: number };
      expect(report.deadlines).toBeGreaterThanOrEqual(1);
      for (const jobId of jobIds) {
        const job = await eventually(async () => (await queue.getJob(jobId)) ?? undefined, 15000, jobId);
        expect(await job.getState()).toBe('delayed');
      }
      // With the marker back, the next minute's run schedules nothing again.
      expect(((await h.worker!.get(MaintenanceProcessor).process({ name: 'reconcile', data: {} } as Job)) as { deadlines: number }).deadlines).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('reminders at 50 % and 80 % reach whoever works the file, the escalation at 100 % the section head, each once', async () => {
    const deadlines = h.worker!.get(DeadlinesService);
    const id = await landPlanning();
    // Accepted Mon Nov 2 10:00, promised 5 working days → Mon Nov 9 17:30: 41 office hours.
    await acceptedOn(id, sh('2026-11-02T10:00'));
    const plan = await deadlines.planFor(id, sh('2026-11-02T10:01'));
    const dueAt = sh('2026-11-09T17:30').getTime() / 1000;
    expect(plan.map((p) => [p.kind, p.fireAt.toISOString(), p.jobId])).toEqual([
      // 20.5 h: Mon 6 h, Tue and Wed 7 h each, then 30 min of Thu.
      ['remind50', sh('2026-11-05T09:30').toISOString(), `deadline-${id}-remind50-${dueAt}`],
      // 32.8 h: 27 h by Thu's close, then 3 h + 2 h 48 min of Fri.
      ['remind80', sh('2026-11-06T16:18').toISOString(), `deadline-${id}-remind80-${dueAt}`],
      ['escalate', sh('2026-11-09T17:30').toISOString(), `deadline-${id}-escalate-${dueAt}`],
    ]);
    const job = (kind: 'remind50' | 'remind80' | 'escalate') => ({ applicationId: id, kind, dueAt, fireAt: plan.find((p) => p.kind === kind)!.fireAt.getTime() });
    const rows = (template: string) =>
      h.db.query(`SELECT account_id, channel, recipient, body FROM notifications WHERE application_id = $1 AND template = $2 ORDER BY recipient`, [id, template]);

    // A minute early does nothing; a due time that moved on does nothing.
    expect(await deadlines.fire(job('remind50'), sh('2026-11-05T09:29'))).toEqual({ outcome: 'early', fireAt: sh('2026-11-05T09:30') });
    expect(await deadlines.fire({ ...job('remind50'), dueAt: dueAt - 86400 }, sh('2026-11-05T09:30'))).toEqual({ outcome: 'stale' });
    expect(await rows('deadline-reminder-50')).toEqual([]);

    // Unclaimed: the reviewers of the file's section hear of it.
    const half = await deadlines.fire(job('remind50'), sh('2026-11-05T09:30'));
    expect(half).toMatchObject({ outcome: 'sent' });
    const halfRows = await rows('deadline-reminder-50');
    expect(halfRows).toContainEqual({ account_id: ids.reviewer, channel: 'sms', recipient: 'clock-reviewer', body: expect.stringContaining('已过半') });
    expect(halfRows.every((r: { account_id: string }) => r.account_id !== ids.head)).toBe(true);
    // Run twice (a retry, a replay): no second message.
    expect(await deadlines.fire(job('remind50'), sh('2026-11-05T09:31'))).toMatchObject({ outcome: 'sent', notified: 0 });
    expect(await rows('deadline-reminder-50')).toHaveLength(halfRows.length);

    // Claimed: only the claim holder.
    expect((await reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect(await deadlines.fire(job('remind80'), sh('2026-11-06T16:18'))).toEqual({ outcome: 'sent', recipients: [ids.reviewer], notified: 1 });
    const [eighty] = await rows('deadline-reminder-80');
    expect(eighty.body).toContain('2026年11月9日17:30');

    // 100 %: the section head, told who holds the file.
    const escalated = await deadlines.fire(job('escalate'), sh('2026-11-09T17:30'));
    expect(escalated).toMatchObject({ outcome: 'sent' });
    const escalations = await rows('deadline-escalation');
    expect(escalations).toContainEqual({ account_id: ids.head, channel: 'sms', recipient: 'clock-head', body: expect.stringContaining('经办人：王审查') });
    expect(escalations.every((r: { account_id: string }) => r.account_id !== ids.reviewer)).toBe(true);

    // While a special procedure is open the clock stands still: a job firing then is stale.
    expect((await reviewer.post(`/api/applications/${id}/special-procedures`, { kind: 'hearing', reason: '利害关系人申请听证' })).status).toBe(200);
    expect(await deadlines.fire(job('escalate'), sh('2026-11-09T17:31'))).toEqual({ outcome: 'stale' });
    expect(await deadlines.planFor(id)).toEqual([]);
  });

  it('the green channel runs on the shorter promised limit', async () => {
    const id = await landPlanning();
    await acceptedOn(id, sh('2026-11-02T10:00'));
    await h.db.query('UPDATE applications SET green_channel = true WHERE id = $1', [id]);
    // 建设用地规划许可证 promises 5 working days, 3 in the green channel: Nov 3, 4, 5.
    expect((await staffView(id)).clock).toMatchObject({ promisedDueAt: '2026-11-05T17:30:00+08:00', legalDueAt: '2026-11-30T17:30:00+08:00' });
    const estimate = await portal.get('/api/services/land-planning/estimate?acceptedOn=2026-11-02&greenChannel=true');
    expect(estimate.body).toEqual({ promisedDueAt: '2026-11-05T17:30:00+08:00', legalDueAt: '2026-11-30T17:30:00+08:00' });
  });
});
