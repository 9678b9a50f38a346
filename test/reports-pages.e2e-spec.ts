import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { percentCell, previousMonth, quarterOf } from '@onewindow/applications';
import { getService, shanghaiDateOf, TimeLimit } from '@onewindow/domain';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { Locale, translate } from '@onewindow/web';
import { ReportsProcessor } from '../apps/worker/src/reports.processor';
import { seedDemoAccounts } from '../scripts/seed-demo';
import { seedDistrict } from '../scripts/seed-district';
import { Api } from './support/api';
import { eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * Leadership's pages in a real browser, over the demo's own district seed (Pinglu's key-project
 * register and a month of files across the eight services) in a database and queue prefix of
 * this file's own: every number a page shows is compared with the JSON API's answer for the same
 * thing, the pages are axe-clean in both languages, and each is photographed at 1280×800.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

type Row = { key: string; figures: Record<string, string> };

const percent = (rate: number | null) => percentCell(rate) || '—';
const figure = (value: number | null) => (value === null ? '—' : String(value));
const limitText = (locale: Locale, limit: TimeLimit | null) => {
  if (!limit) return '—';
  const key = limit.unit === 'working' ? 'limit.working_days' : 'limit.calendar_days';
  return translate(locale, limit.days === 1 ? `${key}_one` : key, { days: limit.days });
};

describe("leadership's pages: the dashboard, the monthly report and key projects", () => {
  const suffix = randomBytes(4).toString('hex');
  const database = `onewindow_pagestest_${suffix}`;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_OWNER_URL: process.env.DATABASE_OWNER_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX };
  const withDatabase = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  let owner: DataSource;
  let h: Harness;
  let base: string;
  let browser: Browser;
  let shots: string;
  let month: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const urls = { adminUrl: process.env.DATABASE_ADMIN_URL!, ownerUrl: withDatabase(saved.DATABASE_OWNER_URL!), appUrl: withDatabase(saved.DATABASE_URL!) };
    await ensureDatabase(urls);
    await runMigrations(urls);
    // This file's apps run on that database and a queue prefix of their own, so no other file's worker takes their jobs.
    Object.assign(process.env, { DATABASE_URL: urls.appUrl, DATABASE_OWNER_URL: urls.ownerUrl, QUEUE_PREFIX: `${saved.QUEUE_PREFIX}-pages-${suffix}` });
    owner = await createDataSource(urls.ownerUrl, { poolSize: 2 }).initialize();
    await seedDemoAccounts(owner, STAFF_PASSWORD);
    const seeded = await seedDistrict(owner, { password: STAFF_PASSWORD });
    month = seeded.month;
    expect(seeded.projects).toBe(5);

    h = await startHarness();
    await h.backoffice.listen(0, '127.0.0.1');
    base = (await h.backoffice.getUrl()).replace('[::1]', '127.0.0.1');
    const api = new Api(h.backoffice);
    for (const username of ['leader1', 'admin1', 'clerk1', 'helper1', 'vendor1', 'sealer1']) {
      const login = await api.post('/api/auth/login', { username, password: STAFF_PASSWORD });
      expect(login.status).toBe(200);
      tokens[username] = login.body.token;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'ow-leadership-screens-'));
    mkdirSync(shots, { recursive: true });
    console.log(`leadership pages screenshots: ${shots}`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await owner?.destroy();
    Object.assign(process.env, saved);
    await dropDatabase(process.env.DATABASE_ADMIN_URL!, database);
  });

  const as = (username: string) => new Api(h.backoffice, tokens[username]);

  /** A browser signed in through the sign-in page, in a language. */
  async function signedIn(username: string, locale: Locale = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: DESKTOP, locale, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/login?lang=${locale}`);
    await page.fill('#username', username);
    await page.fill('#password', STAFF_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    return { context, page };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const fullShot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}-full.png`), fullPage: true });

  /** No serious or critical problems by axe-core's WCAG 2.1 A/AA rules and best practices. */
  async function expectAccessible(page: Page): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
    )) as AxeViolation[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  /** The rows of a table on the page: each row's key (a data attribute) and its cells' figures by data-figure. */
  const rowsOf = (page: Page, selector: string, attribute: string): Promise<Row[]> =>
    page.$$eval(
      selector,
      (rows, attr) =>
        rows.map((r) => ({
          key: r.getAttribute(attr as string) ?? '',
          figures: Object.fromEntries([...r.querySelectorAll('[data-figure]')].map((c) => [c.getAttribute('data-figure')!, (c.textContent ?? '').trim()])),
        })),
      attribute,
    );
  const figuresOf = (page: Page, selector: string): Promise<Record<string, string>> =>
    page.$$eval(selector, (cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-figure')!, (c.textContent ?? '').trim()])));
  const json = async (context: BrowserContext, url: string) => {
    const response = await context.request.get(`${base}${url}`);
    expect(response.status()).toBe(200);
    return response.json();
  };

  it('is for leadership and administrators (reports) and those who follow projects (key projects); nobody signed in is sent to sign in', async () => {
    const anonymous = new Api(h.backoffice);
    const toLogin = await anonymous.get(`/reports/monthly?month=${month}`);
    expect(toLogin.status).toBe(303);
    expect(toLogin.headers.location).toBe(`/login?next=${encodeURIComponent(`/reports/monthly?month=${month}`)}`);
    for (const path of ['/reports/dashboard', `/reports/monthly?month=${month}`]) {
      for (const username of ['leader1', 'admin1']) expect((await as(username).get(path)).status).toBe(200);
      for (const username of ['clerk1', 'helper1', 'vendor1', 'sealer1']) expect((await as(username).get(path)).status).toBe(403);
    }
    expect((await as('clerk1').post('/reports/monthly/runs', { month })).status).toBe(403);
    for (const path of ['/key-projects', '/key-projects/dispatch', `/key-projects/bulletin?month=${month}`, '/key-projects/assessment']) {
      for (const username of ['leader1', 'admin1', 'clerk1', 'helper1']) expect((await as(username).get(path)).status).toBe(200);
      for (const username of ['vendor1', 'sealer1']) expect((await as(username).get(path)).status).toBe(403);
    }
    // The leader's start page is the dashboard.
    const home = await as('leader1').get('/');
    expect(home.headers.location).toBe('/reports/dashboard');
  });

  it("shows today's queue, files at red, the 30-day on-time rate and the trend exactly as /api/dashboard counts them", async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { context, page } = await signedIn('leader1', locale);
      await page.goto(`${base}/reports/dashboard`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.textContent('h1')).toBe(translate(locale, 'dashboard.title'));
      const d = await json(context, '/api/dashboard');
      const rows = await rowsOf(page, '#queue tbody tr', 'data-service');
      expect(rows.map((r) => r.key)).toEqual([...d.queue.map((q: { serviceCode: string }) => q.serviceCode), 'total']);
      for (const q of d.queue) {
        const row = rows.find((r) => r.key === q.serviceCode)!;
        const clock = d.clock.byService.find((c: { serviceCode: string }) => c.serviceCode === q.serviceCode);
        expect(row.figures).toEqual({ ...Object.fromEntries(Object.entries(q.states).map(([state, n]) => [state, String(n)])), open: String(q.open), red: String(clock.red), overdue: String(clock.overdue) });
      }
      const open = Object.values(d.queueTotals as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(open).toBeGreaterThan(0);
      expect(rows.find((r) => r.key === 'total')!.figures).toMatchObject({ open: String(open), red: String(d.clock.red), overdue: String(d.clock.overdue) });
      expect(await figuresOf(page, '#dashboard-figures [data-figure]')).toEqual({ open: String(open), red: String(d.clock.red), overdue: String(d.clock.overdue), 'on-time': percent(d.onTime.rate) });
      // The district's files include one overdue (the carbon-materials land planning permit): the dashboard shows it.
      expect(d.clock.overdue).toBeGreaterThan(0);
      const trend = await rowsOf(page, '#trend tbody tr', 'data-date');
      expect(trend).toEqual(d.submissions.map((s: { date: string; submitted: number; issued: number }) => ({ key: s.date, figures: { submitted: String(s.submitted), issued: String(s.issued) } })));
      expect(await page.textContent('#chart-trend svg title')).toBe(translate(locale, 'report.chart.trend.title'));
      expect(await page.$$eval('#chart-trend svg rect', (r) => r.length)).toBeGreaterThan(30);
      await shot(page, `01-dashboard-${locale}`);
      await fullShot(page, `01-dashboard-${locale}`);
      await expectAccessible(page);
      await context.close();
    }
  }, 180_000);

  it('shows every figure of the month as the JSON report has it, draws the charts on the server, and stores it by the job with its progress', async () => {
    const { context, page } = await signedIn('leader1');
    const title = translate('zh-CN', 'report.monthly.title_month', { month: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月` });
    // The month picker's default is the month before this one: the seeded month, over and not stored yet.
    await page.goto(`${base}/reports/monthly`);
    expect(await page.textContent('h1')).toBe(title);
    expect(await page.inputValue('#month')).toBe(month);
    expect(await page.textContent('#report-state')).toContain(translate('zh-CN', 'report.state.not_stored'));
    const live = { volumes: await rowsOf(page, '#volumes tbody tr', 'data-service'), timeliness: await rowsOf(page, '#timeliness tbody tr', 'data-service') };

    // Generate: the report job, with its progress shown on a page that refreshes itself while the job waits or runs.
    const processor = h.worker!.get(ReportsProcessor);
    await processor.worker.pause();
    try {
      await Promise.all([page.waitForURL(/run=1/), page.click('#generate')]);
      expect(await page.textContent('#run-status h2')).toBe(translate('zh-CN', 'report.run.running_title'));
      expect(await page.getAttribute('#run-progress', 'value')).toBe('0');
      expect(await page.getAttribute('meta[http-equiv="refresh"]', 'content')).toBe('3');
      await shot(page, '02-monthly-generating-zh');
      // The reader can turn the refreshing off (WCAG 2.2.1): the same page without its meta refresh. It is checked that way,
      // as a page that reloads itself every few seconds cannot be checked while it does (and axe flags any timed refresh).
      await page.click(`a[href$="auto=0"]`);
      expect(await page.$('meta[http-equiv="refresh"]')).toBeNull();
      expect(await page.textContent('#run-status')).toContain(translate('zh-CN', 'report.run.check'));
      await expectAccessible(page);
      await page.goBack();
    } finally {
      processor.worker.resume();
    }
    // The page refreshes itself until the job is done, with nobody clicking.
    await eventually(async () => ((await page.textContent('#run-status', { timeout: 1000 }).catch(() => ''))?.includes(translate('zh-CN', 'report.run.done_created', { month: title.replace(/营商.*$/, '') })) ? true : undefined), 30_000, 'the page to show the stored report');
    expect(await page.$('meta[http-equiv="refresh"]')).toBeNull();
    expect(await page.textContent('#report-state')).toContain('已定稿存档');
    const status = await json(context, `/api/reports/monthly/runs/${month}`);
    expect(status).toMatchObject({ state: 'completed', progress: 100, result: { month, created: true } });

    // Figure by figure against the stored JSON report, and the same as the live figures before it was stored.
    const report = await json(context, `/api/reports/monthly?month=${month}`);
    expect(report.stored).toBe(true);
    const volumes = await rowsOf(page, '#volumes tbody tr', 'data-service');
    const timeliness = await rowsOf(page, '#timeliness tbody tr', 'data-service');
    expect({ volumes, timeliness }).toEqual(live);
    const all = [...report.services, report.total];
    expect(volumes.map((r) => r.key)).toEqual(all.map((s: { serviceCode: string }) => s.serviceCode));
    for (const s of all) {
      const keys = ['received', 'accepted', 'corrected', 'correctedTwice', 'refused', 'approved', 'denied', 'issued', 'withdrawn', 'assisted', 'greenChannel'];
      expect(volumes.find((r) => r.key === s.serviceCode)!.figures).toEqual(Object.fromEntries(keys.map((k) => [k, String(s[k])])));
      expect(timeliness.find((r) => r.key === s.serviceCode)!.figures).toEqual({
        decided: String(s.decided),
        decidedOnTime: String(s.decidedOnTime),
        onTimeRate: percent(s.onTimeRate),
        mean: figure(s.processingDays.mean),
        median: figure(s.processingDays.median),
        p90: figure(s.processingDays.p90),
        promisedLimit: s.serviceCode === 'total' ? '' : limitText('zh-CN', s.promisedLimit),
        pausedWorkingDays: String(s.pausedWorkingDays),
        extensions: String(s.extensions),
      });
    }
    // The seeded month has something in every column that matters.
    expect(report.total.received).toBeGreaterThan(60);
    expect(report.total.correctedTwice).toBeGreaterThan(0);
    const t = report.total;
    expect(await figuresOf(page, '#highlights [data-figure]')).toEqual({
      received: String(t.received),
      issued: String(t.issued),
      'on-time': percent(t.onTimeRate),
      median: figure(t.processingDays.median),
      assisted: `${t.assisted} / ${t.greenChannel}`,
    });
    expect(await page.textContent('#highlights')).toContain(`（${t.decidedOnTime}/${t.decided}）`);
    expect(await rowsOf(page, '#pauses tbody tr', 'data-pause')).toEqual(
      // (The stored JSON comes back from jsonb with its keys in jsonb's order: the page keeps the report's.)
      ['correction', 'expert_review', 'hearing', 'public_notice'].map((kind) => ({ key: kind, figures: { count: String(report.pauses[kind].count), workingDays: String(report.pauses[kind].workingDays) } })),
    );
    expect(await rowsOf(page, '#ratings tbody tr[data-level]', 'data-level')).toEqual(['5', '4', '3', '2', '1'].map((level) => ({ key: level, figures: { count: String(report.ratings.distribution[level]) } })));
    expect(await figuresOf(page, '#ratings [data-figure="ratings-count"], dl [data-figure="satisfiedShare"], dl [data-figure="followUpsOpened"], dl [data-figure="openFollowUps"]')).toEqual({
      'ratings-count': String(report.ratings.count),
      satisfiedShare: percent(report.ratings.satisfiedShare),
      followUpsOpened: String(report.ratings.followUpsOpened),
      openFollowUps: String(report.ratings.openFollowUps),
    });
    const seal = report.sealCarving;
    expect(await figuresOf(page, '#seal [data-figure]')).toEqual({
      opened: String(seal.opened),
      delivered: String(seal.delivered),
      days: translate('zh-CN', 'report.seal.days_value', { mean: figure(seal.daysToDelivery.mean), median: figure(seal.daysToDelivery.median), max: figure(seal.daysToDelivery.max) }),
      openAtMonthEnd: String(seal.openAtMonthEnd),
    });
    const slowest = await rowsOf(page, '#slowest tbody tr', 'data-number');
    expect(slowest).toEqual(report.slowest.map((f: { number: string; workingDays: number }) => ({ key: f.number, figures: { workingDays: String(f.workingDays) } })));
    expect(slowest).toHaveLength(10);
    // In Chinese the reasons read exactly as the stored report words them.
    const reasons = await page.$$eval('#slowest tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('.reasons li')].map((li) => li.textContent)));
    expect(reasons).toEqual(report.slowest.map((f: { reasons: Array<{ text: string }> }) => f.reasons.map((r) => r.text)));
    expect(await rowsOf(page, '#daily tbody tr', 'data-date')).toEqual(report.daily.map((d: { date: string; submitted: number; issued: number }) => ({ key: d.date, figures: { submitted: String(d.submitted), issued: String(d.issued) } })));

    // The five charts, inline SVG drawn by the server: the PDF's drawings, titled, with bars in them.
    const charts = await page.$$eval('.charts .chart svg', (svgs) => svgs.map((s) => ({ title: s.querySelector('title')?.textContent, role: s.getAttribute('role'), bars: s.querySelectorAll('rect').length })));
    expect(charts.map((c) => c.title)).toEqual(['volumes.title', 'on_time.title', 'processing.title', 'daily.title', 'ratings.title'].map((k) => translate('zh-CN', `report.chart.${k}`)));
    for (const c of charts) expect(c).toMatchObject({ role: 'img', bars: expect.any(Number) });
    expect(charts.every((c) => c.bars > 1)).toBe(true);
    // The same bytes as the chart the API serves on its own (and the PDF draws).
    const svgFromApi = await (await context.request.get(`${base}/api/reports/monthly/charts/volumes.svg?month=${month}`)).text();
    expect((await as('leader1').get(`/reports/monthly?month=${month}`)).raw.toString('utf8')).toContain(svgFromApi);

    // The downloads: CSV with a byte order mark, the stored PDF.
    const csv = await context.request.get(`${base}${await page.getAttribute('a[href*="format=csv"]', 'href')}`);
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const pdf = await context.request.get(`${base}${await page.getAttribute('a[href*="format=pdf"]', 'href')}`);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(shots, `monthly-report-${month}.pdf`), await pdf.body());

    await shot(page, '03-monthly-zh');
    await fullShot(page, '03-monthly-zh');
    await page.locator('.charts').screenshot({ path: join(shots, '03-monthly-charts-zh.png') });
    await page.locator('#timeliness').screenshot({ path: join(shots, '03-monthly-timeliness-zh.png') });
    await page.locator('#slowest').screenshot({ path: join(shots, '03-monthly-slowest-zh.png') });
    await expectAccessible(page);

    // In English: the same figures, the charts drawn with English words.
    await page.goto(`${base}/reports/monthly?month=${month}&lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await rowsOf(page, '#volumes tbody tr', 'data-service')).toEqual(volumes);
    expect(await page.textContent('#volumes tbody tr[data-service="food-business"] th')).toBe(getService('food-business')!.nameEn);
    expect(await page.textContent('#chart-volumes svg title')).toBe('Files received and issued, by service');
    expect(await page.$eval('.charts', (e) => /[\u4e00-\u9fff]/.test(e.textContent ?? ''))).toBe(false);
    await shot(page, '04-monthly-en');
    await fullShot(page, '04-monthly-en');
    await page.locator('.charts').screenshot({ path: join(shots, '04-monthly-charts-en.png') });
    await page.locator('#slowest').screenshot({ path: join(shots, '04-monthly-slowest-en.png') });
    await expectAccessible(page);

    // A month that is not a month, or has not begun: the picker says so (400), nothing else is shown.
    const bad = await page.goto(`${base}/reports/monthly?month=2026-13`);
    expect(bad?.status()).toBe(400);
    expect(await page.textContent('.error-summary')).toContain(translate('en', 'report.month_invalid'));
    expect(await page.$('#volumes')).toBeNull();
    await expectAccessible(page);
    expect((await page.goto(`${base}/reports/monthly?month=2099-01`))?.status()).toBe(400);
    expect(await page.textContent('.error-summary')).toContain(translate('en', 'fields.month_in_future'));
    // The month under way: live, not stored, no button.
    const current = shanghaiDateOf(new Date()).slice(0, 7);
    await page.goto(`${base}/reports/monthly?month=${current}`);
    expect(await page.textContent('#report-state')).toContain(translate('en', 'report.state.live'));
    expect(await page.$('#generate')).toBeNull();
    await context.close();
  }, 180_000);

  it('lists the register with each permit and the start rate as the API has them, and lets the helper record a start of works', async () => {
    // A sixth project, registered by the clerk with helper1 as its helper, whose construction permit was issued two days ago.
    const projectCode = `2026-140603-02-01-${String(100000 + Math.floor(Math.random() * 800000))}`;
    expect((await as('clerk1').post('/api/key-projects', { projectCode, name: '矿用智能装备配套产业园项目', reason: '市级重点工程', helperUsernames: ['helper1'] })).status).toBe(201);
    const issuedAt = new Date(Date.now() - 2 * 24 * 3600_000);
    const id = randomUUID();
    await owner.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, issued_at, created_at)
       VALUES ($1, $2, 'construction', 'issued', $1, $1, '{}', '13900000000', $3, $4, $5, $4)`,
      [id, `K${id.replace(/-/g, '').slice(0, 19)}`, projectCode, new Date(issuedAt.getTime() - 3 * 24 * 3600_000), issuedAt],
    );

    for (const locale of ['zh-CN', 'en'] as const) {
      const { context, page } = await signedIn('leader1', locale);
      await page.goto(`${base}/key-projects`);
      const list = await json(context, '/api/key-projects');
      const rate = await json(context, '/api/key-projects/start-rate');
      expect(await figuresOf(page, '#start-rate [data-figure]')).toEqual({ total: String(rate.total), started: String(rate.started), percent: rate.percent });
      expect(rate).toMatchObject({ total: 6, started: 2, percent: '33.3 %' });
      const rows = await page.$$eval('#register tbody tr', (trs) =>
        trs.map((tr) => ({ code: tr.getAttribute('data-project'), permits: [...tr.querySelectorAll('[data-step]')].map((li) => [li.getAttribute('data-step'), li.getAttribute('data-status')]) })),
      );
      expect(rows).toEqual(list.map((p: { projectCode: string; permits: Array<{ step: string; status: string }> }) => ({ code: p.projectCode, permits: p.permits.map((x) => [x.step, x.status]) })));
      expect(await page.textContent(`#register tr[data-project="${list[0].projectCode}"] a`)).toBe(list[0].name);
      await shot(page, `05-key-projects-${locale}`);
      await fullShot(page, `05-key-projects-${locale}`);
      await expectAccessible(page);

      // One project's chain of permits and its files; leadership sees no form to record a start.
      const kaolin = list.find((p: { name: string }) => p.name.includes('高岭土'));
      await page.goto(`${base}/key-projects/${kaolin.projectCode}`);
      const view = await json(context, `/api/key-projects/${kaolin.projectCode}`);
      expect(await page.$$eval('#chain li', (lis) => lis.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-status')]))).toEqual(view.permits.map((p: { step: string; status: string }) => [p.step, p.status]));
      expect(await page.textContent('#chain li[data-step="construction"] .chain__problem')).toContain(translate(locale, 'kp.severity.blocked'));
      expect(await page.$$eval('#files tbody tr', (trs) => trs.length)).toBe(view.applications.length);
      // Leadership does not open files: their numbers are not links for them.
      expect(await page.$('#files a')).toBeNull();
      expect(await page.$('#start-form')).toBeNull();
      await shot(page, `06-key-project-${locale}`);
      await fullShot(page, `06-key-project-${locale}`);
      await expectAccessible(page);

      // The weekly dispatch list, the monthly bulletin and the quarterly assessment.
      await page.goto(`${base}/key-projects/dispatch`);
      const dispatch = await json(context, '/api/key-projects/dispatch');
      expect(await page.$$eval('#dispatch tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-project'), tr.querySelectorAll('li[data-severity]').length]))).toEqual(
        dispatch.items.map((i: { projectCode: string; problems: unknown[] }) => [i.projectCode, i.problems.length]),
      );
      expect(dispatch.items.length).toBeGreaterThanOrEqual(3);
      await shot(page, `07-dispatch-${locale}`);
      await expectAccessible(page);

      await page.goto(`${base}/key-projects/bulletin?month=${month}`);
      const bulletin = await json(context, `/api/key-projects/bulletin?month=${month}`);
      const figures = await figuresOf(page, '#bulletin-figures [data-figure]');
      expect(figures).toMatchObject({ projects: String(bulletin.projects), started: String(bulletin.started), 'start-rate': bulletin.startRate.percent });
      expect(await rowsOf(page, '#permits-issued tbody tr', 'data-step')).toEqual(
        ['investment-filing', 'land-planning', 'engineering-planning', 'construction'].map((step) => ({ key: step, figures: { count: String(bulletin.permitsIssued[step]) } })),
      );
      expect(await page.$$eval('#project-list tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-project')))).toEqual(bulletin.projectList.map((p: { projectCode: string }) => p.projectCode));
      await shot(page, `08-bulletin-${locale}`);
      await fullShot(page, `08-bulletin-${locale}`);
      await expectAccessible(page);

      const quarter = quarterOf(new Date());
      await page.goto(`${base}/key-projects/assessment`);
      const assessment = await json(context, `/api/key-projects/assessment?quarter=${quarter}`);
      expect(await page.inputValue('#quarter')).toBe(quarter);
      expect(await rowsOf(page, '#ranking tbody tr', 'data-section')).toEqual(
        assessment.sections.map((s: { section: { code: string }; rank: number | null; decided: number; decidedOnTime: number; percent: string; keyProjects: { decided: number; decidedOnTime: number; inCharge: number; started: number; rate: number | null } }) => ({
          key: s.section.code,
          figures: {
            rank: s.rank === null ? '—' : String(s.rank),
            decided: String(s.decided),
            decidedOnTime: String(s.decidedOnTime),
            percent: s.percent,
            keyDecided: `${s.keyProjects.decidedOnTime} / ${s.keyProjects.decided}`,
            keyPercent: s.keyProjects.rate === null ? '—' : `${(Math.round(s.keyProjects.rate * 1000) / 10).toFixed(1)} %`,
            inCharge: String(s.keyProjects.inCharge),
            started: String(s.keyProjects.started),
          },
        })),
      );
      await shot(page, `09-assessment-${locale}`);
      await expectAccessible(page);
      expect((await page.goto(`${base}/key-projects/assessment?quarter=2026-Q9`))?.status()).toBe(400);
      await context.close();
    }

    // The helper records the start of works on the project's page: not in the future, not before the permit, then once.
    const { context, page } = await signedIn('helper1');
    await page.goto(`${base}/key-projects/${projectCode}`);
    expect(await page.isVisible('#start-form')).toBe(true);
    await expectAccessible(page);
    const submit = (date: string) => page.fill('#startedOn', date).then(() => Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click('#start-form button[type=submit]')]));
    const [, future] = await submit('2099-01-01');
    expect(future?.status()).toBe(400);
    expect(await page.textContent('.error-summary')).toContain(translate('zh-CN', 'kp.start.date_future'));
    expect(await page.getAttribute('#startedOn', 'aria-describedby')).toContain('startedOn-error');
    await shot(page, '10-start-error-zh');
    await expectAccessible(page);
    const [, early] = await submit(shanghaiDateOf(new Date(issuedAt.getTime() - 24 * 3600_000)));
    expect(early?.status()).toBe(422);
    expect(await page.textContent('.error-summary')).toContain(translate('zh-CN', 'rules.start_before_permit'));
    const startedOn = shanghaiDateOf(issuedAt);
    await submit(startedOn);
    expect(page.url()).toBe(`${base}/key-projects/${projectCode}?started=1`);
    expect(await page.textContent('main [role=status]')).toContain(translate('zh-CN', 'kp.start.recorded'));
    expect(await page.textContent('#start-state')).toContain('帮办员 赵磊');
    expect(await page.$('#start-form')).toBeNull();
    await shot(page, '11-started-zh');
    await expectAccessible(page);
    const after = await json(context, `/api/key-projects/${projectCode}`);
    expect(after).toMatchObject({ started: true, startedOn, startRecordedBy: { name: '帮办员 赵磊' } });
    expect(await json(context, '/api/key-projects/start-rate')).toMatchObject({ total: 6, started: 3, percent: '50.0 %' });
    await context.close();

    // A project started already cannot start again (422, said on the page); leadership may not record a start at all.
    const startedCode = (await as('leader1').get('/api/key-projects')).body.find((p: { name: string }) => p.name.includes('纸面石膏板')).projectCode;
    expect((await as('helper1').post(`/key-projects/${startedCode}/start`, { startedOn })).status).toBe(422);
    expect((await as('leader1').post(`/key-projects/${projectCode}/start`, { startedOn })).status).toBe(403);
  }, 300_000);

  it('keeps the bulletin month picker honest: a bad month is a 400 naming the field', async () => {
    const bad = await as('leader1').get('/key-projects/bulletin?month=13-2026');
    expect(bad.status).toBe(400);
    expect(bad.raw.toString('utf8')).toContain(translate('zh-CN', 'report.month_invalid'));
    expect((await as('leader1').get(`/key-projects/bulletin?month=${previousMonth(month)}`)).status).toBe(200);
    expect((await as('leader1').get('/key-projects/not-a-code')).status).toBe(404);
  });
});
