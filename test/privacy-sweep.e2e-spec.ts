import { randomBytes, randomInt } from 'node:crypto';
import { SERVICES, shanghaiDateOf } from '@onewindow/domain';
import { ALL_QUEUES } from '@onewindow/queues';
import { registeredRoutes } from '@onewindow/web';
import { stepsOf } from '@onewindow/web/forms/form-steps';
import { Api, ApiResponse, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { pdfText, qrOfPdf, staffDesk, submittedFile } from './support/journeys';

/**
 * 个人信息保护: one applicant is walked from filing to licence (a correction and a poor rating on
 * the way) and a walk-in person is filed for at the window; then every GET route of both apps is
 * fetched by everyone who may reach it — pages, JSON, CSV and PDF exports, bull-board's job lists —
 * and the logs of the apps and the worker are read. A whole ID number or mobile number appears
 * only where the law or the work needs it (WHOLE below, a reason each); everywhere else masked,
 * never in a log line, and no log line names the people.
 * The routes are read from the running apps: a GET route added without a line here fails.
 */
describe('privacy sweep: every page, export and log line after a whole journey', () => {
  let h: Harness;
  const lines: string[] = [];
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const person = { name: '司马青禾', phone: mobile(), idNumber: residentId('19850716'), password: 'sweep-private-passphrase' };
  /** A second person, without an account, for whom the clerk files at the window (帮办). */
  const walkIn = { name: '欧阳秋实', phone: mobile(), idNumber: residentId('19580203') };
  const masked = { idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`, phone: `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}` };
  const suffix = randomBytes(3).toString('hex');
  const month = shanghaiDateOf(new Date()).slice(0, 7);
  /** The last month that is over: its report can be stored (runs) and checked (verify). */
  const lastMonth = (([y, m]) => (m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`))(month.split('-').map(Number));

  type Caller = 'anonymous' | 'applicant' | 'clerk' | 'reviewer' | 'sealer' | 'leader' | 'sectionHead' | 'vendor' | 'admin';
  const callers = {} as Record<Caller, Api>;
  /** What the walk left behind, for the routes' parameters. */
  const walked = {} as {
    issued: { id: string; number: string; licenceNumber: string; verifyUrl: URL; noticeIds: string[]; materialId: string; pdfMaterialId: string; ratingId: string; projectCode: string };
    waiting: { id: string; number: string };
    draft: { id: string };
    assisted: { id: string; number: string; draftId: string };
  };
  /** Every response of the sweep, by `app caller url`, as text (a PDF as its extracted text). */
  const seen = new Map<string, { status: number; type: string; text: string }>();

  /** Everything the apps and the worker print while the walk and the sweep run is kept here (and not shown). */
  function capture(keep = true): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        if (keep) lines.push(...String(chunk).split('\n').filter((l) => l.trim() !== ''));
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof process.stdout.write;
    }
  }

  /** Runs a synchronous command-line tool (pdftotext, zbarimg) without keeping its warnings: they are not the apps' log lines, and nothing else runs meanwhile. */
  function quietly<T>(tool: () => T): T {
    capture(false);
    try {
      return tool();
    } finally {
      capture();
    }
  }

  async function waitForState(me: Api, id: string, state: string): Promise<void> {
    await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === state ? true : undefined), 20000, state);
  }

  const ok = <T>(response: ApiResponse<T>, what: string, status = [200, 201, 202]): ApiResponse<T> => {
    if (!status.includes(response.status)) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };

  beforeAll(async () => {
    // The apps as they run outside tests: logging on, the development outbox open (a page too).
    process.env.ONEWINDOW_TEST_LOGS = '1';
    process.env.NODE_ENV = 'development';
    process.env.DEV_OUTBOX = '1';
    capture();
    h = await startHarness();
    const portal = new Api(h.portal);
    const backoffice = new Api(h.backoffice);
    ok(await portal.post('/api/auth/register', person), 'register');
    const me = portal.as((await portal.post('/api/auth/login', { phone: person.phone, password: person.password })).body.token);
    const desk = await staffDesk(h, `sweep-${suffix}`);
    const staff = async (role: string, roles: string[], sections: string[] = []) => {
      const username = await createStaff(h.db, { username: `sweep-${role}-${suffix}`, roles, sections });
      return backoffice.as(ok(await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD }), `${role} sign-in`).body.token);
    };
    Object.assign(callers, {
      anonymous: portal,
      applicant: me,
      clerk: desk.clerk,
      reviewer: desk.reviewer,
      sealer: desk.sealer,
      leader: await staff('leader', ['leadership']),
      sectionHead: await staff('head', ['section_head'], ['market_registration']),
      vendor: await staff('vendor', ['seal_vendor']),
      admin: await staff('admin', ['administrator']),
    });

    // The applicant files for a company of which they are the legal representative and only shareholder.
    const form = (who: { name: string; idNumber: string; phone: string } = person) =>
      businessLicenseForm({
        legalRepresentative: { name: who.name, idNumber: who.idNumber, phone: who.phone },
        shareholders: [{ name: who.name, idNumber: who.idNumber, contribution: '500' }],
      });
    const id = await submittedFile(me, 'business-license', form());
    await waitForState(me, id, 'awaiting_acceptance');
    ok(await desk.clerk.post(`/api/applications/${id}/claim`), 'claim');
    ok(await desk.clerk.post(`/api/applications/${id}/request-correction`, { items: [{ materialCode: 'articles', reason: '公司章程缺少全体股东签字' }] }), 'correction');
    ok(await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'articles-signed.pdf', content: SAMPLE_FILES.pdf() }), 'upload');
    ok(await me.post(`/api/applications/${id}/submit`), 'resubmit');
    await waitForState(me, id, 'awaiting_acceptance');
    ok(await desk.clerk.post(`/api/applications/${id}/claim`), 'claim again');
    ok(await desk.clerk.post(`/api/applications/${id}/accept`), 'accept');
    ok(await desk.reviewer.post(`/api/applications/${id}/claim`), 'review claim');
    ok(await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，准予登记。' }), 'approve');
    ok(await desk.sealer.post(`/api/applications/${id}/seal`), 'seal');
    await waitForState(me, id, 'issued');
    ok(await me.post(`/api/applications/${id}/rating`, { level: 1, comment: '补正来回跑了两趟' }), 'rating');
    const licence = ok(await me.get(`/api/applications/${id}/license.pdf`), 'licence');
    const [file] = await h.db.query('SELECT a.number, l.number AS licence_number FROM applications a JOIN licenses l ON l.application_id = a.id WHERE a.id = $1', [id]);
    const notices: Array<{ id: string }> = await h.db.query('SELECT id FROM notices WHERE application_id = $1 ORDER BY issued_at', [id]);
    const materials: Array<{ id: string; mime_type: string }> = await h.db.query('SELECT id, mime_type FROM materials WHERE application_id = $1 ORDER BY uploaded_at', [id]);
    const [rating] = await h.db.query('SELECT id FROM ratings WHERE application_id = $1', [id]);
    // The file belongs to a key project, so the key-project pages list it (the planning chain itself is key-project-start's).
    const projectCode = `2026-140603-02-01-${String(randomInt(1, 1_000_000)).padStart(6, '0')}`;
    await h.db.query('UPDATE applications SET project_code = $2 WHERE id = $1', [id, projectCode]);
    ok(await callers.admin.post('/api/key-projects', { projectCode, name: '平鲁区隐私巡查光伏项目', reason: '市级重点工程' }), 'key project');
    walked.issued = {
      id,
      number: file.number,
      licenceNumber: file.licence_number,
      verifyUrl: new URL(quietly(() => qrOfPdf(licence.raw))),
      noticeIds: notices.map((n) => n.id),
      materialId: materials[0].id,
      pdfMaterialId: materials.find((m) => m.mime_type === 'application/pdf')!.id,
      ratingId: rating.id,
      projectCode,
    };

    // A second file waiting at the window (the workbench and inbox show open files) and a third still a draft.
    const waitingId = await submittedFile(me, 'business-license', form());
    await waitForState(me, waitingId, 'awaiting_acceptance');
    walked.waiting = { id: waitingId, number: (await h.db.query('SELECT number FROM applications WHERE id = $1', [waitingId]))[0].number };
    walked.draft = { id: ok(await me.post('/api/applications', { serviceCode: 'business-license', form: form() }), 'draft').body.id };
    // The walk-in person's file, filed by the clerk with the written authorisation.
    const scan = ok(await desk.clerk.upload('/api/assisted-filings/authorizations', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() }), 'authorisation');
    const filed = ok(
      await desk.clerk.post('/api/assisted-filings', { applicant: walkIn, serviceCode: 'business-license', form: form(walkIn), authorization: { number: 'WT-2026-0777', materialId: scan.body.materialId } }),
      'assisted filing',
    );
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      ok(await desk.clerk.upload(`/api/assisted-filings/${filed.body.id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }), 'assisted upload');
    }
    ok(await desk.clerk.post(`/api/assisted-filings/${filed.body.id}/submit`), 'assisted submit');
    // A second one for the same person, still being filled in at the window.
    const secondScan = ok(await desk.clerk.upload('/api/assisted-filings/authorizations', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() }), 'second authorisation');
    const second = ok(
      await desk.clerk.post('/api/assisted-filings', { applicant: walkIn, serviceCode: 'business-license', form: form(walkIn), authorization: { number: 'WT-2026-0778', materialId: secondScan.body.materialId } }),
      'second assisted filing',
    );
    walked.assisted = { id: filed.body.id, number: filed.body.number, draftId: second.body.id };

    // Last month's report stored by the worker, so its run and its check have something to say.
    ok(await callers.leader.post('/api/reports/monthly/runs', { month: lastMonth }), 'report run');
    await eventually(async () => ((await callers.leader.get(`/api/reports/monthly/runs/${lastMonth}`)).body.state === 'completed' ? true : undefined), 30000, 'last month stored');
    // The messages of the walk have left (the outbox and notifications pages show them).
    await eventually(async () => {
      const [{ unsent }] = await h.db.query('SELECT count(*)::int AS unsent FROM notifications WHERE sent_at IS NULL AND given_up_at IS NULL');
      return unsent === 0 ? true : undefined;
    }, 20000, 'every message sent');
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    delete process.env.DEV_OUTBOX;
  });

  type Urls = (w: typeof walked) => string[];
  const all = (urls: Urls, who: Caller[]) => ({ urls, who });
  const PORTAL: Caller[] = ['anonymous', 'applicant'];
  const STAFF: Caller[] = ['clerk', 'reviewer', 'sealer', 'leader', 'sectionHead', 'vendor', 'admin'];
  const bothFiles = (path: (id: string) => string) => (w: typeof walked) => [path(w.issued.id), path(w.waiting.id), path(w.assisted.id)];

  /** Every GET route and the URLs that fetch it with the walk's data; each is fetched by each caller listed. */
  const SWEEP: Record<string, { urls: Urls; who: Caller[]; redirects?: boolean } | { skip: string }> = {
    'portal /': all(() => ['/', '/?lang=en'], PORTAL),
    'portal /services/:code': all(() => SERVICES.map((s) => `/services/${s.code}`), PORTAL),
    'portal /track': all(
      (w) => [`/track?number=${w.issued.number}&phone=${person.phone}`, `/track?number=${w.waiting.number}&phone=${person.phone}&lang=en`, `/track?number=${w.assisted.number}&phone=${walkIn.phone}`],
      PORTAL,
    ),
    'portal /verify': all(() => ['/verify'], PORTAL),
    'portal /verify/:licenseNumber': all((w) => [`${w.issued.verifyUrl.pathname}${w.issued.verifyUrl.search}`], PORTAL),
    'portal /login': all(() => ['/login'], PORTAL),
    'portal /register': all(() => ['/register'], PORTAL),
    'portal /set-password': all(() => [`/set-password?token=${'x'.repeat(32)}`], PORTAL),
    'portal /apply/:code': all(() => ['/apply/business-license'], PORTAL),
    'portal /applications': all(() => ['/applications'], PORTAL),
    'portal /applications/:id': all((w) => [`/applications/${w.issued.id}`, `/applications/${w.waiting.id}`, `/applications/${w.draft.id}`], PORTAL),
    'portal /applications/:id/steps/:step': all((w) => stepsOf('business-license').map((s) => `/applications/${w.draft.id}/steps/${s.key}`), PORTAL),
    'portal /applications/:id/materials': all((w) => [`/applications/${w.draft.id}/materials`], PORTAL),
    'portal /applications/:id/check': all((w) => [`/applications/${w.draft.id}/check`], PORTAL),
    'portal /applications/:id/submitted': all((w) => [`/applications/${w.waiting.id}/submitted`], PORTAL),
    'portal /notifications': all(() => ['/notifications'], PORTAL),
    'portal /dev/outbox': all(() => ['/dev/outbox'], PORTAL),
    'portal /api/services': all(() => ['/api/services'], PORTAL),
    'portal /api/services/:code': all(() => ['/api/services/business-license'], PORTAL),
    'portal /api/services/:code/estimate': all(() => ['/api/services/business-license/estimate?acceptedOn=2026-12-01'], PORTAL),
    'portal /api/track': all((w) => [`/api/track?number=${w.issued.number}&phone=${person.phone}`, `/api/track?number=${w.assisted.number}&phone=${walkIn.phone}`], PORTAL),
    'portal /api/verify/:licenseNumber': all((w) => [`/api${w.issued.verifyUrl.pathname}${w.issued.verifyUrl.search}`], PORTAL),
    'portal /.well-known/onewindow-verify-key': all(() => ['/.well-known/onewindow-verify-key'], PORTAL),
    'portal /api/applications': all(() => ['/api/applications'], PORTAL),
    'portal /api/applications/:id': all((w) => [`/api/applications/${w.issued.id}`, `/api/applications/${w.draft.id}`], PORTAL),
    'portal /api/applications/:id/license.pdf': all((w) => [`/api/applications/${w.issued.id}/license.pdf`], PORTAL),
    'portal /api/applications/:id/notices/:noticeId.pdf': all((w) => w.issued.noticeIds.map((n) => `/api/applications/${w.issued.id}/notices/${n}.pdf`), PORTAL),

    'backoffice /': { ...all(() => ['/'], STAFF), redirects: true },
    'backoffice /login': all(() => ['/login'], ['anonymous']),
    'backoffice /workbench': all((w) => ['/workbench', `/workbench?q=${w.waiting.number}`, `/workbench?q=${w.assisted.number}`, `/workbench?q=${person.name}`], STAFF),
    'backoffice /cases/:id': all(bothFiles((id) => `/cases/${id}`), STAFF),
    'backoffice /cases/:id/materials/:materialId': all((w) => [`/cases/${w.issued.id}/materials/${w.issued.materialId}`], STAFF),
    'backoffice /cases/:id/materials/:materialId/preview': all((w) => [`/cases/${w.issued.id}/materials/${w.issued.pdfMaterialId}/preview`], STAFF),
    'backoffice /api/inbox': all(() => ['/api/inbox'], STAFF),
    'backoffice /api/applications/:id': all(bothFiles((id) => `/api/applications/${id}`), STAFF),
    'backoffice /reports/monthly': all(() => [`/reports/monthly?month=${month}`, `/reports/monthly?month=${month}&lang=en`], STAFF),
    'backoffice /reports/dashboard': all(() => ['/reports/dashboard'], STAFF),
    'backoffice /api/reports/monthly': all(() => ['json', 'csv', 'pdf'].map((format) => `/api/reports/monthly?month=${month}&format=${format}`), STAFF),
    'backoffice /api/reports/monthly/charts/:chart.svg': all(() => ['volumes', 'on-time', 'processing', 'daily', 'ratings'].map((c) => `/api/reports/monthly/charts/${c}.svg?month=${month}`), STAFF),
    'backoffice /api/reports/monthly/runs/:month': all(() => [`/api/reports/monthly/runs/${lastMonth}`], STAFF),
    'backoffice /api/reports/monthly/verify': all(() => [`/api/reports/monthly/verify?month=${lastMonth}`], STAFF),
    'backoffice /api/dashboard': all(() => ['/api/dashboard'], STAFF),
    'backoffice /follow-ups': all(() => ['/follow-ups'], STAFF),
    'backoffice /follow-ups/:id': all((w) => [`/follow-ups/${w.issued.ratingId}`], STAFF),
    'backoffice /api/follow-ups': all(() => ['/api/follow-ups'], STAFF),
    'backoffice /key-projects': all(() => ['/key-projects'], STAFF),
    'backoffice /key-projects/:code': all((w) => [`/key-projects/${w.issued.projectCode}`], STAFF),
    'backoffice /key-projects/dispatch': all(() => ['/key-projects/dispatch'], STAFF),
    'backoffice /key-projects/bulletin': all(() => [`/key-projects/bulletin?month=${month}`], STAFF),
    'backoffice /key-projects/assessment': all(() => ['/key-projects/assessment?quarter=2026-Q4'], STAFF),
    'backoffice /api/key-projects': all(() => ['/api/key-projects'], STAFF),
    'backoffice /api/key-projects/:code': all((w) => [`/api/key-projects/${w.issued.projectCode}`], STAFF),
    'backoffice /api/key-projects/start-rate': all(() => ['/api/key-projects/start-rate'], STAFF),
    'backoffice /api/key-projects/dispatch': all(() => ['/api/key-projects/dispatch'], STAFF),
    'backoffice /api/key-projects/bulletin': all(() => [`/api/key-projects/bulletin?month=${month}`], STAFF),
    'backoffice /api/key-projects/assessment': all(() => ['/api/key-projects/assessment?quarter=2026-Q4'], STAFF),
    'backoffice /seal-orders': all(() => ['/seal-orders'], STAFF),
    'backoffice /api/seal-carving/orders': all(() => ['/api/seal-carving/orders'], STAFF),
    'backoffice /assisted-filings': all(() => ['/assisted-filings'], STAFF),
    'backoffice /assisted-filings/new': all(() => ['/assisted-filings/new'], STAFF),
    'backoffice /api/assisted-filings': all(() => ['/api/assisted-filings'], STAFF),
    'backoffice /admin': all(() => ['/admin'], STAFF),
    'backoffice /admin/staff': all(() => ['/admin/staff'], STAFF),
    'backoffice /admin/staff/new': all(() => ['/admin/staff/new'], STAFF),
    'backoffice /admin/calendar': all(() => ['/admin/calendar'], STAFF),
    'backoffice /admin/services': all(() => ['/admin/services'], STAFF),
    'backoffice /admin/services/:code': all(() => ['/admin/services/business-license'], STAFF),
    'backoffice /admin/jobs': all(() => ['/admin/jobs'], STAFF),
    'backoffice /api/admin/calendar': all(() => ['/api/admin/calendar?year=2026'], STAFF),
    'backoffice /admin/queues/api/queues': all(() => ALL_QUEUES.flatMap((q) => ['completed', 'failed'].map((status) => `/admin/queues/api/queues?activeQueue=${q}&status=${status}`)), STAFF),
    'backoffice /assisted-filings/:id': all((w) => [`/assisted-filings/${w.assisted.draftId}`], STAFF),
    'backoffice /admin/staff/:id': { skip: 'a staff account: staff names and roles, no applicant data' },
  };

  /** Routes that are not pages of anyone's data: static files, the API's description, bull-board's shell and settings (its job list is swept above). */
  const NOT_DATA = /^\/(assets\/|api\/docs)|^\/admin\/queues(?!\/api\/queues$)/;

  it('every GET route of both apps is in the sweep (or says why not)', () => {
    const missing: string[] = [];
    for (const app of ['portal', 'backoffice'] as const) {
      for (const route of registeredRoutes(h[app])) {
        if (route.method !== 'GET' || NOT_DATA.test(route.url)) continue;
        if (!SWEEP[`${app} ${route.url}`]) missing.push(`${app} ${route.url}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('fetches every page and export as each caller, and each route shows something to someone', async () => {
    const empty: string[] = [];
    for (const [key, entry] of Object.entries(SWEEP)) {
      if ('skip' in entry) continue;
      const app = key.split(' ')[0] as 'portal' | 'backoffice';
      let shown = false;
      for (const url of entry.urls(walked)) {
        for (const who of entry.who) {
          const api = app === 'portal' ? (who === 'anonymous' ? callers.anonymous : callers.applicant) : who === 'anonymous' ? new Api(h.backoffice) : callers[who];
          const response = await api.get(url, { accept: 'text/html' });
          const type = String(response.headers['content-type'] ?? '');
          const text = /pdf/.test(type) && response.raw.subarray(0, 5).toString() === '%PDF-' ? quietly(() => pdfTextOrRaw(response.raw)) : response.raw.toString('utf8');
          seen.set(`${app} ${who} ${url}`, { status: response.status, type, text });
          expect(response.status).toBeLessThan(500);
          if (response.status === 200 || (entry.redirects && response.status === 303)) shown = true;
        }
      }
      if (!shown) empty.push(key);
    }
    expect(empty).toEqual([]);
    // The sweep saw the walk: the applicant's files are on the pages and in the exports it read.
    const text = (key: string) => {
      const response = seen.get(key);
      expect([key, response?.status]).toEqual([key, 200]);
      return response!.text;
    };
    expect(text(`backoffice clerk /cases/${walked.issued.id}`)).toContain(person.name);
    expect(text('backoffice clerk /api/inbox')).toContain(walked.waiting.number);
    expect(text(`backoffice leader /follow-ups/${walked.issued.ratingId}`)).toContain(walked.issued.number);
    expect(text(`backoffice leader /api/reports/monthly?month=${month}&format=csv`)).toContain(walked.issued.number);
    expect(text(`backoffice leader /api/reports/monthly?month=${month}&format=pdf`)).toContain('营商环境建设工作月报告');
    expect(text('portal applicant /notifications')).toContain(walked.issued.number);
    expect(text(`backoffice clerk /assisted-filings/${walked.assisted.draftId}`)).toContain(walkIn.name);
    expect(text(`backoffice clerk /cases/${walked.assisted.id}`)).toContain(walkIn.name);
    expect(text(`portal applicant /api/applications/${walked.issued.id}/license.pdf`)).toContain(person.name);
    expect(text('backoffice admin /admin/queues/api/queues?activeQueue=notifications&status=completed')).toContain('notificationId');
  }, 240_000);

  type Secret = 'idNumber' | 'phone';
  /** The roles that may see files (access-policy.ts): all staff but leadership and the seal vendor. */
  const SEE_FILES: Caller[] = ['clerk', 'reviewer', 'sealer', 'sectionHead', 'admin'];
  /**
   * The only places the whole ID number or mobile number may appear, and why. `asTyped`: only as the
   * value of a form field (what the person typed or is editing) or in the page's own address (its
   * language switch link), nowhere else on the page.
   */
  const WHOLE: Array<{ route: string; who: Caller[]; secrets: Secret[]; asTyped?: true; why: string }> = [
    {
      route: 'backoffice /cases/:id',
      who: SEE_FILES,
      secrets: ['idNumber', 'phone'],
      why: 'staff who may see the file: the window clerk and the reviewer check the ID number against the ID card scan (身份核验), and staff call the applicant on the contact number about the file',
    },
    { route: 'backoffice /api/applications/:id', who: SEE_FILES, secrets: ['idNumber', 'phone'], why: 'the same file for the same staff, through the API' },
    {
      route: 'portal /api/applications/:id',
      who: ['applicant'],
      secrets: ['idNumber', 'phone'],
      why: "the owner's own file: the form as filed, which an API client edits as the step pages do (个人信息保护法 第45条: a person may see and copy their own data)",
    },
    { route: 'portal /applications/:id/steps/:step', who: ['applicant'], secrets: ['idNumber', 'phone'], asTyped: true, why: "the owner's draft: a field holds the value it edits" },
    {
      route: 'portal /applications/:id/check',
      who: ['applicant'],
      secrets: ['phone'],
      why: "check your answers, to the owner: they check the number the file's messages go to (ID numbers stay masked there; the step pages edit them)",
    },
    {
      route: 'backoffice /assisted-filings/:id',
      who: ['clerk'],
      secrets: ['idNumber', 'phone'],
      why: 'the filing the clerk is making for a walk-in person: the answers beside the scans, as on the case page, to check the typed ID number against the ID card before submitting (only its filer opens it)',
    },
    {
      route: 'portal /track',
      who: ['anonymous', 'applicant'],
      secrets: ['phone'],
      asTyped: true,
      why: 'the look-up form keeps the number the visitor just typed (already in the address bar: a GET form, for bookmarks); the result shows no phone',
    },
  ];

  it('the whole ID number and mobile number appear only where WHOLE says, elsewhere masked', () => {
    const leaks: string[] = [];
    const used = new Set<string>();
    for (const [key, response] of seen) {
      const [app, who, url] = key.split(' ');
      const route = Object.entries(SWEEP).find(([k, e]) => k.startsWith(`${app} `) && !('skip' in e) && e.urls(walked).includes(url))![0];
      for (const [whose, secrets] of [['applicant', person], ['walk-in', walkIn]] as const) {
        for (const secret of ['idNumber', 'phone'] as const) {
          if (!response.text.includes(secrets[secret])) continue;
          const allowed = WHOLE.find((w) => w.route === route && w.who.includes(who as Caller) && w.secrets.includes(secret));
          const typed = new RegExp(`value="${secrets[secret]}"|href="[^"]*=${secrets[secret]}(&[^"]*)?"`, 'g');
          const elsewhere = allowed?.asTyped === true && response.text.replace(typed, '').includes(secrets[secret]);
          if (!allowed || elsewhere) leaks.push(`${key}: the ${whose}'s whole ${secret}${elsewhere ? ' outside a form field and the page address' : ''}`);
          else used.add(`${route} ${secret}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // Every allowance is one the pages need today (an allowance nothing uses is a hole waiting to be used).
    expect(WHOLE.flatMap((w) => w.secrets.map((secret) => `${w.route} ${secret}`)).filter((k) => !used.has(k))).toEqual([]);
    // Where the applicant's numbers are shown to others or outside their edit, they are shown masked.
    expect(seen.get(`portal applicant /applications/${walked.draft.id}/check`)!.text).toContain(masked.idNumber);
    expect(seen.get('portal anonymous /dev/outbox')!.text).toContain(masked.phone);
    expect(seen.get('portal anonymous /dev/outbox')!.text).toContain(`${walkIn.phone.slice(0, 3)}****${walkIn.phone.slice(-4)}`);
  });

  it("the logs of both apps and the worker, from start-up through the walk and the sweep: JSON lines, no whole ID number or mobile number, no applicant's name", () => {
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line that is not JSON: ${line}`);
      }
    });
    // The capture saw all three (the worker stored last month's report during the walk).
    expect(new Set(parsed.map((p) => p.app))).toEqual(new Set(['portal', 'backoffice', 'worker']));
    expect(parsed.some((p) => p.app === 'worker' && /^monthly report \d{4}-\d{2} stored/.test(String(p.message)))).toBe(true);
    const all = lines.join('\n');
    for (const secret of [person.idNumber, person.phone, person.name, walkIn.idNumber, walkIn.phone, walkIn.name]) expect(all).not.toContain(secret);
  });
});

/** A PDF's text; an uploaded scan without pages (the test's sample) as its bytes. */
function pdfTextOrRaw(pdf: Buffer): string {
  try {
    return pdfText(pdf);
  } catch {
    return pdf.toString('latin1');
  }
}
