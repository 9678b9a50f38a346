import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  auditEventHash,
  CalendarService,
  computeMonthlyReport,
  KeyProjectsService,
  loadMonthlyReportInput,
  monthPeriod,
  verifyAuditChain,
} from '@onewindow/applications';
import { SEED_CALENDAR_DAYS, WorkingCalendar } from '@onewindow/domain';
import { NotFoundError } from '@onewindow/domain/errors';
import { AccountEntity, createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { seedDistrict } from '../scripts/seed-district';
import { Api } from './support/api';
import { mobile } from './support/factories';
import { createStaff, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

const sh = (local: string) => new Date(`${local}+08:00`);
const code = () => `2026-140603-02-01-${String(100000 + Math.floor(Math.random() * 800000)).padStart(6, '0')}`;

type Step = [action: string, at: string, to: string];
/**
 * A file as its transitions would have left it: the row with its clock times, and hash-chained audit events (the
 * reports read decisions from these). The state is the last step's.
 */
async function writeFile(db: DataSource, spec: { service: string; steps: Step[]; projectCode?: string }): Promise<string> {
  const id = randomUUID();
  const at = (actions: string[]) => {
    const step = spec.steps.find((s) => actions.includes(s[0]));
    return step ? sh(step[1]) : null;
  };
  await db.query(
    `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, accepted_at, decided_at, issued_at, created_at)
     VALUES ($1, $2, $3, $4, $1, $1, '{}', '13900000000', $5, $6, $7, $8, $9, $6)`,
    [id, `K${id.replace(/-/g, '').slice(0, 19)}`, spec.service, spec.steps[spec.steps.length - 1][2], spec.projectCode ?? null, at(['submit']), at(['accept']), at(['approve', 'deny', 'refuse']), at(['issued'])],
  );
  let prevHash: string | null = null;
  let from = 'draft';
  for (const [action, local, to] of spec.steps) {
    const actorKind: 'applicant' | 'staff' | 'system' = action === 'submit' ? 'applicant' : action === 'issued' ? 'system' : 'staff';
    const event = { applicationId: id, at: sh(local), actorKind, actorId: null, actorName: actorKind, action, fromState: from, toState: to, note: null, data: {} };
    const hash = auditEventHash(prevHash, event);
    await db.query(
      `INSERT INTO audit_events (application_id, at, actor_kind, actor_id, actor_name, action, from_state, to_state, note, data, prev_hash, hash)
       VALUES ($1, $2, $3, NULL, $3, $4, $5, $6, NULL, '{}', $7, $8)`,
      [id, event.at, actorKind, action, from, to, prevHash, hash],
    );
    prevHash = hash;
    from = to;
  }
  return id;
}

/** Submitted and accepted Mon Jul 6 2026 at 09:00 and 10:00, decided as given. */
const decidedOn = (service: string, decision: 'approve' | 'deny', at: string): Step[] => [
  ['submit', '2026-07-06T09:00', 'submitted'],
  ['precheck_pass', '2026-07-06T09:01', 'awaiting_acceptance'],
  ['accept', '2026-07-06T10:00', service === 'investment-filing' ? 'awaiting_seal' : 'under_review'],
  ...(service === 'investment-filing' ? [] : [[decision, at, decision === 'approve' ? 'awaiting_seal' : 'denied'] as Step]),
];
/** On time: the same afternoon, within every service's promise (1 to 5 working days, 15 calendar days). */
const ON_TIME = '2026-07-06T15:00';
/** Late: Mon Aug 10, 25 working days (35 calendar days) after acceptance, past every promise. */
const LATE = '2026-08-10T10:00';

describe('key projects (重点项目): register, permit progress, start of works, start rate, dispatch, bulletin, assessment', () => {
  let h: Harness;
  let clerk: Api;
  let head: Api;
  let leader: Api;
  let helper: Api;
  let otherHelper: Api;
  let admin: Api;
  let vendor: Api;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    const backoffice = new Api(h.backoffice);
    const roles: Record<string, [string[], string[]?]> = {
      'kp-clerk': [['window_clerk']],
      'kp-head': [['section_head'], ['construction']],
      'kp-leader': [['leadership']],
      'kp-helper': [['helper']],
      'kp-other-helper': [['helper']],
      'kp-admin': [['administrator']],
      'kp-vendor': [['seal_vendor']],
    };
    for (const [username, [r, sections]] of Object.entries(roles)) await createStaff(h.db, { username, roles: r, sections, name: username });
    // One at a time: the login throttle counts attempts in flight per address.
    const login = async (username: string) => {
      const response = await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD });
      expect(response.status).toBe(200);
      return backoffice.as(response.body.token);
    };
    clerk = await login('kp-clerk');
    head = await login('kp-head');
    leader = await login('kp-leader');
    helper = await login('kp-helper');
    otherHelper = await login('kp-other-helper');
    admin = await login('kp-admin');
    vendor = await login('kp-vendor');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('reports the start rate as the district does: 161 of 171 projects started is 94.2 %, counting only starts whose construction permit stands', async () => {
    // A register of 171 projects as it stood on May 31 (registered May 1). 161 have their construction permit (issued May 10)
    // and the start of works recorded (May 20). Of the other ten: four recorded a start with no permit filed, two with
    // the permit still under review, one whose permit was revoked on May 25, two with the permit and no start recorded,
    // one with neither. Projects other tests register today do not count as of that date.
    const codeOf = (i: number) => `2026-140603-02-01-${String(700000 + i).padStart(6, '0')}`;
    const indexes = Array.from({ length: 171 }, (_, i) => i);
    const startRecorded = (i: number) => i < 168;
    const permit = (i: number): 'issued' | 'under_review' | 'revoked' | null => (i < 161 || i === 168 || i === 169 ? 'issued' : i === 165 || i === 166 ? 'under_review' : i === 167 ? 'revoked' : null);
    await h.db.query(
      `INSERT INTO key_projects (project_code, name, reason, marked_by, started_on, created_at)
       SELECT code, '平鲁区重点项目第' || n || '号', '市级重点工程', $3, started_on, '2026-05-01T09:00:00+08:00'
         FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS p(code, started_on, n)`,
      [indexes.map(codeOf), indexes.map((i) => (startRecorded(i) ? '2026-05-20' : null)), randomUUID()],
    );
    const permits = indexes.filter((i) => permit(i) !== null);
    const ids = permits.map(() => randomUUID());
    await h.db.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, issued_at, created_at)
       SELECT id, 'K' || substr(replace(id::text, '-', ''), 1, 19), 'construction', state, id, id, '{}', '13900000000', code,
              '2026-05-04T10:00:00+08:00', CASE WHEN state <> 'under_review' THEN '2026-05-10T10:00:00+08:00'::timestamptz END, '2026-05-04T10:00:00+08:00'
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(id, code, state)`,
      [ids, permits.map(codeOf), permits.map((i) => permit(i))],
    );
    const licensed = permits.map((i, k) => ({ i, id: ids[k] })).filter(({ i }) => permit(i) !== 'under_review');
    await h.db.query(
      `INSERT INTO licenses (application_id, number, service_code, holder_name, issued_at, signed_payload, signature, key_id, revoked_at, revoke_reason)
       SELECT id, 'KP' || substr(replace(id::text, '-', ''), 1, 18), 'construction', '平鲁区重点项目业主', '2026-05-10T10:00:00+08:00', 'seeded', 'seeded', 'seeded',
              CASE WHEN revoked THEN '2026-05-25T15:00:00+08:00'::timestamptz END, CASE WHEN revoked THEN '施工图与许可内容不符' END
         FROM unnest($1::uuid[], $2::boolean[]) AS p(id, revoked)`,
      [licensed.map((l) => l.id), licensed.map((l) => permit(l.i) === 'revoked')],
    );

    const response = await leader.get('/api/key-projects/start-rate?asOf=2026-05-31');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ asOf: '2026-05-31', total: 171, started: 161, rate: 0.9415, percent: '94.2 %' });
    // On May 24 the revoked permit still stood: 162 of 171.
    expect((await leader.get('/api/key-projects/start-rate?asOf=2026-05-24')).body).toMatchObject({ total: 171, started: 162, percent: '94.7 %' });
    // A day before any of them started, none had.
    expect((await leader.get('/api/key-projects/start-rate?asOf=2026-05-19')).body).toMatchObject({ total: 171, started: 0, percent: '0.0 %' });

    // The register and the May bulletin say the same of each project.
    const views: Array<{ projectCode: string; started: boolean; startedOn: string | null }> = (await leader.get('/api/key-projects')).body;
    const seeded = views.filter((v) => indexes.some((i) => codeOf(i) === v.projectCode));
    expect(seeded.filter((v) => v.started).map((v) => v.projectCode).sort()).toEqual(indexes.filter((i) => i < 161).map(codeOf));
    expect(seeded.filter((v) => !v.started && v.startedOn === '2026-05-20')).toHaveLength(7);
    const may = (await leader.get('/api/key-projects/bulletin?month=2026-05')).body;
    expect(may).toMatchObject({ projects: 171, started: 161, startRate: { rate: 0.9415, percent: '94.2 %' }, permitsIssued: { construction: 164 } });
    expect(may.startedThisMonth).toHaveLength(161);
    const today = (await leader.get('/api/key-projects/start-rate')).body;
    expect(today.total).toBeGreaterThanOrEqual(171);
    expect(today.started).toBeGreaterThanOrEqual(161);
  });

  it('keeps the register: owner, investment, planned start, section in charge; linked files and their permit progress; start of works by its helper', async () => {
    const projectCode = code();
    const marked = await clerk.post('/api/key-projects', { projectCode, name: '年产4000万平方米纸面石膏板生产线项目', reason: '省级重点项目', helperUsernames: ['kp-helper'] });
    expect(marked.status).toBe(201);

    expect((await head.request('PATCH', `/api/key-projects/${projectCode}`, { investment: '1.23456' })).status).toBe(400);
    // Eleven whole digits of 万元 would overflow the register's numeric(14,4): refused, naming the field.
    const huge = await head.request('PATCH', `/api/key-projects/${projectCode}`, { investment: '99999999999' });
    expect([huge.status, Object.keys(huge.body.fields ?? {})]).toEqual([400, ['investment']]);
    expect((await head.request('PATCH', `/api/key-projects/${projectCode}`, { section: 'nowhere' })).status).toBe(400);
    expect((await leader.request('PATCH', `/api/key-projects/${projectCode}`, { owner: 'x' })).status).toBe(403);
    expect((await head.request('PATCH', `/api/key-projects/${randomUUID()}`, { owner: 'x' })).status).toBe(404);
    const updated = await head.request('PATCH', `/api/key-projects/${projectCode}`, { owner: '朔州市平鲁区北新建材有限公司', investment: '27700', plannedStart: '2026-06-01', section: 'construction' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      projectCode,
      owner: '朔州市平鲁区北新建材有限公司',
      investment: '27700',
      plannedStart: '2026-06-01',
      section: { code: 'construction', name: '建设科' },
      helpers: [{ username: 'kp-helper' }],
      started: false,
      permitsIssued: 0,
      permits: [
        { step: 'investment-filing', status: 'not_filed' },
        { step: 'land-planning', status: 'not_filed' },
        { step: 'engineering-planning', status: 'not_filed' },
        { step: 'construction', status: 'not_filed' },
      ],
    });

    // Planned start passed, not started: on this week's dispatch list.
    let dispatch = (await leader.get('/api/key-projects/dispatch')).body;
    expect(dispatch.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(dispatch.items.find((i: { projectCode: string }) => i.projectCode === projectCode).problems).toEqual([expect.objectContaining({ kind: 'overdue', since: '2026-06-01' })]);

    expect((await helper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-10' })).status).toBe(422);

    // Its files, linked by the project code: three permits issued, the engineering planning permit refused once.
    const file = async (serviceCode: string, state: string, issuedAt: string | null, submittedAt: string) => {
      const id = randomUUID();
      await h.db.query(
        `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, issued_at, created_at, green_channel)
         VALUES ($1, $2, $3, $4, $1, $1, '{}', '13900000000', $5, $6, $7, $6, true)`,
        [id, `K${id.replace(/-/g, '').slice(0, 19)}`, serviceCode, state, projectCode, sh(submittedAt), issuedAt ? sh(issuedAt) : null],
      );
      return id;
    };
    await file('investment-filing', 'issued', '2026-07-02T10:00', '2026-07-01T10:00');
    await file('land-planning', 'issued', '2026-08-10T10:00', '2026-08-03T10:00');
    const refused = await file('engineering-planning', 'not_accepted', null, '2026-09-01T10:00');
    await h.db.query(`UPDATE applications SET updated_at = $2 WHERE id = $1`, [refused, sh('2026-09-02T10:00')]);
    await file('construction', 'issued', '2026-10-20T10:00', '2026-10-15T10:00');

    const view = (await leader.get(`/api/key-projects/${projectCode}`)).body;
    expect(view.permits.map((p: { status: string }) => p.status)).toEqual(['issued', 'issued', 'not_accepted', 'issued']);
    expect(view.permits[2].problem).toMatchObject({ kind: 'not_accepted', severity: 'blocked' });
    expect(view.permitsIssued).toBe(3);
    expect(view.applications).toHaveLength(4);
    dispatch = (await leader.get('/api/key-projects/dispatch')).body;
    expect(dispatch.items.find((i: { projectCode: string }) => i.projectCode === projectCode).problems.map((p: { kind: string; step?: string }) => [p.kind, p.step])).toEqual([
      ['not_accepted', 'engineering-planning'],
      ['overdue', undefined],
    ]);

    // Only the project's helper (or an administrator for its owner) records the start, not before the permit, not in the future, once.
    expect((await otherHelper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-21' })).status).toBe(403);
    expect((await clerk.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-21' })).status).toBe(403);
    expect((await helper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-19' })).status).toBe(422);
    expect((await helper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2099-01-01' })).status).toBe(400);
    const started = await helper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-21' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ started: true, startedOn: '2026-10-21', startRecordedBy: { name: 'kp-helper' } });
    expect((await helper.post(`/api/key-projects/${projectCode}/start`, { startedOn: '2026-10-22' })).status).toBe(422);
    const [audit] = await h.db.query(`SELECT actor_name, data FROM audit_events WHERE action = 'key_project_started' AND data->>'projectCode' = $1`, [projectCode]);
    expect(audit).toMatchObject({ actor_name: 'kp-helper', data: { projectCode, startedOn: '2026-10-21' } });

    // The October bulletin counts the start and the construction permit (the project registered in June).
    await h.db.query(`UPDATE key_projects SET created_at = '2026-06-01T09:00:00+08:00' WHERE project_code = $1`, [projectCode]);
    const bulletin = (await leader.get('/api/key-projects/bulletin?month=2026-10')).body;
    expect(bulletin).toMatchObject({ month: '2026-10', asOf: '2026-10-31', final: true });
    // Of the register then (this project and the 171 of May, none of which has a section), only this one started or got a permit in October.
    expect(bulletin.startedThisMonth).toEqual([{ projectCode, name: '年产4000万平方米纸面石膏板生产线项目', startedOn: '2026-10-21' }]);
    expect(bulletin.permitsIssued).toEqual({ 'investment-filing': 0, 'land-planning': 0, 'engineering-planning': 0, construction: 1 });
    expect(bulletin).toMatchObject({ projects: 172, started: 162, startRate: { rate: 0.9419, percent: '94.2 %' } });
    expect(bulletin.bySection).toEqual([{ section: { code: 'construction', name: '建设科' }, projects: 1, started: 1, percent: '100.0 %' }]);
    expect(bulletin.projectList.find((p: { projectCode: string }) => p.projectCode === projectCode)).toMatchObject({ startedOn: '2026-10-21', investment: '27700' });
    expect((await leader.get('/api/key-projects/bulletin?month=2026-13')).status).toBe(400);
  });

  it("lets the owner — the applicant account holding the project's construction permit file — record the start itself", async () => {
    const projectCode = code();
    expect((await clerk.post('/api/key-projects', { projectCode, name: '平鲁区煤矸石综合利用项目', reason: '市级重点工程', helperUsernames: ['kp-helper'] })).status).toBe(201);
    const applicant = async (name: string) =>
      (await h.db.getRepository(AccountEntity).save({ kind: 'applicant', name, phone: mobile(), passwordHash: 'not-used', roles: [], sections: [] })).id;
    const ownerId = await applicant('朔州市平鲁区煤矸石综合利用有限公司');
    const strangerId = await applicant('朔州市平鲁区塞北商贸有限公司');
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, issued_at, created_at)
       VALUES ($1, $2, 'construction', 'issued', $3, $3, '{}', '13900000000', $4, $5, $6, $5)`,
      [id, `K${id.replace(/-/g, '').slice(0, 19)}`, ownerId, projectCode, sh('2026-09-01T10:00'), sh('2026-09-10T10:00')],
    );
    const projects = h.backoffice.get(KeyProjectsService);
    const now = sh('2026-09-20T10:00');
    await expect(projects.recordStart({ kind: 'applicant', id: strangerId, name: '朔州市平鲁区塞北商贸有限公司' }, projectCode, { startedOn: '2026-09-15' }, now)).rejects.toBeInstanceOf(NotFoundError);
    const view = await projects.recordStart({ kind: 'applicant', id: ownerId, name: '朔州市平鲁区煤矸石综合利用有限公司' }, projectCode, { startedOn: '2026-09-15' }, now);
    expect(view).toMatchObject({ started: true, startedOn: '2026-09-15', startRecordedBy: { id: ownerId, name: '朔州市平鲁区煤矸石综合利用有限公司' } });
    const [audit] = await h.db.query(`SELECT actor_kind, actor_id, data FROM audit_events WHERE action = 'key_project_started' AND data->>'projectCode' = $1`, [projectCode]);
    expect(audit).toEqual({ actor_kind: 'applicant', actor_id: ownerId, data: { projectCode, startedOn: '2026-09-15' } });
    expect((await leader.get(`/api/key-projects/${projectCode}`)).body).toMatchObject({ started: true, startRecordedBy: { id: ownerId } });
  });

  it('ranks sections by the share of decisions made on time in a quarter, ties sharing a rank', async () => {
    // 2026-Q3. 建设科 3 of 3 on time; 食品药品科 6 of 8 and 规划科 3 of 4 (75 % each: rank 2 both, the one with more
    // decisions first); 市场登记科 1 of 2 (an on-time refusal before acceptance, a late approval); 社会组织科 0 of 1;
    // 投资科 none (no rank). A late construction decision of June is another quarter's.
    const project = code();
    expect((await clerk.post('/api/key-projects', { projectCode: project, name: '平鲁区智慧物流园项目', reason: '市级重点工程', helperUsernames: ['kp-helper'] })).status).toBe(201);
    expect((await head.request('PATCH', `/api/key-projects/${project}`, { section: 'planning' })).status).toBe(200);
    const files: Array<{ service: string; at: string; key?: boolean; issued?: string }> = [
      { service: 'construction', at: ON_TIME, key: true, issued: '2026-07-07T10:00' },
      { service: 'construction', at: ON_TIME },
      { service: 'construction', at: ON_TIME },
      ...Array.from({ length: 6 }, () => ({ service: 'food-business', at: ON_TIME })),
      { service: 'food-business', at: LATE },
      { service: 'food-business', at: LATE },
      { service: 'land-planning', at: ON_TIME },
      { service: 'land-planning', at: ON_TIME },
      { service: 'engineering-planning', at: ON_TIME },
      { service: 'engineering-planning', at: LATE, key: true },
      { service: 'business-license', at: LATE },
      { service: 'social-group', at: LATE },
    ];
    for (const f of files) {
      const steps = decidedOn(f.service, 'approve', f.at);
      if (f.issued) steps.push(['seal', f.issued, 'issuing'], ['issued', f.issued, 'issued']);
      await writeFile(h.db, { service: f.service, steps, projectCode: f.key ? project : undefined });
    }
    await writeFile(h.db, { service: 'business-license', steps: [['submit', '2026-07-06T09:00', 'submitted'], ['precheck_pass', '2026-07-06T09:01', 'awaiting_acceptance'], ['refuse', '2026-07-07T10:00', 'not_accepted']] });
    await writeFile(h.db, { service: 'construction', steps: [['submit', '2026-06-01T09:00', 'submitted'], ['accept', '2026-06-01T10:00', 'under_review'], ['approve', '2026-06-30T10:00', 'awaiting_seal']] });
    // The project started on Jul 20 (its construction permit issued Jul 7): started in the quarter.
    expect((await helper.post(`/api/key-projects/${project}/start`, { startedOn: '2026-07-20' })).status).toBe(200);

    const response = await leader.get('/api/key-projects/assessment?quarter=2026-Q3');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ quarter: '2026-Q3', from: '2026-07-01', to: '2026-09-30', final: true });
    const row = (rank: number | null, code: string, decided: number, onTime: number, rate: number | null, percent: string, key = { decided: 0, decidedOnTime: 0, rate: null as number | null, inCharge: 0, started: 0 }) =>
      expect.objectContaining({ rank, section: expect.objectContaining({ code }), decided, decidedOnTime: onTime, rate, percent, keyProjects: key });
    expect(response.body.sections).toEqual([
      // 建设科 is in charge of the register test's project, which started only in October.
      row(1, 'construction', 3, 3, 1, '100.0 %', { decided: 1, decidedOnTime: 1, rate: 1, inCharge: 1, started: 0 }),
      row(2, 'food_drug', 8, 6, 0.75, '75.0 %'),
      row(2, 'planning', 4, 3, 0.75, '75.0 %', { decided: 1, decidedOnTime: 0, rate: 0, inCharge: 1, started: 1 }),
      row(4, 'market_registration', 2, 1, 0.5, '50.0 %'),
      row(5, 'social_organizations', 1, 0, 0, '0.0 %'),
      row(null, 'investment', 0, 0, null, '—'),
    ]);
    // The current quarter answers too, not yet final; a quarter that does not exist is refused.
    expect((await leader.get('/api/key-projects/assessment?quarter=2026-Q4')).body).toMatchObject({ quarter: '2026-Q4', final: false });
    expect((await leader.get('/api/key-projects/assessment?quarter=2026-Q5')).status).toBe(400);
  });

  it("reports a month's bulletin from the register and the files: projects, investment, starts, permits issued, decisions, by section", async () => {
    // March 2026. Registered in February, in this order (the list's): A (27,700 万元, 建设科, permit Mar 5, started Mar 10), B (1.5 万元, 规划科,
    // planned Mar 20, not started), C (120,000 万元, 规划科, land planning Mar 12, permit Mar 3 revoked Mar 28 after a start
    // recorded Mar 25: not started at the month's end). D registered in April is not in March's register.
    const [a, b, c, d] = [code(), code(), code(), code()];
    const register = (projectCode: string, name: string, createdAt: string, fields: { investment: string; section: string; plannedStart?: string; startedOn?: string }) =>
      h.db.query(
        `INSERT INTO key_projects (project_code, name, reason, marked_by, created_at, investment, section, planned_start, started_on) VALUES ($1, $2, '省级重点项目', $3, $4, $5, $6, $7, $8)`,
        [projectCode, name, randomUUID(), sh(createdAt), fields.investment, fields.section, fields.plannedStart ?? null, fields.startedOn ?? null],
      );
    await register(a, '平鲁区甲项目', '2026-02-09T09:00', { investment: '27700', section: 'construction', plannedStart: '2026-03-15', startedOn: '2026-03-10' });
    await register(b, '平鲁区乙项目', '2026-02-10T09:00', { investment: '1.5', section: 'planning', plannedStart: '2026-03-20' });
    await register(c, '平鲁区丙项目', '2026-02-11T09:00', { investment: '120000', section: 'planning', plannedStart: '2026-04-10', startedOn: '2026-03-25' });
    await register(d, '平鲁区丁项目', '2026-04-02T09:00', { investment: '500', section: 'construction' });
    // A's construction permit: accepted Mon Mar 2, approved Thu Mar 5 (promised 3 working days → Thu Mar 5 17:30): on time.
    await writeFile(h.db, {
      service: 'construction',
      projectCode: a,
      steps: [['submit', '2026-03-02T09:00', 'submitted'], ['accept', '2026-03-02T10:00', 'under_review'], ['approve', '2026-03-05T11:00', 'awaiting_seal'], ['seal', '2026-03-05T14:00', 'issuing'], ['issued', '2026-03-05T14:05', 'issued']],
    });
    // C's land planning: accepted Mon Mar 2, approved Thu Mar 12 (promised 5 → Mon Mar 9 17:30): late.
    await writeFile(h.db, {
      service: 'land-planning',
      projectCode: c,
      steps: [['submit', '2026-03-02T09:00', 'submitted'], ['accept', '2026-03-02T10:00', 'under_review'], ['approve', '2026-03-12T11:00', 'awaiting_seal'], ['seal', '2026-03-12T14:00', 'issuing'], ['issued', '2026-03-12T14:05', 'issued']],
    });
    // C's construction permit was decided in February, issued Mar 3, revoked Mar 28.
    const revoked = await writeFile(h.db, {
      service: 'construction',
      projectCode: c,
      steps: [['submit', '2026-02-24T09:00', 'submitted'], ['accept', '2026-02-24T10:00', 'under_review'], ['approve', '2026-02-26T11:00', 'awaiting_seal'], ['seal', '2026-03-03T09:00', 'issuing'], ['issued', '2026-03-03T09:05', 'issued'], ['revoke', '2026-03-28T10:00', 'revoked']],
    });
    await h.db.query(
      `INSERT INTO licenses (application_id, number, service_code, holder_name, issued_at, signed_payload, signature, key_id, revoked_at, revoke_reason)
       VALUES ($1, $2, 'construction', '平鲁区丙项目业主', $3, 'seeded', 'seeded', 'seeded', $4, '以欺骗手段取得许可')`,
      [revoked, `KP${revoked.replace(/-/g, '').slice(0, 18)}`, sh('2026-03-03T09:05'), sh('2026-03-28T10:00')],
    );

    const response = await leader.get('/api/key-projects/bulletin?month=2026-03');
    expect(response.status).toBe(200);
    const bulletin = response.body;
    expect(bulletin).toMatchObject({
      month: '2026-03',
      asOf: '2026-03-31',
      final: true,
      projects: 3,
      investment: '147701.5',
      started: 1,
      startRate: { rate: 0.3333, percent: '33.3 %' },
      permitsIssued: { 'investment-filing': 0, 'land-planning': 1, 'engineering-planning': 0, construction: 2 },
      decisions: { decided: 2, decidedOnTime: 1, rate: 0.5 },
    });
    expect(bulletin.startedThisMonth).toEqual([{ projectCode: a, name: '平鲁区甲项目', startedOn: '2026-03-10' }]);
    expect(bulletin.notStartedPastPlan).toEqual([{ projectCode: b, name: '平鲁区乙项目', plannedStart: '2026-03-20', section: { code: 'planning', name: '规划科' } }]);
    expect(bulletin.bySection).toEqual([
      { section: { code: 'planning', name: '规划科' }, projects: 2, started: 0, percent: '0.0 %' },
      { section: { code: 'construction', name: '建设科' }, projects: 1, started: 1, percent: '100.0 %' },
    ]);
    expect(bulletin.projectList.map((p: { projectCode: string; investment: string; startedOn: string | null }) => [p.projectCode, p.investment, p.startedOn])).toEqual([
      [a, '27700', '2026-03-10'],
      [b, '1.5', null],
      [c, '120000', null],
    ]);
  });

  it('answers hostile input with a 4xx, never a 500', async () => {
    const hostile = ['%00', "'%20OR%20'1'%3D'1", '..%2F..%2Fetc%2Fpasswd', encodeURIComponent('𠀀'.repeat(300))];
    const refused = (status: number) => expect(status >= 400 && status < 500 ? 'refused' : status).toBe('refused');
    for (const value of hostile) {
      for (const path of [`/api/key-projects/${value}`, `/api/key-projects/bulletin?month=${value}`, `/api/key-projects/assessment?quarter=${value}`, `/api/key-projects/start-rate?asOf=${value}`]) {
        refused((await leader.get(path)).status);
      }
      refused((await head.request('PATCH', `/api/key-projects/${value}`, { owner: 'x' })).status);
      refused((await helper.post(`/api/key-projects/${value}/start`, { startedOn: '2026-11-01' })).status);
      refused((await leader.get(`/api/reports/monthly?month=${value}`)).status);
      refused((await leader.get(`/api/reports/monthly/runs/${value}`)).status);
      refused((await leader.get(`/api/reports/monthly/charts/${value}.svg?month=2026-05`)).status);
    }
    const existing = code();
    expect((await clerk.post('/api/key-projects', { projectCode: existing, name: '碳基新材料产业化项目', reason: '新材料产业链项目', helperUsernames: ['kp-helper'] })).status).toBe(201);
    for (const body of [{ owner: 'a\u0000b' }, { investment: '\u0000' }, { plannedStart: '2026-02-30' }, { section: ['planning'] }, { owner: 42 }, { startedOn: '2026-11-01' }]) {
      expect((await head.request('PATCH', `/api/key-projects/${existing}`, body)).status).toBe(400);
    }
    for (const body of [{ startedOn: '\u0000' }, { startedOn: 20261101 }, {}, { startedOn: '2026-13-01' }]) {
      expect((await helper.post(`/api/key-projects/${existing}/start`, body)).status).toBe(400);
    }
  });

  it('is read by leadership and the staff who follow projects, never by the seal-carving vendor', async () => {
    for (const api of [leader, head, helper, clerk, admin]) expect((await api.get('/api/key-projects')).status).toBe(200);
    for (const path of ['/api/key-projects', '/api/key-projects/start-rate', '/api/key-projects/dispatch', '/api/key-projects/bulletin?month=2026-10']) {
      expect((await vendor.get(path)).status).toBe(403);
    }
  });
});

describe("the demo's district seed (scripts/seed-district.ts), in a database of its own", () => {
  const database = `onewindow_seedtest_${randomBytes(4).toString('hex')}`;
  const withDatabase = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  let db: DataSource;
  const now = sh('2026-11-28T10:00');

  beforeAll(async () => {
    const urls = { adminUrl: process.env.DATABASE_ADMIN_URL!, ownerUrl: withDatabase(process.env.DATABASE_OWNER_URL!), appUrl: withDatabase(process.env.DATABASE_URL!) };
    await ensureDatabase(urls);
    await runMigrations(urls);
    db = await createDataSource(urls.ownerUrl, { poolSize: 2 }).initialize();
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(process.env.DATABASE_ADMIN_URL!, database);
  });

  it("seeds a register like Pinglu's and a month of applications across the eight services, with an intact audit chain", async () => {
    const summary = await seedDistrict(db, { now });
    expect(summary).toMatchObject({ month: '2026-10', projects: 5, started: 2 });
    expect(summary.applications).toBeGreaterThan(60);
    expect(await seedDistrict(db, { now })).toMatchObject({ skipped: 'the district register is seeded already' });

    const calendar = new WorkingCalendar(SEED_CALENDAR_DAYS);
    const projects = new KeyProjectsService(db, { current: calendar } as unknown as CalendarService);
    const list = await projects.list(now);
    const byName = (fragment: string) => list.find((p) => p.name.includes(fragment))!;
    expect(byName('光伏组件')).toMatchObject({ started: true, permitsIssued: 4, investment: '120000' });
    expect(byName('纸面石膏板')).toMatchObject({ started: true, permitsIssued: 4, investment: '27700' });
    expect(byName('高岭土').permits[3]).toMatchObject({ status: 'correction_required', problem: { kind: 'correction', severity: 'blocked' } });
    expect(byName('碳基新材料').permits[1]).toMatchObject({ status: 'under_review', problem: { kind: 'overdue' } });
    expect(byName('矿用智能机器人')).toMatchObject({ started: false, permitsIssued: 1 });
    expect(await projects.startRate('2026-11-28')).toMatchObject({ total: 5, started: 2, percent: '40.0 %' });
    const dispatch = await projects.dispatch(now);
    expect(dispatch.items.map((i) => i.name).sort()).toEqual([byName('碳基新材料').name, byName('矿用智能机器人').name, byName('高岭土').name].sort());

    const october = computeMonthlyReport(await loadMonthlyReportInput(db.manager, monthPeriod('2026-10'), calendar, now));
    for (const service of october.services) expect(service.received).toBeGreaterThan(0);
    expect(october.total).toMatchObject({ corrected: expect.any(Number), correctedTwice: expect.any(Number) });
    for (const figure of ['issued', 'refused', 'denied', 'withdrawn', 'extensions', 'assisted', 'greenChannel', 'correctedTwice'] as const) {
      expect(october.total[figure]).toBeGreaterThan(0);
    }
    expect(october.total.onTimeRate).toBeGreaterThan(0.7);
    expect(october.total.onTimeRate).toBeLessThan(1);
    expect(october.pauses.expert_review.count).toBeGreaterThan(0);
    expect(october.sealCarving.delivered).toBeGreaterThan(0);
    expect(october.ratings.count).toBeGreaterThan(0);
    expect(october.slowest).toHaveLength(10);

    const ids: Array<{ id: string }> = await db.query(`SELECT id FROM applications`);
    for (const { id } of ids) expect(await verifyAuditChain(db.manager, id)).toBeNull();
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM daily_service_stats WHERE day >= '2026-10-01' AND day < '2026-11-01'`);
    expect(n).toBeGreaterThan(20);
    const counters: Array<{ total: number }> = await db.query(`SELECT sum(count)::int AS total FROM queue_counters`);
    expect(counters[0].total).toBe(ids.length);
  });
});
