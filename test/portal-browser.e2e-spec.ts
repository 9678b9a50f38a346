import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { translate } from '@onewindow/web';
import { businessLicenseForm } from './support/factories';
import { Harness, startHarness } from './support/harness';
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
    const { id } = await fileToIssue(api, await staffDesk(h, 'browser'), 'business-license', businessLicenseForm());
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

  it('the home page at desktop width', async () => {
    const { context, page } = await newPage(DESKTOP);
    await page.goto(`${base}/`);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '07-home-desktop-zh');
    await expectAccessible(page);
    await context.close();
  });
});
