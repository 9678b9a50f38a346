import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exampleForm,
  getService,
  isConstructionPermitNumber,
  isEngineeringPlanningPermitNumber,
  isFoodPermitNumber,
  isLandPlanningPermitNumber,
  isProjectCode,
  isValidUscc,
  SERVICES,
} from '@onewindow/domain';
import { Api, SAMPLE_FILES } from './support/api';
import { entityName, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ow-cert-')), 'certificate.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
}

const NUMBER_FORMATS: Record<string, (n: string) => boolean> = {
  'business-license': (n) => isValidUscc(n) && n.startsWith('91'),
  'food-business': isFoodPermitNumber,
  'investment-filing': isProjectCode,
  'land-planning': isLandPlanningPermitNumber,
  'engineering-planning': isEngineeringPlanningPermitNumber,
  construction: isConstructionPermitNumber,
  'non-enterprise': (n) => isValidUscc(n) && n.startsWith('52'),
  'social-group': (n) => isValidUscc(n) && n.startsWith('51'),
};

describe('all eight services online (全程网办), each to its own certificate', () => {
  let h: Harness;
  let me: Api;
  let staff: { clerk: Api; reviewer: Api; sealer: Api };
  const issued: Record<string, { number: string; holder: string }> = {};

  beforeAll(async () => {
    h = await startHarness();
    const portal = new Api(h.portal);
    const backoffice = new Api(h.backoffice);
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '刘建海', phone, idNumber: residentId(), password: 'long-enough-password' });
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
    await createStaff(h.db, { username: 'eight-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'eight-reviewer', roles: ['reviewer'], sections: [...new Set(SERVICES.map((s) => s.section))] });
    await createStaff(h.db, { username: 'eight-sealer', roles: ['seal_officer'] });
    const login = async (username: string) => backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);
    staff = { clerk: await login('eight-clerk'), reviewer: await login('eight-reviewer'), sealer: await login('eight-sealer') };
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Files a form, uploads exactly the materials submit says are missing, and walks it to issue. */
  async function fileToIssue(serviceCode: string, form: Record<string, unknown>) {
    const draft = await me.post('/api/applications', { serviceCode, form });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    const first = await me.post(`/api/applications/${id}/submit`);
    if (first.status !== 202) {
      expect(first.status).toBe(422);
      const missing = Object.keys(first.body.fields);
      expect(missing.every((f) => f.startsWith('materials.'))).toBe(true);
      for (const field of missing) {
        const upload = await me.upload(`/api/applications/${id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
        expect(upload.status).toBe(201);
      }
      expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
    }
    const routed = await eventually(async () => {
      const view = (await me.get(`/api/applications/${id}`)).body;
      return view.state === 'submitted' ? undefined : view;
    });
    expect(routed.state).toBe('awaiting_acceptance');
    expect(routed.clock.acceptanceDueAt).toMatch(/\+08:00$/);

    expect((await staff.clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const accepted = await staff.clerk.post(`/api/applications/${id}/accept`);
    expect(accepted.status).toBe(200);
    const service = getService(serviceCode)!;
    expect(accepted.body.state).toBe(service.hasReviewStep ? 'under_review' : 'awaiting_seal');
    if (service.hasReviewStep) {
      expect((await staff.reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
      expect((await staff.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，符合法定条件，准予许可。' })).status).toBe(200);
    }
    expect((await staff.sealer.post(`/api/applications/${id}/seal`)).status).toBe(200);
    const done = await eventually(async () => {
      const view = (await me.get(`/api/applications/${id}`)).body;
      return view.state === 'issued' ? view : undefined;
    }, 20000, `${serviceCode} issued`);
    const pdf = await me.get(`/api/applications/${id}/license.pdf`);
    expect(pdf.status).toBe(200);
    return { id, view: done, number: done.license.number as string, text: pdfText(pdf.raw), form: done.form };
  }

  function expectCertificate(serviceCode: string, result: { number: string; text: string }, holder: string) {
    expect(NUMBER_FORMATS[serviceCode](result.number)).toBe(true);
    expect(result.text).toContain(getService(serviceCode)!.license.title);
    expect(result.text).toContain(result.number);
    expect(result.text).toContain(holder);
    issued[serviceCode] = { number: result.number, holder };
  }

  it('营业执照', async () => {
    const form = { ...exampleForm('business-license')!, name: entityName() };
    const result = await fileToIssue('business-license', form);
    expectCertificate('business-license', result, form.name as string);
  });

  it("食品经营许可证, taking the operator's particulars from its OneWindow business licence", async () => {
    const licence = issued['business-license'];
    const form = exampleForm('food-business')!;
    delete form.operatorName;
    delete form.legalRepresentative;
    delete form.domicile;
    const result = await fileToIssue('food-business', { ...form, creditCode: licence.number });
    expect(result.form.operatorName).toBe(licence.holder);
    expect(result.form.legalRepresentative).toBe('刘建海');
    expectCertificate('food-business', result, licence.holder);
    expect(result.text).toContain('12315');
  });

  it('企业投资项目备案 goes from acceptance straight to the seal and gives the project code', async () => {
    const form = { ...exampleForm('investment-filing')!, companyName: issued['business-license'].holder, companyCreditCode: issued['business-license'].number };
    const result = await fileToIssue('investment-filing', form);
    expect(result.view.timeline.map((t: { action: string }) => t.action)).not.toContain('approve');
    expectCertificate('investment-filing', result, form.companyName);
  });

  it('a construction permit before the project has its planning permits is refused, naming the project code', async () => {
    const draft = await me.post('/api/applications', { serviceCode: 'construction', form: { ...exampleForm('construction')!, projectCode: issued['investment-filing'].number } });
    const submit = await me.post(`/api/applications/${draft.body.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.fields['form.projectCode']).toContain('建设工程规划许可证');
  });

  it("建设用地规划许可证, reusing the filing's project code and particulars", async () => {
    const form = exampleForm('land-planning')!;
    delete form.projectName;
    delete form.landUser;
    const result = await fileToIssue('land-planning', { ...form, projectCode: issued['investment-filing'].number });
    expect(result.form.projectName).toBe(exampleForm('investment-filing')!.projectName);
    expect(result.view.materials.find((m: { code: string }) => m.code === 'project_filing').uploaded).toEqual([]);
    expectCertificate('land-planning', result, issued['business-license'].holder);
  });

  it('建设工程规划许可证', async () => {
    const result = await fileToIssue('engineering-planning', { ...exampleForm('engineering-planning')!, projectCode: issued['investment-filing'].number });
    expectCertificate('engineering-planning', result, issued['business-license'].holder);
  });

  it('建筑工程施工许可证, once the engineering planning permit exists', async () => {
    const result = await fileToIssue('construction', { ...exampleForm('construction')!, projectCode: issued['investment-filing'].number });
    expectCertificate('construction', result, issued['business-license'].holder);
  });

  it('民办非企业单位登记证书', async () => {
    const form = { ...exampleForm('non-enterprise')!, name: entityName('职业培训学校') };
    expectCertificate('non-enterprise', await fileToIssue('non-enterprise', form), form.name as string);
  });

  it('社会团体法人登记证书', async () => {
    const form = { ...exampleForm('social-group')!, name: entityName('协会') };
    expectCertificate('social-group', await fileToIssue('social-group', form), form.name as string);
  });

  it('the catalogue serves all eight with their form schemas', async () => {
    const list = await me.get('/api/services');
    expect(list.body.map((s: { code: string }) => s.code).sort()).toEqual(SERVICES.map((s) => s.code).sort());
    for (const service of SERVICES) {
      const one = await me.get(`/api/services/${service.code}`);
      expect(one.status).toBe(200);
      expect(one.body.formSchema.properties).toBeDefined();
    }
  });
});
