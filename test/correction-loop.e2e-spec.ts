import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ow-notice-')), 'notice.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('one-time correction (一次性告知), the whole loop, with its notices', () => {
  let h: Harness;
  let me: Api;
  let clerk: Api;

  beforeAll(async () => {
    h = await startHarness();
    const portal = new Api(h.portal);
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '补正人', phone, idNumber: residentId(), password: 'long-enough-password' });
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
    await createStaff(h.db, { username: 'loop-clerk', roles: ['window_clerk'] });
    const backoffice = new Api(h.backoffice);
    clerk = backoffice.as((await backoffice.post('/api/auth/login', { username: 'loop-clerk', password: STAFF_PASSWORD })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  const view = async (id: string) => (await me.get(`/api/applications/${id}`)).body;
  const stateIs = (id: string, state: string) => eventually(async () => ((await view(id)).state === state ? view(id) : undefined), 15000, state);
  const noticePdf = async (id: string, kind: string) => {
    const notice = await eventually(async () => (await view(id)).notices.find((n: { kind: string; pdfUrl?: string }) => n.kind === kind && n.pdfUrl), 15000, `${kind} notice`);
    const pdf = await me.get(notice.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return { notice, text: pdfText(pdf.raw) };
  };

  it('clerk asks for three items at once; the applicant fixes exactly those and resubmits; the clerk accepts', async () => {
    const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() });
    const id = draft.body.id;
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      await me.upload(`/api/applications/${id}/materials`, { materialCode }, { name: 'scan.png', content: SAMPLE_FILES.png() });
    }
    await me.post(`/api/applications/${id}/submit`);
    await stateIs(id, 'awaiting_acceptance');
    const receipt = await noticePdf(id, 'receipt');
    expect(receipt.text).toContain('收件凭证');

    const items = [
      { materialCode: 'domicile_proof', reason: '住所使用证明未加盖产权单位公章' },
      { materialCode: 'articles', reason: '公司章程缺少全体股东签字' },
      { field: 'domicile', reason: '住所应写明门牌号及房间号' },
    ];
    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const requested = await clerk.post(`/api/applications/${id}/request-correction`, { items });
    expect(requested.status).toBe(200);
    expect(requested.body.state).toBe('correction_required');

    const waiting = await view(id);
    expect(waiting.clock.status).toBe('paused');
    const list = waiting.corrections.at(-1);
    expect(list.requestedBy).toBe('staff');
    expect(list.items).toEqual(items);
    const correction = await noticePdf(id, 'correction');
    expect(correction.text).toContain('补正材料通知书');
    for (const item of items) expect(correction.text).toContain(item.reason);
    expect(correction.notice.number).toMatch(/^平审补字〔\d{4}〕第\d{6}号$/);

    await me.upload(`/api/applications/${id}/materials`, { materialCode: 'domicile_proof' }, { name: 'domicile-stamped.pdf', content: SAMPLE_FILES.pdf() });
    await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'articles-signed.pdf', content: SAMPLE_FILES.pdf() });
    const form = { ...waiting.form, domicile: '山西省朔州市平鲁区北坪循环经济园区1号楼201室' };
    expect((await me.patch(`/api/applications/${id}`, { form })).status).toBe(200);
    expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
    await stateIs(id, 'awaiting_acceptance');
    expect((await view(id)).corrections.at(-1).resolvedAt).toBeDefined();

    // A second correction needs a reason; without one it is refused.
    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const second = await clerk.post(`/api/applications/${id}/request-correction`, { items: [{ field: 'name', reason: '名称含行业表述不规范' }] });
    expect(second.status).toBe(422);
    expect(second.body.message).toContain('理由');

    const accepted = await clerk.post(`/api/applications/${id}/accept`);
    expect(accepted.status).toBe(200);
    const acceptance = await noticePdf(id, 'acceptance');
    expect(acceptance.text).toContain('受理通知书');
    const timeline = (await view(id)).timeline.map((t: { action: string }) => t.action);
    expect(timeline).toEqual(expect.arrayContaining(['submit', 'precheck_pass', 'request_correction', 'resubmit', 'accept']));
  });
});
