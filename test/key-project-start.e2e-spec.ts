import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium } from 'playwright-core';
import { exampleForm, shanghaiDateOf } from '@onewindow/domain';
import { translate } from '@onewindow/web';
import { dateFormatter } from '@onewindow/web/views';
import { Api } from './support/api';
import { businessLicenseForm } from './support/factories';
import { createStaff, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { Desk, fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

const PASSWORD = 'long-enough-password';
const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'var', 'screenshots', 'key-project-start');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A local day this many days from today in Shanghai (the bureau's day, as the service reads dates). */
const dayFromToday = (days: number) => shanghaiDateOf(new Date(Date.now() + days * 86_400_000));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** A browser without JavaScript: keeps cookies, posts forms as application/x-www-form-urlencoded with the last page's CSRF token. */
class FormBrowser {
  readonly jar = new Map<string, string>();
  private last = '';

  constructor(private readonly app: NestFastifyApplication) {}

  async request(method: 'GET' | 'POST', url: string, body?: string) {
    const response = await this.app.inject({
      method,
      url,
      headers: { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html', ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: body,
    });
    const cookies = response.headers['set-cookie'];
    for (const line of Array.isArray(cookies) ? cookies : cookies ? [cookies] : []) {
      const pair = line.split(';')[0];
      this.jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    if (method === 'GET' && response.statusCode < 300) this.last = response.body;
    return { status: response.statusCode, html: response.body, location: response.headers.location as string | undefined };
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, fields: Record<string, string>, options: { csrf?: boolean } = {}) {
    const form = new URLSearchParams(fields);
    const token = /name="_csrf" value="([^"]+)"/.exec(this.last)?.[1];
    if (options.csrf !== false) {
      if (!token) throw new Error('no CSRF token on the page');
      form.append('_csrf', token);
    }
    return this.request('POST', url, form.toString());
  }
}

describe("key projects: the owner records the start of works (开工) from their construction permit's page", () => {
  let h: Harness;
  let desk: Desk;
  let owner: { api: Api; phone: string };
  let stranger: Api;
  let clerk: Api;
  let leader: Api;
  let businessLicence: { id: string; number: string; holder: string };

  beforeAll(async () => {
    h = await startHarness();
    desk = await staffDesk(h, 'kps');
    const backoffice = new Api(h.backoffice);
    await createStaff(h.db, { username: 'kps-leader', roles: ['leadership'] });
    leader = backoffice.as((await backoffice.post('/api/auth/login', { username: 'kps-leader', password: STAFF_PASSWORD })).body.token);
    clerk = desk.clerk;
    owner = await signedInApplicant(h, '刘建海');
    stranger = (await signedInApplicant(h, '王五')).api;
    const form = businessLicenseForm();
    const issued = await fileToIssue(owner.api, desk, 'business-license', form);
    businessLicence = { id: issued.id, number: issued.number, holder: form.name as string };
  });

  afterAll(async () => {
    await h?.close();
  });

  /**
   * A project filed by the owner through the portal and walked by the desk to its construction permit: investment
   * filing (which gives the project code), land planning, engineering planning, construction; then marked key.
   */
  async function keyProjectWithPermit(name: string): Promise<{ projectCode: string; constructionId: string }> {
    const filing = await fileToIssue(owner.api, desk, 'investment-filing', {
      ...exampleForm('investment-filing')!,
      companyName: businessLicence.holder,
      companyCreditCode: businessLicence.number,
    });
    const projectCode = filing.number;
    const land = exampleForm('land-planning')!;
    delete land.projectName;
    delete land.landUser;
    await fileToIssue(owner.api, desk, 'land-planning', { ...land, projectCode });
    await fileToIssue(owner.api, desk, 'engineering-planning', { ...exampleForm('engineering-planning')!, projectCode });
    const construction = await fileToIssue(owner.api, desk, 'construction', { ...exampleForm('construction')!, projectCode });
    expect((await clerk.post('/api/key-projects', { projectCode, name, reason: '市级重点工程' })).status).toBe(201);
    return { projectCode, constructionId: construction.id };
  }

  it('through the API: counted in the start rate; once only; not before the permit nor after today; 404 to anyone else and for other files', async () => {
    const { projectCode, constructionId } = await keyProjectWithPermit('年产4000万平方米纸面石膏板生产线项目');
    const url = `/api/applications/${constructionId}/start-of-works`;
    const before = (await leader.get('/api/key-projects/start-rate')).body;
    const today = dayFromToday(0);

    // Another applicant learns nothing, and the owner's other files have no start of works.
    expect((await stranger.post(url, { startedOn: today })).status).toBe(404);
    expect((await owner.api.post(`/api/applications/${businessLicence.id}/start-of-works`, { startedOn: today })).status).toBe(404);

    // The permit was issued today: yesterday is before it, tomorrow is after today, and the date must be one.
    const early = await owner.api.post(url, { startedOn: dayFromToday(-1) });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ error: 'transition_refused', fields: { startedOn: translate('zh-CN', 'rules.start_before_permit') } });
    const future = await owner.api.post(url, { startedOn: dayFromToday(1) }, { 'accept-language': 'en' });
    expect(future.status).toBe(400);
    expect(future.body.fields).toEqual({ startedOn: translate('en', 'fields.date_in_future') });
    for (const startedOn of ['2026/11/20', '2026-02-30', '']) {
      const bad = await owner.api.post(url, { startedOn });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(['startedOn']);
    }
    expect((await owner.api.post(url, {})).body.fields).toHaveProperty('startedOn');
    expect((await leader.get(`/api/key-projects/${projectCode}`)).body).toMatchObject({ started: false, startedOn: null });

    const started = await owner.api.post(url, { startedOn: today });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ applicationId: constructionId, projectCode, name: '年产4000万平方米纸面石膏板生产线项目', fileState: 'issued', startedOn: today });

    // The register and the start rate count it: one more project started, no more registered.
    const after = (await leader.get('/api/key-projects/start-rate')).body;
    expect(after).toMatchObject({ total: before.total, started: before.started + 1 });
    const [me] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [owner.phone]);
    expect((await leader.get(`/api/key-projects/${projectCode}`)).body).toMatchObject({ started: true, startedOn: today, startRecordedBy: { id: me.id, name: '刘建海' } });
    const audit = await h.db.query(`SELECT actor_kind, actor_id, data FROM audit_events WHERE action = 'key_project_started' AND data->>'projectCode' = $1`, [projectCode]);
    expect(audit).toEqual([{ actor_kind: 'applicant', actor_id: me.id, data: { projectCode, startedOn: today } }]);

    // A second time is refused and changes nothing.
    const again = await owner.api.post(url, { startedOn: today });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ error: 'transition_refused', message: translate('zh-CN', 'rules.project_already_started') });
    expect((await leader.get('/api/key-projects/start-rate')).body.started).toBe(after.started);
  });

  it('through the page without JavaScript: the form, its errors beside the field and at the top, then the recorded date; fits a 360 px phone', async () => {
    const { projectCode, constructionId } = await keyProjectWithPermit('平鲁区煤矸石综合利用项目');
    const page = `/applications/${constructionId}`;
    const browser = new FormBrowser(h.portal);
    await browser.get('/login');
    expect((await browser.post('/login', { phone: owner.phone, password: PASSWORD })).status).toBe(303);

    const shown = await browser.get(page);
    expect(shown.status).toBe(200);
    const permitIssuedOn = (await h.db.query(`SELECT issued_at FROM licenses WHERE application_id = $1`, [constructionId]))[0].issued_at;
    expect(text(shown.html)).toContain(translate('zh-CN', 'start_of_works.title'));
    expect(text(shown.html)).toContain(translate('zh-CN', 'start_of_works.lead', { date: dateFormatter('zh-CN').date(permitIssuedOn) }));
    expect(shown.html).toContain(`action="/applications/${constructionId}/start-of-works"`);
    expect(shown.html).toMatch(/<label class="label" for="startedOn">/);
    // The owner's business licence is not a key project's construction permit: no such section there.
    expect(text((await browser.get(`/applications/${businessLicence.id}`)).html)).not.toContain(translate('zh-CN', 'start_of_works.submit'));

    // Without the page's CSRF token the form is refused.
    await browser.get(page);
    expect((await browser.post(`${page}/start-of-works`, { startedOn: dayFromToday(0) }, { csrf: false })).status).toBe(403);

    const empty = await browser.post(`${page}/start-of-works`, { startedOn: '' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('class="error-summary');
    expect(empty.html).toContain('href="#startedOn"');
    expect(empty.html).toMatch(/id="startedOn-error"[^>]*>.*start/s);
    expect(text(empty.html)).toContain(translate('zh-CN', 'start_of_works.date_required'));

    await browser.get(page);
    const early = await browser.post(`${page}/start-of-works`, { startedOn: dayFromToday(-1) });
    expect(early.status).toBe(422);
    const field = /<p class="field-error" id="startedOn-error">(.*?)<\/p>/s.exec(early.html)?.[1] ?? '';
    expect(text(field)).toContain(translate('zh-CN', 'rules.start_before_permit'));
    expect(early.html).toContain(`value="${dayFromToday(-1)}"`);
    expect((await leader.get(`/api/key-projects/${projectCode}`)).body.startedOn).toBeNull();

    // In a real browser at a phone's width, before recording: the section fits the screen.
    await h.portal.listen(0, '127.0.0.1');
    const base = (await h.portal.getUrl()).replace('[::1]', '127.0.0.1');
    const chrome = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await chrome.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
      await context.addCookies([...browser.jar].map(([name, value]) => ({ name, value, url: base })));
      const tab = await context.newPage();
      await tab.goto(`${base}${page}`);
      for (const selector of ['#start-of-works', '#startedOn', 'form[action$="/start-of-works"] button']) {
        const box = await tab.locator(selector).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      }
      // The section from its heading to the button, to look at (var/ is git-ignored).
      const top = (await tab.locator('#start-of-works').boundingBox())!;
      const button = (await tab.locator('form[action$="/start-of-works"] button').boundingBox())!;
      mkdirSync(SHOTS, { recursive: true });
      await tab.screenshot({ path: join(SHOTS, 'section-360.png'), fullPage: true, clip: { x: 0, y: top.y - 16, width: 360, height: button.y + button.height + 16 - (top.y - 16) } });
    } finally {
      await chrome.close();
    }

    await browser.get(page);
    const saved = await browser.post(`${page}/start-of-works`, { startedOn: dayFromToday(0) });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${page}?started=1#start-of-works`);
    const after = await browser.get(saved.location!);
    expect(text(after.html)).toContain(translate('zh-CN', 'start_of_works.saved'));
    expect(text(after.html)).toContain(translate('zh-CN', 'start_of_works.recorded', { date: dateFormatter('zh-CN').date(dayFromToday(0)) }));
    expect(after.html).not.toContain(`action="/applications/${constructionId}/start-of-works"`);
    expect(text((await browser.get(`${page}?lang=en`)).html)).toContain(translate('en', 'start_of_works.recorded', { date: dateFormatter('en').date(dayFromToday(0)) }));
    expect((await leader.get(`/api/key-projects/${projectCode}`)).body).toMatchObject({ started: true, startedOn: dayFromToday(0) });

    // A second start (another tab still showing the form) is refused: the reason at the top, linked to the section,
    // in the language chosen last (the ?lang=en above is kept in a cookie).
    const twice = await browser.post(`${page}/start-of-works`, { startedOn: dayFromToday(0) });
    expect(twice.status).toBe(422);
    expect(twice.html).toContain('href="#start-of-works"');
    expect(text(twice.html)).toContain(translate('en', 'rules.project_already_started'));
  });
});
