import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { LoginThrottle, RateLimitedError } from '@onewindow/auth';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * Accounts: argon2id hashes, sign-in failures limited per account and per address (the 6th in a
 * minute is a 429), a new session on every sign-in, logout and disabling an account end sessions
 * at once, and passwords are checked against length, a list of common ones and the person's own
 * numbers.
 */
describe('accounts: hashes, sign-in limits, sessions, passwords', () => {
  let h: Harness;
  let portal: Api;
  let backoffice: Api;
  let admin: Api;
  const password = 'a-long-private-passphrase';
  let addressCounter = 0;
  /** Each scenario signs in from addresses of its own, so the per-address limit of one never touches another. */
  const address = () => `203.0.113.${++addressCounter}`;

  const register = async (overrides: Record<string, unknown> = {}) => {
    const person = { name: '李四', phone: mobile(), idNumber: residentId(), password, ...overrides };
    return { person, response: await portal.post('/api/auth/register', person) };
  };
  const login = (phone: string, secret: string, from: string) => portal.request('POST', '/api/auth/login', { phone, password: secret }, { 'x-forwarded-for': from });

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    portal = new Api(h.portal);
    backoffice = new Api(h.backoffice);
    await createStaff(h.db, { username: 'acct-admin', roles: ['administrator'] });
    await createStaff(h.db, { username: 'acct-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'acct-helper', roles: ['helper'] });
    await createStaff(h.db, { username: 'acct-guessed', roles: ['window_clerk'] });
    admin = backoffice.as((await backoffice.post('/api/auth/login', { username: 'acct-admin', password: STAFF_PASSWORD })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('stores only an argon2id hash of the password', async () => {
    const { person, response } = await register();
    expect(response.status).toBe(201);
    const [row] = await h.db.query('SELECT password_hash FROM accounts WHERE phone = $1', [person.phone]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);
  });

  describe('sign-in failures are limited', () => {
    it('per account: the 6th failure within a minute → 429 rate_limited, even with the right password and from new addresses', async () => {
      const { person } = await register();
      for (let i = 0; i < 5; i++) expect((await login(person.phone, `wrong-password-${i}`, address())).status).toBe(401);
      const sixth = await login(person.phone, 'wrong-password-6', address());
      expect(sixth.status).toBe(429);
      expect(sixth.body.error).toBe('rate_limited');
      expect((await login(person.phone, password, address())).status).toBe(429);
    });

    it('per address: 5 failures (LOGIN_MAX_FAILURES_PER_ADDRESS), each on another account, from one address, then the 6th from that address gets 429; another address signs in', async () => {
      const from = address();
      expect(h.config.LOGIN_MAX_FAILURES_PER_ADDRESS).toBe(5);
      for (let i = 0; i < h.config.LOGIN_MAX_FAILURES_PER_ADDRESS; i++) expect((await login(mobile(), 'not-anybodys-password', from)).status).toBe(401);
      const { person } = await register();
      const blocked = await login(person.phone, password, from);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toBe('rate_limited');
      expect((await login(person.phone, password, address())).status).toBe(200);
    });

    it('successful sign-ins do not count', async () => {
      const { person } = await register();
      const from = address();
      for (let i = 0; i < 4; i++) expect((await login(person.phone, 'wrong-password', from)).status).toBe(401);
      for (let i = 0; i < 5; i++) expect((await login(person.phone, password, from)).status).toBe(200);
      expect((await login(person.phone, 'wrong-password', from)).status).toBe(401);
      expect((await login(person.phone, password, from)).status).toBe(429);
    });

    it('staff sign-in is limited the same way', async () => {
      const from = address();
      for (let i = 0; i < 5; i++) {
        expect((await backoffice.request('POST', '/api/auth/login', { username: 'acct-guessed', password: 'guess' }, { 'x-forwarded-for': from })).status).toBe(401);
      }
      const sixth = await backoffice.request('POST', '/api/auth/login', { username: 'acct-guessed', password: STAFF_PASSWORD }, { 'x-forwarded-for': address() });
      expect(sixth.status).toBe(429);
      expect(sixth.body.error).toBe('rate_limited');
    });

    it('parallel guesses cannot slip past the limit, the window ends, and no phone number is kept in Redis', async () => {
      const prefix = `${h.config.QUEUE_PREFIX}:unit-${randomBytes(3).toString('hex')}`;
      const throttle = new LoginThrottle({ redisUrl: h.config.REDIS_URL, prefix, maxFailuresPerAccount: 3, maxFailuresPerAddress: 100, windowSeconds: 1 });
      const phone = mobile();
      let checked = 0;
      const fail = () => throttle.guard({ account: `applicant:${phone}`, address: '192.0.2.1' }, async () => {
        checked += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('bad credentials');
      });
      const results = await Promise.allSettled(Array.from({ length: 20 }, fail));
      expect(checked).toBe(3);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitedError)).toHaveLength(17);
      const redis = new IORedis(h.config.REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.join(' ')).not.toContain(phone);
        expect(keys.join(' ')).not.toContain('192.0.2.1');
      } finally {
        redis.disconnect();
      }
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await expect(throttle.guard({ account: `applicant:${phone}` }, async () => 'signed in')).resolves.toBe('signed in');
      await throttle.onModuleDestroy();
    });
  });

  describe('sessions', () => {
    it('every sign-in is a new session; logout ends only that one, at once', async () => {
      const { person } = await register();
      const first = (await login(person.phone, password, address())).body.token;
      const second = (await login(person.phone, password, address())).body.token;
      expect(first).not.toBe(second);
      expect((await portal.as(first).get('/api/applications')).status).toBe(200);
      expect((await portal.as(first).post('/api/auth/logout')).status).toBe(204);
      expect((await portal.as(first).get('/api/applications')).status).toBe(401);
      expect((await portal.as(second).get('/api/applications')).status).toBe(200);
    });

    it("disabling an account ends all its sessions at once, and it cannot sign in again", async () => {
      const { person } = await register();
      const tokens = [(await login(person.phone, password, address())).body.token, (await login(person.phone, password, address())).body.token];
      const [account] = await h.db.query('SELECT id FROM accounts WHERE phone = $1', [person.phone]);
      const disabled = await admin.post(`/api/admin/accounts/${account.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: account.id, disabledAt: expect.any(String) });
      for (const token of tokens) expect((await portal.as(token).get('/api/applications')).status).toBe(401);
      expect((await h.db.query('SELECT count(*)::int AS n FROM sessions WHERE account_id = $1', [account.id]))[0].n).toBe(0);
      expect((await login(person.phone, password, address())).status).toBe(401);
      // Disabling again keeps the first time.
      expect((await admin.post(`/api/admin/accounts/${account.id}/disable`)).body.disabledAt).toBe(disabled.body.disabledAt);
    });

    it('disabling a member of staff signs them out of the back office at once', async () => {
      await createStaff(h.db, { username: 'acct-leaving', roles: ['window_clerk'] });
      const leaving = backoffice.as((await backoffice.post('/api/auth/login', { username: 'acct-leaving', password: STAFF_PASSWORD })).body.token);
      expect((await leaving.get('/api/inbox')).status).toBe(200);
      const [account] = await h.db.query(`SELECT id FROM accounts WHERE username = 'acct-leaving'`);
      expect((await admin.post(`/api/admin/accounts/${account.id}/disable`)).status).toBe(200);
      expect((await leaving.get('/api/inbox')).status).toBe(401);
    });

    it('only administrators disable accounts; an unknown id is 404; nobody disables themselves', async () => {
      const clerk = backoffice.as((await backoffice.post('/api/auth/login', { username: 'acct-clerk', password: STAFF_PASSWORD }, { 'x-forwarded-for': address() })).body.token);
      const [target] = await h.db.query(`SELECT id FROM accounts WHERE username = 'acct-helper'`);
      expect((await clerk.post(`/api/admin/accounts/${target.id}/disable`)).status).toBe(403);
      expect((await admin.post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
      expect((await admin.post('/api/admin/accounts/not-a-uuid/disable')).status).toBe(404);
      const [me] = await h.db.query(`SELECT id FROM accounts WHERE username = 'acct-admin'`);
      const self = await admin.post(`/api/admin/accounts/${me.id}/disable`);
      expect(self.status).toBe(422);
      expect((await h.db.query('SELECT disabled_at FROM accounts WHERE id = ANY($1)', [[target.id, me.id]])).every((r: { disabled_at: Date | null }) => r.disabled_at === null)).toBe(true);
    });
  });

  describe('passwords', () => {
    it.each(['123456789a', 'woaini1314', 'qq123456789', '1qaz2wsx3edc', 'Password123', '1234567890', 'qwertyuiop', 'aaaaaaaaaaaa', 'Woaini1314!', '5201314520'])(
      'a common password (%s) → 400 naming password, and no account is made',
      async (common) => {
        const { person, response } = await register({ password: common });
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.fields)).toEqual(['password']);
        expect((await h.db.query('SELECT count(*)::int AS n FROM accounts WHERE phone = $1', [person.phone]))[0].n).toBe(0);
      },
    );

    it('too short, or containing one’s own mobile or ID number → 400 naming password', async () => {
      expect(Object.keys((await register({ password: 'short' })).response.body.fields)).toEqual(['password']);
      const phone = mobile();
      const byPhone = await register({ phone, password: `my-${phone}-pass` });
      expect(byPhone.response.status).toBe(400);
      expect(Object.keys(byPhone.response.body.fields)).toEqual(['password']);
      const idNumber = residentId();
      const byId = await register({ idNumber, password: `id${idNumber}` });
      expect(byId.response.status).toBe(400);
      const en = await portal.post('/api/auth/register', { name: '李四', phone: mobile(), idNumber: residentId(), password: 'iloveyou123' }, { 'accept-language': 'en' });
      expect(en.body.fields.password).toMatch(/common/);
    });

    it('setting a password by the SMS link checks it too, and a refused one leaves the link usable', async () => {
      const helperApi = backoffice.as((await backoffice.post('/api/auth/login', { username: 'acct-helper', password: STAFF_PASSWORD })).body.token);
      const scan = await helperApi.upload('/api/assisted-filings/authorizations', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() });
      const person = { name: '张桂兰', phone: mobile(), idNumber: residentId() };
      const filed = await helperApi.post('/api/assisted-filings', {
        applicant: person,
        serviceCode: 'business-license',
        form: businessLicenseForm({ legalRepresentative: { name: person.name, idNumber: person.idNumber, phone: person.phone } }),
        authorization: { number: 'WT-ACCT', materialId: scan.body.materialId },
      });
      expect(filed.status).toBe(201);
      const [sms] = await h.db.query(`SELECT body FROM notifications WHERE template = 'set-password' AND application_id = $1`, [filed.body.id]);
      const token = /token=([A-Za-z0-9_-]+)/.exec(sms.body)![1];
      const common = await portal.post('/api/auth/set-password', { token, password: 'woaini5201314' });
      expect(common.status).toBe(400);
      expect(Object.keys(common.body.fields)).toEqual(['password']);
      const personal = await portal.post('/api/auth/set-password', { token, password: `pw-${person.phone}` });
      expect(personal.status).toBe(400);
      expect(Object.keys(personal.body.fields)).toEqual(['password']);
      expect((await portal.post('/api/auth/set-password', { token, password: 'a-private-passphrase' })).status).toBe(204);
      expect((await login(person.phone, 'a-private-passphrase', address())).status).toBe(200);
    });
  });
});
