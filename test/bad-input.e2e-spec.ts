import { ApplicationEntity } from '@onewindow/persistence';
import { TransitionService } from '@onewindow/applications';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

describe('bad input gets a clear 4xx naming the field, never a 500', () => {
  let h: Harness;
  let portal: Api;
  let backoffice: Api;
  let me: Api;

  beforeAll(async () => {
    h = await startHarness();
    portal = new Api(h.portal);
    backoffice = new Api(h.backoffice);
    const phone = mobile();
    expect((await portal.post('/api/auth/register', { name: '钱学森', phone, idNumber: residentId(), password: 'long-enough-password' })).status).toBe(201);
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('registration', () => {
    const valid = () => ({ name: '李四', phone: mobile(), idNumber: residentId(), password: 'long-enough-password' });
    it.each([
      ['a number where text is expected', { phone: 13800000000 }, 'phone'],
      ['a mobile number of the wrong shape', { phone: '12345' }, 'phone'],
      ['an ID number with a wrong check digit', { idNumber: '11010519491231002Y' }, 'idNumber'],
      ['an ID number with an impossible birth date', { idNumber: '110105194902300027' }, 'idNumber'],
      ['a password under 10 characters', { password: 'short' }, 'password'],
      ['an oversized name', { name: '长'.repeat(51) }, 'name'],
      ['an unknown field', { nickname: 'x' }, 'nickname'],
    ])('%s → 400 naming %s', async (_what, change, field) => {
      const response = await portal.post('/api/auth/register', { ...valid(), ...change });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toContain(field);
    });

    it('a second account for the same mobile number → 409', async () => {
      const first = valid();
      expect((await portal.post('/api/auth/register', first)).status).toBe(201);
      const again = await portal.post('/api/auth/register', { ...valid(), phone: first.phone });
      expect(again.status).toBe(409);
    });

    it('answers in English when asked', async () => {
      const response = await portal.post('/api/auth/register', { ...valid(), password: 'short' }, { 'accept-language': 'en' });
      expect(response.body.fields.password).toBe('The password needs at least 10 characters');
      const zh = await portal.post('/api/auth/register', { ...valid(), password: 'short' });
      expect(zh.body.fields.password).toBe('密码至少 10 位');
    });

    it('malformed JSON → 400', async () => {
      const response = await portal.request('POST', '/api/auth/register', '{"name": ', { 'content-type': 'application/json' });
      expect(response.status).toBe(400);
    });
  });

  describe('drafts', () => {
    it.each([
      ['registered capital as a number', { registeredCapital: 500 }, 'form.registeredCapital'],
      ['registered capital with five decimals', { registeredCapital: '1.23456' }, 'form.registeredCapital'],
      ['an unknown entity type', { entityType: 'joint_venture' }, 'form.entityType'],
      ['a name with Latin letters', { name: '朔州市ABC有限公司' }, 'form.name'],
      ['an oversized domicile', { domicile: '山'.repeat(300) }, 'form.domicile'],
      ['an unknown field', { nickname: '小刘' }, 'form.nickname'],
      ['a bad legal representative ID', { legalRepresentative: { name: '刘建海', idNumber: '110105194912310021' } }, 'form.legalRepresentative.idNumber'],
      ['a bad shareholder ID', { shareholders: [{ name: '刘建海', idNumber: '123', contribution: '500' }] }, 'form.shareholders.0.idNumber'],
      ['an unknown nested field', { term: { from: '2026-12-01', to: null, forever: true } }, 'form.term.forever'],
      ['a shareholders object instead of a list', { shareholders: { name: '刘建海' } }, 'form.shareholders'],
    ])('%s → 400 naming %s', async (_what, form, field) => {
      const response = await me.post('/api/applications', { serviceCode: 'business-license', form });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toContain(field);
    });

    it('an unknown service → 400 naming serviceCode', async () => {
      const response = await me.post('/api/applications', { serviceCode: 'fishing-licence', form: {} });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toContain('serviceCode');
    });

    it('an unknown top-level field → 400 naming it', async () => {
      const response = await me.post('/api/applications', { serviceCode: 'business-license', form: {}, priority: 'high' });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields)).toContain('priority');
    });

    it('a partial draft is fine; submitting it lists every gap (422), materials included', async () => {
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: { name: '朔州市平鲁区恒山新材料有限公司' } });
      expect(draft.status).toBe(201);
      const submit = await me.post(`/api/applications/${draft.body.id}/submit`);
      expect(submit.status).toBe(422);
      expect(submit.body.error).toBe('submission_incomplete');
      expect(Object.keys(submit.body.fields)).toEqual(
        expect.arrayContaining(['form.domicile', 'form.registeredCapital', 'form.legalRepresentative', 'materials.application_form', 'materials.articles']),
      );
      expect(Object.keys(submit.body.fields)).not.toContain('form.name');
    });

    it("contributions that don't add up to the registered capital are refused at submit", async () => {
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm({ registeredCapital: '600' }) });
      const submit = await me.post(`/api/applications/${draft.body.id}/submit`);
      expect(submit.status).toBe(422);
      expect(Object.keys(submit.body.fields).some((f) => f.startsWith('form.shareholders'))).toBe(true);
    });

    it('uploads: a renamed executable → 415, an unknown material → 400, no file → 400', async () => {
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: {} });
      const id = draft.body.id;
      const exe = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'articles.pdf', content: SAMPLE_FILES.elf(), type: 'application/pdf' });
      expect(exe.status).toBe(415);
      expect(exe.body.error).toBe('unsupported_type');
      const unknown = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'selfie' }, { name: 'a.png', content: SAMPLE_FILES.png() });
      expect(unknown.status).toBe(400);
      expect(Object.keys(unknown.body.fields)).toContain('materialCode');
      const none = await me.post(`/api/applications/${id}/materials`, {});
      expect(none.status).toBe(400);
    });

    it('an oversize upload → 413', async () => {
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: {} });
      const big = Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(h.config.UPLOAD_MAX_BYTES + 1024, 0x20)]);
      const response = await me.upload(`/api/applications/${draft.body.id}/materials`, { materialCode: 'articles' }, { name: 'big.pdf', content: big });
      expect(response.status).toBe(413);
      expect(response.body.error).toBe('too_large');
    });

    it('someone else’s file, and a malformed id, are 404', async () => {
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: {} });
      const phone = mobile();
      await portal.post('/api/auth/register', { name: '孙悟空', phone, idNumber: residentId(), password: 'long-enough-password' });
      const other = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
      expect((await other.get(`/api/applications/${draft.body.id}`)).status).toBe(404);
      expect((await other.patch(`/api/applications/${draft.body.id}`, { form: {} })).status).toBe(404);
      expect((await other.get('/api/applications/not-a-uuid')).status).toBe(404);
    });
  });

  describe('transitions', () => {
    let fileId: string;

    beforeAll(async () => {
      await createStaff(h.db, { username: 'bad-clerk-1', roles: ['window_clerk'] });
      await createStaff(h.db, { username: 'bad-clerk-2', roles: ['window_clerk'] });
      const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() });
      fileId = draft.body.id;
      for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
        await me.upload(`/api/applications/${fileId}/materials`, { materialCode }, { name: 'scan.png', content: SAMPLE_FILES.png() });
      }
      expect((await me.post(`/api/applications/${fileId}/submit`)).status).toBe(202);
      await eventually(async () => ((await me.get(`/api/applications/${fileId}`)).body.state === 'awaiting_acceptance' ? true : undefined));
    });

    const staff = async (username: string) => backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);

    it('submitting a file that is no longer a draft → 422 naming the rule', async () => {
      const response = await me.post(`/api/applications/${fileId}/submit`);
      expect(response.status).toBe(422);
      expect(response.body.error).toBe('transition_refused');
    });

    it('editing a submitted file → 422', async () => {
      expect((await me.patch(`/api/applications/${fileId}`, { form: {} })).status).toBe(422);
    });

    it('accepting without a claim → 422; refusing without a reason → 400; a role that may never act → 403', async () => {
      const clerk = await staff('bad-clerk-1');
      const accept = await clerk.post(`/api/applications/${fileId}/accept`);
      expect(accept.status).toBe(422);
      expect(accept.body.message).toBe('请先认领该办件');
      expect((await clerk.post(`/api/applications/${fileId}/refuse`, {})).status).toBe(400);
      expect((await clerk.post(`/api/applications/${fileId}/seal`)).status).toBe(403);
      expect((await clerk.post(`/api/applications/${fileId}/approve`, { opinion: '同意' })).status).toBe(403);
    });

    it('two clerks claiming at once: one wins, the other gets 409', async () => {
      const [a, b] = await Promise.all([staff('bad-clerk-1'), staff('bad-clerk-2')]);
      const results = await Promise.all([a.post(`/api/applications/${fileId}/claim`), b.post(`/api/applications/${fileId}/claim`)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('a transition decided on a state that changed since it was read → 409, and nothing is overwritten', async () => {
      const transitions = h.portal.get(TransitionService);
      const stale = await h.db.getRepository(ApplicationEntity).findOneByOrFail({ id: fileId });
      const holder = stale.claimHolderId!;
      const clerk = { kind: 'staff' as const, id: holder, name: 'clerk', roles: ['window_clerk'], sections: [] };
      // Someone else moves the file on first …
      await transitions.apply(fileId, { action: 'refuse', actor: clerk, reason: '不属于本机关职权范围' });
      // … and the decision taken on the stale read loses the race.
      await expect(transitions.applyIn(h.db.manager, fileId, { action: 'accept', actor: clerk }, stale)).rejects.toMatchObject({ code: 'conflict' });
      const after = await h.db.getRepository(ApplicationEntity).findOneByOrFail({ id: fileId });
      expect(after.state).toBe('not_accepted');
    });
  });

  it('a state-changing request with the session cookie but no CSRF token → 403', async () => {
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '周星驰', phone, idNumber: residentId(), password: 'long-enough-password' });
    const login = await portal.post('/api/auth/login', { phone, password: 'long-enough-password' });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const response = await portal.request('POST', '/api/applications', { serviceCode: 'business-license', form: {} }, { cookie });
    expect(response.status).toBe(403);
    const read = await portal.request('GET', '/api/applications', undefined, { cookie });
    expect(read.status).toBe(200);
  });
});
