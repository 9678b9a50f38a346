import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

describe('assisted filing (帮办、代办) for a walk-in applicant without an account', () => {
  let h: Harness;
  let portal: Api;
  let backoffice: Api;

  beforeAll(async () => {
    h = await startHarness();
    portal = new Api(h.portal);
    backoffice = new Api(h.backoffice);
    await createStaff(h.db, { username: 'af-helper', roles: ['helper'] });
    await createStaff(h.db, { username: 'af-other-helper', roles: ['helper'] });
    await createStaff(h.db, { username: 'af-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'af-reviewer', roles: ['reviewer'], sections: ['market_registration'] });
    await createStaff(h.db, { username: 'af-sealer', roles: ['seal_officer'] });
    await createStaff(h.db, { username: 'af-vendor', roles: ['seal_vendor'] });
  });

  afterAll(async () => {
    await h?.close();
  });

  const staff = async (username: string) => backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);

  it('staff file with the written authorisation; the person tracks it, sets a password by SMS link, signs in and downloads the licence', async () => {
    const helper = await staff('af-helper');
    const person = { name: '张桂兰', phone: mobile(), idNumber: residentId('19620308') };

    const scan = await helper.upload('/api/assisted-filings/authorizations', {}, { name: '授权委托书.pdf', content: SAMPLE_FILES.pdf() });
    expect(scan.status).toBe(201);
    const filed = await helper.post('/api/assisted-filings', {
      applicant: person,
      serviceCode: 'business-license',
      form: businessLicenseForm({ legalRepresentative: { name: person.name, idNumber: person.idNumber, phone: person.phone }, shareholders: [{ name: person.name, idNumber: person.idNumber, contribution: '500' }] }),
      authorization: { number: 'WT-2026-0188', materialId: scan.body.materialId },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.applicantAccountCreated).toBe(true);
    const id = filed.body.id;
    const number = filed.body.number;

    // Only the filer (or a helper of its key project) works on it here.
    const other = await staff('af-other-helper');
    expect((await other.post(`/api/assisted-filings/${id}/submit`)).status).toBe(422);
    expect((await (await staff('af-vendor')).post('/api/assisted-filings', {})).status).toBe(403);

    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      const upload = await helper.upload(`/api/assisted-filings/${id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      expect(upload.status).toBe(201);
    }
    expect((await helper.post(`/api/assisted-filings/${id}/submit`)).status).toBe(202);

    // The person tracks it by number + phone, with nothing personal in the answer.
    const tracked = await eventually(async () => {
      const t = await portal.get(`/api/track?number=${number}&phone=${person.phone}`);
      return t.body.state === 'awaiting_acceptance' ? t : undefined;
    });
    expect(tracked.status).toBe(200);
    expect(tracked.body.stateLabel).toBe('待受理');
    expect(JSON.stringify(tracked.body)).not.toContain(person.idNumber);
    expect(JSON.stringify(tracked.body)).not.toContain(person.name);
    expect((await portal.get(`/api/track?number=${number}&phone=13900000000`)).status).toBe(404);

    // The SMS in the development outbox carries the set-password link.
    const [sms] = await h.db.query(`SELECT recipient, body FROM notifications WHERE template = 'set-password' AND application_id = $1`, [id]);
    expect(sms.recipient).toBe(person.phone);
    // It names the file and the person, says how to track it and how long the link works.
    expect(sms.body).toMatch(new RegExp(`^【平鲁区行政审批局】${person.name}您好，.*办件编号${number}.*凭办件编号和本手机号可随时查询进度.*/set-password\\?token=[A-Za-z0-9_-]+（72小时内有效）。$`));
    const token = /token=([A-Za-z0-9_-]+)/.exec(sms.body)![1];
    // A deliberate failure, from an address of its own: no other file's sign-ins from 127.0.0.1 meet it under the per-address limit.
    expect((await portal.post('/api/auth/login', { phone: person.phone, password: 'my-new-password-1' }, { 'x-forwarded-for': '203.0.113.221' })).status).toBe(401);
    expect((await portal.post('/api/auth/set-password', { token, password: 'my-new-password-1' })).status).toBe(204);
    expect((await portal.post('/api/auth/set-password', { token, password: 'my-new-password-2' })).status).toBe(422);
    const login = await portal.post('/api/auth/login', { phone: person.phone, password: 'my-new-password-1' });
    expect(login.status).toBe(200);
    const me = portal.as(login.body.token);
    const mine = await me.get(`/api/applications/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.filedBy.authorizationNumber).toBe('WT-2026-0188');

    const clerk = await staff('af-clerk');
    await clerk.post(`/api/applications/${id}/claim`);
    expect((await clerk.post(`/api/applications/${id}/accept`)).status).toBe(200);
    const reviewer = await staff('af-reviewer');
    await reviewer.post(`/api/applications/${id}/claim`);
    expect((await reviewer.post(`/api/applications/${id}/approve`, { opinion: '准予设立登记' })).status).toBe(200);
    expect((await (await staff('af-sealer')).post(`/api/applications/${id}/seal`)).status).toBe(200);
    await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'issued' ? true : undefined), 20000, 'issued');
    const pdf = await me.get(`/api/applications/${id}/license.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a phone already registered to another ID number is refused (409)', async () => {
    const helper = await staff('af-helper');
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '王五', phone, idNumber: residentId(), password: 'long-enough-password' });
    const scan = await helper.upload('/api/assisted-filings/authorizations', {}, { name: 'a.pdf', content: SAMPLE_FILES.pdf() });
    const filed = await helper.post('/api/assisted-filings', {
      applicant: { name: '赵六', phone, idNumber: residentId() },
      serviceCode: 'business-license',
      form: {},
      authorization: { number: 'WT-1', materialId: scan.body.materialId },
    });
    expect(filed.status).toBe(409);
  });
});
