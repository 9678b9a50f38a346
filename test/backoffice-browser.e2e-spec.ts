import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { translate } from '@onewindow/web';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { signedInApplicant } from './support/journeys';

/** Debian's Chromium, as CI installs it; the flags keep it from reaching out to the network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MATERIALS = ['application_form', 'legal_rep_id', 'domicile_proof', 'articles'];

/** A 480×300 PNG that looks like an ID card scan (a photo box and lines of text), so the preview shows something. */
function idCardScan(): Buffer {
  const [width, height] = [480, 300];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const border = x < 6 || y < 6 || x >= width - 6 || y >= height - 6;
      const photo = x > 330 && x < 450 && y > 40 && y < 200;
      const line = x > 30 && x < 300 && [60, 100, 140, 180, 240].some((top) => y >= top && y < top + 14);
      const [r, g, b] = border ? [158, 27, 27] : photo ? [190, 200, 215] : line ? [60, 60, 70] : [246, 241, 228];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page A4 PDF with a heading and lines of text, as a scanned statute reads, so the viewer has a page to show. */
function articlesPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(22).text('Articles of Association', { align: 'center' }).moveDown();
    for (let i = 1; i <= 12; i++) doc.fontSize(11).text(`Article ${i}. The company is a limited liability company; each shareholder is liable up to the amount of the capital subscribed.`).moveDown(0.5);
    doc.end();
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('the back office in a real browser (Chromium): workbench, case page, assisted filing', () => {
  let h: Harness;
  let base: string;
  let portalBase: string;
  let browser: Browser;
  let shots: string;
  const prefix = `bob-${randomBytes(3).toString('hex')}`;
  const user = (role: string) => `${prefix}-${role}`;
  let applicant: { api: Api; phone: string };

  beforeAll(async () => {
    h = await startHarness();
    await h.backoffice.listen(0, '127.0.0.1');
    await h.portal.listen(0, '127.0.0.1');
    base = (await h.backoffice.getUrl()).replace('[::1]', '127.0.0.1');
    portalBase = (await h.portal.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'ow-backoffice-screens-'));
    mkdirSync(shots, { recursive: true });
    console.log(`back-office browser screenshots: ${shots}`);
    await createStaff(h.db, { username: user('clerk'), name: '窗口王芳', roles: ['window_clerk'] });
    await createStaff(h.db, { username: user('reviewer'), name: '审查赵敏', roles: ['reviewer'], sections: ['market_registration'] });
    await createStaff(h.db, { username: user('sealer'), name: '用印孙丽', roles: ['seal_officer'] });
    await createStaff(h.db, { username: user('helper'), name: '帮办周杰', roles: ['helper'] });
    applicant = await signedInApplicant(h, '刘建海');
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** A context of its own per person; `bypassCSP` only so the test can inject axe (the keyboard pass runs under the real policy). */
  const newPage = async (viewport = DESKTOP, options: { bypassCSP?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport, locale: options.locale ?? 'zh-CN', bypassCSP: options.bypassCSP ?? true });
    return { context, page: await context.newPage() };
  };

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  async function expectAccessible(page: Page): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
    )) as AxeViolation[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  /** The id of the table row holding the focus, if any (read through the DevTools protocol, so the page's policy allows it). */
  const focusedRow = (page: Page) => page.evaluate('document.activeElement && document.activeElement.closest("tr") ? document.activeElement.closest("tr").id : null') as Promise<string | null>;

  const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

  async function signIn(page: Page, username: string, lang = 'zh-CN'): Promise<void> {
    await page.goto(`${base}/login?lang=${lang}`);
    await page.fill('#username', username);
    await page.fill('#password', STAFF_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/workbench`), page.click('main form button[type=submit]')]);
  }

  /** Clicks a form's button and waits for the page the 303 leads to. */
  const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

  /** The applicant's business licence, filed through the portal API and prechecked: waiting at the window. */
  async function awaiting(): Promise<{ id: string; number: string; form: Record<string, unknown> }> {
    const form = businessLicenseForm();
    const created = await applicant.api.post('/api/applications', { serviceCode: 'business-license', form });
    for (const materialCode of MATERIALS) {
      const file = materialCode === 'legal_rep_id' ? { name: '身份证.png', content: idCardScan(), type: 'image/png' } : { name: `${materialCode}.pdf`, content: await articlesPdf() };
      await applicant.api.upload(`/api/applications/${created.body.id}/materials`, { materialCode }, file);
    }
    expect((await applicant.api.post(`/api/applications/${created.body.id}/submit`)).status).toBe(202);
    await waitForState(created.body.id, 'awaiting_acceptance');
    return { id: created.body.id, number: created.body.number, form };
  }

  const stateOf = async (id: string) => (await h.db.query('SELECT state FROM applications WHERE id = $1', [id]))[0].state as string;
  const waitForState = (id: string, state: string) => eventually(async () => ((await stateOf(id)) === state ? true : undefined), 60000, state);

  it('a clerk claims and asks for two corrections; the applicant fixes them; accepted, approved, sealed; the licence is on the portal', async () => {
    const file = await awaiting();
    const { context, page } = await newPage();
    await signIn(page, user('clerk'));

    // The workbench, filtered to the file by its number.
    await page.fill('#f-q', file.number);
    await Promise.all([page.waitForURL(/\/workbench\?/), page.click('form.filters button[type=submit]')]);
    const row = page.locator(`#r-${file.id}`);
    expect(await row.textContent()).toContain(translate('zh-CN', 'bo.workbench.unclaimed'));
    await shot(page, '01-workbench-zh-1280');
    await expectAccessible(page);
    await submit(page, `#r-${file.id} [data-claim]`);
    expect(await page.locator(`#r-${file.id}`).textContent()).toContain(translate('zh-CN', 'bo.workbench.held_by_you'));
    expect(page.url()).toContain(`q=${file.number}`);

    // The case page: answers beside materials, the ID card previewed, the checklist and the correction list.
    await Promise.all([page.waitForURL(`${base}/cases/${file.id}`), page.click(`#r-${file.id} a.case-link`)]);
    expect(await page.isVisible(`form[action="/cases/${file.id}/accept"]`)).toBe(true);
    expect(await page.locator(`form[action="/cases/${file.id}/seal"]`).count()).toBe(0);
    const preview = page.locator('#m-legal_rep_id img');
    expect(await preview.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth)).toBe(480);
    await shot(page, '02-case-clerk-zh-1280');
    await expectAccessible(page);
    // A PDF opens in the page on request, from its preview route, with the download beside it.
    const [pdfAnswer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/preview') && r.url().includes(`/cases/${file.id}/materials/`)),
      page.click('#m-articles summary'),
    ]);
    expect(pdfAnswer.status()).toBe(200);
    expect((await page.locator('#m-articles object.preview__pdf').boundingBox())!.height).toBeGreaterThan(300);
    await shot(page, '02b-case-pdf-open-zh-1280');
    await page.locator('#m-articles').screenshot({ path: join(shots, '02c-case-pdf-material-zh-1280.png') });
    await expectAccessible(page);
    await page.click('#m-articles summary');

    // Two items: a material and an answer, each with its reason; the first try forgets one reason.
    await page.check('#cm-articles-fix');
    await page.check('#cm-application_form-ok');
    // Every answer has the same two verdicts as a material.
    expect(await page.locator('input[name="field.name"][value=ok]').count()).toBe(1);
    await page.check('input[name="field.name"][value=ok]');
    const domicile = page.locator('input[name="field.domicile"][value=fix]');
    await domicile.check();
    await page.fill(`[name="field.domicile.reason"]`, '住所应写明门牌号');
    await submit(page, '#correction-builder button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain(translate('zh-CN', 'bo.correction.item_reason_required', { item: '公司章程或合伙协议' }));
    await shot(page, '03-case-correction-errors-zh-1280');
    await expectAccessible(page);
    await page.fill('#cm-articles-reason', '章程未经全体股东签字');
    await submit(page, '#correction-builder button[type=submit]');
    expect(page.url()).toContain(`/workbench?did=request_correction&file=${file.id}`);
    await waitForState(file.id, 'correction_required');

    // The applicant fixes exactly those two things and resubmits (through the portal API).
    const asked = (await applicant.api.get(`/api/applications/${file.id}`)).body.corrections.at(-1).items;
    expect(asked).toEqual([
      { field: 'domicile', reason: '住所应写明门牌号' },
      { materialCode: 'articles', reason: '章程未经全体股东签字' },
    ]);
    expect((await applicant.api.patch(`/api/applications/${file.id}`, { form: { ...file.form, domicile: '山西省朔州市平鲁区北坪循环经济园区1号楼101室' } })).status).toBe(200);
    expect((await applicant.api.upload(`/api/applications/${file.id}/materials`, { materialCode: 'articles' }, { name: '章程（签字版）.pdf', content: SAMPLE_FILES.pdf() })).status).toBe(201);
    expect((await applicant.api.post(`/api/applications/${file.id}/submit`)).status).toBe(202);
    await waitForState(file.id, 'awaiting_acceptance');

    // The clerk claims again from the case page and accepts.
    await page.goto(`${base}/cases/${file.id}`);
    expect(await page.textContent('#corrections-title')).toBe(translate('zh-CN', 'bo.correction.history'));
    await submit(page, `form[action="/cases/${file.id}/claim"] button`);
    await submit(page, '#accept-button');
    expect(page.url()).toContain(`/workbench?did=accept&file=${file.id}`);
    expect(await page.textContent('.panel--ok')).toContain(translate('zh-CN', 'bo.workbench.done_accept', { number: file.number }));
    await waitForState(file.id, 'under_review');
    await context.close();

    // The reviewer claims and approves with an opinion.
    const reviewer = await newPage(DESKTOP, { locale: 'en' });
    await signIn(reviewer.page, user('reviewer'), 'en');
    await reviewer.page.goto(`${base}/cases/${file.id}`);
    await submit(reviewer.page, `form[action="/cases/${file.id}/claim"] button`);
    await reviewer.page.fill('#approve-opinion', '经审查，申请材料齐全，符合法定形式，准予设立登记。');
    await shot(reviewer.page, '04-case-reviewer-en-1280');
    await expectAccessible(reviewer.page);
    await submit(reviewer.page, `form[action="/cases/${file.id}/approve"] button`);
    await waitForState(file.id, 'awaiting_seal');
    await reviewer.context.close();

    // A clerk's case page has no seal action; the seal officer's has, and sealing issues the licence.
    const clerkAgain = await newPage();
    await signIn(clerkAgain.page, user('clerk'));
    await clerkAgain.page.goto(`${base}/cases/${file.id}`);
    expect(await clerkAgain.page.locator(`form[action="/cases/${file.id}/seal"]`).count()).toBe(0);
    expect(await clerkAgain.page.textContent('#actions')).toContain(translate('zh-CN', 'bo.case.nothing_for_you'));
    await clerkAgain.context.close();
    const sealer = await newPage();
    await signIn(sealer.page, user('sealer'));
    await sealer.page.goto(`${base}/workbench?q=${file.number}`);
    await Promise.all([sealer.page.waitForURL(`${base}/cases/${file.id}`), sealer.page.click(`#r-${file.id} a.case-link`)]);
    await shot(sealer.page, '05-case-sealer-zh-1280');
    await expectAccessible(sealer.page);
    await submit(sealer.page, '#seal-button');
    await waitForState(file.id, 'issued');
    await sealer.context.close();

    // The applicant signs in to the portal and finds the licence on the application's page.
    const portal = await newPage({ width: 360, height: 780 });
    await portal.page.goto(`${portalBase}/login`);
    await portal.page.fill('#phone', applicant.phone);
    await portal.page.fill('#password', 'long-enough-password');
    await Promise.all([portal.page.waitForURL(`${portalBase}/applications`), portal.page.click('main form button[type=submit]')]);
    await portal.page.goto(`${portalBase}/applications/${file.id}`);
    const [{ number: licenseNumber }] = await h.db.query('SELECT number FROM licenses WHERE application_id = $1', [file.id]);
    expect(await portal.page.textContent('main')).toContain(licenseNumber);
    expect(await portal.page.isVisible(`a[href="/api/applications/${file.id}/license.pdf"]`)).toBe(true);
    await shot(portal.page, '06-portal-licence-zh-360');
    await portal.context.close();
  }, 300_000);

  it('keyboard only, under the real security policy: sign in, search, claim a file and accept it, take the next', async () => {
    const file = await awaiting();
    const { context, page } = await newPage(DESKTOP, { bypassCSP: false });
    const focusedId = () => page.evaluate('document.activeElement && document.activeElement.id') as Promise<string | null>;
    /** Presses Tab until the element with this id has the focus, as a person would (at most 80 presses). */
    async function tabTo(id: string): Promise<void> {
      for (let i = 0; i < 80; i++) {
        if ((await focusedId()) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    }
    // The one navigation not made by a key: opening the sign-in page.
    await page.goto(`${base}/login`);
    await tabTo('username');
    await page.keyboard.type(user('clerk'));
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('password');
    await page.keyboard.type(STAFF_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/workbench`), page.keyboard.press('Enter')]);

    // The search field, typed into; Enter sends the filters.
    await tabTo('f-q');
    await page.keyboard.type(file.number);
    await Promise.all([page.waitForURL(new RegExp(`/workbench\\?.*q=${file.number}`)), page.keyboard.press('Enter')]);

    await page.keyboard.press('j');
    expect(await focusedRow(page)).toBe(`r-${file.id}`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('c')]);
    expect(page.url()).toContain(`did=claim&file=${file.id}#r-${file.id}`);
    expect(await page.locator(`#r-${file.id}`).textContent()).toContain(translate('zh-CN', 'bo.workbench.held_by_you'));
    // Back on the list, the clerk's place is kept: the claimed row is current and focused.
    expect(await eventually(async () => ((await focusedRow(page)) === `r-${file.id}` ? true : undefined), 3000, 'the claimed row focused')).toBe(true);
    await Promise.all([page.waitForURL(`${base}/cases/${file.id}`), page.keyboard.press('o')]);

    // On the case page, Tab to the accept button and press Enter.
    await tabTo('accept-button');
    // Focus is visible on the button (the yellow focus band).
    expect(await page.evaluate('getComputedStyle(document.activeElement).backgroundColor')).toBe('rgb(255, 221, 0)');
    await Promise.all([page.waitForURL(/\/workbench\?did=accept/), page.keyboard.press('Enter')]);
    await waitForState(file.id, 'under_review');

    // Back on the workbench, t takes the next file of the queue: claimed by the clerk, and the list comes back at it.
    await awaiting();
    await Promise.all([page.waitForURL(/did=take&file=/), page.keyboard.press('t')]);
    const takenId = /[?&]file=([0-9a-f-]{36})/.exec(page.url())![1];
    const [{ username }] = await h.db.query('SELECT s.username FROM applications a JOIN accounts s ON s.id = a.claim_holder_id WHERE a.id = $1', [takenId]);
    expect(username).toBe(user('clerk'));
    const backoffice = new Api(h.backoffice);
    const token = (await backoffice.post('/api/auth/login', { username: user('clerk'), password: STAFF_PASSWORD })).body.token;
    expect((await backoffice.as(token).post(`/api/applications/${takenId}/release`)).status).toBe(200);
    await context.close();
  }, 120_000);

  it('a PDF material opens inside the case page under the real security policy, nothing refused', async () => {
    const file = await awaiting();
    const { context, page } = await newPage(DESKTOP, { bypassCSP: false });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await signIn(page, user('clerk'));
    await page.goto(`${base}/cases/${file.id}`);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().includes(`/cases/${file.id}/materials/`) && r.url().endsWith('/preview')), page.click('#m-domicile_proof summary')]);
    expect(answer.status()).toBe(200);
    expect(await page.locator('#m-domicile_proof object.preview__pdf').isVisible()).toBe(true);
    await page.waitForTimeout(2500); // only so the screenshot shows the page: the viewer paints a moment after its load
    await page.locator('#m-domicile_proof').screenshot({ path: join(shots, '02d-case-pdf-real-policy-zh-1280.png') });
    expect(refused).toEqual([]);
    await context.close();
  }, 120_000);

  it('the counts refresh without moving the list, the place or the focus', async () => {
    const file = await awaiting();
    const { context, page } = await newPage(DESKTOP, { bypassCSP: false });
    await signIn(page, user('clerk'));
    await page.goto(`${base}/workbench?q=${file.number}`);
    const total = Number(await page.textContent('[data-count="total"]'));
    const rows = await page.locator('tr[data-row]').count();
    await page.keyboard.press('j');
    const focused = await page.evaluate('document.activeElement.outerHTML');

    const another = await awaiting();
    void another;
    await page.evaluate("document.dispatchEvent(new Event('onewindow:refresh-counts'))");
    await eventually(async () => (Number(await page.textContent('[data-count="total"]')) === total + 1 ? true : undefined), 10000, 'the refreshed total');
    expect(await page.locator('tr[data-row]').count()).toBe(rows);
    expect(await page.evaluate('document.activeElement.outerHTML')).toBe(focused);
    expect(await page.isVisible('[data-counts-changed]')).toBe(true);
    expect(page.url()).toBe(`${base}/workbench?q=${file.number}`);
    await context.close();
  }, 120_000);

  it('assisted filing for a walk-in applicant, page by page, accessible', async () => {
    const { context, page } = await newPage();
    await signIn(page, user('helper'));
    expect(page.url()).toBe(`${base}/workbench`);
    await page.goto(`${base}/assisted-filings`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(`${base}/assisted-filings/new`), page.click('main a[href="/assisted-filings/new"]')]);
    await expectAccessible(page);
    await page.setInputFiles('#authorization-file', { name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
    await submit(page, 'main form button[type=submit]');
    expect(page.url()).toMatch(/\/assisted-filings\/new\?authorization=/);
    await expectAccessible(page);
    await page.check('#service-business-license');
    await submit(page, 'main form button[type=submit]');
    expect(page.url()).toContain('service=business-license');

    const person = { name: '张桂兰', phone: mobile(), idNumber: residentId('19620308') };
    const form = businessLicenseForm();
    await page.fill('#w-name', person.name);
    await page.fill('#w-phone', person.phone);
    await page.fill('#w-idNumber', person.idNumber);
    await page.fill('#w-authorizationNumber', 'WT-2026-0321');
    await page.fill('[name="name"]', form.name);
    await page.check('#f-entityType-limited_company');
    await page.fill('[name="domicile"]', form.domicile);
    await page.fill('[name="businessScope.general"]', '新材料技术研发\n技术服务、技术开发、技术咨询');
    await page.fill('[name="registeredCapital"]', '500');
    await page.fill('[name="shareholders.0.name"]', person.name);
    await page.fill('[name="shareholders.0.idNumber"]', person.idNumber);
    await page.fill('[name="shareholders.0.contribution"]', '500');
    await page.fill('[name="legalRepresentative.name"]', person.name);
    await page.fill('[name="legalRepresentative.idNumber"]', person.idNumber);
    await page.fill('[name="legalRepresentative.phone"]', person.phone);
    await page.fill('[name="term.from"]', '2026-12-01');
    await page.check('#f-term-to-open');
    await shot(page, '07-assisted-form-zh-1280');
    await expectAccessible(page);
    await submit(page, 'main .button-group button[value=file]');
    expect(page.url()).toMatch(/\/assisted-filings\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await expectAccessible(page);
    for (const code of MATERIALS) {
      await page.setInputFiles(`#file-${code}`, { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
      await submit(page, `#m-${code} form button[type=submit]`);
    }
    await shot(page, '08-assisted-materials-zh-1280');
    await submit(page, 'form[action$="/submit"] button');
    expect(page.url()).toBe(`${base}/assisted-filings?submitted=${id}`);
    await expectAccessible(page);
    await shot(page, '09-assisted-list-zh-1280');
    await waitForState(id, 'awaiting_acceptance');
    await context.close();
  }, 120_000);

  it('each page at 1280×800 and 768×1024, in both languages: fits the width, accessible', async () => {
    const file = await awaiting();
    const backoffice = new Api(h.backoffice);
    const clerkToken = (await backoffice.post('/api/auth/login', { username: user('clerk'), password: STAFF_PASSWORD })).body.token;
    await backoffice.as(clerkToken).post(`/api/applications/${file.id}/claim`);
    await backoffice.as(clerkToken).post(`/api/applications/${file.id}/green-channel`, { reason: '市级重点项目' });
    await h.db.query(`INSERT INTO case_notes (application_id, author_id, author_name, body) SELECT $1, id, name, '申请人来电：章程原件周五送到窗口。' FROM accounts WHERE username = $2`, [file.id, user('clerk')]);
    for (const [size, viewport] of [['1280', DESKTOP], ['768', TABLET]] as const) {
      for (const lang of ['zh-CN', 'en']) {
        const { context, page } = await newPage(viewport);
        await signIn(page, user('clerk'), lang);
        for (const [name, url] of [
          ['workbench', `/workbench?q=${file.number.slice(0, 14)}`],
          ['case', `/cases/${file.id}`],
          ['assisted-new', '/assisted-filings/new'],
        ]) {
          await page.goto(`${base}${url}`);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          expect([name, await fitsWidth(page)]).toEqual([name, true]);
          await shot(page, `10-${name}-${lang}-${size}`);
          await expectAccessible(page);
        }
        await context.close();
      }
    }
  }, 180_000);
});
