import { randomUUID } from 'node:crypto';
import { ApplicationEntity } from '@onewindow/persistence';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { signedInApplicant } from './support/journeys';

/**
 * Mass assignment, injection and path traversal: fields a caller may not set are refused by
 * name, the inbox takes only listed sort and filter values, and no crafted path reaches a file
 * it does not name.
 */
describe('mass assignment, injection and path traversal', () => {
  let h: Harness;
  let me: Api;
  let clerk: Api;
  let draftId: string;

  beforeAll(async () => {
    h = await startHarness();
    me = (await signedInApplicant(h, '钱学森')).api;
    await createStaff(h.db, { username: 'inj-clerk', roles: ['window_clerk'] });
    const backoffice = new Api(h.backoffice);
    clerk = backoffice.as((await backoffice.post('/api/auth/login', { username: 'inj-clerk', password: STAFF_PASSWORD })).body.token);
    draftId = (await me.post('/api/applications', { serviceCode: 'business-license', form: { name: '朔州市平鲁区恒山新材料有限公司' } })).body.id;
  });

  afterAll(async () => {
    await h?.close();
  });

  const row = () => h.db.getRepository(ApplicationEntity).findOneByOrFail({ id: draftId });

  describe('mass assignment', () => {
    it.each([
      ['state', { state: 'issued' }],
      ['ownerId', { ownerId: randomUUID() }],
      ['ownerAccountId', { ownerAccountId: randomUUID() }],
      ['licenseNumber', { licenseNumber: 'L-1' }],
      ['number', { number: '14060320990101000001' }],
      ['greenChannel', { greenChannel: true }],
      ['claimHolderId', { claimHolderId: randomUUID() }],
    ])('a PATCH carrying top-level %s → 400 naming it, and the file is unchanged', async (field, extra) => {
      const before = await row();
      const response = await me.patch(`/api/applications/${draftId}`, { form: { name: '朔州市平鲁区雁门新材料有限公司' }, ...extra });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toContain(field);
      const after = await row();
      expect(after).toEqual(before);
    });

    it('the same fields inside the form are unknown form fields (400 naming form.<field>)', async () => {
      const response = await me.patch(`/api/applications/${draftId}`, { form: { state: 'issued', ownerId: randomUUID(), licenseNumber: 'L-1' } });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual(expect.arrayContaining(['form.state', 'form.ownerId', 'form.licenseNumber']));
      expect((await row()).state).toBe('draft');
    });

    it('creating a draft with a state or an owner is refused the same way, and creates nothing', async () => {
      const mine = async () => (await h.db.query('SELECT count(*)::int AS n FROM applications WHERE owner_account_id = $1', [(await row()).ownerAccountId]))[0].n;
      const before = await mine();
      const response = await me.post('/api/applications', { serviceCode: 'business-license', form: {}, state: 'issued', ownerId: randomUUID() });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual(expect.arrayContaining(['state', 'ownerId']));
      expect(await mine()).toBe(before);
    });

    it.each([
      ['__proto__', '{"form": {}, "__proto__": {"state": "issued"}}'],
      ['constructor.prototype', '{"form": {}, "constructor": {"prototype": {"state": "issued"}}}'],
      ['a nested __proto__', '{"form": {"name": "朔州市平鲁区恒山新材料有限公司", "__proto__": {"isAdmin": true}}}'],
    ])('prototype pollution through %s is refused (400) and pollutes nothing', async (_what, raw) => {
      const response = await me.request('PATCH', `/api/applications/${draftId}`, raw, { 'content-type': 'application/json' });
      expect(response.status).toBe(400);
      expect(({} as Record<string, unknown>).state).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect((await row()).state).toBe('draft');
    });
  });

  describe('the inbox takes only listed sort and filter values', () => {
    it.each([
      ['sort', 'CASE WHEN (SELECT count(*) FROM accounts) > 0 THEN number ELSE id END'],
      ['order', 'due_at; DROP TABLE applications;--'],
      ['orderBy', 'number DESC'],
      ['service', "business-license' OR '1'='1"],
      ['state', 'issued'],
      ['state', "awaiting_acceptance' OR 1=1--"],
      ['claimedBy', randomUUID()],
      ['greenChannel', '1 OR 1=1'],
      ['overdue', "true'--"],
      ['limit', '1;DROP TABLE applications'],
      ['limit', '100000'],
      ['dueWithinWorkingDays', '1 UNION SELECT password_hash FROM accounts'],
      ['cursor', "' OR 1=1--"],
      ['cursor', Buffer.from(JSON.stringify({ g: false, d: "2026-01-01' OR 1=1--", i: randomUUID() })).toString('base64url')],
      ['cursor', Buffer.from(JSON.stringify({ g: false, d: '0', i: randomUUID() })).toString('base64url')],
      ['cursor', Buffer.from(JSON.stringify({ g: true, d: '0000-01-01T00:00:00Z', i: randomUUID() })).toString('base64url')],
      ['cursor', Buffer.from('null').toString('base64url')],
      ['cursor', Buffer.from(JSON.stringify({ g: 'x', d: null, i: "x' OR 1=1--" })).toString('base64url')],
    ])('%s=%s → 400 naming the parameter', async (name, value) => {
      const response = await clerk.get(`/api/inbox?${new URLSearchParams({ [name]: value })}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toContain(name);
    });

    it('a repeated parameter (an array where one value is expected) → 400, never 500', async () => {
      const response = await clerk.get('/api/inbox?service=business-license&service=food-business');
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toContain('service');
    });

    it('SQL in the text search is only text: no error, and nothing beyond the caller’s queue', async () => {
      const all = await clerk.get('/api/inbox?limit=200');
      for (const q of ["' OR '1'='1", "%' OR 1=1 --", "'; DELETE FROM applications; --", '\\', '%', '_']) {
        const response = await clerk.get(`/api/inbox?${new URLSearchParams({ q, limit: '200' })}`);
        expect(response.status).toBe(200);
        const visible = new Set((all.body.items as Array<{ id: string }>).map((i) => i.id));
        for (const item of response.body.items) expect(item.state).toBe('awaiting_acceptance');
        expect(response.body.items.length).toBeLessThanOrEqual(Math.max(visible.size, 200));
      }
      expect((await h.db.query('SELECT count(*)::int AS n FROM applications'))[0].n).toBeGreaterThan(0);
    });

    it('SQL in the public look-ups and at sign-in is refused or not found, never a match', async () => {
      const portal = new Api(h.portal);
      expect((await portal.get(`/api/track?number=${encodeURIComponent("' OR 1=1--")}&phone=13800000000`)).status).toBe(400);
      const verify = await portal.get(`/api/verify/${encodeURIComponent("' OR '1'='1")}`);
      expect([200, 404]).toContain(verify.status);
      if (verify.status === 200) expect(verify.body.status).toBe('not_genuine');
      const login = await portal.request('POST', '/api/auth/login', { phone: "' OR '1'='1", password: "' OR '1'='1" }, { 'x-forwarded-for': '203.0.113.77' });
      expect([400, 401]).toContain(login.status);
      const staffLogin = await new Api(h.backoffice).request('POST', '/api/auth/login', { username: "admin'--", password: 'x' }, { 'x-forwarded-for': '203.0.113.78' });
      expect(staffLogin.status).toBe(401);
    });
  });

  it('a NUL character (which PostgreSQL text cannot hold) in a query or body → 400 naming where; in a path → 404; never 500', async () => {
    const portal = new Api(h.portal);
    const cases: Array<[Promise<{ status: number; body: any }>, string]> = [
      [portal.post('/api/auth/register', { name: '李\u0000四', phone: '13900000000', idNumber: '11010519491231002X', password: 'long-enough-password' }), 'name'],
      [me.patch(`/api/applications/${draftId}`, { form: { domicile: 'a\u0000b' } }), 'form.domicile'],
      [portal.get('/api/track?number=%00&phone=13800000000'), 'number'],
      [clerk.get('/api/inbox?q=%00'), 'q'],
      [me.post(`/api/applications/${draftId}/submit`, {}, { 'idempotency-key': 'k\u0000' }), 'Idempotency-Key'],
    ];
    for (const [pending, field] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toEqual([field]);
    }
    expect((await row()).form).not.toMatchObject({ domicile: expect.anything() });
    // In a path it names nothing: 404.
    expect((await portal.get('/api/verify/%00')).status).toBe(404);
    expect((await me.get(`/api/applications/${draftId}%00`)).status).toBe(404);
  });

  describe('path traversal in downloads → 404', () => {
    let fileId: string;
    let noticeId: string;

    beforeAll(async () => {
      fileId = (await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() })).body.id;
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        await me.upload(`/api/applications/${fileId}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      }
      expect((await me.post(`/api/applications/${fileId}/submit`)).status).toBe(202);
      const view = await eventually(async () => {
        const v = (await me.get(`/api/applications/${fileId}`)).body;
        return v.notices?.some((n: { pdfUrl?: string }) => n.pdfUrl) ? v : undefined;
      }, 20000, 'the receipt notice');
      noticeId = view.notices[0].id;
      expect((await me.get(`/api/applications/${fileId}/notices/${noticeId}.pdf`)).status).toBe(200);
    });

    const PACKAGE_JSON = /"name":\s*"onewindow"/;

    it.each([
      (id: string) => `/api/applications/${id}/notices/..%2F..%2Fetc%2Fpasswd.pdf`,
      (id: string) => `/api/applications/${id}/notices/..%2F..%2F..%2F..%2Fpackage.json%00.pdf`,
      (id: string) => `/api/applications/${id}/notices/%2e%2e%2f%2e%2e%2fpackage.json.pdf`,
      (id: string, notice: string) => `/api/applications/${id}/notices/${notice}%2F..%2F..%2Fpackage.json.pdf`,
      () => '/api/applications/..%2F..%2Fetc%2Fpasswd/license.pdf',
      (id: string) => `/api/applications/${id}%2F..%2F..%2Fpackage.json/license.pdf`,
      () => `/api/applications/..%2F..%2F..%2Fpackage.json`,
      (id: string) => `/applications/${id}%2F..%2F..%2Fpackage.json`,
    ])('portal download %#', async (url) => {
      const response = await me.get(url(fileId, noticeId));
      expect(response.status).toBe(404);
      expect(response.raw.toString('utf8')).not.toMatch(PACKAGE_JSON);
    });

    it.each([
      '/assets/../package.json',
      '/assets/..%2fpackage.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/assets/....//....//package.json',
      '/assets/..%5c..%5cpackage.json',
      '/api/docs/..%2f..%2f..%2fpackage.json',
      '/api/docs/docs/..%2f..%2f..%2f..%2fpackage.json',
    ])('static file %s → 404 on both apps', async (url) => {
      for (const app of [h.portal, h.backoffice]) {
        const response = await new Api(app).get(url);
        expect(response.status).toBe(404);
        expect(response.raw.toString('utf8')).not.toMatch(PACKAGE_JSON);
      }
    });

    it('the back office\'s material download and preview (/cases/:id/materials/:materialId) with traversal or a stored file\'s hash → 404', async () => {
      const [material] = await h.db.query(`SELECT id, sha256 FROM materials WHERE application_id = $1 ORDER BY uploaded_at LIMIT 1`, [fileId]);
      // The route serves the clerk this file's material, so every 404 below is the path refused, not the clerk.
      const served = await eventually(async () => {
        const response = await clerk.get(`/cases/${fileId}/materials/${material.id}`);
        return response.status === 200 ? response : undefined;
      }, 20000, 'the material served to the clerk');
      expect(served.raw.equals(SAMPLE_FILES.pdf())).toBe(true);
      for (const url of [
        `/cases/${fileId}/materials/..%2F..%2F..%2F..%2Fpackage.json`,
        `/cases/${fileId}/materials/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json`,
        `/cases/${fileId}/materials/${material.id}%2F..%2F..%2F..%2F..%2Fpackage.json`,
        `/cases/${fileId}/materials/..%2F${material.id}`,
        `/cases/${fileId}/materials/..%5C..%5Cpackage.json`,
        `/cases/..%2F..%2F..%2Fpackage.json/materials/${material.id}`,
        `/cases/${fileId}%2F..%2F..%2Fpackage.json/materials/${material.id}`,
        `/cases/${fileId}/materials/..%2F..%2F..%2F..%2Fpackage.json/preview`,
        `/cases/${fileId}/materials/${material.id}%2F..%2F..%2Fpackage.json/preview`,
        // The storage key is not an address: a material is named by its id under its own file only.
        `/cases/${fileId}/materials/${material.sha256}`,
        `/cases/${fileId}/materials/${material.sha256.slice(0, 2)}%2F${material.sha256}`,
        `/cases/${draftId}/materials/${material.id}`,
      ]) {
        const response = await clerk.get(url);
        expect({ url, status: response.status }).toEqual({ url, status: 404 });
        expect(response.raw.toString('utf8')).not.toMatch(PACKAGE_JSON);
        expect(response.raw.equals(SAMPLE_FILES.pdf())).toBe(false);
      }
    });

    it('staff file routes with traversal in the id → 404', async () => {
      for (const url of ['/api/applications/..%2F..%2Fpackage.json', `/api/applications/${fileId}%2F..%2F${randomUUID()}`]) {
        expect((await clerk.get(url)).status).toBe(404);
      }
    });
  });
});
