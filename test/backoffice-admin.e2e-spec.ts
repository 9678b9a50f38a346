import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { bureauCalendar } from '@onewindow/applications';
import { exampleForm } from '@onewindow/domain';
import { QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { Locale, translate } from '@onewindow/web';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, entityName } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

interface Page {
  status: number;
  html: string;
  location?: string;
}

/** A browser without JavaScript: keeps cookies, posts forms as application/x-www-form-urlencoded with the page's CSRF token. */
class Browser {
  private readonly jar = new Map<string, string>();
  last = '';

  constructor(private readonly app: NestFastifyApplication) {}

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method: 'GET' | 'POST', url: string, body?: string): Promise<Page> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        accept: 'text/html',
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      payload: body,
    });
    this.keep(response.headers['set-cookie']);
    const page = { status: response.statusCode, html: response.body, location: response.headers.location as string | undefined };
    if (method === 'GET' && page.status < 300) this.last = page.html;
    return page;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, fields: Record<string, string | string[]>) {
    const form = new URLSearchParams();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(this.last);
    if (!csrf) throw new Error('no CSRF token on the page last fetched');
    form.append('_csrf', csrf[1]);
    for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) form.append(k, value);
    return this.request('POST', url, form.toString());
  }

  async signIn(username: string, password = STAFF_PASSWORD): Promise<Page> {
    await this.get('/login');
    return this.post('/login', { username, password });
  }
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const t = (key: string, params: Record<string, string | number> = {}, locale: Locale = 'zh-CN') => translate(locale, key, params);
const sh = (local: string) => new Date(`${local}+08:00`);

describe('back office administration, vendor and follow-up pages (HTTP)', () => {
  let h: Harness;
  let admin: Browser;
  let adminApi: Api;
  const run = randomBytes(3).toString('hex');
  const name = (what: string) => `adm-${what}-${run}`;

  beforeAll(async () => {
    h = await startHarness();
    await createStaff(h.db, { username: name('admin'), roles: ['administrator'], name: '管理员甲' });
    admin = new Browser(h.backoffice);
    expect((await admin.signIn(name('admin'))).location).toBe('/admin');
    const login = await new Api(h.backoffice).post('/api/auth/login', { username: name('admin'), password: STAFF_PASSWORD });
    adminApi = new Api(h.backoffice, login.body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  const accountId = async (username: string): Promise<string> => (await h.db.query('SELECT id FROM accounts WHERE username = $1', [username]))[0].id;
  /** Signs in; a sign-in meant to fail comes from an address of its own, so the per-address limit never meets other files' sign-ins. */
  const staffApi = async (username: string, password = STAFF_PASSWORD, from?: string) => {
    const login = await new Api(h.backoffice).post('/api/auth/login', { username, password }, from ? { 'x-forwarded-for': from } : undefined);
    return { status: login.status, api: new Api(h.backoffice, login.body.token) };
  };

  describe('staff accounts', () => {
    it('an administrator creates an account on the page, with errors beside the fields first; the person then signs in', async () => {
      await admin.get('/admin/staff/new');
      const bad = await admin.post('/admin/staff', { username: 'A B', name: '', roles: [], password: 'short' });
      expect(bad.status).toBe(400);
      const page = text(bad.html);
      expect(bad.html).toContain('class="error-summary"');
      for (const message of [t('admin.staff.username_invalid'), t('fields.name'), t('admin.staff.roles_required'), t('fields.password_too_short')]) expect(page).toContain(message);
      expect(bad.html).toContain('id="username-error"');

      // A reviewer needs a section; the password may not contain the username.
      await admin.get('/admin/staff/new');
      const noSection = await admin.post('/admin/staff', { username: name('rev'), name: '审查员乙', roles: ['reviewer'], password: `${name('rev')}-secret` });
      expect(noSection.status).toBe(400);
      expect(text(noSection.html)).toContain(t('admin.staff.sections_required'));
      expect(text(noSection.html)).toContain(t('admin.staff.password_personal'));

      await admin.get('/admin/staff/new');
      const created = await admin.post('/admin/staff', { username: name('rev'), name: '审查员乙', roles: ['reviewer', 'section_head'], sections: ['food_drug'], password: 'Initial-Pass-for-Yi-2026' });
      expect(created.status).toBe(303);
      expect(created.location).toBe(`/admin/staff?created=${name('rev')}`);
      const list = await admin.get(created.location!);
      expect(text(list.html)).toContain(name('rev'));
      expect(text(list.html)).toContain(t('admin.role.section_head'));

      // The same username again is refused by name.
      await admin.get('/admin/staff/new');
      const twice = await admin.post('/admin/staff', { username: name('rev'), name: '另一个人', roles: ['window_clerk'], password: 'Another-Initial-Pass-2026' });
      expect(twice.status).toBe(400);
      expect(text(twice.html)).toContain(t('admin.staff.username_taken'));

      const [row] = await h.db.query('SELECT kind, name, roles, sections, disabled_at FROM accounts WHERE username = $1', [name('rev')]);
      expect(row).toEqual({ kind: 'staff', name: '审查员乙', roles: ['reviewer', 'section_head'], sections: ['food_drug'], disabled_at: null });
      const person = new Browser(h.backoffice);
      expect((await person.signIn(name('rev'), 'Initial-Pass-for-Yi-2026')).status).toBe(303);
      expect((await person.get('/follow-ups')).status).toBe(200);
      const audit = await h.db.query(`SELECT actor_name, data FROM audit_events WHERE action = 'staff_account_created' AND data->>'username' = $1`, [name('rev')]);
      expect(audit).toEqual([{ actor_name: '管理员甲', data: expect.objectContaining({ roles: ['reviewer', 'section_head'], sections: ['food_drug'] }) }]);
    });

    it("disabling an account signs its owner out on their very next request: a page goes to sign-in, the API answers 401", async () => {
      await createStaff(h.db, { username: name('head'), roles: ['section_head'], sections: ['market_registration'], name: '科长丙' });
      const person = new Browser(h.backoffice);
      await person.signIn(name('head'));
      expect((await person.get('/follow-ups')).status).toBe(200);
      const { api } = await staffApi(name('head'));
      expect((await api.get('/api/follow-ups')).status).toBe(200);

      const id = await accountId(name('head'));
      await admin.get(`/admin/staff/${id}`);
      const disabled = await admin.post(`/admin/staff/${id}/disable`, {});
      expect(disabled).toMatchObject({ status: 303, location: `/admin/staff/${id}?disabled=1` });
      expect(text((await admin.get(disabled.location!)).html)).toContain(t('admin.staff.flash_disabled'));

      const next = await person.get('/follow-ups');
      expect(next.status).toBe(303);
      expect(next.location).toBe('/login?next=%2Ffollow-ups');
      expect((await api.get('/api/follow-ups')).status).toBe(401);
      expect((await staffApi(name('head'), STAFF_PASSWORD, '203.0.113.222')).status).toBe(401);

      // Nobody disables themselves by mistake.
      const me = await accountId(name('admin'));
      await admin.get(`/admin/staff/${me}`);
      const self = await admin.post(`/admin/staff/${me}/disable`, {});
      expect(self.status).toBe(400);
      expect(text(self.html)).toContain(t('admin.staff.cannot_disable_self'));

      // Enabled again, the person signs in with the password they had.
      await admin.get(`/admin/staff/${id}`);
      expect((await admin.post(`/admin/staff/${id}/enable`, {})).status).toBe(303);
      expect((await staffApi(name('head'))).status).toBe(200);
    });

    it('a password reset checks the policy, ends every session, and only the new password signs in', async () => {
      await createStaff(h.db, { username: name('clerk'), roles: ['window_clerk'], name: '窗口丁' });
      const id = await accountId(name('clerk'));
      const { api } = await staffApi(name('clerk'));
      expect((await api.get('/api/inbox')).status).toBe(200);

      await admin.get(`/admin/staff/${id}`);
      const weak = await admin.post(`/admin/staff/${id}/password`, { password: 'password123' });
      expect(weak.status).toBe(400);
      expect(text(weak.html)).toContain(t('fields.password_common'));
      expect((await api.get('/api/inbox')).status).toBe(200);

      await admin.get(`/admin/staff/${id}`);
      expect(await admin.post(`/admin/staff/${id}/password`, { password: 'A-Fresh-Start-for-Ding' })).toMatchObject({ status: 303, location: `/admin/staff/${id}?password=1` });
      expect((await api.get('/api/inbox')).status).toBe(401);
      expect((await staffApi(name('clerk'), STAFF_PASSWORD, '203.0.113.222')).status).toBe(401);
      expect((await staffApi(name('clerk'), 'A-Fresh-Start-for-Ding')).status).toBe(200);
    });

    it('roles and sections apply from the next request; an administrator cannot drop their own administrator role', async () => {
      await createStaff(h.db, { username: name('vendor'), roles: ['seal_vendor'] });
      const id = await accountId(name('vendor'));
      const person = new Browser(h.backoffice);
      await person.signIn(name('vendor'));
      expect((await person.get('/follow-ups')).status).toBe(403);

      await admin.get(`/admin/staff/${id}`);
      expect((await admin.post(`/admin/staff/${id}`, { name: '刻章戊', roles: ['seal_vendor', 'leadership'] })).status).toBe(303);
      expect((await person.get('/follow-ups')).status).toBe(200);

      const me = await accountId(name('admin'));
      await admin.get(`/admin/staff/${me}`);
      const drop = await admin.post(`/admin/staff/${me}`, { name: '管理员甲', roles: ['leadership'] });
      expect(drop.status).toBe(400);
      expect(text(drop.html)).toContain(t('admin.staff.keep_own_admin'));
    });
  });

  describe('the clock: calendar and service settings', () => {
    let me: Api;
    let mePhone: string;
    let clerk: Api;
    let head: Api;

    beforeAll(async () => {
      ({ api: me, phone: mePhone } = await signedInApplicant(h, '时限申请人'));
      await createStaff(h.db, { username: name('c-clerk'), roles: ['window_clerk'] });
      await createStaff(h.db, { username: name('c-head'), roles: ['section_head'], sections: ['market_registration', 'food_drug'] });
      clerk = (await staffApi(name('c-clerk'))).api;
      head = (await staffApi(name('c-head'))).api;
    });

    async function submitted(serviceCode: string, form: Record<string, unknown>): Promise<string> {
      const draft = await me.post('/api/applications', { serviceCode, form });
      expect(draft.status).toBe(201);
      const first = await me.post(`/api/applications/${draft.body.id}/submit`);
      if (first.status !== 202) {
        for (const field of Object.keys(first.body.fields)) {
          await me.upload(`/api/applications/${draft.body.id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
        }
        expect((await me.post(`/api/applications/${draft.body.id}/submit`)).status).toBe(202);
      }
      await eventually(async () => ((await me.get(`/api/applications/${draft.body.id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 15000, 'precheck');
      return draft.body.id;
    }

    async function accept(id: string, acceptedAt: Date): Promise<void> {
      expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
      expect((await clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
      // The test's "now": the clock is derived from the stored instants on every read.
      await h.db.query('UPDATE applications SET submitted_at = $2, accepted_at = $3 WHERE id = $1', [id, new Date(acceptedAt.getTime() - 24 * 3600_000), acceptedAt]);
    }

    const promisedDueAt = async (id: string) => (await head.get(`/api/applications/${id}`)).body.clock.promisedDueAt as string;

    it('a holiday added on the calendar page moves a due date; removing it moves it back', async () => {
      const id = await submitted('business-license', businessLicenseForm({ name: entityName() }));
      await accept(id, sh('2099-06-10T10:00'));
      // 营业执照: promised 1 working day: accepted Wed 10 June → Thu 11 June.
      expect(await promisedDueAt(id)).toBe('2099-06-11T17:30:00+08:00');

      await admin.get('/admin/calendar?year=2099');
      const added = await admin.post('/admin/calendar', { date: '2099-06-11', kind: 'holiday', name: '测试假日' });
      expect(added).toMatchObject({ status: 303, location: '/admin/calendar?year=2099&added=2099-06-11' });
      expect(text((await admin.get(added.location!)).html)).toContain('测试假日');
      expect(await promisedDueAt(id)).toBe('2099-06-12T17:30:00+08:00');

      // A make-up working day must be a weekend day: said beside the choice.
      const weekday = await admin.post('/admin/calendar', { date: '2099-06-12', kind: 'workday', name: '调休' });
      expect(weekday.status).toBe(422);
      expect(text(weekday.html)).toContain(translate('zh-CN', 'rules.makeup_day_not_weekend'));

      await admin.get('/admin/calendar?year=2099');
      const removed = await admin.post('/admin/calendar/2099-06-11/delete', {});
      expect(removed).toMatchObject({ status: 303, location: '/admin/calendar?year=2099&removed=2099-06-11' });
      expect(await promisedDueAt(id)).toBe('2099-06-11T17:30:00+08:00');
      expect(await h.db.query(`SELECT action FROM audit_events WHERE application_id IS NULL AND data->>'date' = '2099-06-11' ORDER BY id`)).toEqual([
        { action: 'calendar_day_set' },
        { action: 'calendar_day_deleted' },
      ]);
    });

    /** What the portal says of the business licence's promise: the guide's and the home page's days, the estimates (accepted the day before 国庆) and the API's days. */
    async function promiseShownOnPortal() {
      const portal = new Api(h.portal);
      const html = async (url: string) => (await h.portal.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body;
      const limit = (n: number) => t(n === 1 ? 'limit.working_days_one' : 'limit.working_days', { days: n });
      const daysIn = (shown: string, key: string) => [1, 2, 3, 4, 5].filter((n) => shown.includes(t(key, { limit: limit(n) })));
      const guide = text(await html('/services/business-license'));
      const card = /href="\/services\/business-license">[^<]*<\/a><span class="meta">([^<]*)<\/span>/.exec(await html('/'))?.[1] ?? '';
      const estimate = await portal.get('/api/services/business-license/estimate?acceptedOn=2026-09-30');
      const green = await portal.get('/api/services/business-license/estimate?acceptedOn=2026-09-30&greenChannel=true');
      const api = await portal.get('/api/services/business-license');
      const [guideDays] = daysIn(guide, 'guide.limits_promised');
      return {
        guide: guideDays,
        home: daysIn(card, 'home.promised').includes(guideDays) && daysIn(card, 'home.promised').length === 1,
        estimate: estimate.body.promisedDueAt,
        green: green.body.promisedDueAt,
        api: api.body.promisedLimit.days,
      };
    }

    it('a settings change applies to files submitted after it; a file submitted before keeps its promise, even accepted after the change', settingsChangeApplies);

    async function settingsChangeApplies(): Promise<void> {
      const before = await submitted('business-license', businessLicenseForm({ name: entityName() }));

      await admin.get('/admin/services/business-license');
      const outOfRange = await admin.post('/admin/services/business-license', { promisedDays: '4', greenChannelDays: '5' });
      expect(outOfRange.status).toBe(400);
      expect(text(outOfRange.html)).toContain(t('admin.services.promised_range'));
      expect(text(outOfRange.html)).toContain(t('admin.services.green_range'));

      await admin.get('/admin/services/business-license');
      const saved = await admin.post('/admin/services/business-license', { promisedDays: '3', greenChannelDays: '2' });
      expect(saved).toMatchObject({ status: 303, location: '/admin/services/business-license?saved=1' });
      try {
        const page = text((await admin.get(saved.location!)).html);
        expect(page).toContain('1 → 3');
        expect(page).toContain('管理员甲');

        // The portal tells a person the promise that will apply to them: the guide, the home page, the estimate and the API.
        expect(await promiseShownOnPortal()).toEqual({ guide: 3, home: true, estimate: '2026-10-10T17:30:00+08:00', green: '2026-10-09T17:30:00+08:00', api: 3 });

        const after = await submitted('business-license', businessLicenseForm({ name: entityName() }));
        await accept(before, sh('2026-09-30T10:00'));
        await accept(after, sh('2026-09-30T10:00'));
        // Accepted the day before 国庆: 1 working day → Thu 8 Oct; 3 → 8, 9 Oct and the make-up Saturday 10 Oct.
        expect(await promisedDueAt(before)).toBe('2026-10-08T17:30:00+08:00');
        expect(await promisedDueAt(after)).toBe('2026-10-10T17:30:00+08:00');
        expect(await h.db.query('SELECT id, promised_days, green_channel_days FROM applications WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)', [[before, after]])).toEqual([
          { id: before, promised_days: null, green_channel_days: null },
          { id: after, promised_days: 3, green_channel_days: 2 },
        ]);
        // The green channel takes the shorter promise recorded on the file: 2 working days → Fri 9 Oct.
        await h.db.query('UPDATE applications SET green_channel = true WHERE id = $1', [after]);
        expect(await promisedDueAt(after)).toBe('2026-10-09T17:30:00+08:00');
        expect(bureauCalendar().addWorkingDays(sh('2026-09-30T10:00'), 2).toISOString()).toBe(new Date('2026-10-09T17:30:00+08:00').toISOString());
      } finally {
        await admin.get('/admin/services/business-license');
        expect((await admin.post('/admin/services/business-license', { promisedDays: '1', greenChannelDays: '1' })).status).toBe(303);
      }
      expect(await promiseShownOnPortal()).toEqual({ guide: 1, home: true, estimate: '2026-10-08T17:30:00+08:00', green: '2026-10-08T17:30:00+08:00', api: 1 });
      const [change] = await h.db.query(`SELECT actor_name, data FROM audit_events WHERE action = 'service_settings_changed' AND data->>'serviceCode' = 'business-license' ORDER BY id LIMIT 1`);
      expect(change).toEqual({
        actor_name: '管理员甲',
        data: { serviceCode: 'business-license', before: { promisedDays: 1, greenChannelDays: 1, requiredMaterials: [] }, after: { promisedDays: 3, greenChannelDays: 2, requiredMaterials: [] } },
      });
    }

    it('an optional material made required is asked of new files at submission', requiredMaterialApplies);

    async function requiredMaterialApplies(): Promise<void> {
      const missingAtSubmit = async () => {
        const draft = await me.post('/api/applications', { serviceCode: 'food-business', form: exampleForm('food-business') });
        const submit = await me.post(`/api/applications/${draft.body.id}/submit`);
        expect(submit.status).toBe(422);
        return Object.keys(submit.body.fields);
      };
      // The guide, the API and a draft's materials checklist: is the letter shown as optional (视情况提交)?
      const applicantPages = new Browser(h.portal);
      await applicantPages.get('/login');
      expect((await applicantPages.post('/login', { phone: mePhone, password: 'long-enough-password', next: '/applications' })).status).toBe(303);
      const draft = (await me.post('/api/applications', { serviceCode: 'food-business', form: exampleForm('food-business') })).body.id as string;
      const letterOptional = async () => ({
        guide: (await applicantPages.get('/services/food-business')).html.includes('<h3>授权委托书 <span class="optional">'),
        api: !(await me.get('/api/services/food-business')).body.materials.find((m: { code: string }) => m.code === 'authorization_letter').required,
        checklist: (await applicantPages.get(`/applications/${draft}/materials`)).html.includes('<h2>授权委托书 <span class="optional">'),
      });
      // Without an agent, the letter of authorisation is not asked by default.
      expect(await missingAtSubmit()).not.toContain('materials.authorization_letter');
      expect(await letterOptional()).toEqual({ guide: true, api: true, checklist: true });
      await admin.get('/admin/services/food-business');
      expect((await admin.post('/admin/services/food-business', { promisedDays: '5', greenChannelDays: '3', requiredMaterials: 'authorization_letter' })).status).toBe(303);
      try {
        expect(await missingAtSubmit()).toContain('materials.authorization_letter');
        expect(await letterOptional()).toEqual({ guide: false, api: false, checklist: false });
      } finally {
        await admin.get('/admin/services/food-business');
        expect((await admin.post('/admin/services/food-business', { promisedDays: '5', greenChannelDays: '3' })).status).toBe(303);
      }
    }
  });

  it('a failed job is listed across the queues and retried from the page; the retry is recorded', async () => {
    const queue = new Queue(QUEUES.maintenance, { connection: redisConnectionOptions(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
    try {
      const job = await queue.add('audit-digest', { day: 'not-a-day' }, { jobId: `adm-failing-${run}`, attempts: 1 });
      await eventually(async () => ((await job.getState()) === 'failed' ? true : undefined), 15000, 'the job to fail');
      const list = await admin.get('/admin/jobs');
      expect(list.status).toBe(200);
      expect(text(list.html)).toContain(`adm-failing-${run}`);
      expect(list.html).toContain(`action="/admin/jobs/maintenance/adm-failing-${run}/retry"`);

      // The cause is removed (here: the payload corrected), then an administrator retries.
      await job.updateData({ day: '2020-01-01' });
      const retried = await admin.post(`/admin/jobs/maintenance/adm-failing-${run}/retry`, {});
      expect(retried).toMatchObject({ status: 303, location: `/admin/jobs?retried=${encodeURIComponent(`maintenance/adm-failing-${run}`)}` });
      await eventually(async () => ((await queue.getJobState(`adm-failing-${run}`)) === 'completed' ? true : undefined), 15000, 'the retried job to complete');
      expect(await h.db.query(`SELECT actor_name, data FROM audit_events WHERE action = 'job_retried' AND data->>'jobId' = $1`, [`adm-failing-${run}`])).toEqual([
        { actor_name: '管理员甲', data: expect.objectContaining({ queue: 'maintenance', name: 'audit-digest', attemptsMade: 1 }) },
      ]);

      // Retrying again: it is not failed any more (409); an unknown queue or job is 404.
      await admin.get('/admin/jobs');
      expect((await admin.post(`/admin/jobs/maintenance/adm-failing-${run}/retry`, {})).status).toBe(409);
      expect((await admin.post('/admin/jobs/no-such-queue/1/retry', {})).status).toBe(404);
      expect((await admin.post(`/admin/jobs/maintenance/no-such-job-${run}/retry`, {})).status).toBe(404);
    } finally {
      await queue.close();
    }
  });

  it('the queue dashboard is for administrators: others get 403, nobody signed in is sent to sign in', async () => {
    expect((await admin.get('/admin/queues')).status).toBe(200);
    const queues = await adminApi.get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    // Read-only: bull-board's "pause all" would ignore its own read-only flag, so nothing but GET gets through.
    expect((await adminApi.request('PUT', '/admin/queues/api/queues/pause')).status).toBe(405);
    expect((await adminApi.request('PUT', `/admin/queues/api/queues/${QUEUES.maintenance}/empty`)).status).toBe(405);
    const anonymous = await new Browser(h.backoffice).get('/admin/queues');
    expect(anonymous).toMatchObject({ status: 303, location: '/login?next=%2Fadmin%2Fqueues' });
    await createStaff(h.db, { username: name('q-clerk'), roles: ['window_clerk'] });
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(name('q-clerk'));
    expect((await clerk.get('/admin/queues')).status).toBe(403);
  });

  describe('follow-ups of poor ratings', () => {
    it('a poor rating is listed with its due date (red and in words once overdue); the response is required, closes it and reaches the applicant', async () => {
      const { api: applicant } = await signedInApplicant(h, '差评申请人');
      const { id, view } = await fileToIssue(applicant, await staffDesk(h, name('fu')), 'business-license', businessLicenseForm({ name: entityName() }));
      const number: string = view.number;
      expect((await applicant.post(`/api/applications/${id}/rating`, { level: 1, comment: '窗口等候时间太长' })).status).toBe(201);

      await createStaff(h.db, { username: name('fu-head'), roles: ['section_head'], sections: ['market_registration'], name: '登记科长' });
      await createStaff(h.db, { username: name('fu-other'), roles: ['section_head'], sections: ['food_drug'] });
      await createStaff(h.db, { username: name('fu-leader'), roles: ['leadership'] });
      const head = (await staffApi(name('fu-head'))).api;
      const other = (await staffApi(name('fu-other'))).api;
      const leader = (await staffApi(name('fu-leader'))).api;

      const listed = await head.get('/api/follow-ups?status=open');
      const item = listed.body.items.find((f: { applicationId: string }) => f.applicationId === id);
      const [rating] = await h.db.query('SELECT id, created_at FROM ratings WHERE application_id = $1', [id]);
      expect(item).toMatchObject({ id: rating.id, number, level: 1, comment: '窗口等候时间太长', status: 'open', overdue: false, canRespond: true });
      // Due: close of business on the 5th working day after the rating.
      expect(new Date(item.dueAt).toISOString()).toBe(bureauCalendar().addWorkingDays(rating.created_at, 5).toISOString());
      expect((await head.get('/api/follow-ups?status=later')).status).toBe(400);

      // Rated long ago: overdue, in red and in words.
      await h.db.query(`UPDATE ratings SET created_at = now() - interval '30 days' WHERE id = $1`, [rating.id]);
      const headPages = new Browser(h.backoffice);
      await headPages.signIn(name('fu-head'));
      const list = await headPages.get('/follow-ups');
      const row = new RegExp(`<tr class="adm-row--overdue">(?:(?!</tr>).)*${number}(?:(?!</tr>).)*</tr>`, 's').exec(list.html);
      expect(row).not.toBeNull();
      expect(text(row![0])).toMatch(/已超期 \d+ 个工作日/);

      // Leadership reads but does not answer; another section's head may not answer; the text is required.
      expect((await leader.get('/api/follow-ups')).status).toBe(200);
      expect((await leader.post(`/api/follow-ups/${rating.id}/response`, { response: '收到' })).status).toBe(403);
      expect((await other.post(`/api/follow-ups/${rating.id}/response`, { response: '收到' })).status).toBe(422);
      const empty = await head.post(`/api/follow-ups/${rating.id}/response`, { response: '   ' }, { 'accept-language': 'en' });
      expect(empty.status).toBe(400);
      expect(Object.keys(empty.body.fields)).toEqual(['response']);
      expect((await head.post(`/api/follow-ups/${rating.id}/response`, {})).body.fields).toHaveProperty('response');

      await headPages.get(`/follow-ups/${rating.id}`);
      const blank = await headPages.post(`/follow-ups/${rating.id}/response`, { response: '' });
      expect(blank.status).toBe(400);
      expect(text(blank.html)).toContain(t('followup.response_required'));
      const answer = '您好，经核查，当日窗口人手不足。我局已增设一个综合受理窗口，感谢您的监督。';
      const sent = await headPages.post(`/follow-ups/${rating.id}/response`, { response: answer });
      expect(sent).toMatchObject({ status: 303, location: `/follow-ups?answered=${number}` });
      expect((await head.post(`/api/follow-ups/${rating.id}/response`, { response: '再答一次' })).status).toBe(409);

      const [stored] = await h.db.query('SELECT r.follow_up_status, r.response, r.responded_at IS NOT NULL AS answered, a.username FROM ratings r JOIN accounts a ON a.id = r.responded_by WHERE r.id = $1', [rating.id]);
      expect(stored).toEqual({ follow_up_status: 'closed', response: answer, answered: true, username: name('fu-head') });
      const closed = (await head.get('/api/follow-ups?status=closed')).body.items.find((f: { id: string }) => f.id === rating.id);
      expect(closed).toMatchObject({ status: 'closed', response: answer, respondedBy: '登记科长', overdue: false, canRespond: false });

      // The applicant sees the response with their rating.
      const portalPage = await applicant.get(`/applications/${id}`, { accept: 'text/html' });
      expect(portalPage.status).toBe(200);
      expect(text(portalPage.raw.toString('utf8'))).toContain(answer);
      expect(await h.db.query(`SELECT action, note FROM audit_events WHERE application_id = $1 AND action = 'follow_up_response'`, [id])).toEqual([{ action: 'follow_up_response', note: answer }]);
    });
  });
});
