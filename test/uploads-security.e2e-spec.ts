import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILES_PER_APPLICATION } from '@onewindow/applications/upload-limits';
import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';
import { signedInApplicant } from './support/journeys';

/**
 * Uploads: the type is judged by the bytes, size and count are bounded, stored names are the
 * content's hash whatever the file was called, and every file goes back out as a download
 * (Content-Disposition: attachment, X-Content-Type-Options: nosniff).
 */
describe('uploads and downloads', () => {
  let h: Harness;
  let me: Api;

  beforeAll(async () => {
    h = await startHarness();
    me = (await signedInApplicant(h, '王淑芬')).api;
  });

  afterAll(async () => {
    await h?.close();
  });

  const newDraft = async () => (await me.post('/api/applications', { serviceCode: 'business-license', form: {} })).body.id as string;
  const files = async (id: string) => (await h.db.query('SELECT count(*)::int AS n FROM materials WHERE application_id = $1', [id]))[0].n as number;
  const pdf = (i: number) => Buffer.concat([SAMPLE_FILES.pdf(), Buffer.from(`% ${i}\n`)]);

  it('judges the type by the bytes, not the name or the declared type', async () => {
    const id = await newDraft();
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    for (const [name, content] of [['scan.pdf', SAMPLE_FILES.elf()], ['scan.png', html], ['scan.jpg', Buffer.from('GIF89a-not-accepted')]] as const) {
      const response = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name, content, type: 'application/pdf' });
      expect(response.status).toBe(415);
      expect(response.body.error).toBe('unsupported_type');
    }
    expect(await files(id)).toBe(0);
  });

  it(`holds at most ${MAX_FILES_PER_APPLICATION} files per application: the next is 413 naming file, and nothing is stored for it`, async () => {
    const id = await newDraft();
    for (let i = 0; i < MAX_FILES_PER_APPLICATION; i++) {
      const response = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: `p${i}.pdf`, content: pdf(i) });
      expect(response.status).toBe(201);
    }
    const over = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: 'one-more.pdf', content: pdf(999) });
    expect(over.status).toBe(413);
    expect(over.body.error).toBe('too_large');
    expect(Object.keys(over.body.fields)).toEqual(['file']);
    expect(await files(id)).toBe(MAX_FILES_PER_APPLICATION);
  });

  it('uploads arriving at once never take a file past the limit', async () => {
    const id = await newDraft();
    for (let i = 0; i < MAX_FILES_PER_APPLICATION - 3; i++) await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: `p${i}.pdf`, content: pdf(i) });
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: `b${i}.pdf`, content: pdf(100 + i) })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(3);
    expect(burst.filter((r) => r.status === 413)).toHaveLength(7);
    expect(await files(id)).toBe(MAX_FILES_PER_APPLICATION);
  });

  it('stores files under their SHA-256, never under the name they came with', async () => {
    const id = await newDraft();
    const response = await me.upload(`/api/applications/${id}/materials`, { materialCode: 'articles' }, { name: '../../../../tmp/evil.pdf', content: pdf(4242) });
    expect(response.status).toBe(201);
    const sha: string = response.body.sha256;
    expect(statSync(join(h.config.STORAGE_DIR, sha.slice(0, 2), sha)).isFile()).toBe(true);
    const [row] = await h.db.query('SELECT file_name FROM materials WHERE id = $1', [response.body.id]);
    expect(row.file_name).not.toMatch(/[\\/]/);
    const names = readdirSync(h.config.STORAGE_DIR, { recursive: true }).map(String);
    expect(names.some((n) => n.includes('evil'))).toBe(false);
  });

  it('notices and licences are served as downloads: attachment, nosniff, the PDF type, and not cached', async () => {
    const id = (await me.post('/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() })).body.id;
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      await me.upload(`/api/applications/${id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
    }
    expect((await me.post(`/api/applications/${id}/submit`)).status).toBe(202);
    const view = await eventually(async () => {
      const v = (await me.get(`/api/applications/${id}`)).body;
      return v.notices?.some((n: { pdfUrl?: string }) => n.pdfUrl) ? v : undefined;
    }, 20000, 'the receipt notice');
    const notice = await me.get(view.notices.find((n: { pdfUrl?: string }) => n.pdfUrl).pdfUrl);
    expect(notice.status).toBe(200);
    expect(notice.headers['content-type']).toBe('application/pdf');
    expect(String(notice.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''notice-/);
    expect(notice.headers['x-content-type-options']).toBe('nosniff');
    expect(notice.headers['cache-control']).toContain('no-store');
    expect(notice.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
