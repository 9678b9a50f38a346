import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@onewindow/config';
import { SERVICES } from '@onewindow/domain';
import { AccountsService } from '@onewindow/auth';
import { Locale, registeredRoutes, translate } from '@onewindow/web';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, entityName, mobile, residentId } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { fileToIssue, signedInApplicant, staffDesk } from './support/journeys';
import { createPortalApp } from '../apps/portal/src/portal.app';

interface Page {
  status: number;
  html: string;
  location?: string;
}

/** A browser without JavaScript: keeps cookies, posts forms as application/x-www-form-urlencoded. */
class Browser {
  private readonly jar = new Map<string, string>();
  last = '';

  /** `forwardedFor`: the client address the harness's loopback proxy names (X-Forwarded-For), for sign-ins meant to fail. */
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly forwardedFor?: string,
  ) {}

  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method: 'GET' | 'POST', url: string, body?: Buffer | string, contentType?: string): Promise<Page> {
    const response = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), accept: 'text/html', ...(contentType ? { 'content-type': contentType } : {}), ...(this.forwardedFor ? { 'x-forwarded-for': this.forwardedFor } : {}) },
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

  /** Posts a form with the CSRF token of the page last fetched (unless the fields say otherwise). */
  post(url: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}) {
    const form = new URLSearchParams();
    if (options.csrf !== false) form.append('_csrf', csrfOf(this.last));
    for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
    return this.request('POST', url, form.toString(), 'application/x-www-form-urlencoded');
  }

  upload(url: string, fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
    const boundary = `----page${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request('POST', url, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  /** Follows a 303 like a browser does. */
  async follow(page: Page): Promise<Page> {
    expect([302, 303]).toContain(page.status);
    return this.get(page.location!);
  }
}

function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /_csrf=([^&"]+)/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return decodeURIComponent(match[1]);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const t = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);

describe('the portal pages (server-rendered, no JavaScript)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('public pages answer in both languages', () => {
    const pages: Array<[string, string]> = [
      ['/', 'home.heading'],
      ['/track', 'track.title'],
      ['/verify', 'verify.title'],
      ['/login', 'login.title'],
      ['/register', 'register.title'],
      ['/set-password?token=abcdefghijkl', 'set_password.title'],
      ...SERVICES.map((s): [string, string] => [`/services/${s.code}`, 'guide.who']),
    ];
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${locale}: every public page is 200 with lang="${locale}", the bureau's name and its own heading`, async () => {
        const browser = new Browser(h.portal);
        for (const [url, key] of pages) {
          const page = await browser.get(`${url}${url.includes('?') ? '&' : '?'}lang=${locale}`);
          expect([url, page.status]).toEqual([url, 200]);
          expect(page.html).toContain(`<html lang="${locale}">`);
          expect(text(page.html)).toContain(t(locale, 'site.bureau'));
          expect(text(page.html)).toContain(t(locale, key));
        }
      });
    }

    it('the home page groups the eight services by life event and links to the look-up and verification', async () => {
      const page = await new Browser(h.portal).get('/');
      expect(page.status).toBe(200);
      for (const event of ['business', 'restaurant', 'construction', 'association']) expect(text(page.html)).toContain(t('zh-CN', `event.${event}`));
      for (const s of SERVICES) {
        expect(page.html).toContain(`href="/services/${s.code}"`);
        expect(text(page.html)).toContain(s.name);
      }
      expect(page.html).toContain('href="/track"');
      expect(page.html).toContain('href="/verify"');
    });

    it('a guide shows materials, time limits, the estimate, the free fee, the flow and a start button', async () => {
      const page = await new Browser(h.portal).get('/services/food-business?lang=en');
      const words = text(page.html);
      for (const m of SERVICES.find((s) => s.code === 'food-business')!.materials) expect(words).toContain(m.nameEn);
      expect(words).toContain('5 working days');
      expect(words).toContain('10 working days');
      expect(words).toContain('Free of charge');
      expect(words).toMatch(/decided by \d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(page.html).toContain('class="flow"');
      expect(page.html).toContain('href="/apply/food-business"');
      expect(page.html).not.toMatch(/<script|style="/);
    });

    it('the language switch keeps the query and the choice persists in a cookie', async () => {
      const browser = new Browser(h.portal);
      const page = await browser.get('/track?number=14060320260101000001&phone=13800000000&lang=en');
      expect(page.html).toContain('href="/track?number=14060320260101000001&amp;phone=13800000000&amp;lang=zh-CN"');
      const again = await browser.get('/');
      expect(again.html).toContain('<html lang="en">');
    });

    it('an unknown service or address is a 404 page, not JSON, for a browser', async () => {
      const browser = new Browser(h.portal);
      const unknown = await browser.get('/services/no-such-service');
      expect(unknown.status).toBe(404);
      expect(unknown.html).toContain(t('zh-CN', 'error_page.title_404'));
      const nowhere = await browser.get('/no/such/page');
      expect(nowhere.status).toBe(404);
      expect(nowhere.html).toContain('<html lang="zh-CN">');
    });
  });

  describe('signing in', () => {
    it('a signed-in page sends a stranger to sign in, and back afterwards', async () => {
      // Its wrong password counts against an address of its own, not 127.0.0.1 that other files sign in from.
      const browser = new Browser(h.portal, '203.0.113.223');
      const page = await browser.get('/applications');
      expect(page.status).toBe(303);
      expect(page.location).toBe('/login?next=%2Fapplications');
      await browser.follow(page);
      const phone = mobile();
      await new Api(h.portal).post('/api/auth/register', { name: '李四', phone, idNumber: residentId(), password: 'long-enough-password' });
      const wrong = await browser.post('/login', { phone, password: 'not-the-password', next: '/applications' });
      expect(wrong.status).toBe(400);
      expect(text(wrong.html)).toContain(t('zh-CN', 'errors.bad_credentials'));
      const ok = await browser.post('/login', { phone, password: 'long-enough-password', next: '/applications' });
      expect(ok.status).toBe(303);
      expect(ok.location).toBe('/applications');
      const mine = await browser.follow(ok);
      expect(mine.status).toBe(200);
      expect(text(mine.html)).toContain(t('zh-CN', 'applications.title'));
      // Only paths on this site are followed after signing in.
      await browser.get('/login');
      const away = await browser.post('/login', { phone, password: 'long-enough-password', next: '//evil.example/' });
      expect(away.location).toBe('/applications');
    });

    it('every page form (as the portal registers them) posted without its CSRF token, or with a forged one, is refused (403) and changes nothing, signed in or not', async () => {
      const { api, phone } = await signedInApplicant(h, '冯十二');
      const [{ id: accountId }] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [phone]);
      const { id: issued } = await fileToIssue(api, await staffDesk(h, 'pp-csrf'), 'business-license', businessLicenseForm());
      const draft = (await api.post('/api/applications', { serviceCode: 'business-license', form: { name: entityName() } })).body.id as string;
      const token = await h.portal.get(AccountsService).issuePasswordToken(h.db.manager, accountId);
      const params: Record<string, (route: string) => string> = {
        code: () => 'business-license',
        id: (route) => (route.endsWith('/rating') ? issued : draft),
        step: () => 'name',
      };
      // What each form would post to succeed; a form not listed here is still posted, empty.
      const fields: Record<string, () => Record<string, string>> = {
        'POST /login': () => ({ phone, password: 'long-enough-password' }),
        'POST /register': () => ({ name: '冯十三', phone: mobile(), idNumber: residentId(), password: 'long-enough-password' }),
        'POST /set-password': () => ({ token, password: 'a-new-private-passphrase', confirm: 'a-new-private-passphrase' }),
        'POST /applications/:id/steps/:step': () => ({ name: entityName(), entityType: 'limited_company', action: 'continue' }),
        'POST /applications/:id/submit': () => ({ idempotencyKey: randomUUID() }),
        'POST /applications/:id/rating': () => ({ level: '5', comment: '伪造的评价' }),
      };
      const pageForms = registeredRoutes(h.portal)
        .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !/^\/(api|assets|\.well-known)(\/|$)/.test(r.url))
        .map((r) => `${r.method} ${r.url}`);
      expect(pageForms).toEqual(expect.arrayContaining([...Object.keys(fields), 'POST /logout', 'POST /apply/:code', 'POST /applications/:id/materials', 'POST /applications/:id/withdraw']));

      const snapshot = () =>
        h.db.query(
          `SELECT (SELECT count(*) FROM accounts) AS accounts,
                  (SELECT password_hash FROM accounts WHERE id = $1) AS password,
                  (SELECT count(*) FROM sessions WHERE account_id = $1) AS sessions,
                  (SELECT count(*) FROM password_tokens WHERE account_id = $1 AND used_at IS NULL) AS tokens,
                  (SELECT json_agg(json_build_object('id', id, 'state', state, 'form', form) ORDER BY id) FROM applications WHERE owner_account_id = $1) AS applications,
                  (SELECT count(*) FROM materials m JOIN applications a ON a.id = m.application_id WHERE a.owner_account_id = $1) AS materials,
                  (SELECT count(*) FROM ratings r JOIN applications a ON a.id = r.application_id WHERE a.owner_account_id = $1) AS ratings`,
          [accountId],
        );
      const signedIn = new Browser(h.portal);
      await signedIn.get('/login');
      expect((await signedIn.post('/login', { phone, password: 'long-enough-password' })).status).toBe(303);
      const before = await snapshot();
      const stranger = new Browser(h.portal);
      const refusals: string[] = [];
      for (const form of pageForms) {
        const [method, route] = form.split(' ');
        const url = route.replace(/:(\w+)/g, (_, name: string) => {
          if (!params[name]) throw new Error(`${form}: no value for :${name} in this test`);
          return params[name](route);
        });
        for (const [who, browser] of [['signed in', signedIn], ['signed out', stranger]] as const) {
          // A page with a form first, so the browser holds the CSRF cookie a real form would be checked against.
          await browser.get('/login');
          for (const [how, extra] of [['no token', {}], ['a forged token', { _csrf: 'forged-token' }]] as const) {
            const page =
              route === '/applications/:id/materials'
                ? await browser.upload(`${url}?materialCode=articles${'_csrf' in extra ? `&_csrf=${extra._csrf}` : ''}`, { materialCode: 'articles' }, { name: 'a.pdf', content: SAMPLE_FILES.pdf() })
                : method === 'POST'
                  ? await browser.post(url, { ...(fields[form]?.() ?? {}), ...extra }, { csrf: false })
                  : await browser.request(method as 'POST', url);
            // Refused before the handler ran: worded as an expired page, not the form's own answer.
            if (page.status !== 403 || !text(page.html).includes(t('zh-CN', 'errors.csrf'))) refusals.push(`${form} (${who}, ${how}): ${page.status}`);
          }
        }
      }
      expect(refusals).toEqual([]);
      expect(await snapshot()).toEqual(before);
      // Still signed in: the refused sign-out ended nothing.
      expect((await signedIn.get('/applications')).status).toBe(200);
    });

    it('registration names each wrong field next to it and in the summary', async () => {
      const browser = new Browser(h.portal);
      await browser.get('/register?lang=en');
      const page = await browser.post('/register', { name: '', phone: '12345', idNumber: '11010519491231002Y', password: 'short' });
      expect(page.status).toBe(400);
      expect(page.html).toContain('class="error-summary"');
      for (const field of ['name', 'phone', 'idNumber', 'password']) {
        expect(page.html).toContain(`href="#${field}"`);
        expect(page.html).toContain(`id="${field}-error"`);
      }
      expect(text(page.html)).toContain(t('en', 'fields.resident_id'));
    });
  });

  describe('filing without JavaScript', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = new Browser(h.portal);
      await browser.get('/register');
      const registered = await browser.post('/register', { name: '刘建海', phone: mobile(), idNumber: residentId('19800512'), password: 'long-enough-password' });
      expect(registered.status).toBe(303);
    });

    it('start → each step saved → uploads → check your answers → submit → the confirmation shows the number', async () => {
      const start = await browser.get('/apply/business-license');
      expect(start.status).toBe(200);
      const created = await browser.post('/apply/business-license', {});
      expect(created.status).toBe(303);
      const [, id] = /^\/applications\/([0-9a-f-]{36})\/steps\/name$/.exec(created.location!)!;

      const person = residentId('19800512');
      const steps: Array<[string, Record<string, string | string[]>, string]> = [
        ['name', { name: entityName(), entityType: 'limited_company' }, 'domicile'],
        ['domicile', { domicile: '山西省朔州市平鲁区北坪循环经济园区1号' }, 'scope'],
        ['scope', { 'businessScope.general': '新材料技术研发\r\n技术服务、技术开发', 'businessScope.licensed': '' }, 'capital'],
        ['capital', { registeredCapital: '500', 'shareholders.0.name': '刘建海', 'shareholders.0.idNumber': person, 'shareholders.0.creditCode': '', 'shareholders.0.contribution': '500' }, 'legal-rep'],
        ['legal-rep', { 'legalRepresentative.name': '刘建海', 'legalRepresentative.idNumber': person, 'legalRepresentative.phone': mobile() }, 'term'],
        ['term', { 'term.from': '2026-12-01', 'term.to.mode': 'open', 'term.to': '' }, 'materials'],
      ];
      for (const [step, fields, next] of steps) {
        const page = await browser.get(`/applications/${id}/steps/${step}`);
        expect([step, page.status]).toEqual([step, 200]);
        const saved = await browser.post(`/applications/${id}/steps/${step}`, { ...fields, action: 'continue' });
        expect([step, saved.status, saved.location]).toEqual([step, 303, next === 'materials' ? `/applications/${id}/materials` : `/applications/${id}/steps/${next}`]);
      }
      // Saved as a draft at every step, through the same service the API uses.
      const [row] = await h.db.query('SELECT form, state FROM applications WHERE id = $1', [id]);
      expect(row.state).toBe('draft');
      expect(row.form.businessScope).toEqual({ general: ['新材料技术研发', '技术服务、技术开发'], licensed: [] });
      expect(row.form.shareholders).toEqual([{ name: '刘建海', idNumber: person, contribution: '500' }]);
      expect(row.form.term).toEqual({ from: '2026-12-01', to: null });

      // Submitting now lists the missing materials, each linked to its upload.
      const materials = await browser.get(`/applications/${id}/materials`);
      expect(materials.status).toBe(200);
      await browser.get(`/applications/${id}/check`);
      const early = await browser.post(`/applications/${id}/submit`, { idempotencyKey: '' });
      expect(early.status).toBe(422);
      expect(early.html).toContain(`href="/applications/${id}/materials#m-articles"`);

      const page = await browser.get(`/applications/${id}/materials`);
      const token = csrfOf(page.html);
      const wrongType = await browser.upload(`/applications/${id}/materials?_csrf=${encodeURIComponent(token)}&materialCode=articles`, { materialCode: 'articles' }, { name: 'a.exe', content: SAMPLE_FILES.elf() });
      expect(wrongType.status).toBe(415);
      expect(wrongType.html).toContain('id="file-articles-error"');
      expect(wrongType.html).toContain('href="#file-articles"');
      const noToken = await browser.upload(`/applications/${id}/materials?materialCode=articles`, { materialCode: 'articles' }, { name: 'a.pdf', content: SAMPLE_FILES.pdf() });
      expect(noToken.status).toBe(403);
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        const uploaded = await browser.upload(`/applications/${id}/materials?_csrf=${encodeURIComponent(token)}&materialCode=${materialCode}`, { materialCode }, { name: `${materialCode}.pdf`, content: SAMPLE_FILES.pdf() });
        expect([materialCode, uploaded.status]).toEqual([materialCode, 303]);
      }

      const check = await browser.get(`/applications/${id}/check`);
      expect(check.status).toBe(200);
      expect(text(check.html)).toContain('山西省朔州市平鲁区北坪循环经济园区1号');
      expect(text(check.html)).toContain(t('zh-CN', 'answer.no_end'));
      expect(check.html).not.toContain(person);
      const submitted = await browser.post(`/applications/${id}/submit`, { idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(check.html)![1] });
      expect(submitted.status).toBe(303);
      expect(submitted.location).toBe(`/applications/${id}/submitted`);
      const confirmation = await browser.follow(submitted);
      const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);
      expect(text(confirmation.html)).toContain(number);
      expect(text(confirmation.html)).toContain(t('zh-CN', 'submitted.title'));

      // The receipt slip appears once the worker has rendered it.
      const withReceipt = await eventually(async () => {
        const again = await browser.get(`/applications/${id}/submitted`);
        return /href="(\/api\/applications\/[^"]+\/notices\/[^"]+\.pdf)"/.exec(again.html)?.[1];
      }, 20000, 'receipt slip link');
      const pdf = await h.portal.inject({ method: 'GET', url: withReceipt, headers: { cookie: browser.cookieHeader() } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');

      const list = await browser.get('/applications');
      expect(text(list.html)).toContain(number);
      const detail = await browser.get(`/applications/${id}`);
      expect(text(detail.html)).toContain(t('zh-CN', 'application.timeline_title'));
      expect(text(detail.html)).toContain(t('zh-CN', 'action.submit'));
    });

    it('a wrong answer comes back as a 400 page: the error beside the field and in the summary, the answer kept', async () => {
      await browser.get('/apply/business-license');
      const page = await browser.post('/apply/business-license', {});
      const id = /\/applications\/([0-9a-f-]{36})\//.exec(page.location!)![1];
      await browser.get(`/applications/${id}/steps/name?lang=en`);
      const wrong = await browser.post(`/applications/${id}/steps/name`, { name: 'ABC Trading Co', entityType: 'limited_company', action: 'continue' });
      expect(wrong.status).toBe(400);
      expect(wrong.html).toContain('<html lang="en">');
      expect(wrong.html).toContain('class="error-summary"');
      expect(wrong.html).toContain('href="#f-name"');
      expect(wrong.html).toMatch(/<p class="field-error" id="f-name-error">[\s\S]*?standard Chinese characters/);
      expect(wrong.html).toContain('value="ABC Trading Co"');
      expect(wrong.html).toMatch(/<title>Error: /);
      // Nothing was saved.
      const [row] = await h.db.query('SELECT form FROM applications WHERE id = $1', [id]);
      expect(row.form.name).toBeUndefined();

      // Another shareholder row is added and removed without JavaScript.
      await browser.get(`/applications/${id}/steps/capital`);
      const add = await browser.post(`/applications/${id}/steps/capital`, { registeredCapital: '100', 'shareholders.0.name': '甲', 'shareholders.0.contribution': '60', action: 'add:shareholders' });
      expect(add.status).toBe(303);
      const two = await browser.follow(add);
      expect(two.html).toContain('name="shareholders.1.name"');
      const removed = await browser.post(`/applications/${id}/steps/capital`, {
        registeredCapital: '100',
        'shareholders.0.name': '甲',
        'shareholders.0.contribution': '60',
        'shareholders.1.name': '乙',
        'shareholders.1.contribution': '40',
        action: 'remove:shareholders.0',
      });
      expect(removed.status).toBe(303);
      const [after] = await h.db.query('SELECT form FROM applications WHERE id = $1', [id]);
      expect(after.form.shareholders).toEqual([{ name: '乙', contribution: '40' }]);
    });
  });

  describe('after submission', () => {
    it('the look-up by number and phone shows state and steps, nothing personal; a wrong phone is a 404 page', async () => {
      const { api, phone } = await signedInApplicant(h, '赵六');
      const desk = await staffDesk(h, 'pp-track');
      const { id } = await fileToIssue(api, desk, 'business-license', businessLicenseForm());
      const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);
      const browser = new Browser(h.portal);
      const found = await browser.get(`/track?number=${number}&phone=${phone}`);
      expect(found.status).toBe(200);
      expect(text(found.html)).toContain(t('zh-CN', 'state.issued'));
      expect(text(found.html)).toContain('发证办结');
      expect(found.html).not.toContain('赵六');
      const wrong = await browser.get(`/track?number=${number}&phone=13900000000&lang=en`);
      expect(wrong.status).toBe(404);
      expect(text(wrong.html)).toContain(t('en', 'track.not_found'));
      const invalid = await browser.get('/track?number=123&phone=1');
      expect(invalid.status).toBe(400);
      expect(invalid.html).toContain('href="#number"');
    });

    it('rating: once, after issue; a poor rating opens a follow-up; the page shows it; messages are on the site', async () => {
      const { api, phone } = await signedInApplicant(h, '孙七');
      const desk = await staffDesk(h, 'pp-rating');
      const draft = await api.post('/api/applications', { serviceCode: 'business-license', form: {} });
      expect((await api.post(`/api/applications/${draft.body.id}/rating`, { level: 5 })).status).toBe(422);
      const { id } = await fileToIssue(api, desk, 'business-license', businessLicenseForm());
      expect((await api.post(`/api/applications/${id}/rating`, { level: 6 })).status).toBe(400);
      const rated = await api.post(`/api/applications/${id}/rating`, { level: 2, comment: '等候时间较长' });
      expect(rated.status).toBe(201);
      expect(rated.body).toMatchObject({ level: 2, comment: '等候时间较长', followUp: { status: 'open' } });
      expect((await api.post(`/api/applications/${id}/rating`, { level: 5 })).status).toBe(409);
      const [row] = await h.db.query('SELECT level, follow_up_status FROM ratings WHERE application_id = $1', [id]);
      expect(row).toEqual({ level: 2, follow_up_status: 'open' });

      const browser = new Browser(h.portal);
      await browser.get('/login');
      await browser.post('/login', { phone, password: 'long-enough-password' });
      const detail = await browser.get(`/applications/${id}`);
      expect(text(detail.html)).toContain(t('zh-CN', 'rating.yours', { level: t('zh-CN', 'rating.level_2') }));
      expect(text(detail.html)).toContain(t('zh-CN', 'seal.title'));
      expect(detail.html).toContain(`href="/api/applications/${id}/license.pdf"`);
      const again = await browser.post(`/applications/${id}/rating`, { level: '4' });
      expect(again.status).toBe(409);

      const messages = await eventually(async () => {
        const page = await browser.get('/notifications');
        return text(page.html).includes('首套印章') ? page : undefined;
      }, 15000, 'seal order message');
      expect(messages.status).toBe(200);
      // Without DEV_OUTBOX=1 there is no development outbox (notifications.e2e-spec.ts opens it with the setting).
      expect((await browser.get('/dev/outbox')).status).toBe(404);
    });

    it('the rating form on the page: a choice is required, then it is saved', async () => {
      const { api, phone } = await signedInApplicant(h, '周八');
      const desk = await staffDesk(h, 'pp-rating-page');
      const { id } = await fileToIssue(api, desk, 'business-license', businessLicenseForm());
      const browser = new Browser(h.portal);
      await browser.get('/login');
      await browser.post('/login', { phone, password: 'long-enough-password' });
      await browser.get(`/applications/${id}`);
      const missing = await browser.post(`/applications/${id}/rating`, { comment: '很好' });
      expect(missing.status).toBe(400);
      expect(missing.html).toContain('href="#rating-level"');
      expect(missing.html).toContain('很好');
      const saved = await browser.post(`/applications/${id}/rating`, { level: '5', comment: '很好' });
      expect(saved.status).toBe(303);
      const [row] = await h.db.query('SELECT level, comment, follow_up_status FROM ratings WHERE application_id = $1', [id]);
      expect(row).toEqual({ level: 5, comment: '很好', follow_up_status: null });
    });
  });

  describe('limits, headers and cookies', () => {
    it('the public look-up answers 429 beyond PUBLIC_RATE_LIMIT_PER_MINUTE from one address, page and API each; another address still gets its answer', async () => {
      const limit = h.config.PUBLIC_RATE_LIMIT_PER_MINUTE;
      // Each from addresses of this test's own (X-Forwarded-For from loopback, a trusted proxy in tests): the limit counts per client address.
      const ask = (url: string, address: string) => h.portal.inject({ method: 'GET', url, headers: { accept: 'text/html', 'x-forwarded-for': address } });
      const query = 'number=14060320260101000099&phone=13800000099';
      for (const [url, answer, address, other] of [
        [`/track?${query}`, 404, '198.18.6.1', '198.18.6.2'],
        [`/api/track?${query}`, 404, '198.18.6.3', '198.18.6.4'],
      ] as const) {
        const answers = new Set<number>();
        for (let i = 0; i < limit; i++) answers.add((await ask(url, address)).statusCode);
        expect([url, [...answers]]).toEqual([url, [answer]]);
        const refused = await ask(url, address);
        expect([url, refused.statusCode]).toEqual([url, 429]);
        if (url.startsWith('/track')) expect(text(refused.body)).toContain(t('zh-CN', 'error_page.title_429'));
        else expect(refused.json()).toMatchObject({ error: 'rate_limited' });
        expect([url, (await ask(url, other)).statusCode]).toEqual([url, answer]);
      }
    });

    it('every page carries a strict policy (own scripts and styles only, framed by no one), HSTS, nosniff and no referrer', async () => {
      const browser = new Browser(h.portal);
      for (const url of ['/', '/login', '/track?number=14060320260101000001&phone=13800000000', '/services/food-business', '/no/such/page']) {
        const response = await h.portal.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: browser.cookieHeader() } });
        expect(String(response.headers['content-type'])).toContain('text/html');
        const policy = Object.fromEntries(
          String(response.headers['content-security-policy'])
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values]),
        );
        expect([url, policy]).toMatchObject([
          url,
          { 'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"], 'frame-ancestors': ["'none'"], 'form-action': ["'self'"], 'object-src': ["'none'"] },
        ]);
        // Browsers ignore HSTS over plain HTTP, so development on localhost is unaffected; behind TLS it holds for 180 days at least.
        expect(Number(/max-age=(\d+)/.exec(String(response.headers['strict-transport-security']))?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        // The look-up's address carries a phone number: it is never sent on as a referrer.
        expect(response.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    /** The Set-Cookie line of one cookie, its attributes in lower case. */
    const cookieOf = (headers: Record<string, unknown>, name: string) =>
      [headers['set-cookie']]
        .flat()
        .map((line) => String(line))
        .find((line) => line.startsWith(`${name}=`))
        ?.split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase());

    /** Opens the sign-in page and signs in with its form: the attributes of the CSRF and session cookies set on the way. */
    async function signInCookies(app: NestFastifyApplication, phone: string) {
      const page = await app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
      const pair = String([page.headers['set-cookie']].flat().find((line) => String(line).startsWith('_csrf='))).split(';')[0];
      const login = await app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: pair, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfOf(page.body), phone, password: 'long-enough-password' }).toString(),
      });
      expect(login.statusCode).toBe(303);
      return { csrf: cookieOf(page.headers, '_csrf'), session: cookieOf(login.headers, 'ow_session') };
    }

    it('the session and CSRF cookies are HttpOnly and SameSite=Lax; not Secure on a plain-HTTP test run', async () => {
      const { phone } = await signedInApplicant(h, '陈十四');
      const { csrf, session } = await signInCookies(h.portal, phone);
      for (const cookie of [csrf, session]) {
        expect(cookie).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=lax']));
        expect(cookie).not.toContain('secure');
      }
    });

    it('in production both cookies are also Secure', async () => {
      const { phone } = await signedInApplicant(h, '陈十五');
      const saved = { NODE_ENV: process.env.NODE_ENV, LICENSE_SIGNING_KEY: process.env.LICENSE_SIGNING_KEY };
      // Production refuses to start without a key to sign licences: a throwaway one.
      const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      Object.assign(process.env, { NODE_ENV: 'production', LICENSE_SIGNING_KEY: key });
      let portal: NestFastifyApplication | undefined;
      try {
        portal = await createPortalApp(loadConfig(), { logger: false });
        await portal.init();
        await portal.getHttpAdapter().getInstance().ready();
        const { csrf, session } = await signInCookies(portal, phone);
        for (const cookie of [csrf, session]) expect(cookie).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=lax', 'secure']));
      } finally {
        process.env.NODE_ENV = saved.NODE_ENV;
        if (saved.LICENSE_SIGNING_KEY === undefined) delete process.env.LICENSE_SIGNING_KEY;
        else process.env.LICENSE_SIGNING_KEY = saved.LICENSE_SIGNING_KEY;
        await portal?.close();
      }
    });
  });
});
