import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bureauCalendar } from '@onewindow/applications';
import { Locale, registeredRoutes, translate } from '@onewindow/web';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, entityName, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { signedInApplicant } from './support/journeys';
import { seedApplications } from '../bench/seed';

interface Page {
  status: number;
  html: string;
  location?: string;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
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

  async request(method: 'GET' | 'POST', url: string, body?: Buffer | string, contentType?: string): Promise<Page> {
    const response = await this.app.inject({
      method,
      url,
      headers: { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html', ...(contentType ? { 'content-type': contentType } : {}) },
      payload: body,
    });
    this.keep(response.headers['set-cookie']);
    const page = { status: response.statusCode, html: response.body, location: response.headers.location as string | undefined, headers: response.headers, raw: response.rawPayload };
    if (method === 'GET' && page.status < 300 && String(response.headers['content-type']).includes('html')) this.last = page.html;
    return page;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, fields: Record<string, string | string[]>) {
    const form = new URLSearchParams();
    form.append('_csrf', csrfOf(this.last));
    for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
    return this.request('POST', url, form.toString(), 'application/x-www-form-urlencoded');
  }

  /** A multipart form: the token rides in the query, as the page's form action carries it. */
  upload(url: string, fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
    const boundary = `----bo${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const withToken = `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfOf(this.last))}`;
    return this.request('POST', withToken, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  async follow(page: Page): Promise<Page> {
    expect([page.status, page.location]).toEqual([303, expect.any(String)]);
    return this.get(page.location!);
  }

  async signIn(username: string): Promise<void> {
    await this.get('/login');
    const done = await this.post('/login', { username, password: STAFF_PASSWORD });
    expect(done.status).toBe(303);
  }
}

function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /_csrf=([^&"]+)/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return decodeURIComponent(match[1]);
}

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const t = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
/** The table row of one file on the workbench. */
function rowOf(html: string, id: string): string {
  const start = html.indexOf(`<tr id="r-${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</tr>', start));
}

const BUSINESS_LICENSE_MATERIALS = ['application_form', 'legal_rep_id', 'domicile_proof', 'articles'];

describe('back-office pages: workbench, case page, assisted filing (server-rendered, no JavaScript)', () => {
  let h: Harness;
  const prefix = `bop-${randomBytes(3).toString('hex')}`;
  const user = (role: string) => `${prefix}-${role}`;
  let applicant: Api;
  let clerkApi: Api;

  /** A business licence of the applicant, submitted and prechecked: waiting at the window. */
  async function awaiting(options: { png?: string } = {}): Promise<{ id: string; number: string; form: ReturnType<typeof businessLicenseForm> }> {
    const form = businessLicenseForm();
    const created = await applicant.post('/api/applications', { serviceCode: 'business-license', form });
    expect(created.status).toBe(201);
    for (const materialCode of BUSINESS_LICENSE_MATERIALS) {
      const file = materialCode === options.png ? { name: `${materialCode}.png`, content: SAMPLE_FILES.png(), type: 'image/png' } : { name: `${materialCode}.pdf`, content: SAMPLE_FILES.pdf() };
      expect((await applicant.upload(`/api/applications/${created.body.id}/materials`, { materialCode }, file)).status).toBe(201);
    }
    expect((await applicant.post(`/api/applications/${created.body.id}/submit`)).status).toBe(202);
    await eventually(async () => ((await applicant.get(`/api/applications/${created.body.id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 20000, 'precheck');
    return { id: created.body.id, number: created.body.number, form };
  }

  // This file's own applicant: a name no other test's files carry, so searching for it shows only this file's work
  // (the whole run shares one database, and other tests' green-channel files would sort first).
  const applicantName = `刘${entityName().slice(6, 10)}`;

  const stateOf = async (id: string) => (await h.db.query('SELECT state FROM applications WHERE id = $1', [id]))[0].state as string;

  beforeAll(async () => {
    h = await startHarness();
    await createStaff(h.db, { username: user('clerk'), name: '窗口王芳', roles: ['window_clerk'] });
    await createStaff(h.db, { username: user('clerk2'), name: '窗口李强', roles: ['window_clerk'] });
    await createStaff(h.db, { username: user('reviewer'), name: '审查赵敏', roles: ['reviewer'], sections: ['market_registration'] });
    await createStaff(h.db, { username: user('sealer'), name: '用印孙丽', roles: ['seal_officer'] });
    await createStaff(h.db, { username: user('helper'), name: '帮办周杰', roles: ['helper'] });
    await createStaff(h.db, { username: user('leader'), name: '局长', roles: ['leadership'] });
    applicant = (await signedInApplicant(h, applicantName)).api;
    const backoffice = new Api(h.backoffice);
    clerkApi = backoffice.as((await backoffice.post('/api/auth/login', { username: user('clerk'), password: STAFF_PASSWORD })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('the workbench: due dates in words, the green-channel mark, who holds each file; filters, paging, claim, release and take-next keep the query', async () => {
    const plain = await awaiting();
    const green = await awaiting();
    expect((await clerkApi.post(`/api/applications/${green.id}/green-channel`, { reason: '市级重点项目' })).status).toBe(200);
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));

    // Both files, the green one first, each with its due date in words beside the colour.
    const both = encodeURIComponent(applicantName);
    const page = await clerk.get(`/workbench?lang=en&q=${both}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html.indexOf(`r-${green.id}`)).toBeGreaterThan(0);
    expect(page.html.indexOf(`r-${green.id}`)).toBeLessThan(page.html.indexOf(`r-${plain.id}`));
    const greenRow = words(rowOf(page.html, green.id));
    expect(greenRow).toContain(t('en', 'application.green_channel'));
    expect(greenRow).toContain(t('en', 'bo.due.green'));
    expect(greenRow).toContain(t('en', 'clock.days_left', { days: 5 }));
    expect(greenRow).toContain(t('en', 'bo.workbench.unclaimed'));
    expect(words(rowOf(page.html, plain.id))).not.toContain(t('en', 'application.green_channel'));
    // Keyboard shortcuts are documented on the page and named on the controls.
    expect(words(page.html)).toContain(t('en', 'bo.shortcuts.title'));
    expect(page.html).toContain('aria-keyshortcuts="c"');
    expect(page.html).toContain('aria-keyshortcuts="o"');
    // Counts per step and service from the inbox's counters.
    expect(Number(/data-count="state:awaiting_acceptance">(\d+)</.exec(page.html)?.[1])).toBeGreaterThanOrEqual(2);
    expect(page.html).toMatch(/data-count="service:business-license">\d+</);

    // Each quick filter says how many files it holds: as many as its own list shows.
    for (const [key, query] of [['mine', 'claimedBy=me'], ['unclaimed', 'claimedBy=none'], ['overdue', 'overdue=true'], ['due_soon', 'dueWithinWorkingDays=2'], ['green', 'greenChannel=true']]) {
      const counted = /data-count="quick:([a-z_]+)">([^<]+)</g;
      const shown = Object.fromEntries([...page.html.matchAll(counted)].map((m) => [m[1], m[2]]));
      const listed = (await clerk.get(`/workbench?${query}&limit=200`)).html.match(/<tr id="r-/g)?.length ?? 0;
      expect([key, shown[key]]).toEqual([key, String(listed)]);
    }
    expect(page.html).toContain('aria-keyshortcuts="t"');

    // Search by the full number finds one; a filter that cannot be read is named next to its field.
    const one = await clerk.get(`/workbench?lang=en&q=${plain.number}`);
    expect(one.html).toContain(`r-${plain.id}`);
    expect(one.html).not.toContain(`r-${green.id}`);
    const bad = await clerk.get('/workbench?lang=en&dueWithinWorkingDays=abc&greenChannel=maybe');
    expect(bad.status).toBe(400);
    expect(words(bad.html)).toContain(t('en', 'bo.filter.due_within_invalid', { max: 60 }));
    expect(words(bad.html)).toContain(t('en', 'bo.filter.invalid_choice'));
    expect(bad.html).toContain('href="#f-dueWithinWorkingDays"');
    const greenOnly = await clerk.get(`/workbench?q=${both}&greenChannel=true`);
    expect(greenOnly.html).toContain(`r-${green.id}`);
    expect(greenOnly.html).not.toContain(`r-${plain.id}`);

    // Keyset paging: the next-page link carries the API's cursor and the filters.
    const first = await clerk.get(`/workbench?q=${both}&limit=1`);
    const next = /href="(\/workbench\?[^"]*cursor=[^"]+)" rel="next"/.exec(first.html)?.[1].replace(/&amp;/g, '&');
    expect(next).toContain(`q=${both}`);
    expect(next).toContain('limit=1');
    const second = await clerk.get(next!);
    expect(second.html).toContain(`r-${plain.id}`);
    expect(second.html).not.toContain(`r-${green.id}`);

    // Claim from the list: back to the same query, the row now held by "you"; a second clerk sees who holds it.
    const claimed = await clerk.post(`/workbench/claim/${plain.id}`, { filters: `q=${both}&lang=en` });
    expect(claimed.location).toBe(`/workbench?q=${both}&did=claim&file=${plain.id}#r-${plain.id}`);
    const after = await clerk.get(`/workbench?q=${both}&did=claim&file=${plain.id}&lang=en`);
    expect(words(after.html)).toContain(t('en', 'bo.workbench.done_claim', { number: plain.number }));
    expect(words(rowOf(after.html, plain.id))).toContain(t('en', 'bo.workbench.held_by_you'));
    // The file now counts as the clerk's own.
    const quick = (html: string, key: string) => Number(new RegExp(`data-count="quick:${key}">(\\d+)<`).exec(html)?.[1]);
    expect(quick(after.html, 'mine')).toBe(quick(page.html, 'mine') + 1);
    expect(quick(after.html, 'unclaimed')).toBe(quick(page.html, 'unclaimed') - 1);
    expect(rowOf(after.html, plain.id)).toContain(`action="/workbench/release/${plain.id}"`);
    const other = new Browser(h.backoffice);
    await other.signIn(user('clerk2'));
    const seen = await other.get(`/workbench?q=${plain.number}&lang=en`);
    expect(words(rowOf(seen.html, plain.id))).toContain('窗口王芳');
    expect(rowOf(seen.html, plain.id)).not.toContain('/workbench/claim/');
    const lost = await other.post(`/workbench/claim/${plain.id}`, { filters: `q=${plain.number}` });
    expect(lost.status).toBe(409);
    expect(words(lost.html)).toContain(t('en', 'errors.claimed_by_other'));

    const released = await clerk.post(`/workbench/release/${plain.id}`, { filters: `q=${both}` });
    expect(released.location).toBe(`/workbench?q=${both}&did=release&file=${plain.id}#r-${plain.id}`);
    expect((await h.db.query('SELECT claim_holder_id FROM applications WHERE id = $1', [plain.id]))[0].claim_holder_id).toBeNull();

    // Take next: the most urgent unclaimed file of the clerk's queue (whichever it is), then straight back.
    await clerk.get(`/workbench?q=${both}`);
    const taken = await clerk.post('/workbench/take-next', { filters: `q=${both}` });
    expect(taken.status).toBe(303);
    const takenId = /[?&]file=([0-9a-f-]{36})/.exec(taken.location!)![1];
    expect(taken.location).toMatch(new RegExp(`^/workbench\\?q=${both}&did=take&file=${takenId}#r-${takenId}$`));
    expect((await h.db.query('SELECT claim_holder_id FROM applications WHERE id = $1', [takenId]))[0].claim_holder_id).not.toBeNull();
    expect((await clerkApi.post(`/api/applications/${takenId}/release`)).status).toBe(200);

    // Roles without files never see the workbench.
    const leader = new Browser(h.backoffice);
    await leader.signIn(user('leader'));
    expect((await leader.get('/workbench')).status).toBe(403);
    expect((await new Browser(h.backoffice).get('/workbench?q=1')).location).toBe(`/login?next=${encodeURIComponent('/workbench?q=1')}`);
  });

  it('the case page: answers beside materials (an image and a PDF previewed in the page), and only the decisions the role and the state allow', async () => {
    const file = await awaiting({ png: 'legal_rep_id' });
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));

    let page = await clerk.get(`/cases/${file.id}?lang=en`);
    expect(page.status).toBe(200);
    let text = words(page.html);
    expect(text).toContain(file.form.name);
    // Staff check ID numbers against the scans: shown in full.
    expect(text).toContain(file.form.legalRepresentative.idNumber);
    expect(text).toContain(t('en', 'bo.case.claim_to', { actions: [t('en', 'bo.decision.accept'), t('en', 'bo.decision.request_correction'), t('en', 'bo.decision.refuse')].join(t('en', 'answer.list_separator')) }));
    expect(page.html).toContain(`action="/cases/${file.id}/claim"`);
    for (const action of ['accept', 'refuse', 'request-correction', 'approve', 'deny', 'seal']) expect(page.html).not.toContain(`action="/cases/${file.id}/${action}"`);
    // The clock: acceptance due in 5 working days, none elapsed.
    expect(text).toContain(t('en', 'clock.due_accept'));
    expect(text).toContain(t('en', 'clock.days_left', { days: 5 }));
    expect(text).toContain(`${t('en', 'bo.clock.elapsed')} ${t('en', 'bo.clock.working_days', { days: 0 })}`);

    // The PNG is previewed in the page; its bytes are served to staff as a download that <img> still shows.
    const [png] = await h.db.query(`SELECT id FROM materials WHERE application_id = $1 AND material_code = 'legal_rep_id'`, [file.id]);
    expect(page.html).toContain(`<img src="/cases/${file.id}/materials/${png.id}"`);
    const bytes = await clerk.get(`/cases/${file.id}/materials/${png.id}`);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(String(bytes.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''legal_rep_id\.png$/);
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.raw.equals(SAMPLE_FILES.png())).toBe(true);
    const elsewhere = await awaiting();
    expect((await clerk.get(`/cases/${elsewhere.id}/materials/${png.id}`)).status).toBe(404);

    // A PDF is shown in the page too: framed from a preview route, with a download beside it and inside as the fallback.
    const [pdf] = await h.db.query(`SELECT id FROM materials WHERE application_id = $1 AND material_code = 'articles'`, [file.id]);
    const preview = `/cases/${file.id}/materials/${pdf.id}/preview`;
    expect(page.html).toContain(`<object class="preview__pdf" data="${preview}" type="application/pdf"`);
    const pdfFigure = page.html.slice(page.html.indexOf(`data="${preview}"`), page.html.indexOf('</figure>', page.html.indexOf(`data="${preview}"`)));
    expect(words(pdfFigure)).toContain(t('en', 'bo.case.pdf_no_preview'));
    expect(pdfFigure).toContain(`href="/cases/${file.id}/materials/${pdf.id}" download`);
    // The case page's policy lets it frame its own previews, and nothing else anywhere.
    const casePolicy = String(page.headers['content-security-policy']);
    expect(casePolicy).toContain("object-src 'self'");
    expect(casePolicy).toContain("frame-src 'self'");
    expect(casePolicy).toContain("frame-ancestors 'none'");
    expect(String((await clerk.get('/workbench')).headers['content-security-policy'])).toContain("object-src 'none'");
    const inline = await clerk.get(preview);
    expect(inline.status).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(String(inline.headers['content-disposition'])).toBe("inline; filename*=UTF-8''articles.pdf");
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.headers['content-security-policy']).toMatch(/^default-src 'none';.*frame-ancestors 'self'/);
    expect(inline.raw.equals(SAMPLE_FILES.pdf())).toBe(true);
    // The download stays a download; an image, another file's material or a path are not previewed.
    expect(String((await clerk.get(`/cases/${file.id}/materials/${pdf.id}`)).headers['content-disposition'])).toMatch(/^attachment;/);
    expect((await clerk.get(`/cases/${file.id}/materials/${png.id}/preview`)).status).toBe(404);
    expect((await clerk.get(`/cases/${elsewhere.id}/materials/${pdf.id}/preview`)).status).toBe(404);
    expect((await clerk.get(`/cases/${file.id}/materials/..%2F..%2F..%2Fetc%2Fpasswd/preview`)).status).toBe(404);
    expect((await clerk.get(`/cases/${file.id}/materials/${pdf.id}/..%2F..%2F..%2Fpackage.json`)).status).toBe(404);
    // Staff whose work has no files, and nobody signed in, never get it.
    const leaderBrowser = new Browser(h.backoffice);
    await leaderBrowser.signIn(user('leader'));
    expect((await leaderBrowser.get(preview)).status).toBe(403);
    expect((await new Browser(h.backoffice).get(preview)).location).toBe(`/login?next=${encodeURIComponent(preview)}`);

    // Claimed: the window's three decisions, and never the seal.
    expect((await clerk.post(`/cases/${file.id}/claim`, {})).location).toBe(`/cases/${file.id}?did=claim`);
    page = await clerk.get(`/cases/${file.id}?lang=en`);
    for (const action of ['accept', 'refuse', 'request-correction']) expect(page.html).toContain(`action="/cases/${file.id}/${action}"`);
    for (const action of ['approve', 'deny', 'seal', 'claim']) expect(page.html).not.toContain(`action="/cases/${file.id}/${action}"`);

    // The seal officer may not act at the window; a refusal without reasons is named next to its field.
    const sealer = new Browser(h.backoffice);
    await sealer.signIn(user('sealer'));
    expect(words((await sealer.get(`/cases/${file.id}?lang=en`)).html)).toContain(t('en', 'bo.case.nothing_for_you'));
    await clerk.get(`/cases/${file.id}?lang=en`);
    const noReason = await clerk.post(`/cases/${file.id}/refuse`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('id="refuse-reason-error"');

    const accepted = await clerk.post(`/cases/${file.id}/accept`, {});
    expect(accepted.location).toBe(`/workbench?did=accept&file=${file.id}`);
    expect(await stateOf(file.id)).toBe('under_review');
    expect(words((await clerk.get(accepted.location! + '&lang=en')).html)).toContain(t('en', 'bo.workbench.done_accept', { number: file.number }));

    // The reviewer: approve and deny once the file is theirs; an approval without an opinion is refused beside it.
    const reviewer = new Browser(h.backoffice);
    await reviewer.signIn(user('reviewer'));
    page = await reviewer.get(`/cases/${file.id}?lang=en`);
    expect(words(page.html)).toContain(t('en', 'bo.case.claim_to', { actions: [t('en', 'bo.decision.approve'), t('en', 'bo.decision.deny')].join(t('en', 'answer.list_separator')) }));
    await reviewer.post(`/cases/${file.id}/claim`, {});
    page = await reviewer.get(`/cases/${file.id}?lang=en`);
    expect(page.html).toContain(`action="/cases/${file.id}/approve"`);
    expect(page.html).toContain(`action="/cases/${file.id}/special-procedures"`);
    expect(page.html).not.toContain(`action="/cases/${file.id}/seal"`);
    expect((await reviewer.post(`/cases/${file.id}/approve`, { opinion: '' })).status).toBe(400);
    expect((await reviewer.post(`/cases/${file.id}/approve`, { opinion: '经审查，符合法定条件，准予登记。' })).location).toBe(`/workbench?did=approve&file=${file.id}`);

    // Awaiting the seal: the clerk's page has no seal action; the seal officer's has.
    expect((await clerk.get(`/cases/${file.id}`)).html).not.toContain(`action="/cases/${file.id}/seal"`);
    page = await sealer.get(`/cases/${file.id}?lang=en`);
    expect(page.html).toContain(`action="/cases/${file.id}/seal"`);
    // The full audit trail, staff-only steps included, with who did each.
    text = words(page.html);
    for (const key of ['bo.action.claim', 'action.accept', 'action.approve']) expect(text).toContain(t('en', key));
    expect(text).toContain('审查赵敏');
    expect(text).toContain('经审查，符合法定条件，准予登记。');
  });

  it('the correction-list builder: each marked item needs its reason; the applicant gets the whole list at once', async () => {
    const file = await awaiting();
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));
    await clerk.get(`/cases/${file.id}`);
    await clerk.post(`/cases/${file.id}/claim`, {});
    const page = await clerk.get(`/cases/${file.id}?lang=en`);
    expect(page.html).toContain('id="correction-builder"');
    expect(page.html).toContain('name="material.articles"');
    // Every answer and every material gets a verdict of its own: in order, or needs correction.
    for (const name of ['material.articles', 'field.domicile', 'field.name']) {
      expect(page.html).toMatch(new RegExp(`name="${name.replace('.', '\\.')}" value="ok"`));
      expect(page.html).toMatch(new RegExp(`name="${name.replace('.', '\\.')}" value="fix"`));
    }

    const nothing = await clerk.post(`/cases/${file.id}/request-correction?lang=en`, { 'material.articles': 'ok' });
    expect(nothing.status).toBe(400);
    expect(words(nothing.html)).toContain(t('en', 'rules.correction_items_required'));
    const noReason = await clerk.post(`/cases/${file.id}/request-correction?lang=en`, { 'material.articles': 'fix', 'field.name': 'ok', 'field.domicile': 'fix', 'field.domicile.reason': '住所应写明门牌号' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('id="cm-articles-reason-error"');
    // What was entered stays: the ticked field and its reason.
    expect(noReason.html).toMatch(/name="field\.domicile" value="fix" checked/);
    expect(noReason.html).toMatch(/name="field\.name" value="ok" checked/);
    expect(noReason.html).toContain('value="住所应写明门牌号"');
    expect(await stateOf(file.id)).toBe('awaiting_acceptance');

    const sent = await clerk.post(`/cases/${file.id}/request-correction`, {
      'material.articles': 'fix',
      'material.articles.reason': '章程未经全体股东签字',
      'material.application_form': 'ok',
      'field.domicile': 'fix',
      'field.domicile.reason': '住所应写明门牌号',
    });
    expect(sent.location).toBe(`/workbench?did=request_correction&file=${file.id}`);
    expect(await stateOf(file.id)).toBe('correction_required');
    const view = (await applicant.get(`/api/applications/${file.id}`)).body;
    expect(view.corrections.at(-1).items).toEqual([
      { field: 'domicile', reason: '住所应写明门牌号' },
      { materialCode: 'articles', reason: '章程未经全体股东签字' },
    ]);
    // On the case page, the list is in the file's history.
    const after = words((await clerk.get(`/cases/${file.id}?lang=en`)).html);
    expect(after).toContain(t('en', 'bo.correction.history'));
    expect(after).toContain('章程未经全体股东签字');

    // Resubmitted and still not right: a second list from the window needs a reason of its own, asked beside it.
    await applicant.upload(`/api/applications/${file.id}/materials`, { materialCode: 'articles' }, { name: 'articles-v2.pdf', content: SAMPLE_FILES.pdf() });
    expect((await applicant.post(`/api/applications/${file.id}/submit`)).status).toBe(202);
    await eventually(async () => ((await stateOf(file.id)) === 'awaiting_acceptance' ? true : undefined), 20000, 'resubmitted');
    await clerk.get(`/cases/${file.id}`);
    await clerk.post(`/cases/${file.id}/claim`, {});
    const second = await clerk.get(`/cases/${file.id}?lang=en`);
    expect(words(second.html)).toContain(t('en', 'bo.correction.second_reason'));
    const noWhy = await clerk.post(`/cases/${file.id}/request-correction?lang=en`, { 'field.domicile': 'fix', 'field.domicile.reason': '门牌号与住所证明不一致' });
    expect(noWhy.status).toBe(422);
    expect(noWhy.html).toContain('id="correction-reason-error"');
    expect(words(noWhy.html)).toContain(t('en', 'rules.second_correction_needs_reason'));
    const withWhy = await clerk.post(`/cases/${file.id}/request-correction`, {
      'field.domicile': 'fix',
      'field.domicile.reason': '门牌号与住所证明不一致',
      reason: '补正后的住所与住所使用证明不一致',
    });
    expect(withWhy.status).toBe(303);
    expect(await stateOf(file.id)).toBe('correction_required');
  });

  it('the clock while a hearing stops it: working days elapsed, stopped and remaining, counted on the calendar', async () => {
    const file = await awaiting();
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));
    await clerk.get(`/cases/${file.id}`);
    await clerk.post(`/cases/${file.id}/claim`, {});
    expect((await clerk.post(`/cases/${file.id}/accept`, {})).status).toBe(303);
    const reviewer = new Browser(h.backoffice);
    await reviewer.signIn(user('reviewer'));
    await reviewer.get(`/cases/${file.id}`);
    await reviewer.post(`/cases/${file.id}/claim`, {});
    const started = await reviewer.post(`/cases/${file.id}/special-procedures`, { kind: 'hearing', reason: '涉及重大公共利益，举行听证' });
    expect(started.location).toBe(`/cases/${file.id}?did=special_start#clock`);

    // Accepted on the 6th working day back from today with a 10-working-day promise; the hearing began on the 3rd.
    const calendar = bureauCalendar();
    const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const today = calendar.localDateOf(new Date());
    const workingDayBack = (n: number) => {
      let date = today;
      for (let seen = calendar.isWorkingDay(date) ? 1 : 0; seen < n; ) {
        date = shift(date, -1);
        if (calendar.isWorkingDay(date)) seen++;
      }
      return date;
    };
    const workingDayAfter = (date: string, n: number) => {
      let at = date;
      for (let seen = 0; seen < n; ) {
        at = shift(at, 1);
        if (calendar.isWorkingDay(at)) seen++;
      }
      return at;
    };
    /** Working days after `from` up to and including `to`, counted one date at a time; negative when `to` is earlier. */
    const countBetween = (from: string, to: string) => {
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let date = shift(low, 1); date <= high; date = shift(date, 1)) if (calendar.isWorkingDay(date)) count++;
      return sign * count;
    };
    const acceptedOn = workingDayBack(6);
    const pausedOn = workingDayBack(3);
    await h.db.query(`UPDATE applications SET accepted_at = $2, promised_days = 10 WHERE id = $1`, [file.id, `${acceptedOn}T10:00:00+08:00`]);
    await h.db.query(`UPDATE application_pauses SET started_at = $2 WHERE application_id = $1 AND ended_at IS NULL`, [file.id, `${pausedOn}T10:00:00+08:00`]);

    const stopped = countBetween(pausedOn, today);
    const elapsed = countBetween(acceptedOn, today) - stopped;
    // The promise ends on the 10th working day after acceptance, moved on by each working day the hearing has taken.
    const left = countBetween(today, workingDayAfter(acceptedOn, 10 + stopped));
    expect([stopped, elapsed + stopped]).toEqual([2, 5]);
    const days = (n: number) => t('en', n === 1 ? 'bo.clock.working_days_one' : 'bo.clock.working_days', { days: n });
    const leftWords = left > 0 ? t('en', left === 1 ? 'clock.days_left_one' : 'clock.days_left', { days: left }) : left === 0 ? t('en', 'clock.due_today') : t('en', 'clock.overdue', { days: -left });

    const page = await reviewer.get(`/cases/${file.id}?lang=en`);
    const clock = page.html.slice(page.html.indexOf('id="clock"'), page.html.indexOf('</section>', page.html.indexOf('id="clock"')));
    const rowOfClock = (label: string) => words(new RegExp(`<dt class="summary__key">${label}</dt><dd class="summary__value">([\\s\\S]*?)</dd>`).exec(clock)?.[1] ?? '').trim();
    expect(rowOfClock(t('en', 'bo.clock.elapsed'))).toBe(days(elapsed));
    const stoppedRow = rowOfClock(t('en', 'bo.clock.paused'));
    expect(stoppedRow.startsWith(`${days(stopped)} · `)).toBe(true);
    expect(stoppedRow).toContain(t('en', 'bo.clock.paused_now', { reason: t('en', 'bo.pause.hearing'), since: '' }).replace(/[,，]?\s*$/, ''));
    expect(rowOfClock(t('en', 'bo.clock.remaining'))).toBe(`${leftWords} · ${t('en', 'bo.clock.remaining_paused')}`);
    expect(words(clock)).toContain(t('en', 'bo.due.paused'));
    // The reviewer may end the hearing from the same card.
    expect(clock).toContain(`action="/cases/${file.id}/special-procedures/end"`);
  });

  it('every form the back office takes is refused without its CSRF token (403) even when signed in; pages carry the security headers', async () => {
    const file = await awaiting();
    await createStaff(h.db, { username: user('admin'), name: '管理员', roles: ['administrator'] });
    const admin = new Browser(h.backoffice);
    await admin.signIn(user('admin'));
    // Every POST page route the app registered (the API takes bearer tokens instead; bull-board's dashboard is read-only, 405).
    const posts = [...new Set(registeredRoutes(h.backoffice).filter((r) => r.method === 'POST' && !/^\/(api|assets)\//.test(r.url) && !r.url.startsWith('/admin/queues')).map((r) => r.url))];
    expect(posts).toEqual(expect.arrayContaining(['/login', '/logout', '/cases/:id/accept', '/cases/:id/notes', '/workbench/take-next', '/admin/staff']));
    const refused: string[] = [];
    for (const route of posts) {
      const url = route.replace(/:id\b/g, file.id).replace(/:[A-Za-z]+/g, 'x1');
      const form = new URLSearchParams({ body: '无令牌的表单', reason: '无令牌', username: 'nobody', password: 'nothing-at-all' }).toString();
      const answer = await admin.request('POST', `${url}?lang=en`, form, 'application/x-www-form-urlencoded');
      if (answer.status !== 403 || !words(answer.html).includes(t('en', 'errors.csrf'))) refused.push(`${route}: ${answer.status}`);
    }
    expect(refused).toEqual([]);
    // Still signed in, and nothing was written: no note, no claim, the file where it was.
    expect((await admin.get('/workbench')).status).toBe(200);
    expect((await h.db.query('SELECT count(*)::int AS n FROM case_notes WHERE application_id = $1', [file.id]))[0].n).toBe(0);
    expect((await h.db.query('SELECT state, claim_holder_id FROM applications WHERE id = $1', [file.id]))[0]).toEqual({ state: 'awaiting_acceptance', claim_holder_id: null });
    // A token from another session does not pass either.
    const other = new Browser(h.backoffice);
    await other.signIn(user('clerk'));
    const theirs = csrfOf((await other.get(`/cases/${file.id}`)).html);
    const forged = new URLSearchParams({ _csrf: theirs, body: '借用令牌' }).toString();
    expect((await admin.request('POST', `/cases/${file.id}/notes`, forged, 'application/x-www-form-urlencoded')).status).toBe(403);

    // The headers of a page: a strict policy, no framing, no sniffing, no referrer, never cached.
    const page = await admin.get(`/cases/${file.id}`);
    const policy = String(page.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'self'", "frame-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'"]) expect(policy).toContain(directive);
    const workbench = await admin.get('/workbench');
    expect(String(workbench.headers['content-security-policy'])).toContain("frame-src 'none'");
    for (const shown of [page, workbench]) {
      expect(shown.headers['x-content-type-options']).toBe('nosniff');
      expect(shown.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(shown.headers['referrer-policy']).toBe('no-referrer');
      expect(shown.headers['cache-control']).toBe('no-store');
      expect(shown.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('notes between staff: with author and time, for staff only, never editable', async () => {
    const file = await awaiting();
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));
    await clerk.get(`/cases/${file.id}?lang=en`);
    const empty = await clerk.post(`/cases/${file.id}/notes?lang=en`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="note-body-error"');
    const added = await clerk.post(`/cases/${file.id}/notes`, { body: '申请人来电：章程原件周五送到窗口。' });
    expect(added.location).toMatch(new RegExp(`^/cases/${file.id}\\?did=note#note-[0-9a-f-]{36}$`));
    const reviewer = new Browser(h.backoffice);
    await reviewer.signIn(user('reviewer'));
    const page = await reviewer.get(`/cases/${file.id}?lang=en`);
    const note = words(/<li class="note"[\s\S]*?<\/li>/.exec(page.html)![0]);
    expect(note).toContain('窗口王芳');
    expect(note).toContain('申请人来电：章程原件周五送到窗口。');
    // Append-only for every role, the owner's included.
    await expect(h.db.query(`UPDATE case_notes SET body = 'changed' WHERE application_id = $1`, [file.id])).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM case_notes WHERE application_id = $1', [file.id])).rejects.toThrow(/append-only/);
    // The applicant's view of the file carries no notes.
    expect(JSON.stringify((await applicant.get(`/api/applications/${file.id}`)).body)).not.toContain('章程原件周五');
    const leader = new Browser(h.backoffice);
    await leader.signIn(user('leader'));
    await leader.get('/login');
    expect((await leader.post(`/cases/${file.id}/notes`, { body: '领导批示' })).status).toBe(403);
  });

  it('assisted filing: the authorisation, the service, the applicant and the whole form on one page, materials, submit', async () => {
    const helper = new Browser(h.backoffice);
    await helper.signIn(user('helper'));
    let page = await helper.get('/assisted-filings/new?lang=en');
    expect(page.status).toBe(200);
    expect(words(page.html)).toContain(t('en', 'bo.assisted.step_1_title'));

    // The authorisation: none chosen, then a program, then a PDF.
    expect((await helper.upload('/assisted-filings/authorization', {}, { name: '', content: Buffer.alloc(0) })).status).toBe(400);
    expect((await helper.upload('/assisted-filings/authorization', {}, { name: 'auth.exe', content: SAMPLE_FILES.elf() })).status).toBe(415);
    const uploaded = await helper.upload('/assisted-filings/authorization', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() });
    expect(uploaded.location).toMatch(/^\/assisted-filings\/new\?authorization=[0-9a-f-]{36}$/);
    const authorization = uploaded.location!.split('=')[1];
    page = await helper.follow(uploaded);
    expect(page.html).toContain('value="business-license"');
    page = await helper.get(`/assisted-filings/new?authorization=${authorization}&service=business-license&lang=en`);
    expect(page.html).toContain('name="walkin.phone"');
    expect(page.html).toContain('name="legalRepresentative.idNumber"');

    const person = { name: '张桂兰', phone: mobile(), idNumber: residentId() };
    const form = businessLicenseForm();
    const fields = {
      authorization,
      service: 'business-license',
      'walkin.name': person.name,
      'walkin.phone': person.phone,
      'walkin.idNumber': person.idNumber,
      'walkin.authorizationNumber': 'WT-2026-118',
      name: form.name,
      entityType: 'limited_company',
      domicile: form.domicile,
      'businessScope.general': form.businessScope.general.join('\n'),
      'businessScope.licensed': '',
      registeredCapital: '500',
      'legalRepresentative.name': person.name,
      'legalRepresentative.idNumber': person.idNumber,
      'legalRepresentative.phone': person.phone,
      'shareholders.0.name': person.name,
      'shareholders.0.idNumber': person.idNumber,
      'shareholders.0.contribution': '500',
      'term.from': '2026-12-01',
      'term.to.mode': 'open',
    };
    // A wrong phone and a missing required answer: both named, next to their fields, nothing filed.
    const wrong = await helper.post('/assisted-filings/new?lang=en', { ...fields, 'walkin.phone': '12345', domicile: '' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('id="w-phone-error"');
    expect(words(wrong.html)).toContain(t('en', 'fields.mobile'));
    expect(wrong.html).toContain('id="f-domicile-error"');
    expect(wrong.html).toContain(`value="${form.name}"`);
    // Another shareholder: the same page with one more item, nothing filed yet.
    const more = await helper.post('/assisted-filings/new?lang=en', { ...fields, action: 'add:shareholders' });
    expect(more.status).toBe(200);
    expect(more.html).toContain('name="shareholders.1.name"');
    expect((await h.db.query('SELECT count(*)::int AS n FROM applications WHERE contact_phone = $1', [person.phone]))[0].n).toBe(0);

    const filed = await helper.post('/assisted-filings/new', fields);
    expect(filed.location).toMatch(/^\/assisted-filings\/[0-9a-f-]{36}$/);
    const id = filed.location!.split('/').pop()!;
    page = await helper.follow(filed);
    expect(words(page.html)).toContain(person.name);
    for (const materialCode of BUSINESS_LICENSE_MATERIALS) {
      const done = await helper.upload(`/assisted-filings/${id}/materials?materialCode=${materialCode}`, { materialCode }, { name: `${materialCode}.pdf`, content: SAMPLE_FILES.pdf() });
      expect(done.location).toBe(`/assisted-filings/${id}?uploaded=${materialCode}#m-${materialCode}`);
      await helper.follow(done);
    }
    const submitted = await helper.post(`/assisted-filings/${id}/submit`, {});
    expect(submitted.location).toBe(`/assisted-filings?submitted=${id}`);
    const list = await helper.follow(submitted);
    const [row] = await h.db.query(
      'SELECT a.number, a.state, a.filed_by_account_id, a.authorization_number, o.phone, o.password_hash FROM applications a JOIN accounts o ON o.id = a.owner_account_id WHERE a.id = $1',
      [id],
    );
    expect(words(list.html)).toContain(row.number);
    expect(['submitted', 'awaiting_acceptance']).toContain(row.state);
    expect(row.authorization_number).toBe('WT-2026-118');
    expect(row.phone).toBe(person.phone);
    expect(row.password_hash).toBeNull();
    const [{ id: helperId }] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [user('helper')]);
    expect(row.filed_by_account_id).toBe(helperId);
    // Another clerk's filing is not theirs to work on here.
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));
    expect((await clerk.get(`/assisted-filings/${id}`)).status).toBe(404);
  });
  it('a quick filter holding more files than it counts says "99+", not the cap itself', async () => {
    // Two thousand more files of every service and state (about a tenth at the window, most unclaimed).
    const [{ id: holder }] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [user('clerk2')]);
    await seedApplications(h.db, { count: 2000, firstIndex: 1, claimHolders: [holder], dueBase: new Date(Date.now() + 86_400_000), applicantId: randomUUID(), ownerAccountId: randomUUID() });
    const clerk = new Browser(h.backoffice);
    await clerk.signIn(user('clerk'));
    const page = await clerk.get('/workbench?lang=en');
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM applications WHERE state = 'awaiting_acceptance' AND claim_holder_id IS NULL`);
    expect(n).toBeGreaterThan(99);
    expect(/data-count="quick:unclaimed">([^<]+)</.exec(page.html)?.[1]).toBe(t('en', 'bo.workbench.count_more', { count: 99 }));
  });
});
