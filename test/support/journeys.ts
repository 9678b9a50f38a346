import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getService, SERVICES } from '@onewindow/domain';
import { Api, SAMPLE_FILES } from './api';
import { businessLicenseForm, mobile, residentId } from './factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD } from './harness';

export interface Desk {
  clerk: Api;
  reviewer: Api;
  sealer: Api;
}

/** A signed-in applicant of this run. */
export async function signedInApplicant(h: Harness, name = '刘建海'): Promise<{ api: Api; phone: string }> {
  const portal = new Api(h.portal);
  const phone = mobile();
  await portal.post('/api/auth/register', { name, phone, idNumber: residentId(), password: 'long-enough-password' });
  return { api: portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token), phone };
}

/** A clerk, a reviewer of every section and a seal officer, signed in (usernames prefixed for this file). */
export async function staffDesk(h: Harness, prefix: string): Promise<Desk> {
  const backoffice = new Api(h.backoffice);
  await createStaff(h.db, { username: `${prefix}-clerk`, roles: ['window_clerk'] });
  await createStaff(h.db, { username: `${prefix}-reviewer`, roles: ['reviewer'], sections: [...new Set(SERVICES.map((s) => s.section))] });
  await createStaff(h.db, { username: `${prefix}-sealer`, roles: ['seal_officer'] });
  const login = async (username: string) => backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);
  return { clerk: await login(`${prefix}-clerk`), reviewer: await login(`${prefix}-reviewer`), sealer: await login(`${prefix}-sealer`) };
}

export function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ow-pdf-')), 'file.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Decodes the QR code of a PDF's first page as a phone camera would (poppler-utils + zbar-tools). */
export function qrOfPdf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ow-qr-'));
  writeFileSync(join(dir, 'file.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', join(dir, 'file.pdf'), join(dir, 'page')]);
  const png = execFileSync('sh', ['-c', `ls ${dir}/page*.png | head -1`], { encoding: 'utf8' }).trim();
  return execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
}

/**
 * A draft of `form` with exactly the materials a first submit says are missing uploaded (a scan
 * each). `submitted` says whether that first submit went through already (nothing was missing).
 */
export async function draftWithMaterials(me: Api, serviceCode: string, form: Record<string, unknown>): Promise<{ id: string; submitted: boolean }> {
  const draft = await me.post('/api/applications', { serviceCode, form });
  if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  const id: string = draft.body.id;
  const first = await me.post(`/api/applications/${id}/submit`);
  if (first.status === 202) return { id, submitted: true };
  if (first.status !== 422) throw new Error(`submit: ${first.status} ${JSON.stringify(first.body)}`);
  for (const field of Object.keys(first.body.fields)) {
    if (!field.startsWith('materials.')) throw new Error(`incomplete: ${field} ${first.body.fields[field]}`);
    const upload = await me.upload(`/api/applications/${id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
    if (upload.status !== 201) throw new Error(`upload ${field}: ${upload.status} ${JSON.stringify(upload.body)}`);
  }
  return { id, submitted: false };
}

/** A file submitted through the portal (a business licence unless said) with the materials it asks for; the worker prechecks it. */
export async function submittedFile(me: Api, serviceCode = 'business-license', form: Record<string, unknown> = businessLicenseForm()): Promise<string> {
  const { id, submitted } = await draftWithMaterials(me, serviceCode, form);
  if (!submitted) {
    const second = await me.post(`/api/applications/${id}/submit`);
    if (second.status !== 202) throw new Error(`submit: ${second.status} ${JSON.stringify(second.body)}`);
  }
  return id;
}

/** Files a form, uploads exactly what submit says is missing, and walks the file to `issued`. */
export async function fileToIssue(me: Api, desk: Desk, serviceCode: string, form: Record<string, unknown>) {
  const id = await submittedFile(me, serviceCode, form);
  await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined), 15000, 'precheck');
  await desk.clerk.post(`/api/applications/${id}/claim`);
  const accepted = await desk.clerk.post(`/api/applications/${id}/accept`);
  if (getService(serviceCode)!.hasReviewStep) {
    await desk.reviewer.post(`/api/applications/${id}/claim`);
    await desk.reviewer.post(`/api/applications/${id}/approve`, { opinion: '经审查，准予许可。' });
  }
  void accepted;
  await desk.sealer.post(`/api/applications/${id}/seal`);
  const view = await eventually(async () => {
    const v = (await me.get(`/api/applications/${id}`)).body;
    return v.state === 'issued' ? v : undefined;
  }, 20000, `${serviceCode} issued`);
  const pdf = await me.get(`/api/applications/${id}/license.pdf`);
  return { id, view, number: view.license.number as string, pdf: pdf.raw };
}
