import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidUscc } from '@onewindow/domain';
import { verifyAuditChain } from '@onewindow/applications';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

const REQUIRED_MATERIALS = ['application_form', 'legal_rep_id', 'domicile_proof', 'articles'];

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ow-pdf-'));
  const file = join(dir, 'license.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`pdftotext failed (apt-get install -y poppler-utils): ${(error as Error).message}`);
  }
}

async function registerApplicant(portal: Api, name = '刘建海') {
  const phone = mobile();
  const password = 'correct-horse-battery';
  const registered = await portal.post('/api/auth/register', { name, phone, idNumber: residentId(), password });
  expect(registered.status).toBe(201);
  const login = await portal.post('/api/auth/login', { phone, password });
  expect(login.status).toBe(200);
  return { phone, password, token: login.body.token as string };
}

describe('a business licence from filing to PDF (营业执照全流程)', () => {
  let h: Harness;
  let portal: Api;
  let backoffice: Api;
  /** The file the journey issues; later tests replay work on it. */
  let issuedId: string;

  beforeAll(async () => {
    h = await startHarness();
    portal = new Api(h.portal);
    backoffice = new Api(h.backoffice);
    await createStaff(h.db, { username: 'journey-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'journey-reviewer', roles: ['reviewer'], sections: ['market_registration'] });
    await createStaff(h.db, { username: 'journey-sealer', roles: ['seal_officer'] });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function staffToken(username: string): Promise<string> {
    const login = await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD });
    expect(login.status).toBe(200);
    return login.body.token;
  }

  it('registers, files, is accepted, approved, sealed and issued, and the applicant downloads a licence that reads right', async () => {
    // 1. Register and sign in.
    const applicant = await registerApplicant(portal);
    const me = portal.as(applicant.token);

    // 2. Draft, edit, upload, submit (twice with one Idempotency-Key).
    const form = businessLicenseForm();
    const created = await me.post('/api/applications', { serviceCode: 'business-license', form: { name: form.name } });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('draft');
    expect(created.body.number).toMatch(/^140603\d{8}\d{6}$/);
    const id: string = created.body.id;

    const edited = await me.patch(`/api/applications/${id}`, { form });
    expect(edited.status).toBe(200);
    expect(edited.body.form.registeredCapital).toBe('500');

    for (const materialCode of REQUIRED_MATERIALS) {
      const upload = await me.upload(`/api/applications/${id}/materials`, { materialCode }, { name: `${materialCode}.pdf`, content: SAMPLE_FILES.pdf() });
      expect(upload.status).toBe(201);
      expect(upload.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    }

    const [first, second] = await Promise.all([
      me.post(`/api/applications/${id}/submit`, {}, { 'idempotency-key': `submit-${id}` }),
      me.post(`/api/applications/${id}/submit`, {}, { 'idempotency-key': `submit-${id}` }),
    ]);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    const submits = await h.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE application_id = $1 AND action = 'submit'`, [id]);
    expect(submits[0].n).toBe(1);

    // 3. The worker's precheck routes the file to the window.
    await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 15000, 'precheck');

    // 4. Clerk: inbox, claim, accept. Reviewer approves. Seal officer seals.
    const clerk = backoffice.as(await staffToken('journey-clerk'));
    const inbox = await clerk.get('/api/inbox?service=business-license&claimedBy=none&limit=200');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    expect((await clerk.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const accepted = await clerk.post(`/api/applications/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('under_review');

    const reviewer = backoffice.as(await staffToken('journey-reviewer'));
    expect((await reviewer.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const approved = await reviewer.post(`/api/applications/${id}/approve`, { opinion: '材料齐全，符合法定形式，准予登记。' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('awaiting_seal');

    const sealer = backoffice.as(await staffToken('journey-sealer'));
    const sealed = await sealer.post(`/api/applications/${id}/seal`);
    expect(sealed.status).toBe(200);
    expect(sealed.body.state).toBe('issuing');

    // 5. The issuance job allocates the credit code, renders and stores the PDF.
    const issued = await eventually(async () => {
      const view = await me.get(`/api/applications/${id}`);
      return view.body.state === 'issued' ? view.body : undefined;
    }, 20000, 'issuance');
    issuedId = id;
    const creditCode: string = issued.license.number;
    expect(creditCode).toMatch(/^91140603/);
    expect(isValidUscc(creditCode)).toBe(true);
    expect(issued.timeline.map((t: { action: string }) => t.action)).toEqual(
      expect.arrayContaining(['create', 'submit', 'precheck_pass', 'accept', 'approve', 'seal', 'issued']),
    );

    // 6. Download; the PDF reads right; the same bytes every time; no one else gets it.
    const pdf = await me.get(`/api/applications/${id}/license.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.raw);
    expect(text).toContain('营业执照');
    expect(text).toContain(form.name);
    expect(text).toContain(creditCode);
    expect((await me.get(`/api/applications/${id}/license.pdf`)).raw.equals(pdf.raw)).toBe(true);

    const stranger = await registerApplicant(portal, '王小明');
    expect((await portal.as(stranger.token).get(`/api/applications/${id}/license.pdf`)).status).toBe(404);
    expect((await portal.as(stranger.token).get(`/api/applications/${id}`)).status).toBe(404);
    // An applicant's token opens no staff route.
    for (const path of ['/api/inbox', `/api/applications/${id}`]) {
      expect((await backoffice.as(applicant.token).get(path)).status).toBe(403);
    }
    expect((await backoffice.as(applicant.token).post(`/api/applications/${id}/revoke`, { reason: 'x' })).status).toBe(403);

    // The audit chain of the file is intact, and the app role cannot rewrite it.
    expect(await verifyAuditChain(h.db.manager, id)).toBeNull();
  });

  it('re-running the issuance job issues nothing twice', async () => {
    const { IssuanceService } = await import('@onewindow/applications');
    const issuance = h.worker!.get(IssuanceService);
    expect(await issuance.issue(issuedId)).toBe('skipped');
    const counts = await h.db.query(`SELECT count(*)::int AS n FROM licenses WHERE application_id = $1`, [issuedId]);
    expect(counts[0].n).toBe(1);
  });

  it('logout ends the session at once', async () => {
    const applicant = await registerApplicant(portal, '赵敏');
    const me = portal.as(applicant.token);
    expect((await me.get('/api/applications')).status).toBe(200);
    expect((await me.post('/api/auth/logout')).status).toBe(204);
    expect((await me.get('/api/applications')).status).toBe(401);
  });
});
