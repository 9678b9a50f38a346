import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { catalogueMessage, NotificationDeliveryService, NotificationSendError, ReconcilerService } from '@onewindow/applications';
import { loadConfig } from '@onewindow/config';
import { APPLICATION_ACTIONS } from '@onewindow/domain';
import { notifyJobId, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { translate } from '@onewindow/web';
import { devOutboxEnabled } from '../apps/portal/src/pages/notifications.pages';
import { createWorker } from '../apps/worker/src/worker.app';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { fileToIssue, signedInApplicant, staffDesk } from './support/journeys';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 360, height: 780 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'long-enough-password';
const MATERIALS = ['application_form', 'legal_rep_id', 'domicile_proof', 'articles'];

interface NotificationRow {
  id: string;
  account_id: string | null;
  channel: string;
  recipient: string;
  template: string;
  body: string;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
  given_up_at: Date | null;
}

/**
 * Notifications (issue 6, item 5): every state change the applicant can see produces one text
 * message, recorded in the transition's transaction and sent exactly once by the worker through
 * the configured sender (the development outbox, or a webhook), retried with backoff when the
 * sender fails. Also the pages that show messages, and the materials page's upload progress.
 */
describe('notifications through pluggable senders', () => {
  let h: Harness;
  let worker: INestApplicationContext | null = null;
  let queue: Queue;
  const savedEnv = { ...process.env };

  /** A worker started with these settings on top of the run's (the settings are read at start). */
  async function startWorker(settings: Record<string, string>): Promise<INestApplicationContext> {
    Object.assign(process.env, settings);
    try {
      const started = await createWorker(loadConfig(), { logger: false });
      await started.init();
      return started;
    } finally {
      for (const key of Object.keys(settings)) {
        if (savedEnv[key] === undefined) delete process.env[key];
        else process.env[key] = savedEnv[key];
      }
    }
  }

  beforeAll(async () => {
    process.env.DEV_OUTBOX = '1';
    h = await startHarness({ worker: false });
    delete process.env.DEV_OUTBOX;
    worker = await startWorker({ SMS_SENDER: 'outbox' });
    queue = new Queue(QUEUES.notifications, { connection: redisConnectionOptions(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await h?.close();
  });

  const rowsOf = (applicationId: string): Promise<NotificationRow[]> =>
    h.db.query('SELECT * FROM notifications WHERE application_id = $1 ORDER BY created_at, id', [applicationId]);
  const rowById = async (id: string): Promise<NotificationRow> => (await h.db.query('SELECT * FROM notifications WHERE id = $1', [id]))[0];
  const stateOf = async (me: Api, id: string) => (await me.get(`/api/applications/${id}`)).body.state as string;
  const waitForState = (me: Api, id: string, state: string) => eventually(async () => ((await stateOf(me, id)) === state ? true : undefined), 20000, state);

  async function submittedDraft(me: Api): Promise<{ id: string; form: ReturnType<typeof businessLicenseForm> }> {
    const form = businessLicenseForm();
    const draft = await me.post('/api/applications', { serviceCode: 'business-license', form });
    expect(draft.status).toBe(201);
    for (const materialCode of MATERIALS) {
      await me.upload(`/api/applications/${draft.body.id}/materials`, { materialCode }, { name: 'scan.png', content: SAMPLE_FILES.png() });
    }
    expect((await me.post(`/api/applications/${draft.body.id}/submit`)).status).toBe(202);
    return { id: draft.body.id, form };
  }

  /** The file the first test walks to issue, for the pages the later tests look at. */
  let walked: { id: string; phone: string; number: string; idNumber: string; me: Api };

  describe('with the development outbox sender', () => {

    it('a file walked from submit through a correction to issue: one message per state change the applicant sees, each sent once', async () => {
      const { api: me, phone } = await signedInApplicant(h, '通知人');
      const desk = await staffDesk(h, 'nt-walk');
      const { id, form } = await submittedDraft(me);
      await waitForState(me, id, 'awaiting_acceptance');
      await desk.clerk.post(`/api/applications/${id}/claim`);
      expect((await desk.clerk.post(`/api/applications/${id}/request-correction`, { items: [{ materialCode: 'articles', reason: '公司章程缺少全体股东签字' }] })).status).toBe(200);
      await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'articles-signed.pdf', content: SAMPLE_FILES.pdf() });
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
      await waitForState(me, id, 'awaiting_acceptance');
      await desk.clerk.post(`/api/applications/${id}/claim`);
      expect((await desk.clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
      await desk.reviewer.post(`/api/applications/${id}/claim`);
      expect((await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，准予登记。' })).status).toBe(200);
      expect((await desk.sealer.post(`/api/applications/${id}/seal`)).status).toBe(200);
      await waitForState(me, id, 'issued');
      const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);

      // Every message of the file leaves once: the state changes' and the seal-carving order's.
      const rows = await eventually(async () => {
        const all = await rowsOf(id);
        return all.length >= 7 && all.every((r) => r.sent_at) ? all : undefined;
      }, 20000, 'every message sent');

      // The audit trail is the list of state changes; those the applicant is told of each have one message.
      const events: Array<{ action: string; to_state: string }> = await h.db.query(
        `SELECT action, to_state FROM audit_events WHERE application_id = $1 AND action = ANY($2) ORDER BY id`,
        [id, APPLICATION_ACTIONS],
      );
      expect(events.map((e) => e.action)).toEqual(['submit', 'precheck_pass', 'request_correction', 'resubmit', 'precheck_pass', 'accept', 'approve', 'seal', 'issued']);
      const stateMessages = rows.filter((r) => r.template.startsWith('state-'));
      // precheck_pass is folded into the submit message, seal into the issued one (notifications.ts).
      expect(stateMessages.map((r) => r.template)).toEqual(['state-submit', 'state-request_correction', 'state-resubmit', 'state-accept', 'state-approve', 'state-issued']);
      expect(rows.map((r) => r.template).filter((t) => !t.startsWith('state-'))).toEqual(['seal-order-opened']);

      const toStates = ['submitted', 'correction_required', 'submitted', 'under_review', 'awaiting_seal', 'issued'];
      stateMessages.forEach((message, i) => {
        expect(message).toMatchObject({ channel: 'sms', recipient: phone, attempts: 1, last_error: null, given_up_at: null });
        expect(message.sent_at).not.toBeNull();
        expect(message.body).toContain(number);
        expect(message.body).toContain(translate('zh-CN', `state.${toStates[i]}`));
        expect(message.body).toContain(`${h.config.PORTAL_PUBLIC_URL}/applications/${id}`);
        expect(message.body.startsWith(translate('zh-CN', 'sms.signature'))).toBe(true);
        // No ID numbers, and not even the phone it goes to.
        expect(message.body).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
        expect(message.body).not.toContain(phone);
      });
      expect(stateMessages[3].body).toMatch(/承诺于\d{4}年\d{1,2}月\d{1,2}日前办结/);

      // Each went through its own deterministic job, which the worker completed as sent.
      for (const message of rows) {
        const job = await queue.getJob(notifyJobId(message.id));
        expect(job?.returnvalue).toBe('sent');
      }
      walked = { id, phone, number, idNumber: form.legalRepresentative.idNumber, me };
    });

    it('a second delivery of a notify job sends nothing', async () => {
      const [message] = await rowsOf(walked.id);
      const job = await queue.add('notify', { notificationId: message.id }, { jobId: `again-${message.id}` });
      await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined), 15000, 'second delivery');
      // Read again: the job object above was loaded before it finished.
      expect((await queue.getJob(job.id!))?.returnvalue).toBe('already-sent');
      const after = await rowById(message.id);
      expect(after.sent_at).toEqual(message.sent_at);
      expect(after.attempts).toBe(1);
      // Two deliveries at once (a retry racing a replay): one sends, the other finds it sent.
      const [row] = await h.db.query(
        `INSERT INTO notifications (account_id, application_id, channel, recipient, template, body) VALUES ($1, $2, 'sms', $3, 'state-test', '测试') RETURNING id`,
        [null, walked.id, walked.phone],
      );
      const delivery = worker!.get(NotificationDeliveryService);
      const outcomes = await Promise.all([delivery.deliver(row.id, { finalAttempt: false }), delivery.deliver(row.id, { finalAttempt: false })]);
      expect(outcomes.sort()).toEqual(['already-sent', 'sent']);
      expect((await rowById(row.id)).attempts).toBe(1);
    });

    it('a notify job with a malformed payload fails for good, without retries', async () => {
      const job = await queue.add('notify', { notificationId: 'not-a-uuid' }, { jobId: `malformed-${randomUUID()}`, attempts: 3 });
      await eventually(async () => ((await job.getState()) === 'failed' ? true : undefined), 15000, 'malformed job failed');
      const failed = (await queue.getJob(job.id!))!;
      expect(failed.failedReason).toContain('notificationId must be a UUID');
      expect(failed.attemptsMade).toBe(1);
    });

    it('the reconciler queues a message left unsent for over a minute (its job lost), and it is sent once', async () => {
      const [row] = await h.db.query(
        `INSERT INTO notifications (account_id, application_id, channel, recipient, template, body, created_at)
         VALUES (NULL, $1, 'sms', $2, 'state-test', '丢失的短信', now() - interval '2 minutes') RETURNING id`,
        [walked.id, walked.phone],
      );
      const reconciler = worker!.get(ReconcilerService);
      const report = await reconciler.reconcile(60);
      expect(report.notifications).toBeGreaterThanOrEqual(1);
      await reconciler.reconcile(60);
      const sent = await eventually(async () => {
        const r = await rowById(row.id);
        return r.sent_at ? r : undefined;
      }, 15000, 'reconciled message sent');
      expect(sent.attempts).toBe(1);
      expect((await reconciler.reconcile(60)).notifications).toBe(0);
    });

    it('the applicant sees the messages on the site, newest first, each with its application link', async () => {
      const { id } = walked;
      const page = await signedInPage(walked.phone);
      const html = await page.get('/notifications');
      expect(html.status).toBe(200);
      const texts = [...html.body.matchAll(/<li class="notification">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
      const rows = (await h.db.query('SELECT body FROM notifications WHERE account_id = (SELECT owner_account_id FROM applications WHERE id = $1) ORDER BY created_at DESC, id DESC', [id])) as Array<{ body: string }>;
      expect(texts.length).toBe(rows.length);
      expect(texts[0]).toContain(escapeHtml(rows[0].body));
      expect(texts[texts.length - 1]).toContain(translate('zh-CN', 'state.submitted'));
      for (const text of texts) expect(text).toContain(`href="/applications/${id}"`);
    });

    it('/dev/outbox: only with DEV_OUTBOX=1; phones masked; set-password links only for a browser on this machine', async () => {
      const token = 'SECRET-set-password-token_123';
      await h.db.query(
        `INSERT INTO notifications (channel, recipient, template, body, sent_at) VALUES ('sms', $1, 'set-password', $2, now())`,
        [walked.phone, `【平鲁区行政审批局】设置登录密码请访问 ${h.config.PORTAL_PUBLIC_URL}/set-password?token=${token}（72小时内有效）。`],
      );
      const masked = `${walked.phone.slice(0, 3)}****${walked.phone.slice(7)}`;
      const local = await h.portal.inject({ method: 'GET', url: '/dev/outbox', headers: { accept: 'text/html' } });
      expect(local.statusCode).toBe(200);
      expect(local.body).toContain(masked);
      expect(local.body).not.toContain(walked.phone);
      expect(local.body).toContain(`href="${h.config.PORTAL_PUBLIC_URL}/set-password?token=${token}"`);
      expect(local.body).toContain(translate('zh-CN', 'outbox.open_link'));
      expect(local.body).toContain('outbox__row--sent');
      // Through a proxy (or from another machine) the token never shows.
      const forwarded = await h.portal.inject({ method: 'GET', url: '/dev/outbox', headers: { accept: 'text/html', 'x-forwarded-for': '203.0.113.9' } });
      expect(forwarded.statusCode).toBe(200);
      expect(forwarded.body).not.toContain(token);
      expect(forwarded.body).toContain(translate('zh-CN', 'outbox.link_hidden'));
      expect(forwarded.body).not.toContain(walked.phone);

      // Without the setting there is no page (the access matrix gets 404 for everyone); production refuses the setting.
      expect(devOutboxEnabled(loadConfig({ ...process.env, DEV_OUTBOX: '0' }))).toBe(false);
      expect(devOutboxEnabled(loadConfig({ ...process.env, NODE_ENV: 'development', DEV_OUTBOX: '1' }))).toBe(true);
      expect(() => loadConfig({ ...process.env, NODE_ENV: 'production', DEV_OUTBOX: '1', LICENSE_SIGNING_KEY: 'x' })).toThrow(/DEV_OUTBOX/);
    });
  });

  /** A cookie-session client of the portal's pages (no JavaScript: forms posted as a browser would). */
  function pageClient() {
    const jar = new Map<string, string>();
    const request = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
      const response = await h.portal.inject({
        method,
        url,
        headers: {
          accept: 'text/html',
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        payload: form ? new URLSearchParams(form).toString() : undefined,
      });
      const cookies = response.headers['set-cookie'];
      for (const line of Array.isArray(cookies) ? cookies : cookies ? [cookies] : []) {
        const [pair] = line.split(';');
        jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return { status: response.statusCode, body: response.body, location: response.headers.location };
    };
    /** Gets the page with the form, then posts it with the page's CSRF token. */
    const submit = async (pageUrl: string, action: string, form: Record<string, string>) => {
      const page = await request('GET', pageUrl);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
      return request('POST', action, { _csrf: csrf, ...form });
    };
    return { request, submit, get: (url: string) => request('GET', url) };
  }

  /** A cookie-session client of the portal's pages, signed in through the sign-in page. */
  async function signedInPage(phone: string) {
    const client = pageClient();
    const signedIn = await client.submit('/login', '/login', { next: '/applications', phone, password: PASSWORD });
    expect(signedIn.status).toBe(303);
    return client;
  }

  /** An applicant registered through the registration page, with an e-mail address when given. */
  async function registeredThroughPage(name: string, email: string): Promise<{ api: Api; phone: string; accountId: string }> {
    const phone = mobile();
    const registered = await pageClient().submit('/register', '/register', { next: '/applications', name, phone, email, idNumber: residentId(), password: PASSWORD });
    expect(registered.status).toBe(303);
    const portal = new Api(h.portal);
    const token = (await portal.post('/api/auth/login', { phone, password: PASSWORD })).body.token as string;
    const [{ id }] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [phone]);
    return { api: portal.as(token), phone, accountId: id };
  }

  describe('an e-mail address on the account (optional)', () => {
    it('registration takes one through the page and the API, keeps none when the box is empty, and refuses a malformed one naming the field', async () => {
      const withEmail = await registeredThroughPage('邮箱人', `page.${Date.now()}@example.com`);
      expect((await h.db.query('SELECT email FROM accounts WHERE id = $1', [withEmail.accountId]))[0].email).toMatch(/^page\.\d+@example\.com$/);
      const without = await registeredThroughPage('无邮箱人', '');
      expect((await h.db.query('SELECT email FROM accounts WHERE id = $1', [without.accountId]))[0].email).toBeNull();

      const api = new Api(h.portal);
      const apiPhone = mobile();
      const byApi = await api.post('/api/auth/register', { name: '接口人', phone: apiPhone, idNumber: residentId(), password: PASSWORD, email: 'api.person@example.com' });
      expect(byApi.status).toBe(201);
      expect((await h.db.query('SELECT email FROM accounts WHERE phone = $1', [apiPhone]))[0].email).toBe('api.person@example.com');

      for (const email of ['not-an-address', 'two@@example.com', 'x@', 42]) {
        const refused = await api.post('/api/auth/register', { name: '坏邮箱', phone: mobile(), idNumber: residentId(), password: PASSWORD, email });
        expect(refused.status).toBe(400);
        expect(Object.keys(refused.body.fields)).toEqual(['email']);
      }

      for (const locale of ['zh-CN', 'en'] as const) {
        const phone = mobile();
        const page = await pageClient().submit(`/register?lang=${locale}`, '/register', { next: '/applications', name: '坏邮箱', phone, email: 'name at example.com', idNumber: residentId(), password: PASSWORD });
        expect(page.status).toBe(400);
        expect(page.body).toContain(`<p class="field-error" id="email-error">`);
        expect(page.body).toContain(escapeHtml(translate(locale, 'fields.email')));
        expect(page.body).toContain('href="#email"');
        expect(page.body).toContain('value="name at example.com"');
        expect(await h.db.query('SELECT id FROM accounts WHERE phone = $1', [phone])).toEqual([]);
      }
    });
  });

  describe('the materials page: uploads without JavaScript, and with a progress bar when it runs', () => {
    let browser: Browser;
    let base: string;
    let shots: string;

    beforeAll(async () => {
      await h.portal.listen(0, '127.0.0.1');
      base = (await h.portal.getUrl()).replace('[::1]', '127.0.0.1');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'ow-notify-screens-'));
      mkdirSync(shots, { recursive: true });
      console.log(`notifications/upload screenshots: ${shots}`);
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** A signed-in browser on a fresh draft's materials page. */
    async function onMaterialsPage(options: { javaScript: boolean; locale?: 'zh-CN' | 'en' }): Promise<{ context: BrowserContext; page: Page; id: string }> {
      const { api: me, phone } = await signedInApplicant(h, '上传人');
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() });
      const context = await browser.newContext({ viewport: PHONE, locale: options.locale ?? 'zh-CN', javaScriptEnabled: options.javaScript, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.fill('#phone', phone);
      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
      await page.goto(`${base}/applications/${draft.body.id}/materials${options.locale === 'en' ? '?lang=en' : ''}`);
      return { context, page, id: draft.body.id };
    }

    async function expectAccessible(page: Page): Promise<void> {
      await page.evaluate(AXE_SOURCE);
      const violations = (await page.evaluate(
        "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
      )) as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    }

    it('without JavaScript the form posts and the page says what was uploaded', async () => {
      const { context, page, id } = await onMaterialsPage({ javaScript: false });
      await page.setInputFiles('#file-application_form', { name: 'application.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
      await Promise.all([page.waitForNavigation(), page.click('#m-application_form form button[type=submit]')]);
      expect(page.url()).toContain(`/applications/${id}/materials?uploaded=application_form`);
      expect(await page.textContent('.panel--ok')).toContain(translate('zh-CN', 'materials.uploaded_ok', { name: '申请书' }));
      expect(await page.locator('.upload-progress').count()).toBe(0);
      expect(await page.textContent('#m-application_form .uploaded')).toContain('application.pdf');
      await context.close();
    });

    for (const locale of ['zh-CN', 'en'] as const) {
      it(`with JavaScript a progress bar shows how much has been sent, then the page shows the upload (${locale})`, async () => {
        const { context, page, id } = await onMaterialsPage({ javaScript: true, locale });
        // A slow uplink, so the bar can be seen on its way.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
        const big = Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(1_500_000, 0x20)]);
        await page.setInputFiles('#file-legal_rep_id', { name: 'id-card.pdf', mimeType: 'application/pdf', buffer: big });
        const navigated = page.waitForURL(/uploaded=legal_rep_id/, { timeout: 30000 });
        await page.click('#m-legal_rep_id form button[type=submit]');
        const bar = page.locator('#m-legal_rep_id progress');
        await bar.waitFor({ state: 'visible' });
        await page.waitForFunction("(() => { const p = document.querySelector('#m-legal_rep_id progress'); return p !== null && p.value > 0 && p.value < 100; })()");
        const label = await page.textContent('#m-legal_rep_id .upload-progress label');
        expect(label).toBe(translate(locale, 'upload.uploading', { name: locale === 'en' ? 'ID of the legal representative' : '法定代表人身份证明' }));
        expect(await page.isDisabled('#m-legal_rep_id form button[type=submit]')).toBe(true);
        await page.locator('#m-legal_rep_id').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `materials-progress-${locale}.png`) });
        await expectAccessible(page);
        await navigated;
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        expect(page.url()).toContain(`/applications/${id}/materials?uploaded=legal_rep_id#m-legal_rep_id`);
        expect(await page.textContent('.panel--ok')).toContain(translate(locale, 'materials.uploaded_ok', { name: locale === 'en' ? 'ID of the legal representative' : '法定代表人身份证明' }));
        expect(await page.textContent('#m-legal_rep_id .uploaded')).toContain('id-card.pdf');
        await context.close();
      });
    }

    it('with JavaScript a refused file is explained in words next to its item, and the page stays', async () => {
      const { context, page, id } = await onMaterialsPage({ javaScript: true });
      await page.setInputFiles('#file-articles', { name: 'articles.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.elf() });
      await page.click('#m-articles form button[type=submit]');
      const error = page.locator('#m-articles .field-error');
      await error.waitFor({ state: 'visible' });
      expect(await error.textContent()).toContain(translate('zh-CN', 'errors.unsupported_type', { accepted: '' }));
      expect(await page.getAttribute('#file-articles', 'aria-describedby')).toContain('file-articles-error');
      expect(page.url()).toBe(`${base}/applications/${id}/materials`);
      expect(await page.isHidden('#m-articles .upload-progress')).toBe(true);
      expect(await page.isEnabled('#m-articles form button[type=submit]')).toBe(true);
      const [{ n }] = await h.db.query('SELECT count(*)::int AS n FROM materials WHERE application_id = $1', [id]);
      expect(n).toBe(0);
      await page.locator('#m-articles').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'materials-error-zh-CN.png') });
      await expectAccessible(page);
      await context.close();
    });

    it('the messages page and the development outbox at 360 px, in both languages', async () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${base}/login?lang=${locale}`);
        await page.fill('#phone', walked.phone);
        await page.fill('#password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
        await page.goto(`${base}/notifications`);
        expect(await page.textContent('h1')).toBe(translate(locale, 'notifications.title'));
        expect(await page.locator('li.notification').count()).toBeGreaterThanOrEqual(7);
        expect(await page.getAttribute('li.notification >> nth=0 >> a', 'href')).toBe(`/applications/${walked.id}`);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.screenshot({ path: join(shots, `notifications-${locale}.png`), fullPage: true });
        await expectAccessible(page);
        await page.goto(`${base}/dev/outbox`);
        expect(await page.textContent('h1')).toBe(translate(locale, 'outbox.title'));
        expect(await page.textContent('main')).not.toContain(walked.phone);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.screenshot({ path: join(shots, `outbox-${locale}.png`), fullPage: true });
        await expectAccessible(page);
        await context.close();
      }
    });

    it('the registration page asks for an optional e-mail address and names a malformed one beside the field at 360 px, in both languages', async () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${base}/register?lang=${locale}`);
        expect(await page.textContent('label[for=email]')).toBe(translate(locale, 'register.email'));
        expect(await page.getAttribute('#email', 'type')).toBe('email');
        expect(await page.getAttribute('#email', 'autocomplete')).toBe('email');
        await page.fill('#name', '页面人');
        await page.fill('#phone', mobile());
        await page.fill('#email', 'name.example.com');
        await page.fill('#idNumber', residentId());
        await page.fill('#password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
        expect(await page.textContent('.error-summary a[href="#email"]')).toBe(translate(locale, 'fields.email'));
        expect(await page.textContent('#email-error')).toContain(translate(locale, 'fields.email'));
        expect(await page.getAttribute('#email', 'aria-describedby')).toContain('email-error');
        expect(await page.inputValue('#email')).toBe('name.example.com');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.screenshot({ path: join(shots, `register-email-error-${locale}.png`), fullPage: true });
        await expectAccessible(page);
        await context.close();
      }
    });

    it('the verification page a QR code opens is on the shared layout, in both languages', async () => {
      const { license } = (await walked.me.get(`/api/applications/${walked.id}`)).body;
      const path = (license.verifyUrl as string).replace(/^https?:\/\/[^/]+/, '');
      for (const locale of ['zh-CN', 'en'] as const) {
        const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${base}${path}${locale === 'en' ? '&lang=en' : ''}`);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await page.textContent('h1')).toBe(translate(locale, 'verify_page.title'));
        expect(await page.textContent('.verify__status')).toBe(translate(locale, 'verify.valid'));
        expect(await page.textContent('main')).toContain(license.number);
        expect(await page.isVisible('.site-header .lang-switch a')).toBe(true);
        expect(await page.evaluate("getComputedStyle(document.querySelector('.verify__answer')).borderLeftStyle")).toBe('solid');
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.screenshot({ path: join(shots, `verify-${locale}.png`), fullPage: true });
        await expectAccessible(page);
        await context.close();
      }
    });
  });

  describe('with the webhook sender', () => {
    let server: Server;
    let url: string;
    const received: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }> = [];
    /** How the gateway answers the next requests: an HTTP status, or 'hang' (no answer in time); then 200. */
    const plan: Array<number | 'hang'> = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        let data = '';
        request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        request.on('end', () => {
          received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(data) });
          const answer = plan.shift() ?? 200;
          if (answer === 'hang') {
            setTimeout(() => response.writeHead(200).end(), 4000);
            return;
          }
          response.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
      await worker?.close();
      worker = await startWorker({
        SMS_SENDER: 'webhook',
        SMS_WEBHOOK_URL: url,
        EMAIL_SENDER: 'webhook',
        EMAIL_WEBHOOK_URL: url.replace(/\/sms$/, '/email'),
        NOTIFY_WEBHOOK_TIMEOUT_MS: '2000',
      });
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    const sentTo = (id: string) => received.filter((r) => r.headers['idempotency-key'] === id);

    it('the gateway gets each message once as JSON', async () => {
      const { api: me, phone } = await signedInApplicant(h, '网关人');
      const { id } = await submittedDraft(me);
      const message = await eventually(async () => {
        const [row] = (await rowsOf(id)).filter((r) => r.template === 'state-submit');
        return row?.sent_at ? row : undefined;
      }, 15000, 'submit message sent by webhook');
      const calls = sentTo(message.id);
      expect(calls).toHaveLength(1);
      expect(calls[0].path).toBe('/sms');
      expect(calls[0].headers['content-type']).toBe('application/json');
      expect(calls[0].body).toEqual({ id: message.id, channel: 'sms', to: phone, template: 'state-submit', body: message.body, applicationId: id });
      expect(message.attempts).toBe(1);
      // An account without an e-mail address is told by SMS only.
      expect((await rowsOf(id)).map((r) => r.channel)).toEqual(['sms']);
      expect(received.filter((r) => r.path === '/email' && r.body.applicationId === id)).toEqual([]);
    });

    it('an applicant with an e-mail address gets each state change once by SMS and once by e-mail, the address masked in the outbox', async () => {
      const email = `mail.${Date.now()}@example.com`;
      const { api: me, phone, accountId } = await registeredThroughPage('邮件人', email);
      const desk = await staffDesk(h, 'nt-mail');
      const { id } = await submittedDraft(me);
      await waitForState(me, id, 'awaiting_acceptance');
      await desk.clerk.post(`/api/applications/${id}/claim`);
      expect((await desk.clerk.post(`/api/applications/${id}/request-correction`, { items: [{ materialCode: 'articles', reason: '公司章程缺少全体股东签字' }] })).status).toBe(200);
      await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'articles-signed.pdf', content: SAMPLE_FILES.pdf() });
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
      await waitForState(me, id, 'awaiting_acceptance');
      await desk.clerk.post(`/api/applications/${id}/claim`);
      expect((await desk.clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
      const [{ number }] = await h.db.query('SELECT number FROM applications WHERE id = $1', [id]);

      const templates = ['state-submit', 'state-request_correction', 'state-resubmit', 'state-accept'];
      const toStates = ['submitted', 'correction_required', 'submitted', 'under_review'];
      const rows = await eventually(async () => {
        const all = await rowsOf(id);
        return all.length >= templates.length * 2 && all.every((r) => r.sent_at) ? all : undefined;
      }, 20000, 'every message sent');
      expect(rows).toHaveLength(templates.length * 2);
      templates.forEach((template, i) => {
        const sms = rows.filter((r) => r.template === template && r.channel === 'sms');
        const mails = rows.filter((r) => r.template === template && r.channel === 'email');
        expect(sms).toHaveLength(1);
        expect(mails).toHaveLength(1);
        const [text, mail] = [sms[0], mails[0]];
        expect(text).toMatchObject({ account_id: accountId, recipient: phone, attempts: 1, given_up_at: null });
        expect(mail).toMatchObject({ account_id: accountId, recipient: email, attempts: 1, given_up_at: null, body: text.body });
        const subject = translate('zh-CN', 'email.state_subject', {
          signature: translate('zh-CN', 'sms.signature'),
          service: '营业执照',
          number,
          state: translate('zh-CN', `state.${toStates[i]}`),
        });
        expect((mail as NotificationRow & { subject: string }).subject).toBe(subject);
        expect((text as NotificationRow & { subject: string | null }).subject).toBeNull();
        // Each leaves once, through its own channel's gateway.
        expect(sentTo(text.id).map((c) => c.path)).toEqual(['/sms']);
        expect(sentTo(mail.id).map((c) => c.path)).toEqual(['/email']);
        expect(sentTo(mail.id)[0].body).toEqual({ id: mail.id, channel: 'email', to: email, template, subject, body: mail.body, applicationId: id });
        expect(mail.body).not.toContain(email);
      });

      // The development outbox shows the e-mails with the address masked.
      const outbox = await h.portal.inject({ method: 'GET', url: '/dev/outbox', headers: { accept: 'text/html' } });
      expect(outbox.statusCode).toBe(200);
      expect(outbox.body).toContain('m***@example.com');
      expect(outbox.body).toContain(translate('zh-CN', 'channel.email'));
      expect(outbox.body).not.toContain(email);
    });

    it('the messages that are not state changes reach both channels too: the free seal order, a follow-up\'s written answer, a revocation', async () => {
      const email = `three.${Date.now()}@example.com`;
      const { api: me, phone } = await registeredThroughPage('三事人', email);
      const desk = await staffDesk(h, 'nt-three');
      const { id, number: licenceNumber } = await fileToIssue(me, desk, 'business-license', businessLicenseForm());
      expect((await me.post(`/api/applications/${id}/rating`, { level: 1, comment: '材料反复提交，等了很久' })).status).toBe(201);
      await createStaff(h.db, { username: 'nt-three-head', roles: ['section_head'], sections: ['market_registration'] });
      const backoffice = new Api(h.backoffice);
      const head = backoffice.as((await backoffice.post('/api/auth/login', { username: 'nt-three-head', password: STAFF_PASSWORD })).body.token);
      const [{ id: ratingId, number }] = await h.db.query('SELECT r.id, a.number FROM ratings r JOIN applications a ON a.id = r.application_id WHERE r.application_id = $1', [id]);
      expect((await head.post(`/api/follow-ups/${ratingId}/response`, { response: '您好，经核查，窗口已改为一次性告知全部补正事项。' })).status).toBe(200);
      expect((await desk.sealer.post(`/api/applications/${id}/revoke`, { reason: '以欺骗手段取得登记' })).status).toBe(200);

      const [order] = await h.db.query('SELECT entity_name, seals FROM seal_carving_orders WHERE application_id = $1', [id]);
      const expected = {
        'seal-order-opened': catalogueMessage('seal_order_opened', { holder: order.entity_name, seals: order.seals.join('、') }),
        'follow-up-response': catalogueMessage('follow_up_response', { number }),
        'license-revoked': catalogueMessage('license_revoked', { number: licenceNumber, reason: '以欺骗手段取得登记' }),
      };
      const rows = await eventually(async () => {
        const all = (await rowsOf(id)).filter((r) => r.template in expected);
        return all.length >= 6 && all.every((r) => r.sent_at) ? all : undefined;
      }, 20000, 'the three messages sent by both channels');
      for (const template of Object.keys(expected) as Array<keyof typeof expected>) {
        const sms = rows.filter((r) => r.template === template && r.channel === 'sms');
        const mails = rows.filter((r) => r.template === template && r.channel === 'email');
        expect([sms.length, mails.length]).toEqual([1, 1]);
        expect([sms[0].recipient, mails[0].recipient]).toEqual([phone, email]);
        expect([sms[0].body, mails[0].body]).toEqual([expected[template].body, expected[template].body]);
        expect((mails[0] as NotificationRow & { subject: string }).subject).toBe(expected[template].subject);
      }
      expect(expected['license-revoked'].body).toContain('以欺骗手段取得登记');
    });

    it('a failing gateway is retried with backoff; the row records each try and the last error; the message goes once it answers', async () => {
      const { api: me } = await signedInApplicant(h, '重试人');
      plan.push(503, 'hang');
      const { id } = await submittedDraft(me);
      const message = await eventually(async () => {
        const [row] = (await rowsOf(id)).filter((r) => r.template === 'state-submit');
        return row?.sent_at ? row : undefined;
      }, 30000, 'sent after two failures');
      expect(message.attempts).toBe(3);
      expect(message.last_error).toBe('webhook: no answer within 2000 ms');
      expect(message.given_up_at).toBeNull();
      expect(sentTo(message.id)).toHaveLength(3);
    });

    it('an answer that retrying cannot change (400) gives the message up at once, and the reconciler leaves it', async () => {
      const { api: me } = await signedInApplicant(h, '拒收人');
      plan.push(400);
      const { id } = await submittedDraft(me);
      const message = await eventually(async () => {
        const [row] = (await rowsOf(id)).filter((r) => r.template === 'state-submit');
        return row?.given_up_at ? row : undefined;
      }, 15000, 'given up');
      expect(message).toMatchObject({ sent_at: null, attempts: 1, last_error: 'webhook answered HTTP 400' });
      const job = await queue.getJob(notifyJobId(message.id));
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(1);
      await worker!.get(ReconcilerService).reconcile(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(sentTo(message.id)).toHaveLength(1);
    });

    it("the job's last attempt failing gives the message up with its error", async () => {
      const [row] = await h.db.query(
        `INSERT INTO notifications (channel, recipient, template, body) VALUES ('sms', '13912345678', 'state-test', '最后一次') RETURNING id`,
      );
      plan.push(502);
      const delivery = worker!.get(NotificationDeliveryService);
      await expect(delivery.deliver(row.id, { finalAttempt: true })).rejects.toBeInstanceOf(NotificationSendError);
      expect(await rowById(row.id)).toMatchObject({ sent_at: null, attempts: 1, last_error: 'webhook answered HTTP 502' });
      expect((await rowById(row.id)).given_up_at).not.toBeNull();
      expect(await delivery.deliver(row.id, { finalAttempt: false })).toBe('given-up');
    });
  });
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
