import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { AccountsService } from '@onewindow/auth';
import { getService } from '@onewindow/domain';
import { Locale, translate } from '@onewindow/web';
import { SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId, validUscc } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { Desk, fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

/** Debian's Chromium, as CI installs it; the flags keep it from reaching out to the network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** In the repository's git-ignored var/ unless SCREENSHOT_DIR says otherwise. */
const SHOTS = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'var', 'screenshots', 'portal-browser');

/**
 * Han characters, CJK punctuation and full-width forms: on an English page these are either the
 * applicant's own Chinese data or words left untranslated.
 */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/**
 * Official document numbers (平审受字〔2026〕第000042号, a licence's number) are Chinese by nature,
 * printed so on the paper and checked character for character; an English page shows them as they are.
 */
const DOCUMENT_NUMBER = /\S*〔\d{4}〕\S*号/g;

/** One pass over the portal: a screen size, a language, and the prefix of its screenshots. */
interface Pass {
  size: 'phone' | 'desktop' | 'nojs';
  viewport: { width: number; height: number };
  lang: Locale;
  axe: boolean;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('the portal in a real browser (Chromium)', () => {
  let h: Harness;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    await h.portal.listen(0, '127.0.0.1');
    base = (await h.portal.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`portal browser screenshots: ${SHOTS}`);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  // bypassCSP lets only the test's own injected axe past the policy; the policy itself is tested without it below.
  const newPage = async (viewport = PHONE, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true, ...options });
    const page = await context.newPage();
    return { context, page };
  };

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  /** No serious or critical accessibility problems, by axe-core's WCAG 2.1 A/AA rules, 2.2's target size (a thumb must hit it) and best practices. */
  async function expectAccessible(page: Page): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then((r) => r.violations)",
    )) as AxeViolation[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect([page.url(), bad]).toEqual([page.url(), []]);
  }

  const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;
  const stylesheetApplied = (page: Page) => page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderTopStyle === 'solid'") as Promise<boolean>;
  /** Posts the form the selector's button belongs to and waits for the page that answers. */
  const submit = (page: Page, selector = 'main form button[type=submit]') => Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
  const stateOf = async (id: string) => (await h.db.query('SELECT state FROM applications WHERE id = $1', [id]))[0].state as string;
  const waitForState = (id: string, state: string) => eventually(async () => ((await stateOf(id)) === state ? true : undefined), 20000, state);

  /** The screenshot's name: the pass's size, the step, the language. */
  const shotName = (pass: Pass, step: string) => `${pass.size}-${step}-${pass.lang === 'en' ? 'en' : 'zh'}`;

  /**
   * What is still Chinese on an English page, as a reader or a screen reader meets it (the text,
   * the title and the spoken labels), leaving out what is marked as another language (the switch
   * to 中文, the texts as sent, a licence's printed title), the data given (`data`: the applicant's
   * own names, addresses and business, the staff's reasons, Chinese whatever the page's language)
   * and official document numbers. The bureau's name is not let off: English pages translate it.
   */
  async function chineseOnEnglishPage(page: Page, data: readonly string[]): Promise<string[]> {
    const texts = (await page.evaluate(`(() => {
      const english = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? 'en').startsWith('en');
      const out = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (el && !el.closest('script, style, template') && english(el)) out.push(node.textContent);
      }
      for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
        if (!english(el)) continue;
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
      }
      return out;
    })()`)) as string[];
    const longestFirst = [...data].sort((a, b) => b.length - a.length);
    return texts
      .map((text) => longestFirst.reduce((rest, given) => rest.split(given).join(' '), text.replace(DOCUMENT_NUMBER, ' ')))
      .filter((text) => CJK.test(text))
      .map((text) => text.replace(/\s+/g, ' ').trim().slice(0, 120));
  }

  /**
   * What an applicant checks on each page: it fits the screen, is in the pass's language (in
   * English, no Chinese but `data`), and axe finds nothing serious. The screenshot, taken first, is
   * kept for people to look at.
   */
  async function look(page: Page, pass: Pass, step?: string, data: readonly string[] = []): Promise<void> {
    const url = page.url();
    if (step) await shot(page, shotName(pass, step));
    expect([url, await fitsWidth(page), await page.getAttribute('html', 'lang')]).toEqual([url, true, pass.lang]);
    if (pass.lang === 'en') expect([url, await chineseOnEnglishPage(page, data)]).toEqual([url, []]);
    if (pass.axe) await expectAccessible(page);
  }

  /** A fresh browser at the pass's size; in English by the site's own language link, whose choice the site remembers. */
  async function openPage(pass: Pass, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await newPage(pass.viewport, options);
    if (pass.lang === 'en') {
      await opened.page.goto(`${base}/`);
      await Promise.all([opened.page.waitForURL(/lang=en/), opened.page.click('.lang-switch a')]);
    }
    return opened;
  }

  /** What the food-business journey types, and what the window and the reviewer write: Chinese in either language. */
  const FOOD_BUSINESS_DATA = [
    '王秀英',
    '朔州市平鲁区老城饭庄有限公司',
    '山西省朔州市平鲁区井坪镇南大街18号一层',
    '山西省朔州市平鲁区井坪镇南大街18号',
    '热食类食品制售',
    '冷食类食品制售',
    '布局图未标明设备位置',
    '经营场所应写明楼层',
    '符合条件，准予许可。',
    '全程网上办理，很方便',
  ];

  /**
   * Register, then file a food business with uploads up to the confirmation page, looking at each
   * page on the way in the pass's language. Returns the application's id.
   */
  async function registerAndFileFoodBusiness(page: Page, pass: Pass): Promise<string> {
    const check = (step?: string) => look(page, pass, step, FOOD_BUSINESS_DATA);
    await page.goto(`${base}/register`);
    await page.fill('#name', '王秀英');
    await page.fill('#phone', mobile());
    await page.fill('#idNumber', residentId('19750310'));
    await page.fill('#password', 'a-long-enough-password');
    await submit(page);
    expect(page.url()).toBe(`${base}/applications`);
    expect(await page.textContent('h1')).toBe(translate(pass.lang, 'applications.title'));
    await check('08-applications-empty');

    await page.goto(`${base}/services/food-business`);
    await Promise.all([page.waitForURL(`${base}/apply/food-business`), page.click('a.button--start >> nth=0')]);
    await check('09-apply-start');
    await submit(page, 'main form button.button--start');
    const id = /\/applications\/([0-9a-f-]{36})\/steps\/operator$/.exec(page.url())![1];
    await page.fill('[name="operatorName"]', '朔州市平鲁区老城饭庄有限公司');
    await page.fill('[name="creditCode"]', validUscc());
    await page.fill('[name="legalRepresentative"]', '王秀英');
    await check('10-step-operator');
    await submit(page, 'main .button-group button[value=continue]');
    expect(page.url()).toBe(`${base}/applications/${id}/steps/premises`);
    await page.fill('[name="domicile"]', '山西省朔州市平鲁区井坪镇南大街18号');
    await page.fill('[name="premises"]', '山西省朔州市平鲁区井坪镇南大街18号');
    await check('11-step-premises');
    await submit(page, 'main .button-group button[value=continue]');
    await page.check('#f-businessForm-catering');
    await page.fill('[name="businessItems"]', '热食类食品制售\n冷食类食品制售');
    await check('12-step-business');
    await submit(page, 'main .button-group button[value=continue]');
    expect(page.url()).toBe(`${base}/applications/${id}/steps/agent`);
    await check('13-step-agent');
    await submit(page, 'main .button-group button[value=continue]');
    expect(page.url()).toBe(`${base}/applications/${id}/materials`);
    await check();

    for (const code of ['application_form', 'layout_and_process', 'food_safety_rules']) {
      await page.setInputFiles(`#file-${code}`, { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
      await submit(page, `#m-${code} form button[type=submit]`);
      expect(page.url()).toContain(`uploaded=${code}`);
    }
    // No agent was named, so the letter of authorisation is not asked for: the checklist says so instead of "not yet".
    expect(await page.textContent('#m-authorization_letter .material__status')).toBe(translate(pass.lang, 'materials.status_not_needed'));
    await check('14-materials');
    await Promise.all([page.waitForURL(`${base}/applications/${id}/check`), page.click('main a[href$="/check"]')]);
    expect(await page.textContent('main')).toContain(['热食类食品制售', '冷食类食品制售'].join(translate(pass.lang, 'answer.list_separator')));
    await check('15-check');
    await submit(page, 'main form[action$="/submit"] button');
    expect(page.url()).toBe(`${base}/applications/${id}/submitted`);
    const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);
    expect(await page.textContent('.panel__number')).toBe(number);
    await check('16-submitted');
    return id;
  }

  /** The window asks for two things at once (through the back office's API). */
  async function requestCorrection(desk: Desk, id: string): Promise<void> {
    await waitForState(id, 'awaiting_acceptance');
    await desk.clerk.post(`/api/applications/${id}/claim`);
    const asked = await desk.clerk.post(`/api/applications/${id}/request-correction`, {
      items: [
        { materialCode: 'layout_and_process', reason: '布局图未标明设备位置' },
        { field: 'premises', reason: '经营场所应写明楼层' },
      ],
    });
    expect(asked.status).toBe(200);
  }

  // Chinese at both sizes; English at phone size, where a long English word has the least room.
  const PASSES: Pass[] = [
    { size: 'phone', viewport: PHONE, lang: 'zh-CN', axe: true },
    { size: 'desktop', viewport: DESKTOP, lang: 'zh-CN', axe: true },
    { size: 'phone', viewport: PHONE, lang: 'en', axe: true },
  ];

  for (const pass of PASSES) {
    const { size, viewport, lang } = pass;

    describe(`at ${size} size (${viewport.width}×${viewport.height}) in ${lang}`, () => {
      it('home → service guides → the look-up by number and phone, readable and accessible', async () => {
        const { api, phone } = await signedInApplicant(h, '钱九');
        const filed = businessLicenseForm();
        const { id } = await fileToIssue(api, await staffDesk(h, `pb-track-${size}-${lang}`), 'business-license', filed);
        const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);

        const { context, page } = await openPage(pass);
        const home = await page.goto(`${base}/`);
        expect(home?.status()).toBe(200);
        expect(await page.textContent('h1')).toBe(translate(lang, 'home.heading'));
        // The stylesheet loaded, and the words are laid out within the width.
        expect(await stylesheetApplied(page)).toBe(true);
        await look(page, pass, '01-home');

        const serviceName = (code: string) => (lang === 'en' ? getService(code)!.nameEn : getService(code)!.name);
        await Promise.all([page.waitForURL(`${base}/services/food-business`), page.click('a[href="/services/food-business"]')]);
        expect(await page.textContent('h1')).toBe(serviceName('food-business'));
        expect(await page.isVisible('a.button--start[href="/apply/food-business"]')).toBe(true);
        await look(page, pass, '02-guide-food-business');
        if (lang === 'en') {
          // The longest guide: a permit that needs two earlier ones, with conditional materials.
          await page.goto(`${base}/services/construction`);
          expect(await page.textContent('h1')).toBe(serviceName('construction'));
          await look(page, pass, '02-guide-construction');
        }

        await Promise.all([page.waitForURL(`${base}/track`), page.click('.site-nav a[href="/track"]')]);
        await look(page, pass, '03-track-form');
        await page.fill('#number', number);
        await page.fill('#phone', phone);
        await Promise.all([page.waitForURL(/\/track\?/), page.click('main form button[type=submit]')]);
        expect(await page.textContent('#result-title')).toBe(translate(lang, 'track.result_title'));
        expect(await page.textContent('main')).toContain(translate(lang, 'state.issued'));
        await look(page, pass, '03-track-result', [filed.name]);

        // A wrong phone number: the answer says so, and nothing else.
        const wrong = await page.goto(`${base}/track?number=${number}&phone=13900000000`);
        expect(wrong?.status()).toBe(404);
        expect(await page.textContent('main')).toContain(translate(lang, 'track.not_found'));
        expect(await page.textContent('main')).not.toContain(translate(lang, 'state.issued'));
        await look(page, pass, '04-track-not-found');

        await page.goto(`${base}/track`);
        await page.fill('#number', '123');
        await page.click('main form button[type=submit]');
        await page.waitForSelector('.error-summary');
        expect(await page.textContent('.error-summary')).toContain(translate(lang, 'track.number_invalid'));
        await look(page, pass, '04-track-errors');
        await context.close();
      });

      if (lang === 'zh-CN') {
        it('the English switch keeps the page and persists; errors are announced in English', async () => {
          const { context, page } = await newPage(viewport);
          await page.goto(`${base}/services/business-license`);
          await Promise.all([page.waitForURL(/lang=en/), page.click('.lang-switch a')]);
          expect(await page.getAttribute('html', 'lang')).toBe('en');
          expect(await page.textContent('h1')).toBe('Business licence (enterprise establishment registration)');
          expect(await fitsWidth(page)).toBe(true);
          await shot(page, `${size}-05-guide-business-license-en`);
          await expectAccessible(page);
          await page.click('.site-nav a[href="/track"]');
          await page.waitForURL(`${base}/track`);
          expect(await page.getAttribute('html', 'lang')).toBe('en');
          await page.fill('#number', '123');
          await page.click('main form button[type=submit]');
          await page.waitForSelector('.error-summary');
          expect(await page.textContent('.error-summary')).toContain(translate('en', 'track.number_invalid'));
          await shot(page, `${size}-06-track-errors-en`);
          await expectAccessible(page);
          await context.close();
        });
      }

      it('sign-in, registration, verification, set-password and the error pages are accessible', async () => {
        const { context, page } = await openPage(pass);
        for (const [url, heading, step] of [
          ['/login', 'login.title', '20-login'],
          ['/register', 'register.title', '21-register'],
          ['/verify', 'verify.title', '22-verify'],
        ]) {
          expect((await page.goto(`${base}${url}`))?.status()).toBe(200);
          expect(await page.textContent('h1')).toBe(translate(lang, heading));
          await look(page, pass, step);
        }
        // Registration sent empty: the summary and each field's error, still accessible.
        await page.goto(`${base}/register`);
        const [wrong] = await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
        expect(wrong?.status()).toBe(400);
        expect(await page.isVisible('.error-summary')).toBe(true);
        await look(page, pass, '21-register-errors');

        // The link an SMS carries to someone whose account staff made: the form, then the page that says it is done.
        const { phone } = await signedInApplicant(h, '郑十');
        const [{ id: accountId }] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [phone]);
        const token = await h.portal.get(AccountsService).issuePasswordToken(h.db.manager, accountId);
        await page.goto(`${base}/set-password?token=${token}`);
        expect(await page.textContent('h1')).toBe(translate(lang, 'set_password.title'));
        await look(page, pass, '23-set-password', ['郑十']);
        await page.fill('#password', 'a-new-private-passphrase');
        await page.fill('#confirm', 'a-new-private-passphrase');
        await submit(page);
        expect(await page.textContent('main')).toContain(translate(lang, 'set_password.done_title'));
        await look(page, pass, '24-set-password-done', ['郑十']);

        const missing = await page.goto(`${base}/no/such/page`);
        expect(missing?.status()).toBe(404);
        expect(await page.textContent('h1')).toBe(translate(lang, 'error_page.title_404'));
        await look(page, pass, '25-error-404');

        // A form whose token no longer matches (a forged post looks the same): 403, worded as an expired page.
        await page.goto(`${base}/login`);
        await page.fill('#phone', phone);
        await page.fill('#password', 'long-enough-password');
        await page.evaluate("document.querySelector('main form input[name=_csrf]').value = 'forged'");
        const [refused] = await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
        expect(refused?.status()).toBe(403);
        expect(await page.textContent('main')).toContain(translate(lang, 'errors.csrf'));
        await look(page, pass, '26-error-csrf');
        await context.close();
      });

      it('a food business, start to finish: register, file with uploads, fix a correction, get the permit, download it, rate', async () => {
        const desk = await staffDesk(h, `pb-journey-${size}-${lang}`);
        const { context, page } = await openPage(pass);
        const id = await registerAndFileFoodBusiness(page, pass);

        // The applicant fixes exactly the two things the window asked for.
        await requestCorrection(desk, id);
        await page.goto(`${base}/applications/${id}`);
        expect(await page.textContent('#correction')).toContain('布局图未标明设备位置');
        await look(page, pass, '17-correction', FOOD_BUSINESS_DATA);
        await page.goto(`${base}/applications`);
        expect(await page.textContent('main')).toContain(translate(lang, 'state.correction_required'));
        await look(page, pass, '18-applications', FOOD_BUSINESS_DATA);
        await page.goto(`${base}/applications/${id}`);
        await Promise.all([page.waitForURL(/\/materials#m-layout_and_process$/), page.click('#correction a[href*="materials"]')]);
        await page.setInputFiles('#file-layout_and_process', { name: 'layout-v2.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
        await submit(page, '#m-layout_and_process form button[type=submit]');
        await page.goto(`${base}/applications/${id}`);
        await Promise.all([page.waitForURL(/\/steps\/premises/), page.click('#correction a[href*="/steps/premises"]')]);
        await page.fill('[name="premises"]', '山西省朔州市平鲁区井坪镇南大街18号一层');
        await submit(page, 'main .button-group button[value=continue]');
        expect(page.url()).toBe(`${base}/applications/${id}/check`);
        await submit(page, 'main form[action$="/submit"] button');
        await waitForState(id, 'awaiting_acceptance');
        const [form] = await h.db.query('SELECT form FROM applications WHERE id = $1', [id]);
        expect(form.form.premises).toBe('山西省朔州市平鲁区井坪镇南大街18号一层');

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
        await submit(page, 'form.rating-form button[type=submit]');
        expect(await page.textContent('main')).toContain(translate(lang, 'rating.thanks'));
        const [rating] = await h.db.query('SELECT level, comment FROM ratings WHERE application_id = $1', [id]);
        expect(rating).toEqual({ level: 5, comment: '全程网上办理，很方便' });
        await look(page, pass, '19-issued-rated', FOOD_BUSINESS_DATA);

        // The licence's verification page (its link names the public address; the test's server is elsewhere), and the messages.
        const verifyLink = new URL((await page.getAttribute('main a[href*="/verify/"]', 'href'))!);
        expect((await page.goto(`${base}${verifyLink.pathname}${verifyLink.search}`))?.status()).toBe(200);
        expect(await page.textContent('h1')).toBe(translate(lang, 'verify_page.title'));
        const licenseNumber = decodeURIComponent(verifyLink.pathname.split('/').pop()!);
        expect(await page.textContent('main')).toContain(licenseNumber);
        await look(page, pass, '27-verify-result', [...FOOD_BUSINESS_DATA, licenseNumber]);
        await page.goto(`${base}/notifications`);
        expect(await page.textContent('h1')).toBe(translate(lang, 'notifications.title'));
        await look(page, pass, '28-notifications', [...FOOD_BUSINESS_DATA, licenseNumber]);
        await context.close();
      });
    });
  }

  it('with JavaScript off, a whole food-business filing works: every form, the uploads as plain posts, submit', async () => {
    const { context, page } = await newPage(PHONE, { javaScriptEnabled: false });
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/materials\?/.test(request.url())) uploads.push(request.resourceType());
    });
    const id = await registerAndFileFoodBusiness(page, { size: 'nojs', viewport: PHONE, lang: 'zh-CN', axe: false });
    // Without upload.js each file went as the form's own post (a page load), not by XMLHttpRequest.
    expect(uploads).toEqual(['document', 'document', 'document']);
    await waitForState(id, 'awaiting_acceptance');
    await context.close();
  });

  it('under the strict policy (no bypass), the key pages apply their stylesheet and break no rule of it', async () => {
    const { api, phone } = await signedInApplicant(h, '吴十一');
    const { id: issued } = await fileToIssue(api, await staffDesk(h, 'pb-csp'), 'business-license', businessLicenseForm());
    const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [issued]);
    const draft = (await api.post('/api/applications', { serviceCode: 'food-business', form: {} })).body.id as string;

    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    const visit = async (url: string, status = 200) => {
      const response = await page.goto(`${base}${url}`);
      expect([url, response?.status(), await stylesheetApplied(page)]).toEqual([url, status, true]);
    };
    for (const url of ['/', '/services/food-business', `/track?number=${number}&phone=${phone}`, '/verify', '/register', '/login']) await visit(url);
    await page.fill('#phone', phone);
    await page.fill('#password', 'long-enough-password');
    await submit(page);
    expect(page.url()).toBe(`${base}/applications`);
    const verifyLink = new URL((await api.get(`/api/applications/${issued}`)).body.license.verifyUrl as string);
    for (const url of [
      '/applications',
      '/apply/food-business',
      `/applications/${draft}/steps/operator`,
      `/applications/${draft}/materials`,
      `/applications/${draft}/check`,
      `/applications/${issued}`,
      `${verifyLink.pathname}${verifyLink.search}`,
      '/notifications',
    ]) {
      await visit(url);
    }
    await visit('/no/such/page', 404);
    expect(violations).toEqual([]);
    await context.close();
  });
});
