import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registeredRoutes } from '@onewindow/web';
import { stepsOf } from '@onewindow/web/forms/form-steps';
import { SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * Every route of both apps × every kind of caller → the status each must get (DESIGN.md: 404 for
 * a file the caller may not see, 403 for a role that may never act, 422 for a refused
 * transition, 409 for a lost race). The route list is read from the running apps, so a route
 * added without a line in MATRIX below fails this test. Run with ACCESS_MATRIX_PRINT=1 to print
 * what each caller got.
 *
 * Each caller's request is real: roles that should succeed do, on a file of their own when the
 * request changes it (`fresh`), so the next caller still meets the file in the same state.
 */

const ROLES = [
  'anonymous',
  'applicant',
  'otherApplicant',
  'clerk',
  'reviewer',
  'otherReviewer',
  'sectionHead',
  'sealer',
  'helper',
  'vendor',
  'leader',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
const STAFF_ROLES = ['clerk', 'reviewer', 'otherReviewer', 'sectionHead', 'sealer', 'helper', 'vendor', 'leader', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

/** The staff accounts behind the roles; the files of the matrix are business licences (market_registration). */
const STAFF_ACCOUNTS: Record<StaffRole, { roles: string[]; sections?: string[] }> = {
  clerk: { roles: ['window_clerk'] },
  reviewer: { roles: ['reviewer'], sections: ['market_registration'] },
  otherReviewer: { roles: ['reviewer'], sections: ['food_drug'] },
  sectionHead: { roles: ['section_head'], sections: ['market_registration'] },
  sealer: { roles: ['seal_officer'] },
  helper: { roles: ['helper'] },
  vendor: { roles: ['seal_vendor'] },
  leader: { roles: ['leadership'] },
  admin: { roles: ['administrator'] },
};

type Expected = number | readonly number[];
type Expectation = Record<Role, Expected>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type AppName = 'portal' | 'backoffice';
/** What a probe works on: ids and whatever else its URL or body needs. */
type Target = Record<string, string>;

interface Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

interface Entry {
  expect: Expectation;
  /** The shared target of the callers that do not succeed (and of all callers without `fresh`). */
  target?: () => Promise<Target>;
  /** Callers expected to succeed (2xx) each get a target of their own from this: the request changes it. */
  fresh?: () => Promise<Target>;
  url: string | ((t: Target) => string);
  body?: (t: Target, role: Role, as: Caller) => unknown | Promise<unknown>;
  upload?: { fields: (t: Target) => Record<string, string>; file: () => { name: string; content: Buffer } };
  /** The request ends its session (logout): each caller signs in afresh for it. */
  ownSession?: boolean;
  /** Runs after each request, e.g. to give back what a successful caller took. */
  after?: (response: Response, as: Caller) => Promise<void>;
  why?: string;
}

// ---------- expectations ----------

const everyone = (status: Expected): Expectation => Object.fromEntries(ROLES.map((r) => [r, status])) as Expectation;

/** An applicant's route: the owner, another applicant, staff (whose tokens the portal does not take), nobody. */
const applicantRoute = (owner: Expected, other: Expected = 404, staff: Expected = 403, anonymous: Expected = 401): Expectation => ({
  anonymous,
  applicant: owner,
  otherApplicant: other,
  ...(Object.fromEntries(STAFF_ROLES.map((r) => [r, staff])) as Record<StaffRole, Expected>),
});

/** A back-office route: applicants' tokens are refused (403), and each staff role as listed, else `otherwise`. */
const staffRoute = (allowed: Partial<Record<StaffRole, Expected>>, otherwise: Expected = 403): Expectation => ({
  anonymous: 401,
  applicant: 403,
  otherApplicant: 403,
  ...(Object.fromEntries(STAFF_ROLES.map((r) => [r, allowed[r] ?? otherwise])) as Record<StaffRole, Expected>),
});

/** A back-office page: like staffRoute, but nobody signed in is sent to the sign-in page (303). */
const staffPage = (allowed: Partial<Record<StaffRole, Expected>>, otherwise: Expected = 403): Expectation => ({ ...staffRoute(allowed, otherwise), anonymous: 303 });

/** Roles that may see files (access-policy.ts): everyone but the vendor and leadership. */
const SEE_FILES: StaffRole[] = ['clerk', 'reviewer', 'otherReviewer', 'sectionHead', 'sealer', 'helper', 'admin'];
const seeFiles = (status: Expected): Partial<Record<StaffRole, Expected>> => Object.fromEntries(SEE_FILES.map((r) => [r, status]));

/** A portal page that needs a signed-in applicant: nobody is sent to sign in; staff tokens are refused. */
const applicantPage = (owner: Expected, other: Expected = 404): Expectation => applicantRoute(owner, other, 403, 303);

/** 2xx, or a page's redirect after a form it took (303): the request did what it asked. */
const isSuccess = (e: Expected) => [e].flat().some((s) => s >= 200 && s < 400);
const isPage = (url: string) => !/^\/(api|assets|\.well-known)(\/|$|\?)/.test(url);

// ---------- the harness of callers ----------

class Caller {
  constructor(
    private readonly app: NestFastifyApplication,
    readonly token: string | undefined,
    /** Each caller comes from an address of its own, so the public look-ups' rate limits never mix with other test files. */
    private readonly address: string,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const isRaw = Buffer.isBuffer(body);
    const response = await this.app.inject({
      method,
      url,
      headers: {
        'x-forwarded-for': this.address,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : isRaw ? (body as Buffer) : JSON.stringify(body),
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  json(response: Response): any {
    return JSON.parse(response.body);
  }

  /**
   * A page's form as a browser without a session posts it: with the CSRF cookie and token a page
   * gave it (a bearer token needs neither).
   */
  async csrf(): Promise<{ cookie: string; token: string }> {
    const page = await this.request('GET', '/login');
    const cookie = [page.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).find((c) => c.startsWith('_csrf='));
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!cookie || !token) throw new Error('no CSRF token on the sign-in page');
    return { cookie, token };
  }

  async upload(url: string, fields: Record<string, string>, file: { name: string; content: Buffer }, headers: Record<string, string> = {}): Promise<Response> {
    const boundary = `----matrix${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers });
  }
}

describe('access matrix: every route × every caller', () => {
  let h: Harness;
  const password = 'matrix-applicant-password';
  const people: Record<'applicant' | 'otherApplicant', { phone: string; idNumber: string }> = {
    applicant: { phone: mobile(), idNumber: residentId() },
    otherApplicant: { phone: mobile(), idNumber: residentId() },
  };
  const usernames = Object.fromEntries(STAFF_ROLES.map((r) => [r, `matrix-${r}-${randomBytes(3).toString('hex')}`])) as Record<StaffRole, string>;
  const addresses = Object.fromEntries(ROLES.map((r, i) => [r, `198.51.100.${10 + i}`])) as Record<Role, string>;
  const callers = {} as Record<AppName, Record<Role, Caller>>;
  const observed: Record<string, Partial<Record<Role, number>>> = {};

  async function signIn(app: AppName, role: Role): Promise<Caller> {
    const nobody = new Caller(h[app], undefined, addresses[role]);
    if (role === 'anonymous') return nobody;
    const portalApi = new Caller(h.portal, undefined, addresses[role]);
    const backofficeApi = new Caller(h.backoffice, undefined, addresses[role]);
    const response =
      role === 'applicant' || role === 'otherApplicant'
        ? await portalApi.request('POST', '/api/auth/login', { phone: people[role].phone, password })
        : await backofficeApi.request('POST', '/api/auth/login', { username: usernames[role], password: STAFF_PASSWORD });
    if (response.status !== 200) throw new Error(`sign-in of ${role}: ${response.status} ${response.body}`);
    return new Caller(h[app], JSON.parse(response.body).token, addresses[role]);
  }

  beforeAll(async () => {
    h = await startHarness();
    const portal = new Caller(h.portal, undefined, '198.51.100.9');
    for (const who of ['applicant', 'otherApplicant'] as const) {
      const registered = await portal.request('POST', '/api/auth/register', { name: who === 'applicant' ? '刘建海' : '孙悟空', ...people[who], password });
      if (registered.status !== 201) throw new Error(`register: ${registered.body}`);
    }
    for (const role of STAFF_ROLES) await createStaff(h.db, { username: usernames[role], ...STAFF_ACCOUNTS[role] });
    for (const app of ['portal', 'backoffice'] as const) {
      callers[app] = {} as Record<Role, Caller>;
      for (const role of ROLES) callers[app][role] = await signIn(app, role);
    }
  });

  afterAll(async () => {
    if (process.env.ACCESS_MATRIX_PRINT === '1') {
      const lines = Object.entries(observed).map(([key, byRole]) => `${key.padEnd(70)} ${ROLES.map((r) => `${r}=${byRole[r] ?? '-'}`).join(' ')}`);
      console.log(lines.join('\n'));
    }
    await h?.close();
  });

  // ---------- targets: files of the applicant in each state, made through the API ----------

  const A = () => callers.portal.applicant;
  const staffAs = (role: StaffRole) => callers.backoffice[role];
  const once = <T>(make: () => Promise<T>) => {
    let made: Promise<T> | null = null;
    return () => (made ??= make());
  };
  const ok = (response: Response, what: string, status = [200, 201, 202, 204]) => {
    if (!status.includes(response.status)) throw new Error(`${what}: ${response.status} ${response.body}`);
    return response.body ? (JSON.parse(response.body) as any) : null;
  };

  async function draft(): Promise<Target> {
    const created = ok(await A().request('POST', '/api/applications', { serviceCode: 'business-license', form: {} }), 'draft');
    return { id: created.id, number: created.number };
  }

  async function completeDraft(): Promise<Target> {
    const created = ok(await A().request('POST', '/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() }), 'draft');
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      ok(await A().upload(`/api/applications/${created.id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }), 'upload');
    }
    return { id: created.id, number: created.number };
  }

  async function awaiting(): Promise<Target> {
    const file = await completeDraft();
    ok(await A().request('POST', `/api/applications/${file.id}/submit`), 'submit');
    const view = await eventually(async () => {
      const v = A().json(await A().request('GET', `/api/applications/${file.id}`));
      return v.state === 'awaiting_acceptance' && v.notices.some((n: { pdfUrl?: string }) => n.pdfUrl) ? v : undefined;
    }, 20000, 'precheck and the receipt notice');
    return { ...file, noticeId: view.notices.find((n: { pdfUrl?: string }) => n.pdfUrl).id };
  }

  async function claimedByClerk(): Promise<Target> {
    const file = await awaiting();
    ok(await staffAs('clerk').request('POST', `/api/applications/${file.id}/claim`), 'claim');
    return file;
  }

  async function underReview(): Promise<Target> {
    const file = await claimedByClerk();
    ok(await staffAs('clerk').request('POST', `/api/applications/${file.id}/accept`), 'accept');
    return file;
  }

  async function claimedByReviewer(): Promise<Target> {
    const file = await underReview();
    ok(await staffAs('reviewer').request('POST', `/api/applications/${file.id}/claim`), 'reviewer claim');
    return file;
  }

  async function inSpecialProcedure(): Promise<Target> {
    const file = await claimedByReviewer();
    ok(await staffAs('reviewer').request('POST', `/api/applications/${file.id}/special-procedures`, { kind: 'expert_review', reason: '需专家评审' }), 'special procedure');
    return file;
  }

  async function awaitingSeal(): Promise<Target> {
    const file = await claimedByReviewer();
    ok(await staffAs('reviewer').request('POST', `/api/applications/${file.id}/approve`, { opinion: '经审查，准予许可。' }), 'approve');
    return file;
  }

  async function issued(): Promise<Target> {
    const file = await awaitingSeal();
    ok(await staffAs('sealer').request('POST', `/api/applications/${file.id}/seal`), 'seal');
    const view = await eventually(async () => {
      const v = A().json(await A().request('GET', `/api/applications/${file.id}`));
      return v.state === 'issued' ? v : undefined;
    }, 30000, 'issuance');
    const verify = new URL(view.license.verifyUrl);
    return { ...file, licenseNumber: view.license.number, d: verify.searchParams.get('d')!, sig: verify.searchParams.get('sig')! };
  }

  /** A walk-in applicant's file, filed by the helper with every material, still a draft. */
  async function helperFiling(): Promise<Target> {
    const helper = staffAs('helper');
    const scan = ok(await helper.upload('/api/assisted-filings/authorizations', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() }), 'authorization');
    const person = { name: '张桂兰', phone: mobile(), idNumber: residentId() };
    const form = businessLicenseForm({
      legalRepresentative: { name: person.name, idNumber: person.idNumber, phone: person.phone },
      shareholders: [{ name: person.name, idNumber: person.idNumber, contribution: '500' }],
    });
    const filed = ok(
      await helper.request('POST', '/api/assisted-filings', { applicant: person, serviceCode: 'business-license', form, authorization: { number: 'WT-MATRIX', materialId: scan.materialId } }),
      'assisted filing',
    );
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      ok(await helper.upload(`/api/assisted-filings/${filed.id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }), 'helper upload');
    }
    return { id: filed.id };
  }

  /** A seal-carving order, written beside one of the applicant's drafts (orders are opened by the worker after a business licence). */
  const order = (status: 'open' | 'made') => async (): Promise<Target> => {
    const file = await draft();
    const [row] = await h.db.query(
      `INSERT INTO seal_carving_orders (application_id, entity_name, credit_code, seals, status, opened_at, made_at)
       VALUES ($1, '朔州市平鲁区矩阵测试有限公司', '91140603MA0000001X', ARRAY['公章'], $2, now(), CASE WHEN $2 = 'made' THEN now() END) RETURNING id`,
      [file.id, status],
    );
    return { id: row.id };
  };

  let dayCounter = 0;
  /** A holiday set by the administrator far in the future, where no test's clock looks. */
  async function calendarDay(): Promise<Target> {
    dayCounter += 1;
    const date = `2099-10-${String(dayCounter).padStart(2, '0')}`;
    ok(await staffAs('admin').request('PUT', `/api/admin/calendar/${date}`, { kind: 'holiday', name: '测试假日' }), 'calendar day');
    return { date };
  }

  async function keyProject(): Promise<Target> {
    const code = projectCode();
    ok(await staffAs('admin').request('POST', '/api/key-projects', { projectCode: code, name: '平鲁区矩阵测试光伏项目', reason: '市级重点工程', helperUsernames: [usernames.helper] }), 'key project');
    return { code };
  }

  /** The applicant's construction permit file of a key project, still under review (written by SQL: the planning chain is key-project-start's). */
  async function keyProjectFile(): Promise<Target> {
    const { code } = await keyProject();
    const [owner] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [people.applicant.phone]);
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, created_at)
       VALUES ($1, $2, 'construction', 'under_review', $3, $3, '{}', $4, $5, now(), now())`,
      [id, `M${id.replace(/-/g, '').slice(0, 19)}`, owner.id, people.applicant.phone, code],
    );
    return { id, code };
  }

  async function staffAccount(): Promise<Target> {
    const username = `matrix-target-${randomBytes(4).toString('hex')}`;
    await createStaff(h.db, { username, roles: ['window_clerk'] });
    const [row] = await h.db.query('SELECT id FROM accounts WHERE username = $1', [username]);
    return { id: row.id };
  }

  const shared = {
    draft: once(draft),
    completeDraft: once(completeDraft),
    awaiting: once(awaiting),
    claimedByClerk: once(claimedByClerk),
    underReview: once(underReview),
    claimedByReviewer: once(claimedByReviewer),
    inSpecialProcedure: once(inSpecialProcedure),
    awaitingSeal: once(awaitingSeal),
    issued: once(issued),
    helperFiling: once(helperFiling),
    openOrder: once(order('open')),
    madeOrder: once(order('made')),
    staffAccount: once(staffAccount),
    keyProject: once(keyProject),
    keyProjectFile: once(keyProjectFile),
  };
  const factories: Record<keyof typeof shared, () => Promise<Target>> = {
    draft,
    completeDraft,
    awaiting,
    claimedByClerk,
    underReview,
    claimedByReviewer,
    inSpecialProcedure,
    awaitingSeal,
    issued,
    helperFiling,
    openOrder: order('open'),
    madeOrder: order('made'),
    staffAccount,
    keyProject,
    keyProjectFile,
  };
  const on = (kind: keyof typeof shared, fresh = false): Pick<Entry, 'target' | 'fresh'> => ({ target: shared[kind], ...(fresh ? { fresh: factories[kind] } : {}) });

  const newPerson = () => ({ name: '王小明', phone: mobile(), idNumber: residentId(), password: 'a-new-applicant-password' });
  const projectCode = () => `2026-140603-02-01-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const firstStep = () => stepsOf('business-license')[0].key;
  /** Take-next by a role that may claim: whatever it took goes straight back, so no other test's file stays taken. */
  const giveBack = async (response: Response, as: Caller) => {
    if (response.status === 200) await as.request('POST', `/api/applications/${JSON.parse(response.body).id}/release`);
  };

  // ---------- the matrix ----------

  const CLAIMERS: Partial<Record<StaffRole, Expected>> = { clerk: [200, 404], reviewer: [200, 404], otherReviewer: [200, 404], sealer: [200, 404] };
  const KEY_PROJECT_READERS: Partial<Record<StaffRole, Expected>> = { leader: 200, admin: 200, sectionHead: 200, helper: 200, clerk: 200 };

  const MATRIX: Record<string, Entry> = {
    // Both apps: the OpenAPI document and static assets are public.
    ...Object.fromEntries(
      (['portal', 'backoffice'] as const).flatMap((app) => [
        [`${app} GET /api/docs`, { expect: everyone(200), url: '/api/docs' }],
        [`${app} GET /api/docs/`, { expect: everyone(200), url: '/api/docs/' }],
        [`${app} GET /api/docs/index.html`, { expect: everyone(200), url: '/api/docs/index.html' }],
        [`${app} GET /api/docs/LICENSE`, { expect: everyone(404), url: '/api/docs/LICENSE', why: 'registered by Swagger UI; the file is not shipped' }],
        [`${app} GET /api/docs/swagger-ui-init.js`, { expect: everyone(200), url: '/api/docs/swagger-ui-init.js' }],
        [`${app} GET /api/docs/docs/swagger-ui-init.js`, { expect: everyone(200), url: '/api/docs/docs/swagger-ui-init.js' }],
        [`${app} GET /api/docs/*`, { expect: everyone(200), url: '/api/docs/swagger-ui.css' }],
        [`${app} GET /api/docs/docs/*`, { expect: everyone(200), url: '/api/docs/docs/swagger-ui.css' }],
        [`${app} GET /api/docs-json`, { expect: everyone(200), url: '/api/docs-json' }],
        [`${app} GET /api/docs-yaml`, { expect: everyone(200), url: '/api/docs-yaml' }],
        [`${app} GET /assets/*`, { expect: everyone(200), url: '/assets/verify.css' }],
      ]),
    ),

    // ----- portal: JSON API -----
    'portal POST /api/auth/register': { expect: everyone(201), url: '/api/auth/register', body: newPerson },
    'portal POST /api/auth/login': { expect: everyone(200), url: '/api/auth/login', body: () => ({ phone: people.applicant.phone, password }) },
    'portal POST /api/auth/set-password': { expect: everyone(422), url: '/api/auth/set-password', body: () => ({ token: randomBytes(24).toString('base64url'), password: 'a-new-applicant-password' }), why: 'an unknown token' },
    'portal POST /api/auth/logout': { expect: applicantRoute(204, 204), url: '/api/auth/logout', ownSession: true },
    'portal GET /api/services': { expect: everyone(200), url: '/api/services' },
    'portal GET /api/services/:code': { expect: everyone(200), url: '/api/services/business-license' },
    'portal GET /api/services/:code/estimate': { expect: everyone(200), url: '/api/services/business-license/estimate?acceptedOn=2026-12-01' },
    'portal POST /api/applications': { expect: applicantRoute(201, 201), url: '/api/applications', body: () => ({ serviceCode: 'business-license', form: {} }) },
    'portal GET /api/applications': { expect: applicantRoute(200, 200), url: '/api/applications' },
    'portal GET /api/applications/:id': { expect: applicantRoute(200), ...on('awaiting'), url: (t) => `/api/applications/${t.id}` },
    'portal PATCH /api/applications/:id': { expect: applicantRoute(200), ...on('draft'), url: (t) => `/api/applications/${t.id}`, body: () => ({ form: { domicile: '山西省朔州市平鲁区北坪循环经济园区2号' } }) },
    'portal POST /api/applications/:id/materials': {
      expect: applicantRoute(201),
      ...on('draft'),
      url: (t) => `/api/applications/${t.id}/materials`,
      upload: { fields: () => ({ materialCode: 'articles' }), file: () => ({ name: 'articles.pdf', content: SAMPLE_FILES.pdf() }) },
    },
    'portal POST /api/applications/:id/submit': { expect: applicantRoute(202), target: shared.draft, fresh: completeDraft, url: (t) => `/api/applications/${t.id}/submit` },
    'portal POST /api/applications/:id/withdraw': { expect: applicantRoute(200), ...on('draft', true), url: (t) => `/api/applications/${t.id}/withdraw` },
    'portal GET /api/applications/:id/notices/:noticeId.pdf': { expect: applicantRoute(200), ...on('awaiting'), url: (t) => `/api/applications/${t.id}/notices/${t.noticeId}.pdf` },
    'portal GET /api/applications/:id/license.pdf': { expect: applicantRoute(200), ...on('issued'), url: (t) => `/api/applications/${t.id}/license.pdf` },
    'portal POST /api/applications/:id/rating': { expect: applicantRoute(201), ...on('issued', true), url: (t) => `/api/applications/${t.id}/rating`, body: () => ({ level: 5, comment: '办事高效' }) },
    'portal POST /api/applications/:id/start-of-works': {
      expect: applicantRoute(422),
      ...on('keyProjectFile'),
      url: (t) => `/api/applications/${t.id}/start-of-works`,
      body: () => ({ startedOn: '2026-11-20' }),
      why: 'the owner of a key project whose construction permit is not issued yet gets as far as the refusal (422)',
    },
    'portal GET /api/track': { expect: everyone(200), ...on('awaiting'), url: (t) => `/api/track?number=${t.number}&phone=${people.applicant.phone}` },
    'portal GET /api/verify/:licenseNumber': { expect: everyone(200), ...on('issued'), url: (t) => `/api/verify/${encodeURIComponent(t.licenseNumber)}?d=${t.d}&sig=${t.sig}` },
    'portal GET /verify/:licenseNumber': { expect: everyone(200), ...on('issued'), url: (t) => `/verify/${encodeURIComponent(t.licenseNumber)}?d=${t.d}&sig=${t.sig}` },
    'portal GET /.well-known/onewindow-verify-key': { expect: everyone(200), url: '/.well-known/onewindow-verify-key' },

    // ----- portal: pages (a signed-in page sends nobody to sign in; an applicant's file is 404 to anyone else) -----
    'portal GET /': { expect: everyone(200), url: '/' },
    'portal GET /services/:code': { expect: everyone(200), url: '/services/business-license' },
    'portal GET /verify': { expect: everyone(200), url: '/verify' },
    'portal GET /track': { expect: everyone(200), ...on('awaiting'), url: (t) => `/track?number=${t.number}&phone=${people.applicant.phone}` },
    'portal GET /login': { expect: everyone(200), url: '/login' },
    'portal POST /login': { expect: everyone(303), url: '/login', body: () => ({ phone: people.applicant.phone, password }) },
    'portal GET /register': { expect: everyone(200), url: '/register' },
    'portal POST /register': { expect: everyone(303), url: '/register', body: newPerson },
    'portal POST /logout': { expect: applicantRoute(303, 303, 403, 303), url: '/logout', ownSession: true },
    'portal GET /set-password': { expect: everyone(200), url: `/set-password?token=${'x'.repeat(32)}` },
    'portal POST /set-password': {
      expect: everyone(400),
      url: '/set-password',
      body: () => ({ token: randomBytes(24).toString('base64url'), password: 'a-new-applicant-password', confirm: 'a-new-applicant-password' }),
      why: 'an unknown token: the form again, with the reason',
    },
    'portal GET /apply/:code': { expect: applicantPage(200, 200), url: '/apply/business-license' },
    'portal POST /apply/:code': { expect: applicantPage(303, 303), url: '/apply/business-license', body: () => ({}) },
    'portal GET /applications/:id/steps/:step': { expect: applicantPage(200), ...on('draft'), url: (t) => `/applications/${t.id}/steps/${firstStep()}` },
    'portal POST /applications/:id/steps/:step': { expect: applicantPage(303), ...on('draft'), url: (t) => `/applications/${t.id}/steps/${firstStep()}`, body: () => ({ action: 'save' }) },
    'portal GET /applications/:id/materials': { expect: applicantPage(200), ...on('draft'), url: (t) => `/applications/${t.id}/materials` },
    'portal POST /applications/:id/materials': {
      expect: applicantPage(303),
      ...on('draft'),
      url: (t) => `/applications/${t.id}/materials`,
      upload: { fields: () => ({ materialCode: 'articles' }), file: () => ({ name: 'articles.pdf', content: SAMPLE_FILES.pdf() }) },
    },
    'portal GET /applications/:id/check': { expect: applicantPage(200), ...on('draft'), url: (t) => `/applications/${t.id}/check` },
    'portal POST /applications/:id/submit': { expect: applicantPage(303), target: shared.draft, fresh: completeDraft, url: (t) => `/applications/${t.id}/submit`, body: () => ({}) },
    'portal GET /applications/:id/submitted': { expect: applicantPage(200), ...on('awaiting'), url: (t) => `/applications/${t.id}/submitted` },
    'portal GET /applications': { expect: applicantPage(200, 200), url: '/applications' },
    'portal GET /applications/:id': { expect: applicantPage(200), ...on('awaiting'), url: (t) => `/applications/${t.id}` },
    'portal POST /applications/:id/withdraw': { expect: applicantPage(303), ...on('draft', true), url: (t) => `/applications/${t.id}/withdraw`, body: () => ({}) },
    'portal POST /applications/:id/rating': { expect: applicantPage(303), ...on('issued', true), url: (t) => `/applications/${t.id}/rating`, body: () => ({ level: '4' }) },
    'portal POST /applications/:id/start-of-works': {
      expect: applicantPage(422),
      ...on('keyProjectFile'),
      url: (t) => `/applications/${t.id}/start-of-works`,
      body: () => ({ startedOn: '2026-11-20' }),
      why: 'the start-of-works form: no construction permit yet, so the page again with the reason (422)',
    },
    'portal GET /notifications': { expect: applicantPage(200, 200), url: '/notifications' },
    'portal GET /dev/outbox': { expect: everyone(404), url: '/dev/outbox', why: 'only with NODE_ENV development or test AND DEV_OUTBOX=1 (the demo sets it, tests do not; notifications.e2e-spec.ts opens it)' },

    // ----- back office -----
    'backoffice POST /api/auth/login': { expect: everyone(200), url: '/api/auth/login', body: () => ({ username: usernames.clerk, password: STAFF_PASSWORD }) },
    'backoffice POST /api/auth/logout': { expect: staffRoute({}, 204), url: '/api/auth/logout', ownSession: true },
    'backoffice GET /api/inbox': { expect: staffRoute({}, 200), url: '/api/inbox' },
    'backoffice POST /api/inbox/take-next': { expect: staffRoute(CLAIMERS), url: '/api/inbox/take-next', after: giveBack },
    'backoffice GET /api/applications/:id': { expect: staffRoute(seeFiles(200)), ...on('awaiting'), url: (t) => `/api/applications/${t.id}` },
    'backoffice POST /api/applications/:id/claim': {
      expect: staffRoute({ clerk: 200, reviewer: 422, otherReviewer: 422, sealer: 422 }),
      ...on('awaiting', true),
      url: (t) => `/api/applications/${t.id}/claim`,
      why: 'only roles that claim may; a file at the window is no reviewer’s or seal officer’s to take (422)',
    },
    'backoffice POST /api/applications/:id/release': {
      expect: staffRoute({ ...seeFiles(409), clerk: 200 }),
      ...on('claimedByClerk', true),
      url: (t) => `/api/applications/${t.id}/release`,
      why: 'only the holder releases; anyone else who sees the file meets a claim that is not theirs (409)',
    },
    'backoffice POST /api/applications/:id/accept': { expect: staffRoute({ clerk: 200 }), ...on('claimedByClerk', true), url: (t) => `/api/applications/${t.id}/accept` },
    'backoffice POST /api/applications/:id/request-correction': {
      expect: staffRoute({ clerk: 200 }),
      ...on('claimedByClerk', true),
      url: (t) => `/api/applications/${t.id}/request-correction`,
      body: () => ({ items: [{ materialCode: 'articles', reason: '章程未签字' }] }),
    },
    'backoffice POST /api/applications/:id/refuse': { expect: staffRoute({ clerk: 200 }), ...on('claimedByClerk', true), url: (t) => `/api/applications/${t.id}/refuse`, body: () => ({ reason: '不属于本机关职权范围' }) },
    'backoffice POST /api/applications/:id/approve': {
      expect: staffRoute({ reviewer: 200, otherReviewer: 422 }),
      ...on('claimedByReviewer', true),
      url: (t) => `/api/applications/${t.id}/approve`,
      body: () => ({ opinion: '经审查，准予许可。' }),
      why: 'a reviewer of another section may never decide this file (422 other_section)',
    },
    'backoffice POST /api/applications/:id/deny': {
      expect: staffRoute({ reviewer: 200, otherReviewer: 422 }),
      ...on('claimedByReviewer', true),
      url: (t) => `/api/applications/${t.id}/deny`,
      body: () => ({ reason: '不符合法定条件' }),
    },
    'backoffice POST /api/applications/:id/seal': { expect: staffRoute({ sealer: 200 }), ...on('awaitingSeal', true), url: (t) => `/api/applications/${t.id}/seal` },
    'backoffice POST /api/applications/:id/revoke': { expect: staffRoute({ sealer: 200, admin: 200 }), ...on('issued', true), url: (t) => `/api/applications/${t.id}/revoke`, body: () => ({ reason: '以欺骗手段取得许可' }) },
    'backoffice POST /api/applications/:id/special-procedures': {
      expect: staffRoute({ reviewer: 200, sectionHead: 200, otherReviewer: 422 }),
      ...on('claimedByReviewer', true),
      url: (t) => `/api/applications/${t.id}/special-procedures`,
      body: () => ({ kind: 'hearing', reason: '涉及重大公共利益，举行听证' }),
    },
    'backoffice POST /api/applications/:id/special-procedures/end': {
      expect: staffRoute({ reviewer: 200, sectionHead: 200, otherReviewer: 422 }),
      ...on('inSpecialProcedure', true),
      url: (t) => `/api/applications/${t.id}/special-procedures/end`,
    },
    'backoffice POST /api/applications/:id/extend': {
      expect: staffRoute({ sectionHead: 200 }),
      ...on('underReview', true),
      url: (t) => `/api/applications/${t.id}/extend`,
      body: () => ({ workingDays: 1, reason: '情况复杂，经负责人批准延长' }),
    },
    'backoffice POST /api/applications/:id/green-channel': {
      expect: staffRoute({ clerk: 200, sectionHead: 200, admin: 200 }),
      ...on('awaiting'),
      url: (t) => `/api/applications/${t.id}/green-channel`,
      body: () => ({ reason: '重点项目' }),
    },
    'backoffice POST /api/key-projects': {
      expect: staffRoute({ clerk: 201, sectionHead: 201, admin: 201 }),
      url: '/api/key-projects',
      body: () => ({ projectCode: projectCode(), name: '平鲁区矩阵测试项目', reason: '市级重点工程' }),
    },
    'backoffice POST /api/assisted-filings/authorizations': {
      expect: staffRoute({ clerk: 201, helper: 201 }),
      url: '/api/assisted-filings/authorizations',
      upload: { fields: () => ({}), file: () => ({ name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() }) },
    },
    'backoffice POST /api/assisted-filings': {
      expect: staffRoute({ clerk: 201, helper: 201 }),
      url: '/api/assisted-filings',
      body: async (_t, role, as) => {
        const scan = role === 'clerk' || role === 'helper' ? as.json(await as.upload('/api/assisted-filings/authorizations', {}, { name: 'a.pdf', content: SAMPLE_FILES.pdf() })) : { materialId: randomUUID() };
        return { applicant: { name: '赵大爷', phone: mobile(), idNumber: residentId() }, serviceCode: 'business-license', form: {}, authorization: { number: 'WT-1', materialId: scan.materialId } };
      },
    },
    'backoffice GET /api/assisted-filings': { expect: staffRoute({ clerk: 200, helper: 200 }), url: '/api/assisted-filings' },
    'backoffice POST /api/assisted-filings/:id/materials': {
      expect: staffRoute({ helper: 201, clerk: 422 }),
      ...on('helperFiling'),
      url: (t) => `/api/assisted-filings/${t.id}/materials`,
      upload: { fields: () => ({ materialCode: 'articles' }), file: () => ({ name: 'articles.pdf', content: SAMPLE_FILES.pdf() }) },
      why: 'only the staff member who filed it (or a helper of its key project) works on it here: 422 not_your_filing',
    },
    'backoffice POST /api/assisted-filings/:id/submit': { expect: staffRoute({ helper: 202, clerk: 422 }), ...on('helperFiling', true), url: (t) => `/api/assisted-filings/${t.id}/submit` },
    'backoffice GET /api/seal-carving/orders': { expect: staffRoute({ vendor: 200, admin: 200 }), url: '/api/seal-carving/orders' },
    'backoffice POST /api/seal-carving/orders/:id/made': { expect: staffRoute({ vendor: 200, admin: 200 }), ...on('openOrder', true), url: (t) => `/api/seal-carving/orders/${t.id}/made` },
    'backoffice POST /api/seal-carving/orders/:id/delivered': { expect: staffRoute({ vendor: 200, admin: 200 }), ...on('madeOrder', true), url: (t) => `/api/seal-carving/orders/${t.id}/delivered` },
    'backoffice GET /api/admin/calendar': { expect: staffRoute({ admin: 200 }), url: '/api/admin/calendar?year=2027' },
    'backoffice PUT /api/admin/calendar/:date': { expect: staffRoute({ admin: 200 }), url: '/api/admin/calendar/2099-09-30', body: () => ({ kind: 'holiday', name: '测试假日' }) },
    'backoffice DELETE /api/admin/calendar/:date': { expect: staffRoute({ admin: 204 }), target: once(calendarDay), fresh: calendarDay, url: (t) => `/api/admin/calendar/${t.date}` },
    // ----- back office: leadership reports, the dashboard and the key-project register -----
    'backoffice GET /api/dashboard': { expect: staffRoute({ leader: 200, admin: 200 }), url: '/api/dashboard' },
    'backoffice GET /api/reports/monthly': { expect: staffRoute({ leader: 200, admin: 200 }), url: '/api/reports/monthly?month=2025-03' },
    'backoffice GET /api/reports/monthly/charts/:chart.svg': { expect: staffRoute({ leader: 200, admin: 200 }), url: '/api/reports/monthly/charts/volumes.svg?month=2025-03' },
    'backoffice POST /api/reports/monthly/runs': { expect: staffRoute({ leader: 202, admin: 202 }), url: '/api/reports/monthly/runs', body: () => ({ month: '2025-03' }) },
    'backoffice GET /api/reports/monthly/runs/:month': { expect: staffRoute({ leader: 200, admin: 200 }), url: '/api/reports/monthly/runs/2025-03' },
    'backoffice GET /api/reports/monthly/verify': { expect: staffRoute({ leader: [200, 404], admin: [200, 404] }), url: '/api/reports/monthly/verify?month=2025-03' },
    'backoffice GET /api/key-projects': { expect: staffRoute(KEY_PROJECT_READERS), url: '/api/key-projects' },
    'backoffice GET /api/key-projects/start-rate': { expect: staffRoute(KEY_PROJECT_READERS), url: '/api/key-projects/start-rate' },
    'backoffice GET /api/key-projects/dispatch': { expect: staffRoute(KEY_PROJECT_READERS), url: '/api/key-projects/dispatch' },
    'backoffice GET /api/key-projects/bulletin': { expect: staffRoute(KEY_PROJECT_READERS), url: '/api/key-projects/bulletin?month=2026-10' },
    'backoffice GET /api/key-projects/assessment': { expect: staffRoute(KEY_PROJECT_READERS), url: '/api/key-projects/assessment?quarter=2026-Q4' },
    'backoffice GET /api/key-projects/:code': { expect: staffRoute(KEY_PROJECT_READERS), target: shared.keyProject, url: (t) => `/api/key-projects/${t.code}` },
    'backoffice PATCH /api/key-projects/:code': {
      expect: staffRoute({ clerk: 200, sectionHead: 200, admin: 200 }),
      target: shared.keyProject,
      url: (t) => `/api/key-projects/${t.code}`,
      body: () => ({ owner: '朔州市平鲁区晋能光伏科技有限公司', investment: '27700', plannedStart: '2026-12-01' }),
    },
    'backoffice POST /api/key-projects/:code/start': {
      expect: staffRoute({ helper: 422, admin: 422 }),
      target: shared.keyProject,
      url: (t) => `/api/key-projects/${t.code}/start`,
      body: () => ({ startedOn: '2026-11-20' }),
      why: 'a project without its construction permit has not started (422) — the roles that record a start get that far',
    },
    'backoffice POST /api/admin/accounts/:id/disable': { expect: staffRoute({ admin: 200 }), ...on('staffAccount', true), url: (t) => `/api/admin/accounts/${t.id}/disable` },

    // ----- back office: pages — sign-in and the start page by role -----
    'backoffice GET /': { expect: staffPage({}, 303), url: '/', why: 'each member of staff is sent to the start page of their role' },
    'backoffice GET /login': { expect: everyone(200), url: '/login' },
    'backoffice POST /login': { expect: everyone(303), url: '/login', body: () => ({ username: usernames.clerk, password: STAFF_PASSWORD }) },
    'backoffice POST /logout': { expect: staffPage({}, 303), url: '/logout', ownSession: true },
    // ----- back office: pages — workbench, case page, assisted filing -----
    'backoffice GET /workbench': { expect: staffPage(seeFiles(200)), url: '/workbench?claimedBy=none&dueWithinWorkingDays=5' },
    'backoffice POST /workbench/take-next': {
      expect: staffPage({ clerk: [303, 404], reviewer: [303, 404], otherReviewer: [303, 404], sealer: [303, 404] }),
      url: '/workbench/take-next',
      body: () => ({ filters: 'claimedBy=none' }),
      // Whatever a role took goes straight back, so no other test's file stays taken.
      after: async (response, as) => {
        const id = /[?&]file=([0-9a-f-]{36})/.exec(String(response.headers.location ?? ''))?.[1];
        if (response.status === 303 && id) await as.request('POST', `/api/applications/${id}/release`);
      },
      why: 'the roles that claim take the next file (or are told none waits, 404); the others may never claim (403)',
    },
    'backoffice POST /workbench/claim/:id': {
      expect: staffPage({ clerk: 303, reviewer: 422, otherReviewer: 422, sealer: 422 }),
      ...on('awaiting', true),
      url: (t) => `/workbench/claim/${t.id}`,
      body: () => ({ filters: 'service=business-license' }),
    },
    'backoffice POST /workbench/release/:id': { expect: staffPage({ ...seeFiles(409), clerk: 303 }), ...on('claimedByClerk', true), url: (t) => `/workbench/release/${t.id}`, body: () => ({}) },
    'backoffice GET /cases/:id': { expect: staffPage(seeFiles(200)), ...on('awaiting'), url: (t) => `/cases/${t.id}` },
    'backoffice GET /cases/:id/materials/:materialId': {
      expect: staffPage(seeFiles(200)),
      target: async () => {
        const file = await shared.awaiting();
        const [material] = await h.db.query('SELECT id FROM materials WHERE application_id = $1 ORDER BY uploaded_at LIMIT 1', [file.id]);
        return { ...file, materialId: material.id };
      },
      url: (t) => `/cases/${t.id}/materials/${t.materialId}`,
    },
    'backoffice GET /cases/:id/materials/:materialId/preview': {
      expect: staffPage(seeFiles(200)),
      target: async () => {
        const file = await shared.awaiting();
        const [material] = await h.db.query(`SELECT id FROM materials WHERE application_id = $1 AND mime_type = 'application/pdf' ORDER BY uploaded_at LIMIT 1`, [file.id]);
        return { ...file, materialId: material.id };
      },
      url: (t) => `/cases/${t.id}/materials/${t.materialId}/preview`,
    },
    'backoffice POST /cases/:id/claim': { expect: staffPage({ clerk: 303, reviewer: 422, otherReviewer: 422, sealer: 422 }), ...on('awaiting', true), url: (t) => `/cases/${t.id}/claim`, body: () => ({}) },
    'backoffice POST /cases/:id/release': { expect: staffPage({ ...seeFiles(409), clerk: 303 }), ...on('claimedByClerk', true), url: (t) => `/cases/${t.id}/release`, body: () => ({}) },
    'backoffice POST /cases/:id/accept': { expect: staffPage({ clerk: 303 }), ...on('claimedByClerk', true), url: (t) => `/cases/${t.id}/accept`, body: () => ({}) },
    'backoffice POST /cases/:id/request-correction': {
      expect: staffPage({ clerk: 303 }),
      ...on('claimedByClerk', true),
      url: (t) => `/cases/${t.id}/request-correction`,
      body: () => ({ 'material.articles': 'fix', 'material.articles.reason': '章程未签字' }),
    },
    'backoffice POST /cases/:id/refuse': { expect: staffPage({ clerk: 303 }), ...on('claimedByClerk', true), url: (t) => `/cases/${t.id}/refuse`, body: () => ({ reason: '不属于本机关职权范围' }) },
    'backoffice POST /cases/:id/approve': {
      expect: staffPage({ reviewer: 303, otherReviewer: 422 }),
      ...on('claimedByReviewer', true),
      url: (t) => `/cases/${t.id}/approve`,
      body: () => ({ opinion: '经审查，准予许可。' }),
    },
    'backoffice POST /cases/:id/deny': { expect: staffPage({ reviewer: 303, otherReviewer: 422 }), ...on('claimedByReviewer', true), url: (t) => `/cases/${t.id}/deny`, body: () => ({ reason: '不符合法定条件' }) },
    'backoffice POST /cases/:id/seal': { expect: staffPage({ sealer: 303 }), ...on('awaitingSeal', true), url: (t) => `/cases/${t.id}/seal`, body: () => ({}) },
    'backoffice POST /cases/:id/revoke': { expect: staffPage({ sealer: 303, admin: 303 }), ...on('issued', true), url: (t) => `/cases/${t.id}/revoke`, body: () => ({ reason: '以欺骗手段取得许可' }) },
    'backoffice POST /cases/:id/special-procedures': {
      expect: staffPage({ reviewer: 303, sectionHead: 303, otherReviewer: 422 }),
      ...on('claimedByReviewer', true),
      url: (t) => `/cases/${t.id}/special-procedures`,
      body: () => ({ kind: 'hearing', reason: '涉及重大公共利益，举行听证' }),
    },
    'backoffice POST /cases/:id/special-procedures/end': {
      expect: staffPage({ reviewer: 303, sectionHead: 303, otherReviewer: 422 }),
      ...on('inSpecialProcedure', true),
      url: (t) => `/cases/${t.id}/special-procedures/end`,
      body: () => ({}),
    },
    'backoffice POST /cases/:id/extend': {
      expect: staffPage({ sectionHead: 303 }),
      ...on('underReview', true),
      url: (t) => `/cases/${t.id}/extend`,
      body: () => ({ workingDays: '1', reason: '情况复杂，经负责人批准延长' }),
    },
    'backoffice POST /cases/:id/notes': { expect: staffPage(seeFiles(303)), ...on('awaiting'), url: (t) => `/cases/${t.id}/notes`, body: () => ({ body: '申请人来电说明章程已重新签字。' }) },
    'backoffice GET /assisted-filings': { expect: staffPage({ clerk: 200, helper: 200 }), url: '/assisted-filings' },
    'backoffice GET /assisted-filings/new': { expect: staffPage({ clerk: 200, helper: 200 }), url: '/assisted-filings/new' },
    'backoffice POST /assisted-filings/authorization': {
      expect: staffPage({ clerk: 303, helper: 303 }),
      url: '/assisted-filings/authorization',
      upload: { fields: () => ({}), file: () => ({ name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() }) },
    },
    'backoffice POST /assisted-filings/new': {
      expect: staffPage({ clerk: 303, helper: 303 }),
      url: '/assisted-filings/new',
      body: async (_t, role, as) => {
        const scan = role === 'clerk' || role === 'helper' ? as.json(await as.upload('/api/assisted-filings/authorizations', {}, { name: 'a.pdf', content: SAMPLE_FILES.pdf() })) : { materialId: randomUUID() };
        const [name, phone, idNumber] = ['赵大爷', mobile(), residentId()];
        return {
          authorization: scan.materialId,
          service: 'business-license',
          'walkin.name': name,
          'walkin.phone': phone,
          'walkin.idNumber': idNumber,
          'walkin.authorizationNumber': 'WT-PAGE-1',
          name: businessLicenseForm().name,
          entityType: 'limited_company',
          domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
          'businessScope.general': '新材料技术研发',
          'businessScope.licensed': '',
          registeredCapital: '500',
          'legalRepresentative.name': name,
          'legalRepresentative.idNumber': idNumber,
          'legalRepresentative.phone': phone,
          'shareholders.0.name': name,
          'shareholders.0.idNumber': idNumber,
          'shareholders.0.contribution': '500',
          'term.from': '2026-12-01',
          'term.to.mode': 'open',
        };
      },
    },
    'backoffice GET /assisted-filings/:id': {
      expect: staffPage({ helper: 200, clerk: 404 }),
      ...on('helperFiling'),
      url: (t) => `/assisted-filings/${t.id}`,
      why: 'a filing is worked on here only by the staff member who filed it (or a helper of its key project): anyone else meets no such filing',
    },
    'backoffice POST /assisted-filings/:id/materials': {
      expect: staffPage({ helper: 303, clerk: 404 }),
      ...on('helperFiling'),
      url: (t) => `/assisted-filings/${t.id}/materials`,
      upload: { fields: () => ({ materialCode: 'articles' }), file: () => ({ name: 'articles.pdf', content: SAMPLE_FILES.pdf() }) },
    },
    'backoffice POST /assisted-filings/:id/submit': { expect: staffPage({ helper: 303, clerk: 404 }), ...on('helperFiling', true), url: (t) => `/assisted-filings/${t.id}/submit`, body: () => ({}) },
    // ----- back office: pages — seal-carving vendor, administration, follow-ups -----
    ...((): Record<string, Entry> => {
      /** A poor rating (a follow-up) beside one of the applicant's drafts: ratings of finished files are made by the portal's own tests. */
      const poorRating = async (): Promise<Target> => {
        const file = await draft();
        const [row] = await h.db.query(
          `INSERT INTO ratings (application_id, account_id, level, comment, follow_up_status)
           SELECT id, owner_account_id, 1, '矩阵差评', 'open' FROM applications WHERE id = $1 RETURNING id`,
          [file.id],
        );
        return { id: row.id };
      };
      let day = 0;
      const newDay = () => `2099-11-${String(++day).padStart(2, '0')}`;
      const ADMIN = { admin: 200 };
      const FOLLOW_UP_READERS = { sectionHead: 200, admin: 200, leader: 200 };
      return {
        'backoffice GET /seal-orders': { expect: staffPage({ vendor: 200, admin: 200 }), url: '/seal-orders' },
        'backoffice POST /seal-orders/:id/made': { expect: staffPage({ vendor: 303, admin: 303 }), ...on('openOrder', true), url: (t) => `/seal-orders/${t.id}/made` },
        'backoffice POST /seal-orders/:id/delivered': { expect: staffPage({ vendor: 303, admin: 303 }), ...on('madeOrder', true), url: (t) => `/seal-orders/${t.id}/delivered` },
        'backoffice GET /admin': { expect: staffPage(ADMIN), url: '/admin' },
        'backoffice GET /admin/staff': { expect: staffPage(ADMIN), url: '/admin/staff' },
        'backoffice GET /admin/staff/new': { expect: staffPage(ADMIN), url: '/admin/staff/new' },
        'backoffice POST /admin/staff': {
          expect: staffPage({ admin: 303 }),
          url: '/admin/staff',
          body: () => ({ username: `matrix-new-${randomBytes(4).toString('hex')}`, name: '矩阵新人', roles: 'window_clerk', password: 'Matrix-Initial-Pass-2026' }),
        },
        'backoffice GET /admin/staff/:id': { expect: staffPage(ADMIN), ...on('staffAccount'), url: (t) => `/admin/staff/${t.id}` },
        'backoffice POST /admin/staff/:id': { expect: staffPage({ admin: 303 }), ...on('staffAccount'), url: (t) => `/admin/staff/${t.id}`, body: () => ({ name: '矩阵目标', roles: 'window_clerk' }) },
        'backoffice POST /admin/staff/:id/password': { expect: staffPage({ admin: 303 }), ...on('staffAccount'), url: (t) => `/admin/staff/${t.id}/password`, body: () => ({ password: 'Matrix-Reset-Pass-2026' }) },
        'backoffice POST /admin/staff/:id/disable': { expect: staffPage({ admin: 303 }), ...on('staffAccount', true), url: (t) => `/admin/staff/${t.id}/disable` },
        'backoffice POST /admin/staff/:id/enable': { expect: staffPage({ admin: 303 }), ...on('staffAccount'), url: (t) => `/admin/staff/${t.id}/enable` },
        'backoffice GET /admin/calendar': { expect: staffPage(ADMIN), url: '/admin/calendar?year=2099' },
        'backoffice POST /admin/calendar': { expect: staffPage({ admin: 303 }), url: '/admin/calendar', body: () => ({ date: newDay(), kind: 'holiday', name: '矩阵假日' }) },
        'backoffice POST /admin/calendar/:date/delete': { expect: staffPage({ admin: 303 }), target: once(calendarDay), fresh: calendarDay, url: (t) => `/admin/calendar/${t.date}/delete` },
        'backoffice GET /admin/services': { expect: staffPage(ADMIN), url: '/admin/services' },
        'backoffice GET /admin/services/:code': { expect: staffPage(ADMIN), url: '/admin/services/social-group' },
        'backoffice POST /admin/services/:code': {
          expect: staffPage({ admin: 303 }),
          url: '/admin/services/social-group',
          body: () => ({ promisedDays: '15', greenChannelDays: '8' }),
          why: "the catalogue's own values, so no other test's files change",
        },
        'backoffice GET /admin/jobs': { expect: staffPage(ADMIN), url: '/admin/jobs' },
        'backoffice POST /admin/jobs/:queue/:id/retry': { expect: staffPage({ admin: 404 }), url: '/admin/jobs/maintenance/matrix-no-such-job/retry', why: 'no such failed job' },
        'backoffice GET /follow-ups': { expect: staffPage(FOLLOW_UP_READERS), url: '/follow-ups' },
        'backoffice GET /follow-ups/:id': { expect: staffPage(FOLLOW_UP_READERS), target: once(poorRating), url: (t) => `/follow-ups/${t.id}` },
        'backoffice POST /follow-ups/:id/response': {
          expect: staffPage({ sectionHead: 303, admin: 303 }),
          target: once(poorRating),
          fresh: poorRating,
          url: (t) => `/follow-ups/${t.id}/response`,
          body: () => ({ response: '矩阵答复：已核实并改进。' }),
        },
        'backoffice GET /api/follow-ups': { expect: staffRoute(FOLLOW_UP_READERS), url: '/api/follow-ups' },
        // bull-board at /admin/queues: administrators only, read-only (every other method 405, before bull-board).
        ...Object.fromEntries(
          (
            [
              ['GET', '', 200],
              ['HEAD', '/', 200],
              ['GET', '/metrics-history', 200],
              ['GET', '/job-schedulers', 200],
              ['GET', '/queue/:queueName', 200, '/queue/maintenance'],
              ['GET', '/queue/:queueName/:jobId', 200, '/queue/maintenance/matrix-no-such-job'],
              ['GET', '/static/*', 200, '/static/locales/en-US/messages.json'],
              ['GET', '/api/redis/stats', 200],
              ['GET', '/api/queues', 200],
              ['GET', '/api/job-schedulers', 200],
              ['GET', '/api/queues/:queueName/metrics', 200, '/api/queues/maintenance/metrics'],
              ['GET', '/api/queues/:queueName/default-job-options', 200, '/api/queues/maintenance/default-job-options'],
              ['GET', '/api/queues/:queueName/workers', 200, '/api/queues/maintenance/workers'],
              ['GET', '/api/queues/:queueName/rate-limit', 200, '/api/queues/maintenance/rate-limit'],
              ['GET', '/api/queues/:queueName/job-data-schema', 200, '/api/queues/maintenance/job-data-schema'],
              ['GET', '/api/queues/:queueName/:jobId/logs', 200, '/api/queues/maintenance/matrix-no-such-job/logs'],
              ['GET', '/api/queues/:queueName/:jobId/flow', 404, '/api/queues/maintenance/matrix-no-such-job/flow'],
              ['GET', '/api/queues/:queueName/:jobId', 404, '/api/queues/maintenance/matrix-no-such-job'],
              ...(
                [
                  ['PUT', '/api/queues/pause'],
                  ['PUT', '/api/queues/resume'],
                  ['POST', '/api/queues/:queueName/add'],
                  ['PUT', '/api/queues/:queueName/retry/:queueStatus'],
                  ['PUT', '/api/queues/:queueName/promote'],
                  ['PUT', '/api/queues/:queueName/clean/:queueStatus'],
                  ['PUT', '/api/queues/:queueName/pause'],
                  ['PUT', '/api/queues/:queueName/resume'],
                  ['PUT', '/api/queues/:queueName/concurrency'],
                  ['PUT', '/api/queues/:queueName/rate-limit'],
                  ['PUT', '/api/queues/:queueName/rate-limit/release'],
                  ['PUT', '/api/queues/:queueName/empty'],
                  ['PUT', '/api/queues/:queueName/obliterate'],
                  ['PUT', '/api/queues/:queueName/job-schedulers/:schedulerId/remove'],
                  ['PATCH', '/api/queues/:queueName/job-schedulers/:schedulerId'],
                  ['PUT', '/api/queues/:queueName/job-schedulers/:schedulerId/run'],
                  ['PUT', '/api/queues/:queueName/:jobId/retry'],
                  ['PUT', '/api/queues/:queueName/:jobId/clean'],
                  ['PUT', '/api/queues/:queueName/:jobId/promote'],
                  ['PATCH', '/api/queues/:queueName/:jobId/update-data'],
                  ['PATCH', '/api/queues/:queueName/:jobId/delay'],
                  ['PATCH', '/api/queues/:queueName/:jobId/priority'],
                  ['PUT', '/api/queues/:queueName/:jobId/remove-unprocessed-children'],
                ] as const
              ).map(([method, path]) => [method, path, 405, path.replace(':queueName', 'maintenance').replace(':queueStatus', 'failed').replace(':schedulerId', 'reconcile-every-minute').replace(':jobId', 'matrix-no-such-job')] as const),
            ] as ReadonlyArray<readonly [string, string, number, string?]>
          ).map(([method, path, adminStatus, concrete]): [string, Entry] => [
            `backoffice ${method} /admin/queues${path}`,
            { expect: staffPage({ admin: adminStatus }, 403), url: `/admin/queues${concrete ?? path}`, ...(adminStatus === 405 ? { why: 'the dashboard is read-only: retries go through /admin/jobs' } : {}) },
          ]),
        ),
        'backoffice POST /api/follow-ups/:id/response': {
          expect: staffRoute({ sectionHead: 200, admin: 200 }),
          target: once(poorRating),
          fresh: poorRating,
          url: (t) => `/api/follow-ups/${t.id}/response`,
          body: () => ({ response: '矩阵答复：已核实并改进。' }),
        },
      };
    })(),
    // ----- back office: pages — reports, dashboard, key projects -----
    'backoffice GET /reports/dashboard': { expect: staffPage({ leader: 200, admin: 200 }), url: '/reports/dashboard' },
    'backoffice GET /reports/monthly': { expect: staffPage({ leader: 200, admin: 200 }), url: '/reports/monthly?month=2025-03' },
    'backoffice POST /reports/monthly/runs': { expect: staffPage({ leader: 303, admin: 303 }), url: '/reports/monthly/runs', body: () => ({ month: '2025-03' }) },
    'backoffice GET /key-projects': { expect: staffPage(KEY_PROJECT_READERS), url: '/key-projects' },
    'backoffice GET /key-projects/dispatch': { expect: staffPage(KEY_PROJECT_READERS), url: '/key-projects/dispatch' },
    'backoffice GET /key-projects/bulletin': { expect: staffPage(KEY_PROJECT_READERS), url: '/key-projects/bulletin?month=2026-10' },
    'backoffice GET /key-projects/assessment': { expect: staffPage(KEY_PROJECT_READERS), url: '/key-projects/assessment?quarter=2026-Q4' },
    'backoffice GET /key-projects/:code': { expect: staffPage(KEY_PROJECT_READERS), target: shared.keyProject, url: (t) => `/key-projects/${t.code}` },
    'backoffice POST /key-projects/:code/start': {
      expect: staffPage({ helper: 422, admin: 422 }),
      target: shared.keyProject,
      url: (t) => `/key-projects/${t.code}/start`,
      body: () => ({ startedOn: '2026-11-20' }),
      why: 'the start-of-works form: a project without its construction permit has not started (422, the page again with the reason)',
    },
  };

  // ---------- the tests ----------

  function routeKeys(app: AppName): string[] {
    const routes = registeredRoutes(h[app]);
    const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
    // Fastify answers HEAD with the GET handler: the same access.
    return [...new Set(routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url))).map((r) => `${app} ${r.method} ${r.url}`))].sort();
  }

  it('has a line for every route the two apps serve, and none for a route that is gone', () => {
    const served = [...routeKeys('portal'), ...routeKeys('backoffice')];
    if (process.env.ACCESS_MATRIX_PRINT === '1') console.log(`routes:\n${served.join('\n')}`);
    expect(served.filter((key) => !MATRIX[key])).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !served.includes(key))).toEqual([]);
  });

  const expectedOf = (e: Expected) => [e].flat();

  async function probe(key: string, entry: Entry, role: Role, target: Target | undefined): Promise<Response> {
    const [app, method] = key.split(' ') as [AppName, Method];
    const as = entry.ownSession ? await signIn(app, role) : callers[app][role];
    let url = typeof entry.url === 'function' ? entry.url(target ?? {}) : entry.url;
    let body = entry.body ? await entry.body(target ?? {}, role, as) : method === 'GET' || method === 'DELETE' ? undefined : {};
    const headers: Record<string, string> = {};
    if (!as.token && method !== 'GET' && isPage(url)) {
      const { cookie, token } = await as.csrf();
      headers.cookie = cookie;
      if (entry.upload) url += `${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(token)}`;
      else body = { ...(body as object), _csrf: token };
    }
    const response = entry.upload
      ? await as.upload(url, entry.upload.fields(target ?? {}), entry.upload.file(), headers)
      : await as.request(method, url, body, headers);
    await entry.after?.(response, as);
    return response;
  }

  it.each(ROLES.map((r) => [r]))('%s gets the expected status on every route', async (role) => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(MATRIX)) {
      const expected = entry.expect[role];
      const target = entry.fresh && isSuccess(expected) ? await entry.fresh() : await entry.target?.();
      const response = await probe(key, entry, role, target);
      (observed[key] ??= {})[role] = response.status;
      if (!expectedOf(expected).includes(response.status)) wrong.push(`${key}: expected ${JSON.stringify(expected)}, got ${response.status} ${response.body.slice(0, 160)}`);
      if (response.status >= 500) wrong.push(`${key}: ${response.status}`);
      // Files are downloads, never rendered in the browser: attachment and nosniff on every one. The one exception is the
      // case page's PDF preview, shown inline inside that page under a policy of its own (no script, framed only by us).
      const type = String(response.headers['content-type'] ?? '');
      const inlinePreview = key === 'backoffice GET /cases/:id/materials/:materialId/preview';
      if (inlinePreview && response.status < 300 && !/^default-src 'none';.*frame-ancestors 'self'/.test(String(response.headers['content-security-policy']))) {
        wrong.push(`${key}: inline PDF without its own restrictive policy`);
      }
      if (response.status < 300 && !inlinePreview && /^application\/(pdf|octet-stream)|^image\//.test(type)) {
        if (!/^attachment/.test(String(response.headers['content-disposition'] ?? ''))) wrong.push(`${key}: ${type} served without Content-Disposition: attachment`);
      }
      if (response.headers['x-content-type-options'] !== 'nosniff') wrong.push(`${key}: no X-Content-Type-Options: nosniff`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  describe('object level', () => {
    it("applicant B gets 404 for everything of applicant A's: the file, its materials, notices, licence and rating", async () => {
      const B = callers.portal.otherApplicant;
      const file = await shared.awaiting();
      const done = await shared.issued();
      const d = await shared.draft();
      const answers = [
        await B.request('GET', `/api/applications/${file.id}`),
        await B.request('PATCH', `/api/applications/${d.id}`, { form: {} }),
        await B.upload(`/api/applications/${d.id}/materials`, { materialCode: 'articles' }, { name: 'a.pdf', content: SAMPLE_FILES.pdf() }),
        await B.request('POST', `/api/applications/${d.id}/submit`),
        await B.request('POST', `/api/applications/${d.id}/withdraw`),
        await B.request('GET', `/api/applications/${file.id}/notices/${file.noticeId}.pdf`),
        await B.request('GET', `/api/applications/${done.id}/license.pdf`),
        await B.request('POST', `/api/applications/${done.id}/rating`, { level: 1, comment: '差评' }),
        await B.request('GET', `/applications/${file.id}`),
      ];
      expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(404));
      // …and the same answer as for a file that does not exist, so ids reveal nothing.
      const missing = await B.request('GET', `/api/applications/${randomUUID()}`);
      expect(JSON.parse(answers[0].body)).toEqual(JSON.parse(missing.body));
      // Nothing changed for A.
      expect(A().json(await A().request('GET', `/api/applications/${d.id}`)).state).toBe('draft');
      expect((await h.db.query('SELECT count(*)::int AS n FROM ratings WHERE application_id = $1', [done.id]))[0].n).toBe(0);
    });

    it('a reviewer of another section can neither claim nor decide the file: 422 naming the rule, and the file is unchanged', async () => {
      const other = staffAs('otherReviewer');
      const waiting = await underReview();
      const claim = await other.request('POST', `/api/applications/${waiting.id}/claim`, undefined, { 'accept-language': 'en' });
      expect(claim.status).toBe(422);
      expect(JSON.parse(claim.body).error).toBe('transition_refused');
      const held = await claimedByReviewer();
      for (const [action, body] of [['approve', { opinion: '同意' }], ['deny', { reason: '不同意' }]] as const) {
        const answer = await other.request('POST', `/api/applications/${held.id}/${action}`, body, { 'accept-language': 'en' });
        expect(answer.status).toBe(422);
        expect(JSON.parse(answer.body).message).toMatch(/section/i);
      }
      const [row] = await h.db.query('SELECT state, claim_holder_id FROM applications WHERE id = $1', [held.id]);
      expect(row.state).toBe('under_review');
      expect(row.claim_holder_id).not.toBeNull();
    });

    it('roles that may never act get 403 whatever the state; a lost race is 409', async () => {
      const held = await claimedByClerk();
      expect((await staffAs('sealer').request('POST', `/api/applications/${held.id}/accept`)).status).toBe(403);
      expect((await staffAs('clerk').request('POST', `/api/applications/${held.id}/seal`)).status).toBe(403);
      expect((await staffAs('vendor').request('GET', `/api/applications/${held.id}`)).status).toBe(403);
      // Roles without a queue get an inbox, but never a file in it.
      for (const role of ['vendor', 'leader', 'helper', 'admin'] as const) {
        const inbox = await staffAs(role).request('GET', '/api/inbox?limit=200');
        expect(JSON.parse(inbox.body).items).toEqual([]);
      }
      // Another clerk takes nothing the first holds.
      await createStaff(h.db, { username: `${usernames.clerk}-2`, roles: ['window_clerk'] });
      const login = await new Caller(h.backoffice, undefined, addresses.clerk).request('POST', '/api/auth/login', { username: `${usernames.clerk}-2`, password: STAFF_PASSWORD });
      const second = new Caller(h.backoffice, JSON.parse(login.body).token, addresses.clerk);
      expect((await second.request('POST', `/api/applications/${held.id}/claim`)).status).toBe(409);
    });
  });
});
