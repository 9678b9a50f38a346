import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApplicantApplicationsService } from '@onewindow/applications';
import { createDataSource } from '@onewindow/persistence';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';

/**
 * Server errors say nothing about the server (no stack, SQL or path in any 500 body), and the
 * logs are JSON lines with no whole ID number or mobile number in them — not in messages, not
 * in stacks, not in failed queries (whose parameters are never logged).
 */
describe('errors and privacy', () => {
  let h: Harness;
  let portal: Api;
  const lines: string[] = [];
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const person = { name: '刘建海', phone: mobile(), idNumber: residentId('19800512'), password: 'a-long-private-passphrase' };
  const representative = { name: '王小明', idNumber: residentId('19700101'), phone: mobile() };
  let me: Api;

  /** Everything the apps print while a test runs is kept here (and not shown). */
  function capture(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        lines.push(...String(chunk).split('\n').filter((l) => l.trim() !== ''));
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof process.stdout.write;
    }
  }

  beforeAll(async () => {
    // The apps as they run outside tests: logging on, TypeORM's failed-query logging included.
    process.env.ONEWINDOW_TEST_LOGS = '1';
    process.env.NODE_ENV = 'development';
    capture();
    h = await startHarness();
    portal = new Api(h.portal);
    expect((await portal.post('/api/auth/register', { name: person.name, phone: person.phone, idNumber: person.idNumber, password: person.password })).status).toBe(201);
    me = portal.as((await portal.post('/api/auth/login', { phone: person.phone, password: person.password })).body.token);
  });

  afterAll(async () => {
    await h?.close();
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  });

  /** What a 500 body may never show. */
  function expectNothingOfTheServer(body: unknown): void {
    const text = JSON.stringify(body);
    expect(body).toMatchObject({ statusCode: 500, error: 'internal' });
    expect(Object.keys(body as object).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+/); // stack frames
    expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b|syntax|relation|column|QueryFailed/i);
    expect(text).not.toMatch(/\/(tmp|var|work|home|etc|usr)\/|[A-Z]:\\|ENOENT|EACCES|EISDIR/);
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain(person.phone);
  }

  describe('no 500 body carries a stack trace, SQL or a path', () => {
    it('a stored file that cannot be read', async () => {
      const id = (await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm({ legalRepresentative: representative }) })).body.id;
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        await me.upload(`/api/applications/${id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      }
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
      const notice = await eventually(async () => {
        const [row] = await h.db.query('SELECT id, pdf_sha256 FROM notices WHERE application_id = $1 AND pdf_sha256 IS NOT NULL', [id]);
        return row as { id: string; pdf_sha256: string } | undefined;
      }, 20000, 'the receipt notice');
      const stored = join(h.config.STORAGE_DIR, notice.pdf_sha256.slice(0, 2), notice.pdf_sha256);
      renameSync(stored, `${stored}.away`);
      try {
        const response = await me.get(`/api/applications/${id}/notices/${notice.id}.pdf`);
        expect(response.status).toBe(500);
        expectNothingOfTheServer(response.body);
      } finally {
        renameSync(`${stored}.away`, stored);
      }
      expect((await me.get(`/api/applications/${id}/notices/${notice.id}.pdf`)).status).toBe(200);
    });

    it('a query that fails in the database, with an ID number among its parameters', async () => {
      const dataSource = h.portal.get(DataSource);
      const spy = jest
        .spyOn(h.portal.get(ApplicantApplicationsService), 'list')
        .mockImplementationOnce(() => dataSource.query('SELECT id FROM accounts WHERE id_number = $1 AND created_at > $2::int', [person.idNumber, person.idNumber]));
      try {
        const response = await me.get('/api/applications');
        expect(response.status).toBe(500);
        expectNothingOfTheServer(response.body);
      } finally {
        spy.mockRestore();
      }
    });

    it('an unexpected error whose message names a path, in English too', async () => {
      const spy = jest.spyOn(h.portal.get(ApplicantApplicationsService), 'list').mockRejectedValueOnce(new Error(`EACCES: permission denied, open '/var/lib/onewindow/${person.idNumber}.pdf'`));
      try {
        const response = await me.get('/api/applications', { 'accept-language': 'en' });
        expect(response.status).toBe(500);
        expectNothingOfTheServer(response.body);
        expect((response.body as { message: string }).message).toMatch(/[A-Za-z]/);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('logs', () => {
    it('are JSON lines without any whole ID number or mobile number, through registration, sign-in, look-ups and failing queries', async () => {
      const from = lines.length;
      // A registration and everything around it: a wrong password, a look-up by phone, a draft naming a person.
      const other = { name: '孙悟空', phone: mobile(), idNumber: residentId('19900101'), password: 'another-private-passphrase' };
      expect((await portal.post('/api/auth/register', other)).status).toBe(201);
      expect((await portal.post('/api/auth/register', other)).status).toBe(409);
      expect((await portal.request('POST', '/api/auth/login', { phone: other.phone, password: 'not-the-password' }, { 'x-forwarded-for': '203.0.113.200' })).status).toBe(401);
      await portal.get(`/api/track?number=14060320260101000001&phone=${other.phone}`);
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: { legalRepresentative: { ...representative, idNumber: `${representative.idNumber.slice(0, 17)}0` } } });
      expect(draft.status).toBe(400);

      // A failing query in an app, and one through a data source set up as the apps set theirs up.
      const spy = jest
        .spyOn(h.portal.get(ApplicantApplicationsService), 'list')
        .mockImplementationOnce(() => h.portal.get(DataSource).query('SELECT $1::int, $2::uuid', [other.idNumber, other.phone]));
      expect((await me.get('/api/applications')).status).toBe(500);
      spy.mockRestore();
      const logged = await createDataSource(h.config.DATABASE_URL, { poolSize: 1 }).initialize();
      try {
        await expect(logged.query('SELECT id FROM accounts WHERE phone = $1 AND id = $2::uuid', [other.phone, other.idNumber])).rejects.toThrow();
      } finally {
        await logged.destroy();
      }

      // Every line since the apps started, start-up included, is JSON.
      for (const line of lines.slice(0, from)) expect(() => JSON.parse(line)).not.toThrow();
      const mine = lines.slice(from);
      const parsed = mine.map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`a log line that is not JSON: ${line}`);
        }
      });
      const all = mine.join('\n');
      for (const secret of [person.idNumber, person.phone, other.idNumber, other.phone, representative.idNumber, representative.phone]) {
        expect(all).not.toContain(secret);
      }
      // The failures were logged (so this test saw the logs), masked, and without the query's parameters.
      const filter = parsed.filter((p) => p.context === 'ApiExceptionFilter');
      expect(filter.length).toBeGreaterThanOrEqual(1);
      expect(String(filter[0].message)).toMatch(/^GET \/api\/applications: QueryFailedError: /);
      expect(all).toContain(`${other.idNumber.slice(0, 4)}**********${other.idNumber.slice(-4)}`);
      const typeorm = parsed.filter((p) => p.context === 'TypeORM');
      // The second registration's refused INSERT, the app's failed SELECT and the data source's.
      expect(typeorm.length).toBeGreaterThanOrEqual(3);
      expect(typeorm.some((line) => /duplicate key/.test(String(line.message)) && /^INSERT INTO "accounts"/.test(String(line.query)))).toBe(true);
      for (const line of typeorm) {
        expect(line).toMatchObject({ level: 'error', query: expect.stringMatching(/^(SELECT|INSERT|UPDATE|DELETE|WITH)\b/) });
        expect(Object.keys(line).sort()).toEqual(['context', 'level', 'message', 'pid', 'query', 'time']);
      }
      // The access log is not written: no request line carries a URL with its query string.
      expect(all).not.toContain('/api/track?');
    });
  });
});
