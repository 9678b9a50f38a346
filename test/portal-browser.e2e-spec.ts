import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { translate } from '@onewindow/web';
import { SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId, validUscc } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

/** Debian's Chromium, as CI installs it; the flags keep it from reaching out to the network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('the portal in a real browser (Chromium, phone-sized)', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;
  let shots: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.portal.listen(0, '127.0.0.1');
    base = (await h.portal.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'ow-portal-screens-'));
    mkdirSync(shots, { recursive: true });
    console.log(`portal browser screenshots: ${shots}`);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  // The policy stays strict for users; only the test's own injected axe needs to get past it.
  const newPage = async (viewport = PHONE, locale = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport, locale, bypassCSP: true });
    const page = await context.newPage();
    return { context, page };
  };

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  /** No serious or critical accessibility problems, by axe-core's WCAG 2.1 A/AA rules and best practices. */
  async function expectAccessible(page: Page): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
    )) as AxeViolation[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

  it('home → a service guide → the look-up by phone, readable and accessible at 360 px', async () => {
    const { api, phone } = await signedInApplicant(h, '钱九');
    const { id } = await fileToIssue(api, await staffDesk(h, 'pb-track'), 'business-license', businessLicenseForm());
    const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);

    const { context, page } = await newPage();
    const home = await page.goto(`${base}/`);
    expect(home?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe(translate('zh-CN', 'home.heading'));
    // The stylesheet loaded under the strict policy, and Chinese is laid out within the phone's width.
    expect(await page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderTopStyle")).toBe('solid');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '01-home-zh');
    await expectAccessible(page);

    await Promise.all([page.waitForURL(`${base}/services/food-business`), page.click('a[href="/services/food-business"]')]);
    expect(await page.textContent('h1')).toBe('食品经营许可证');
    expect(await page.isVisible('a.button--start[href="/apply/food-business"]')).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '02-guide-food-business-zh');
    await expectAccessible(page);

    await Promise.all([page.waitForURL(`${base}/track`), page.click('.site-nav a[href="/track"]')]);
    await expectAccessible(page);
    await page.fill('#number', number);
    await page.fill('#phone', phone);
    await Promise.all([page.waitForURL(/\/track\?/), page.click('main form button[type=submit]')]);
    expect(await page.textContent('#result-title')).toBe(translate('zh-CN', 'track.result_title'));
    expect(await page.textContent('main')).toContain(translate('zh-CN', 'state.issued'));
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '03-track-result-zh');
    await expectAccessible(page);

    // A wrong phone number: the answer says so, and nothing else.
    await page.goto(`${base}/track?number=${number}&phone=13900000000`);
    expect(await page.textContent('main')).toContain(translate('zh-CN', 'track.not_found'));
    await shot(page, '04-track-not-found-zh');
    await context.close();
  });

  it('the English switch keeps the page and persists; errors are announced in English', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/services/business-license`);
    await Promise.all([page.waitForURL(/lang=en/), page.click('.lang-switch a')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Business license (enterprise establishment registration)');
    await shot(page, '05-guide-business-license-en');
    await expectAccessible(page);
    await page.click('.site-nav a[href="/track"]');
    await page.waitForURL(`${base}/track`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.fill('#number', '123');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain(translate('en', 'track.number_invalid'));
    await shot(page, '06-track-errors-en');
    await expectAccessible(page);
    await context.close();
  });

  it('a food business, start to finish in the browser: register, file with uploads, fix a correction, get the permit, download it, rate', async () => {
    const desk = await staffDesk(h, 'pb-journey');
    const { context, page } = await newPage();
    const stateOf = async (id: string) => (await h.db.query('SELECT state FROM applications WHERE id = $1', [id]))[0].state as string;
    const waitForState = (id: string, state: string) => eventually(async () => ((await stateOf(id)) === state ? true : undefined), 20000, state);
    const submit = (selector = 'main form button[type=submit]') => Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);

    await page.goto(`${base}/register`);
    await page.fill('#name', '王秀英');
    await page.fill('#phone', mobile());
    await page.fill('#idNumber', residentId('19750310'));
    await page.fill('#password', 'a-long-enough-password');
    await submit();
    expect(page.url()).toBe(`${base}/applications`);

    await page.goto(`${base}/services/food-business`);
    await Promise.all([page.waitForURL(`${base}/apply/food-business`), page.click('a.button--start >> nth=0')]);
    await submit('main form button.button--start');
    const id = /\/applications\/([0-9a-f-]{36})\/steps\/operator$/.exec(page.url())![1];
    await expectAccessible(page);
    await page.fill('[name="operatorName"]', '朔州市平鲁区老城饭庄有限公司');
    await page.fill('[name="creditCode"]', validUscc());
    await page.fill('[name="legalRepresentative"]', '王秀英');
    await shot(page, '10-step-operator-zh');
    await submit('main .button-group button[value=continue]');
    await page.fill('[name="domicile"]', '山西省朔州市平鲁区井坪镇南大街18号');
    await page.fill('[name="premises"]', '山西省朔州市平鲁区井坪镇南大街18号');
    await submit('main .button-group button[value=continue]');
    await page.check('#f-businessForm-catering');
    await page.fill('[name="businessItems"]', '热食类食品制售\n冷食类食品制售');
    await shot(page, '11-step-business-zh');
    await expectAccessible(page);
    await submit('main .button-group button[value=continue]');
    await submit('main .button-group button[value=continue]');
    expect(page.url()).toBe(`${base}/applications/${id}/materials`);
    await expectAccessible(page);

    for (const code of ['application_form', 'layout_and_process', 'food_safety_rules']) {
      await page.setInputFiles(`#file-${code}`, { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
      await submit(`#m-${code} form button[type=submit]`);
      expect(page.url()).toContain(`uploaded=${code}`);
    }
    await shot(page, '12-materials-zh');
    await Promise.all([page.waitForURL(`${base}/applications/${id}/check`), page.click('main a[href$="/check"]')]);
    expect(await page.textContent('main')).toContain('热食类食品制售、冷食类食品制售');
    await shot(page, '13-check-zh');
    await expectAccessible(page);
    await submit('main form[action$="/submit"] button');
    expect(page.url()).toBe(`${base}/applications/${id}/submitted`);
    const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);
    expect(await page.textContent('.panel__number')).toBe(number);
    await shot(page, '14-submitted-zh');
    await expectAccessible(page);

    // The window asks for two things at once (through the back office's API); the applicant fixes exactly those.
    await waitForState(id, 'awaiting_acceptance');
    await desk.clerk.post(`/api/applications/${id}/claim`);
    const asked = await desk.clerk.post(`/api/applications/${id}/request-correction`, {
      items: [
        { materialCode: 'layout_and_process', reason: '布局图未标明设备位置' },
        { field: 'premises', reason: '经营场所应写明楼层' },
      ],
    });
    expect(asked.status).toBe(200);
    await page.goto(`${base}/applications/${id}`);
    expect(await page.textContent('#correction')).toContain('布局图未标明设备位置');
    await shot(page, '15-correction-zh');
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/materials#m-layout_and_process$/), page.click('#correction a[href*="materials"]')]);
    await page.setInputFiles('#file-layout_and_process', { name: 'layout-v2.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
    await submit('#m-layout_and_process form button[type=submit]');
    await page.goto(`${base}/applications/${id}`);
    await Promise.all([page.waitForURL(/\/steps\/premises/), page.click('#correction a[href*="/steps/premises"]')]);
    await page.fill('[name="premises"]', '山西省朔州市平鲁区井坪镇南大街18号一层');
    await submit('main .button-group button[value=continue]');
    expect(page.url()).toBe(`${base}/applications/${id}/check`);
    await submit('main form[action$="/submit"] button');
    await waitForState(id, 'awaiting_acceptance');

    await desk.clerk.post(`/api/applications/${id}/claim`);
    expect((await desk.clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
    await desk.reviewer.post(`/api/applications/${id}/claim`);
    expect((await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '符合条件，准予许可。' })).status).toBe(200);
    expect((await desk.sealer.post(`/api/applications/${id}/seal`)).status).toBe(200);
    await waitForState(id, 'issued');

    await page.goto(`${base}/applications/${id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/license.pdf"]')]);
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.check('#rating-5');
    await page.fill('#rating-comment', '全程网上办理，很方便');
    await submit('form.rating-form button[type=submit]');
    expect(await page.textContent('main')).toContain(translate('zh-CN', 'rating.thanks'));
    await shot(page, '16-issued-rated-zh');
    await expectAccessible(page);
    await context.close();
  });

  it('the home page at desktop width', async () => {
    const { context, page } = await newPage(DESKTOP);
    await page.goto(`${base}/`);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '07-home-desktop-zh');
    await expectAccessible(page);
    await context.close();
  });
});
