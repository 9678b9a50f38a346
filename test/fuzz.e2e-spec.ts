import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { SERVICES } from '@onewindow/domain';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * Property-based fuzzing of every request body and query parameter of both APIs: random and
 * hostile values (wrong types, huge strings, any Unicode, nulls, prototype-pollution keys, SQL
 * and path fragments) never get a 500, and a refused request (4xx) never changes data.
 *
 * The seed is printed; replay a failure with FUZZ_SEED=<seed> (fast-check's report also gives
 * the counterexample's path). FUZZ_RUNS sets the runs per property (at least 200 by default).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Math.max(Number(process.env.FUZZ_RUNS ?? 200), 1);
/** Sweeps of path ids (not request bodies or query parameters) take half as many. */
const PATH_RUNS = Math.max(Math.floor(RUNS / 2), 1);

// ---------- hostile values ----------

const SQL = ["' OR '1'='1", "'; DROP TABLE accounts; --", '" OR ""="', "1; SELECT pg_sleep(5)--", "admin'--", "' UNION SELECT password_hash FROM accounts --", '%', '_', '\\', '$1', "E'\\x00'"];
const PATHS = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '%2e%2e%2f%2e%2e%2f', '....//....//', 'C:\\boot.ini', 'file:///etc/passwd', '/dev/zero'];
const MARKUP = ['<script>alert(1)</script>', '{{7*7}}', '${7*7}', '%s%s%s%n', '<img src=x onerror=alert(1)>', '\u202e\u0644\u0645', '\ufeff', '\u200b'];
const ODD = ['', ' ', '\t\n\r', '\u0000', 'a\u0000b', '\ud800', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e309', '９９', '𠀀𪚥', '2026-02-30', '9999-12-31T23:59:59Z', 'true'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'state', 'ownerId', 'licenseNumber', 'id', '$where', ''];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL, ...PATHS, ...MARKUP, ...ODD),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 10, max: 4000 })).map(([s, n]) => s.repeat(n)),
);
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 2 ** 53 + 1, 1e308, 0.5)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: jsonValue },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 3 }) },
);

/** A body built from valid field values, each sometimes swapped for a hostile one, fields sometimes left out or added. */
function bodyOf(fields: Record<string, fc.Arbitrary<unknown>>, options: { allowWholeGarbage?: boolean } = {}): fc.Arbitrary<unknown> {
  const mixed = fc.record(
    Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, fc.oneof({ weight: 3, arbitrary: a }, { weight: 2, arbitrary: hostileValue })])),
    { requiredKeys: [] },
  );
  const withExtras = fc.tuple(mixed, fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), jsonValue, { maxKeys: 2 })).map(([body, extra]) => {
    const merged: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const [k, v] of Object.entries(extra)) Object.defineProperty(merged, k, { value: v, enumerable: true, configurable: true, writable: true });
    return merged;
  });
  return fc.oneof({ weight: 6, arbitrary: mixed }, { weight: 2, arbitrary: withExtras }, { weight: options.allowWholeGarbage === false ? 0 : 1, arbitrary: jsonValue });
}

/** Query strings: each parameter valid, hostile, repeated or missing. */
function queryOf(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entry = (a: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: a.map((v) => [v]) }, { weight: 2, arbitrary: hostileString.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(fc.oneof(a, hostileString), { minLength: 2, maxLength: 3 }) });
  return fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(params).map(([k, a]) => [k, entry(a)])), { requiredKeys: [] }),
      fc.dictionary(fc.oneof(fc.constantFrom('sort', 'order', '__proto__', 'constructor[prototype]', 'a[b]'), fc.string({ maxLength: 6 })), hostileString, { maxKeys: 2 }),
    )
    .map(([known, extra]) => {
      const query = new URLSearchParams();
      for (const [k, values] of Object.entries(known)) for (const v of values as string[]) query.append(k, v);
      for (const [k, v] of Object.entries(extra)) query.append(k, v);
      return query.toString();
    });
}

/** A path segment for any string: a lone surrogate (which encodeURIComponent refuses) is sent as U+FFFD, as a browser would. */
const segment = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

// ---------- which routes take input ----------

/**
 * The API routes whose request body or query parameters the tests below fuzz, as `app METHOD path`.
 * The last test derives the list from the apps themselves (every handler with a @Body() or
 * @Query(), every operation of the Swagger document with a body or a query parameter): a new
 * route that takes input fails it until it is fuzzed here.
 */
const FUZZED_INPUTS = [
  'portal POST /api/auth/register',
  'portal POST /api/auth/login',
  'portal POST /api/auth/set-password',
  'portal GET /api/services/:code/estimate',
  'portal POST /api/applications',
  'portal PATCH /api/applications/:id',
  'portal POST /api/applications/:id/rating',
  'portal POST /api/applications/:id/start-of-works',
  'portal GET /api/track',
  'portal GET /api/verify/:licenseNumber',
  'backoffice POST /api/auth/login',
  'backoffice GET /api/inbox',
  'backoffice POST /api/applications/:id/request-correction',
  'backoffice POST /api/applications/:id/refuse',
  'backoffice POST /api/applications/:id/approve',
  'backoffice POST /api/applications/:id/deny',
  'backoffice POST /api/applications/:id/revoke',
  'backoffice POST /api/applications/:id/special-procedures',
  'backoffice POST /api/applications/:id/extend',
  'backoffice POST /api/applications/:id/green-channel',
  'backoffice POST /api/assisted-filings',
  'backoffice POST /api/key-projects',
  'backoffice GET /api/key-projects',
  'backoffice GET /api/key-projects/start-rate',
  'backoffice GET /api/key-projects/dispatch',
  'backoffice GET /api/key-projects/bulletin',
  'backoffice GET /api/key-projects/assessment',
  'backoffice PATCH /api/key-projects/:code',
  'backoffice POST /api/key-projects/:code/start',
  'backoffice GET /api/follow-ups',
  'backoffice POST /api/follow-ups/:id/response',
  'backoffice GET /api/reports/monthly',
  'backoffice GET /api/reports/monthly/charts/:chart.svg',
  'backoffice POST /api/reports/monthly/runs',
  'backoffice GET /api/reports/monthly/verify',
  'backoffice GET /api/seal-carving/orders',
  'backoffice GET /api/admin/calendar',
  'backoffice PUT /api/admin/calendar/:date',
];

/** Every API handler of an app that reads a @Body() or a @Query(), from Nest's route metadata, as `METHOD /path`. */
function routesTakingInput(app: NestFastifyApplication): string[] {
  const found: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat()[0] as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const path = `/${base}/${[Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat()[0]}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}).map((key) => Number(key.split(':')[0]));
        if (path.startsWith('/api/') && args.some((type) => type === RouteParamtypes.BODY || type === RouteParamtypes.QUERY)) {
          found.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${path}`);
        }
      }
    }
  }
  return found;
}

// ---------- forms from their JSON Schema ----------

type Schema = Record<string, any>;

/** Values for a service form's JSON Schema (GET /api/services/:code formSchema): mostly well-typed, partly hostile, any subset of fields. */
function fromSchema(schema: Schema, root: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(root.definitions[String(schema.$ref).replace('#/definitions/', '')], root, depth);
  const typed = typedFromSchema(schema, root, depth);
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
}

function typedFromSchema(schema: Schema, root: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const types: string[] = [schema.type ?? 'string'].flat();
  const options = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e9, noNaN: true });
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(fromSchema(schema.items ?? {}, root, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
      case 'object': {
        if (depth > 3) return fc.constant({});
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        return fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, root, depth + 1)])), { requiredKeys: [] });
      }
      default:
        return stringFromSchema(schema);
    }
  });
  return options.length === 1 ? options[0] : fc.oneof(...options);
}

function stringFromSchema(schema: Schema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 100;
  const choices: Array<fc.Arbitrary<string>> = [fc.string({ unit: 'grapheme', maxLength: max })];
  if (schema.format === 'date') choices.push(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.pattern) {
    try {
      choices.push(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, max)));
    } catch {
      // A pattern fast-check cannot generate from (a lookahead): the other choices stand.
    }
  }
  return fc.oneof(...choices);
}

// ---------- the harness ----------

describe('fuzzing every request body and query parameter', () => {
  let h: Harness;
  let ownerId: string;
  let me: Api;
  const staff = {} as Record<'clerk' | 'reviewer' | 'head' | 'admin' | 'helper' | 'vendor', Api>;
  const files = {} as Record<'awaiting' | 'underReview' | 'draft', string>;
  const drafts: Record<string, string> = {};
  const schemas: Record<string, Schema> = {};
  let passwordToken: string;
  let assistedFilingId: string;
  let helperUsername: string;
  /** A key project of this file's own, for the register's edits and the start of works. */
  const projectCode = `2026-140603-02-01-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  /** An open follow-up (a poor rating of a denied file), for the written response. */
  let followUpId: string;

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx jest --selectProjects e2e --runTestsByPath test/fuzz.e2e-spec.ts), ${RUNS} runs per property`);
    h = await startHarness();
    const portal = new Api(h.portal);
    const phone = mobile();
    expect((await portal.post('/api/auth/register', { name: '模糊测试', phone, idNumber: residentId(), password: 'fuzzing-applicant-password' })).status).toBe(201);
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'fuzzing-applicant-password' })).body.token);
    ownerId = (await h.db.query('SELECT id FROM accounts WHERE phone = $1', [phone]))[0].id;

    const backoffice = new Api(h.backoffice);
    const accounts = {
      clerk: { roles: ['window_clerk'] },
      reviewer: { roles: ['reviewer'], sections: ['market_registration'] },
      head: { roles: ['section_head'], sections: ['market_registration'] },
      admin: { roles: ['administrator'] },
      helper: { roles: ['helper'] },
      vendor: { roles: ['seal_vendor'] },
    } as const;
    for (const [role, account] of Object.entries(accounts)) {
      const username = `fuzz-${role}-${randomBytes(3).toString('hex')}`;
      await createStaff(h.db, { username, roles: [...account.roles], sections: 'sections' in account ? [...account.sections] : [] });
      if (role === 'helper') helperUsername = username;
      staff[role as keyof typeof staff] = backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);
    }

    for (const service of SERVICES) {
      const guide = await portal.get(`/api/services/${service.code}`);
      schemas[service.code] = guide.body.formSchema;
      drafts[service.code] = (await me.post('/api/applications', { serviceCode: service.code, form: {} })).body.id;
    }
    files.draft = drafts['business-license'];

    // A file waiting at the window and one under review, both unclaimed: any well-formed decision on them is refused (422) after the body passes.
    const submitted = async () => {
      const id = (await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() })).body.id;
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        await me.upload(`/api/applications/${id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      }
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
      await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 20000, 'precheck');
      return id as string;
    };
    files.awaiting = await submitted();
    files.underReview = await submitted();
    expect((await staff.clerk.post(`/api/applications/${files.underReview}/claim`)).status).toBe(200);
    expect((await staff.clerk.post(`/api/applications/${files.underReview}/accept`)).status).toBe(200);

    // A real set-password token (assisted filing), so fuzzed passwords reach the password rules.
    const scan = await staff.helper.upload('/api/assisted-filings/authorizations', {}, { name: 'a.pdf', content: SAMPLE_FILES.pdf() });
    const filed = await staff.helper.post('/api/assisted-filings', {
      applicant: { name: '赵大爷', phone: mobile(), idNumber: residentId() },
      serviceCode: 'business-license',
      form: {},
      authorization: { number: 'WT-FUZZ', materialId: scan.body.materialId },
    });
    const [sms] = await h.db.query(`SELECT body FROM notifications WHERE template = 'set-password' AND application_id = $1`, [filed.body.id]);
    passwordToken = /token=([A-Za-z0-9_-]+)/.exec(sms.body)![1];
    assistedFilingId = filed.body.id;

    expect((await staff.admin.post('/api/key-projects', { projectCode, name: '模糊测试项目', reason: '县重点工程', helperUsernames: [helperUsername] })).status).toBe(201);

    // A denied file rated poorly: its follow-up waits for the section head's written response.
    const denied = await submitted();
    expect((await staff.clerk.post(`/api/applications/${denied}/claim`)).status).toBe(200);
    expect((await staff.clerk.post(`/api/applications/${denied}/accept`)).status).toBe(200);
    expect((await staff.reviewer.post(`/api/applications/${denied}/claim`)).status).toBe(200);
    expect((await staff.reviewer.post(`/api/applications/${denied}/deny`, { reason: '不符合法定条件' })).status).toBe(200);
    expect((await me.post(`/api/applications/${denied}/rating`, { level: 1, comment: '太慢' })).status).toBeLessThan(300);
    followUpId = (await h.db.query(`SELECT id FROM ratings WHERE application_id = $1 AND follow_up_status = 'open'`, [denied]))[0].id;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  interface Sent {
    status: number;
    body: string;
  }

  let addressCounter = 0;
  /** Every request from an address of its own: the public look-ups' and sign-in's per-address limits must not hide a 500 behind a 429. */
  async function send(app: NestFastifyApplication, api: Api | null, method: string, url: string, body?: unknown, from?: string): Promise<Sent> {
    addressCounter += 1;
    const token = api ? (api as unknown as { token?: string }).token : undefined;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        'x-forwarded-for': from ?? `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.statusCode, body: response.body };
  }

  /**
   * The property every request shares: never a 5xx; a refused request leaves `snapshot` as it was.
   * Runs at least RUNS times with the printed seed.
   */
  async function check<T>(arb: fc.Arbitrary<T>, request: (value: T) => Promise<Sent>, snapshot: (value: T) => Promise<unknown> = async () => null, runs = RUNS): Promise<void> {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        const before = await snapshot(value);
        const response = await request(value);
        if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 300)}`);
        if (response.status >= 400) {
          const after = await snapshot(value);
          if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`refused with ${response.status} but data changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
      }),
      { seed: SEED, numRuns: runs, verbose: 1 },
    );
  }

  /** Everything about a file that a request could change, its audit trail included. */
  const fileState = (id: string) => async () =>
    (
      await h.db.query(
        `SELECT a.state, a.updated_at, a.form::text AS form, a.claim_holder_id, a.green_channel, a.extension_working_days,
                (SELECT count(*)::int FROM audit_events e WHERE e.application_id = a.id) AS events,
                (SELECT count(*)::int FROM materials m WHERE m.application_id = a.id) AS materials
           FROM applications a WHERE a.id = $1`,
        [id],
      )
    )[0];
  /** A request's string as a query parameter of a snapshot (PostgreSQL text cannot hold U+0000: no account or project has one). */
  const text = (v: unknown): string | null => (typeof v === 'string' && !v.includes('\u0000') ? v : null);
  const accountsWith = async (value: unknown) => {
    const v = (value ?? {}) as Record<string, unknown>;
    const phone = text(v.phone);
    const idNumber = text(v.idNumber)?.replace(/x/g, 'X') ?? null;
    return (await h.db.query('SELECT count(*)::int AS n, max(password_hash) AS hash FROM accounts WHERE phone = $1 OR id_number = $2', [phone, idNumber]))[0];
  };
  const myApplications = async () => (await h.db.query('SELECT count(*)::int AS n FROM applications WHERE owner_account_id = $1', [ownerId]))[0].n;

  const phoneArb = fc.oneof(fc.constant('13800000000'), fc.stringMatching(/^1[3-9][0-9]{9}$/));
  const idArb = fc.oneof(fc.constant('11010519491231002X'), fc.constant(residentId()), fc.stringMatching(/^[0-9]{17}[0-9X]$/));
  const passwordArb = fc.oneof(fc.string({ minLength: 10, maxLength: 40 }), fc.constantFrom('woaini1314', '1qaz2wsx3edc', 'a-fine-long-passphrase'));
  const reasonArb = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), fc.constantFrom('不符合法定条件', '   '));
  const uuidArb = fc.oneof(fc.uuid(), hostileString);
  const T = 180_000;

  // ---------- portal ----------

  it('POST /api/auth/register', async () => {
    await check(
      // Fresh numbers only: a registration that succeeds must not take a number another test file uses.
      bodyOf({ name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), phone: fc.stringMatching(/^1[3-9][0-9]{9}$/), idNumber: fc.constant(null).map(() => residentId()), password: passwordArb }),
      (body) => send(h.portal, null, 'POST', '/api/auth/register', body),
      accountsWith,
    );
  }, T);

  it('POST /api/auth/login (portal) and POST /api/auth/login (back office)', async () => {
    const sessions = async (body: unknown) =>
      (await h.db.query('SELECT count(*)::int AS n FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.phone = $1 OR a.username = $2', [
        text((body as { phone?: unknown })?.phone),
        text((body as { username?: unknown })?.username),
      ]))[0].n;
    // From one address: after five failures the limit answers (429) before any password is hashed, as it would for an attacker.
    await check(bodyOf({ phone: phoneArb, password: passwordArb }), (body) => send(h.portal, null, 'POST', '/api/auth/login', body, '10.254.0.1'), sessions);
    await check(bodyOf({ username: fc.constantFrom('admin1', 'clerk1', "admin'--"), password: passwordArb }), (body) => send(h.backoffice, null, 'POST', '/api/auth/login', body, '10.254.0.2'), sessions);
  }, T);

  it('POST /api/auth/set-password', async () => {
    const tokenState = async () => (await h.db.query('SELECT count(*)::int AS n FROM password_tokens WHERE used_at IS NOT NULL'))[0].n;
    await check(
      bodyOf({ token: fc.oneof(fc.constant(passwordToken), fc.base64String({ minLength: 10, maxLength: 40 })), password: fc.oneof(passwordArb, fc.constantFrom('qq123456789', '123456789a')) }),
      (body) => send(h.portal, null, 'POST', '/api/auth/set-password', body),
      tokenState,
    );
  }, T);

  it('GET /api/services/:code and /estimate?acceptedOn=&greenChannel=', async () => {
    const code = fc.oneof(fc.constantFrom(...SERVICES.map((s) => s.code)), hostileString);
    await check(
      fc.tuple(code, queryOf({ acceptedOn: fc.oneof(fc.constant('2026-12-01'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), greenChannel: fc.constantFrom('true', 'false') })),
      ([c, q]) => send(h.portal, null, 'GET', `/api/services/${segment(c)}/estimate?${q}`),
    );
    await check(code, (c) => send(h.portal, null, 'GET', `/api/services/${segment(c)}`));
  }, T);

  it('POST /api/applications and PATCH /api/applications/:id (the envelope)', async () => {
    await check(
      bodyOf({ serviceCode: fc.oneof(fc.constantFrom(...SERVICES.map((s) => s.code)), hostileString), form: fc.oneof(fc.constant({}), jsonValue) }),
      (body) => send(h.portal, me, 'POST', '/api/applications', body),
      myApplications,
    );
    await check(bodyOf({ form: fc.oneof(fc.constant({}), jsonValue) }), (body) => send(h.portal, me, 'PATCH', `/api/applications/${files.draft}`, body), fileState(files.draft));
  }, T);

  describe.each(SERVICES.map((s) => [s.code]))('the %s form (from its JSON Schema)', (code) => {
    it('POST /api/applications and PATCH /api/applications/:id', async () => {
      const form = fc.oneof({ weight: 9, arbitrary: fromSchema(schemas[code], schemas[code]) }, { weight: 1, arbitrary: hostileValue });
      await check(fc.tuple(fc.boolean(), form), ([create, f]) =>
        create ? send(h.portal, me, 'POST', '/api/applications', { serviceCode: code, form: f }) : send(h.portal, me, 'PATCH', `/api/applications/${drafts[code]}`, { form: f }),
        async ([create]) => (create ? myApplications() : fileState(drafts[code])()),
      );
    }, T);
  });

  it('POST /api/applications/:id/materials?materialCode= and the path ids of the applicant routes', async () => {
    await check(fc.oneof(fc.constantFrom('articles', 'selfie'), hostileString), async (materialCode) => {
      const response = await me.upload(`/api/applications/${files.draft}/materials?${new URLSearchParams({ materialCode })}`, {}, { name: materialCode.slice(0, 200) || 'x', content: SAMPLE_FILES.elf() });
      return { status: response.status, body: JSON.stringify(response.body) };
    }, fileState(files.draft));
    await check(
      fc.tuple(uuidArb, fc.constantFrom('', '/license.pdf', '/notices/x.pdf', '/submit', '/withdraw', '/rating')),
      ([id, rest]) => send(h.portal, me, rest && !rest.endsWith('.pdf') ? 'POST' : 'GET', `/api/applications/${segment(id)}${rest}`, rest && !rest.endsWith('.pdf') ? {} : undefined),
      undefined,
      PATH_RUNS,
    );
  }, T);

  it('POST /api/applications/:id/rating', async () => {
    await check(bodyOf({ level: fc.integer({ min: 0, max: 6 }), comment: fc.string({ unit: 'grapheme', maxLength: 100 }) }), (body) => send(h.portal, me, 'POST', `/api/applications/${files.awaiting}/rating`, body), fileState(files.awaiting));
  }, T);

  it("POST /api/applications/:id/start-of-works (the owner's construction permit file of this file's key project, under review)", async () => {
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, project_code, submitted_at, created_at)
       VALUES ($1, $2, 'construction', 'under_review', $3, $3, '{}', '13900000000', $4, now(), now())`,
      [id, `F${id.replace(/-/g, '').slice(0, 19)}`, ownerId, projectCode],
    );
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const started = async () => (await h.db.query('SELECT started_on::text, start_recorded_by FROM key_projects WHERE project_code = $1', [projectCode]))[0];
    await check(bodyOf({ startedOn: day }), (body) => send(h.portal, me, 'POST', `/api/applications/${id}/start-of-works`, body), started);
  }, T);

  it('GET /api/track?number=&phone= and GET /api/verify/:licenseNumber?d=&sig=', async () => {
    await check(queryOf({ number: fc.stringMatching(/^[0-9]{20}$/), phone: phoneArb, lang: fc.constantFrom('en', 'zh-CN') }), (q) => send(h.portal, null, 'GET', `/api/track?${q}`));
    await check(fc.tuple(fc.oneof(fc.string({ maxLength: 40 }), hostileString), queryOf({ d: fc.base64String(), sig: fc.base64String() })), ([number, q]) =>
      send(h.portal, null, 'GET', `/api/verify/${segment(number)}?${q}`),
    );
  }, T);

  // ---------- back office ----------

  it('GET /api/inbox (every filter, the cursor and unknown sort parameters)', async () => {
    await check(
      queryOf({
        service: fc.constantFrom(...SERVICES.map((s) => s.code)),
        state: fc.constantFrom('awaiting_acceptance', 'under_review', 'awaiting_seal', 'issued'),
        greenChannel: fc.constantFrom('true', 'false'),
        claimedBy: fc.constantFrom('me', 'none'),
        overdue: fc.constantFrom('true', 'false'),
        dueWithinWorkingDays: fc.integer({ min: -1, max: 61 }).map(String),
        q: fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9]{1,20}$/)),
        limit: fc.integer({ min: -1, max: 300 }).map(String),
        cursor: fc.oneof(fc.base64String(), fc.record({ g: fc.boolean(), d: fc.oneof(fc.constant(null), fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), i: fc.oneof(fc.uuid(), fc.string()) }).map((c) => Buffer.from(JSON.stringify(c)).toString('base64url'))),
        lang: fc.constantFrom('en', 'zh-CN'),
      }),
      (q) => send(h.backoffice, staff.clerk, 'GET', `/api/inbox?${q}`),
    );
  }, T);

  it('POST …/request-correction, /refuse, /approve, /deny, /revoke (reasons, opinions, correction lists)', async () => {
    const item = fc.record({ field: fc.oneof(fc.constantFrom('name', 'domicile'), hostileString), materialCode: fc.oneof(fc.constantFrom('articles', 'nope'), hostileString), reason: reasonArb }, { requiredKeys: [] });
    await check(bodyOf({ items: fc.array(fc.oneof(item, hostileValue), { maxLength: 4 }), reason: reasonArb }), (body) => send(h.backoffice, staff.clerk, 'POST', `/api/applications/${files.awaiting}/request-correction`, body), fileState(files.awaiting));
    await check(bodyOf({ reason: reasonArb }), (body) => send(h.backoffice, staff.clerk, 'POST', `/api/applications/${files.awaiting}/refuse`, body), fileState(files.awaiting));
    await check(bodyOf({ opinion: reasonArb }), (body) => send(h.backoffice, staff.reviewer, 'POST', `/api/applications/${files.underReview}/approve`, body), fileState(files.underReview));
    await check(bodyOf({ reason: reasonArb }), (body) => send(h.backoffice, staff.reviewer, 'POST', `/api/applications/${files.underReview}/deny`, body), fileState(files.underReview));
    await check(bodyOf({ reason: reasonArb }), (body) => send(h.backoffice, staff.admin, 'POST', `/api/applications/${files.awaiting}/revoke`, body), fileState(files.awaiting));
  }, T);

  it('POST …/special-procedures, /extend, /green-channel and the path ids of the staff routes', async () => {
    await check(bodyOf({ kind: fc.constantFrom('expert_review', 'hearing', 'public_notice', 'party'), reason: reasonArb }), (body) =>
      send(h.backoffice, staff.reviewer, 'POST', `/api/applications/${files.underReview}/special-procedures`, body), fileState(files.underReview));
    await check(bodyOf({ workingDays: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()), reason: reasonArb }), (body) =>
      send(h.backoffice, staff.head, 'POST', `/api/applications/${files.underReview}/extend`, body), fileState(files.underReview));
    await check(bodyOf({ reason: reasonArb }), (body) => send(h.backoffice, staff.clerk, 'POST', `/api/applications/${files.awaiting}/green-channel`, body), fileState(files.awaiting));
    await check(
      fc.tuple(uuidArb, fc.constantFrom('', '/claim', '/release', '/accept', '/seal', '/special-procedures/end')),
      ([id, rest]) => send(h.backoffice, staff.reviewer, rest ? 'POST' : 'GET', `/api/applications/${segment(id)}${rest}`, rest ? {} : undefined),
      undefined,
      PATH_RUNS,
    );
  }, T);

  it('POST /api/assisted-filings (applicant, form, authorisation)', async () => {
    const filed = async () => (await h.db.query(`SELECT count(*)::int AS n FROM applications WHERE filed_by_account_id IS NOT NULL`))[0].n;
    await check(
      bodyOf({
        applicant: bodyOf({ name: fc.string({ minLength: 1, maxLength: 10 }), phone: phoneArb, idNumber: idArb }, { allowWholeGarbage: true }),
        serviceCode: fc.oneof(fc.constantFrom(...SERVICES.map((s) => s.code)), hostileString),
        form: fc.oneof(fc.constant({}), jsonValue),
        authorization: bodyOf({ number: fc.string({ minLength: 1, maxLength: 20 }), materialId: uuidArb }),
      }),
      (body) => send(h.backoffice, staff.helper, 'POST', '/api/assisted-filings', body),
      async (body) => [await filed(), await accountsWith((body as { applicant?: unknown })?.applicant)],
    );
  }, T);

  it('POST /api/key-projects', async () => {
    const projects = async (body: unknown) => {
      const code = (body as { projectCode?: unknown })?.projectCode;
      return (await h.db.query('SELECT count(*)::int AS n, max(name) AS name, max(reason) AS reason FROM key_projects WHERE project_code = $1', [text(code)]))[0];
    };
    await check(
      bodyOf({
        projectCode: fc.oneof(fc.stringMatching(/^20[0-9]{2}-140603-0[0-9]-0[0-9]-[0-9]{6}$/), fc.string({ maxLength: 30 })),
        name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        reason: reasonArb,
        helperUsernames: fc.array(fc.oneof(fc.string({ maxLength: 12 }), hostileString), { maxLength: 3 }),
      }),
      (body) => send(h.backoffice, staff.admin, 'POST', '/api/key-projects', body),
      projects,
    );
  }, T);

  it('GET /api/seal-carving/orders?status= and POST …/orders/:id/made|delivered', async () => {
    await check(queryOf({ status: fc.constantFrom('open', 'made', 'delivered'), lang: fc.constantFrom('en', 'zh-CN') }), (q) => send(h.backoffice, staff.vendor, 'GET', `/api/seal-carving/orders?${q}`));
    const orders = async () => (await h.db.query(`SELECT count(*)::int AS n, count(made_at)::int AS made FROM seal_carving_orders`))[0];
    await check(fc.tuple(uuidArb, fc.constantFrom('made', 'delivered')), ([id, step]) => send(h.backoffice, staff.vendor, 'POST', `/api/seal-carving/orders/${segment(id)}/${step}`, {}), orders, PATH_RUNS);
  }, T);

  it('the holiday calendar: GET ?year=, PUT and DELETE /:date (dates kept clear of any year a test uses)', async () => {
    await check(queryOf({ year: fc.oneof(fc.integer({ min: 1990, max: 2110 }).map(String), fc.string({ maxLength: 6 })) }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/admin/calendar?${q}`));
    const safeDate = fc.oneof(fc.date({ min: new Date('2099-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), hostileString).filter((d) => !/20[0-8][0-9]-\d\d-\d\d|209[0-8]-/.test(d));
    const day = async ([date]: [string, ...unknown[]]) => (await h.db.query('SELECT kind, name FROM calendar_days WHERE date::text = $1', [/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1900-01-01']))[0] ?? null;
    await check(fc.tuple(safeDate, bodyOf({ kind: fc.constantFrom('holiday', 'workday', 'weekend'), name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) })), ([date, body]) =>
      send(h.backoffice, staff.admin, 'PUT', `/api/admin/calendar/${segment(date)}`, body), day);
    await check(fc.tuple(safeDate), ([date]) => send(h.backoffice, staff.admin, 'DELETE', `/api/admin/calendar/${segment(date)}`), day, PATH_RUNS);
  }, T);

  it('the key-project register: GET ?lang=, /start-rate?asOf=, /dispatch, /bulletin?month=, /assessment?quarter=, PATCH /:code, POST /:code/start and the codes in the path', async () => {
    const lang = fc.constantFrom('en', 'zh-CN');
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const month = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    await check(queryOf({ lang }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/key-projects?${q}`));
    await check(queryOf({ asOf: day, lang }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/key-projects/start-rate?${q}`));
    await check(queryOf({ lang }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/key-projects/dispatch?${q}`));
    await check(queryOf({ month, lang }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/key-projects/bulletin?${q}`));
    await check(queryOf({ quarter: fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 5 })).map(([y, n]) => `${y}-Q${n}`), lang }), (q) =>
      send(h.backoffice, staff.admin, 'GET', `/api/key-projects/assessment?${q}`),
    );
    const project = async () => (await h.db.query('SELECT owner, investment::text, planned_start::text, section, started_on::text FROM key_projects WHERE project_code = $1', [projectCode]))[0];
    await check(
      bodyOf({
        owner: fc.oneof(fc.constant(null), fc.string({ unit: 'grapheme', maxLength: 40 })),
        investment: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9]{1,10}(\.[0-9]{1,5})?$/), fc.constantFrom('-1', '1e3', '99999999999')),
        plannedStart: fc.oneof(fc.constant(null), day),
        section: fc.oneof(fc.constant(null), fc.constantFrom('construction', 'market_registration', 'nope')),
      }),
      (body) => send(h.backoffice, staff.admin, 'PATCH', `/api/key-projects/${projectCode}`, body),
      project,
    );
    await check(bodyOf({ startedOn: day }), (body) => send(h.backoffice, staff.helper, 'POST', `/api/key-projects/${projectCode}/start`, body), project);
    const codes = fc.oneof(fc.constant(projectCode), fc.stringMatching(/^20[0-9]{2}-140603-0[0-9]-0[0-9]-[0-9]{6}$/), hostileString);
    await check(
      fc.tuple(codes, fc.constantFrom('GET', 'PATCH', 'POST')),
      ([code, method]) => send(h.backoffice, staff.admin, method, `/api/key-projects/${segment(code)}${method === 'POST' ? '/start' : ''}`, method === 'GET' ? undefined : {}),
      project,
      PATH_RUNS,
    );
  }, T);

  it('GET /api/follow-ups?status= and POST /api/follow-ups/:id/response', async () => {
    await check(queryOf({ status: fc.constantFrom('open', 'closed', 'all'), lang: fc.constantFrom('en', 'zh-CN') }), (q) => send(h.backoffice, staff.head, 'GET', `/api/follow-ups?${q}`));
    const followUp = async () => (await h.db.query('SELECT follow_up_status, response FROM ratings WHERE id = $1', [followUpId]))[0];
    await check(bodyOf({ response: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 600 }), fc.constantFrom('   ', '')) }), (body) =>
      send(h.backoffice, staff.head, 'POST', `/api/follow-ups/${followUpId}/response`, body), followUp);
    await check(uuidArb, (id) => send(h.backoffice, staff.head, 'POST', `/api/follow-ups/${segment(id)}/response`, { response: '已核查' }), followUp, PATH_RUNS);
  }, T);

  it('the monthly report: GET ?month=&format=, charts/:chart.svg?month=, verify?month=, POST runs and GET runs/:month', async () => {
    // Well-formed months are this one (not over: computed, never stored) or far ahead (refused): a past month would be stored for good, which other files read.
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const month = fc.oneof(fc.constant(now), fc.tuple(fc.integer({ min: 2100, max: 2199 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`));
    const stored = async () => (await h.db.query('SELECT count(*)::int AS n FROM monthly_reports'))[0].n;
    await check(queryOf({ month, format: fc.constantFrom('json', 'csv', 'pdf'), lang: fc.constantFrom('en', 'zh-CN') }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/reports/monthly?${q}`), stored);
    await check(fc.tuple(fc.oneof(fc.constantFrom('volumes', 'on-time', 'processing', 'daily', 'ratings'), hostileString), queryOf({ month })), ([chart, q]) =>
      send(h.backoffice, staff.admin, 'GET', `/api/reports/monthly/charts/${segment(chart)}.svg?${q}`), stored);
    await check(queryOf({ month, lang: fc.constantFrom('en', 'zh-CN') }), (q) => send(h.backoffice, staff.admin, 'GET', `/api/reports/monthly/verify?${q}`));
    await check(bodyOf({ month }), (body) => send(h.backoffice, staff.admin, 'POST', '/api/reports/monthly/runs', body), stored);
    await check(fc.oneof(month, hostileString), (m) => send(h.backoffice, staff.admin, 'GET', `/api/reports/monthly/runs/${segment(m)}`), stored, PATH_RUNS);
  }, T);

  it('assisted filing: POST /api/assisted-filings/:id/materials?materialCode=, /submit, and POST /api/admin/accounts/:id/disable (path ids)', async () => {
    await check(fc.oneof(fc.constantFrom('articles', 'legal_rep_id', 'selfie'), hostileString), async (materialCode) => {
      const response = await staff.helper.upload(`/api/assisted-filings/${assistedFilingId}/materials?${new URLSearchParams({ materialCode })}`, {}, { name: materialCode.slice(0, 200) || 'x', content: SAMPLE_FILES.elf() });
      return { status: response.status, body: JSON.stringify(response.body) };
    }, fileState(assistedFilingId));
    await check(fc.tuple(uuidArb, fc.constantFrom('/submit', '/materials')), ([id, rest]) => send(h.backoffice, staff.helper, 'POST', `/api/assisted-filings/${segment(id)}${rest}`, {}), undefined, PATH_RUNS);
    const disabled = async () => (await h.db.query('SELECT count(*)::int AS n FROM accounts WHERE disabled_at IS NOT NULL'))[0].n;
    await check(uuidArb, (id) => send(h.backoffice, staff.admin, 'POST', `/api/admin/accounts/${segment(id)}/disable`, {}), disabled, PATH_RUNS);
  }, T);

  it('every API route that takes a body or query parameters is fuzzed above (from the route metadata and the Swagger document)', async () => {
    const takingInput = new Set<string>();
    for (const app of ['portal', 'backoffice'] as const) {
      for (const route of routesTakingInput(h[app])) takingInput.add(`${app} ${route}`);
      const document = JSON.parse((await h[app].inject({ method: 'GET', url: '/api/docs-json' })).body) as { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: Array<{ in: string }> }>> };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (operation.requestBody || operation.parameters?.some((p) => p.in === 'query')) takingInput.add(`${app} ${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        }
      }
    }
    expect(takingInput.size).toBeGreaterThan(30);
    expect([...takingInput].filter((route) => !FUZZED_INPUTS.includes(route)).sort()).toEqual([]);
    // And the list names no route that is gone.
    expect(FUZZED_INPUTS.filter((route) => !takingInput.has(route))).toEqual([]);
  });

  it('malformed bodies: not JSON, the wrong content type, or too large', async () => {
    const big = JSON.stringify({ reason: 'x'.repeat(1_100_000) });
    await check(
      fc.tuple(fc.constantFrom('/api/auth/register', '/api/auth/login', '/api/applications'), fc.oneof(fc.string({ maxLength: 50 }), fc.constant(big), fc.constant('{"a":'), fc.constant('[1,2')), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml')),
      async ([url, payload, type]) => {
        const response = await h.portal.inject({ method: 'POST', url, payload, headers: { 'content-type': type, authorization: `Bearer ${(me as unknown as { token: string }).token}`, 'x-forwarded-for': '10.255.0.1' } });
        return { status: response.statusCode, body: response.body };
      },
      myApplications,
    );
  }, T);
});
