import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { translate } from '@onewindow/web';
import { businessLicenseForm, entityName, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

/** Debian's Chromium, as CI installs it; the flags keep it from reaching out to the network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('the vendor, administration and follow-up pages in a real browser (Chromium, desktop)', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;
  let shots: string;
  const run = randomBytes(3).toString('hex');
  const name = (what: string) => `admb-${what}-${run}`;

  beforeAll(async () => {
    h = await startHarness();
    await h.backoffice.listen(0, '127.0.0.1');
    base = (await h.backoffice.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'ow-backoffice-admin-screens-'));
    mkdirSync(shots, { recursive: true });
    console.log(`back-office administration screenshots: ${shots}`);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  // The policy stays strict for users; only the test's own injected axe needs to get past it.
  const newPage = async (locale = 'zh-CN', viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport, locale, bypassCSP: true });
    return { context, page: await context.newPage() };
  };

  const shot = (page: Page, label: string) => page.screenshot({ path: join(shots, `${label}.png`), fullPage: true });

  async function expectAccessible(page: Page): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
    )) as AxeViolation[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  async function signIn(page: Page, username: string, password = STAFF_PASSWORD): Promise<void> {
    await page.goto(`${base}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  }

  const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

  /** Clicks a submit button and waits for the page the form leads to. */
  const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  it('a seal-carving vendor sees only seal-carving orders, marks one carved and then delivered; nothing else of the back office is theirs', async () => {
    const { api } = await signedInApplicant(h, '刘建海');
    const holder = entityName();
    const legalRep = { name: '刘建海', idNumber: residentId(), phone: mobile() };
    const form = businessLicenseForm({ name: holder, legalRepresentative: legalRep, shareholders: [{ name: legalRep.name, idNumber: legalRep.idNumber, contribution: '500' }] });
    const { id } = await fileToIssue(api, await staffDesk(h, name('desk')), 'business-license', form);
    const [order] = await eventually(async () => {
      const rows = await h.db.query('SELECT id FROM seal_carving_orders WHERE application_id = $1', [id]);
      return rows.length ? rows : undefined;
    }, 20000, 'the seal-carving order');
    await createStaff(h.db, { username: name('vendor'), roles: ['seal_vendor'], name: '平鲁刻章社' });

    const { context, page } = await newPage();
    await signIn(page, name('vendor'));
    expect(new URL(page.url()).pathname).toBe('/seal-orders');
    expect(await page.textContent('h1')).toBe(translate('zh-CN', 'vendor.title'));
    // The navigation offers the vendor their orders only: no workbench, no files.
    const navLinks = await page.$$eval('.site-nav a', (links) => links.map((a) => a.getAttribute('href')));
    expect(navLinks).toEqual(['/seal-orders']);
    const row = page.locator(`#order-${order.id}`);
    expect(await row.textContent()).toContain(holder);
    // What carving needs, and nothing of the person who applied.
    const main = (await page.textContent('main'))!;
    for (const personal of [legalRep.name, legalRep.idNumber, legalRep.phone]) expect(main).not.toContain(personal);
    await shot(page, '01-seal-orders-zh');
    await expectAccessible(page);

    await submit(page, `#order-${order.id} form[action$="/made"] button`);
    expect(await page.textContent('[role=status]')).toContain(translate('zh-CN', 'vendor.done_made', { entity: holder }));
    expect(await page.locator(`#order-${order.id} form[action$="/delivered"]`).count()).toBe(1);
    await expectAccessible(page);
    await submit(page, `#order-${order.id} form[action$="/delivered"] button`);
    expect(await page.locator(`#order-${order.id}`).count()).toBe(0);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/seal-orders?view=delivered"]')]);
    expect(await page.locator(`#order-${order.id}`).textContent()).toContain(holder);
    await shot(page, '02-seal-orders-delivered-zh');
    await expectAccessible(page);
    expect((await h.db.query('SELECT status FROM seal_carving_orders WHERE id = $1', [order.id]))[0].status).toBe('delivered');

    for (const path of ['/admin', '/admin/staff', '/follow-ups', '/admin/queues', '/admin/jobs']) {
      const response = await page.goto(`${base}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    const inbox = await page.goto(`${base}/api/applications/${id}`);
    expect(inbox?.status()).toBe(403);

    await page.goto(`${base}/seal-orders?lang=en`);
    expect(await page.textContent('h1')).toBe(translate('en', 'vendor.title'));
    await shot(page, '03-seal-orders-en');
    await context.close();
  }, 180_000);

  it('an administrator disables an account while its owner is signed in elsewhere: their next page load lands on sign-in', async () => {
    await createStaff(h.db, { username: name('admin'), roles: ['administrator'], name: '系统管理员' });
    await createStaff(h.db, { username: name('head'), roles: ['section_head'], sections: ['market_registration'], name: '登记科长' });
    const [{ id }] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [name('head')]);

    const them = await newPage();
    await signIn(them.page, name('head'));
    await them.page.goto(`${base}/follow-ups`);
    expect(await them.page.textContent('h1')).toBe(translate('zh-CN', 'followup.title'));

    const me = await newPage();
    await signIn(me.page, name('admin'));
    expect(new URL(me.page.url()).pathname).toBe('/admin');
    await Promise.all([me.page.waitForNavigation(), me.page.click('main a[href="/admin/staff"]')]);
    await Promise.all([me.page.waitForNavigation(), me.page.click(`a[href="/admin/staff/${id}"]`)]);
    await submit(me.page, `form[action="/admin/staff/${id}/disable"] button`);
    expect(await me.page.textContent('[role=status]')).toContain(translate('zh-CN', 'admin.staff.flash_disabled'));

    await them.page.reload();
    expect(new URL(them.page.url()).pathname).toBe('/login');
    expect(await them.page.textContent('h1')).toBe(translate('zh-CN', 'bo.login.title'));
    await them.context.close();
    await me.context.close();
  }, 120_000);

  it('every administration and follow-up page is accessible and reads well in both languages', async () => {
    await createStaff(h.db, { username: name('admin2'), roles: ['administrator'], name: '管理员乙' });
    // A follow-up to show: a poor rating of an issued file.
    const { api } = await signedInApplicant(h, '王秀英');
    const { id: fileId } = await fileToIssue(api, await staffDesk(h, name('desk2')), 'business-license', businessLicenseForm({ name: entityName() }));
    await api.post(`/api/applications/${fileId}/rating`, { level: 2, comment: '材料要求讲得不够清楚，来回跑了两趟' });
    const [rating] = await h.db.query('SELECT id FROM ratings WHERE application_id = $1', [fileId]);
    const [{ id: staffId }] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [name('admin2')]);

    for (const locale of ['zh-CN', 'en'] as const) {
      const { context, page } = await newPage(locale);
      await signIn(page, name('admin2'));
      const visit = async (path: string, label: string) => {
        const response = await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
        expect([path, response?.status()]).toEqual([path, 200]);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await shot(page, `${label}-${locale}`);
        await expectAccessible(page);
      };
      await visit('/admin', '10-admin-home');
      await visit('/admin/staff', '11-admin-staff');
      await visit('/admin/staff/new', '12-admin-staff-new');
      // The form's errors, beside the fields and in the summary.
      await page.fill('#username', 'X');
      await submit(page, 'main form button[type=submit]');
      expect(await page.isVisible('.error-summary')).toBe(true);
      expect(await page.textContent('#username-error')).toContain(translate(locale, 'admin.staff.username_invalid'));
      await shot(page, `13-admin-staff-new-errors-${locale}`);
      await expectAccessible(page);
      await visit(`/admin/staff/${staffId}`, '14-admin-staff-edit');
      await visit('/admin/calendar?year=2026', '15-admin-calendar');
      await visit('/admin/services', '16-admin-services');
      await visit('/admin/services/food-business', '17-admin-service-food');
      await visit('/admin/jobs', '18-admin-jobs');
      await visit('/follow-ups', '19-follow-ups');
      await visit(`/follow-ups/${rating.id}`, '20-follow-up');
      await context.close();
    }

    // The queue dashboard opens for an administrator (bull-board's own page and its data).
    const { context, page } = await newPage();
    await signIn(page, name('admin2'));
    const dashboard = await page.goto(`${base}/admin/queues`);
    expect(dashboard?.status()).toBe(200);
    await page.waitForSelector('text=maintenance', { timeout: 15000 });
    await shot(page, '21-admin-queues');
    await context.close();
  }, 300_000);

  it('sign-in, refusal and not-found pages, a failed job and a form in error are accessible; the pages fit a tablet', async () => {
    await createStaff(h.db, { username: name('admin3'), roles: ['administrator'], name: '管理员丙' });
    await createStaff(h.db, { username: name('vendor3'), roles: ['seal_vendor'], name: '朔州刻章社' });
    const [{ id: staffId }] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [name('vendor3')]);

    // Signing in, and signing in with nothing entered.
    let { context, page } = await newPage();
    await page.goto(`${base}/login`);
    await shot(page, '30-login-zh');
    await expectAccessible(page);
    await submit(page, 'main form button[type=submit]');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await expectAccessible(page);

    // A vendor asking for the workbench is refused; a page that does not exist is not found.
    await signIn(page, name('vendor3'));
    const refused = await page.goto(`${base}/workbench`);
    expect(refused?.status()).toBe(403);
    // The back office's own error page: the staff layout, and no link into the portal.
    expect(await page.textContent('.brand')).toContain(translate('zh-CN', 'bo.site'));
    expect(await page.locator('a[href="/track"]').count()).toBe(0);
    expect(await page.locator('main a[href="/"]').textContent()).toBe(translate('zh-CN', 'bo.error.home'));
    await shot(page, '31-error-403-zh');
    await expectAccessible(page);
    const missing = await page.goto(`${base}/no-such-page`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe(translate('zh-CN', 'error_page.title_404'));
    expect(await page.locator('a[href="/track"]').count()).toBe(0);
    await shot(page, '32-error-404-zh');
    await expectAccessible(page);
    await context.close();

    // A job that failed for good, in this run's own queues, on the administrator's list.
    const queue = new Queue(QUEUES.maintenance, { connection: redisConnectionOptions(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
    try {
      const job = await queue.add('audit-digest', { day: 'not-a-day' }, { jobId: `admb-failing-${run}`, attempts: 1 });
      await eventually(async () => ((await job.getState()) === 'failed' ? true : undefined), 15000, 'the job to fail');
    } finally {
      await queue.close();
    }
    ({ context, page } = await newPage());
    await signIn(page, name('admin3'));
    await page.goto(`${base}/admin/jobs`);
    expect(await page.textContent('main')).toContain(`admb-failing-${run}`);
    expect(await page.locator(`form[action="/admin/jobs/maintenance/admb-failing-${run}/retry"]`).count()).toBe(1);
    await shot(page, '33-admin-jobs-failed-zh');
    await expectAccessible(page);

    // An account's page with its form refused: a name left empty and a password too short.
    await page.goto(`${base}/admin/staff/${staffId}`);
    await page.fill('#name', '');
    await submit(page, `form[action="/admin/staff/${staffId}"] button[type=submit]`);
    expect(await page.isVisible('.error-summary')).toBe(true);
    expect(await page.isVisible('#name-error')).toBe(true);
    await shot(page, '34-admin-staff-edit-error-zh');
    await expectAccessible(page);
    await page.goto(`${base}/admin/staff/${staffId}`);
    await page.fill('#password', 'short');
    await submit(page, `form[action="/admin/staff/${staffId}/password"] button[type=submit]`);
    expect(await page.isVisible('#password-error')).toBe(true);
    await expectAccessible(page);
    await context.close();

    // At 768 px, each administration page and the vendor's orders read without scrolling sideways.
    for (const [who, paths] of [
      [name('admin3'), ['/admin', '/admin/staff', '/admin/staff/new', `/admin/staff/${staffId}`, '/admin/calendar?year=2026', '/admin/services', '/admin/services/food-business', '/admin/jobs', '/follow-ups']],
      [name('vendor3'), ['/seal-orders', '/seal-orders?view=delivered']],
    ] as const) {
      for (const locale of ['zh-CN', 'en']) {
        ({ context, page } = await newPage(locale, TABLET));
        await signIn(page, who);
        for (const path of paths) {
          const response = await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
          expect([path, response?.status()]).toEqual([path, 200]);
          expect([path, await fitsWidth(page)]).toEqual([path, true]);
          await shot(page, `40-tablet-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${locale}-768`);
        }
        await context.close();
      }
    }
  }, 300_000);
});
