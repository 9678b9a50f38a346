/**
 * `npm run demo`: migrates, seeds the demo accounts, starts the portal, the back office and the
 * worker in this one process, files a sample 营业执照 application through the public API and
 * walks it to issue, then prints the URLs and logins. Ctrl-C stops everything.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { createDataSource, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { runMain } from '@onewindow/web';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { createPortalApp } from '../apps/portal/src/portal.app';
import { createWorker } from '../apps/worker/src/worker.app';
import { DEMO_APPLICANT, DEMO_STAFF, seedDemoAccounts } from './seed-demo';

const DEFAULT_DEMO_PASSWORD = 'Demo-Pass-2026!';

runMain('demo', async () => {
  process.env.DEMO_PASSWORD ??= DEFAULT_DEMO_PASSWORD;
  process.env.STORAGE_DIR ??= resolve('var/storage');
  const config = loadConfig();
  const password = config.DEMO_PASSWORD!;
  await assertServicesReachable({ postgres: config.DATABASE_ADMIN_URL, redis: config.REDIS_URL });

  const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: config.DATABASE_OWNER_URL, appUrl: config.DATABASE_URL };
  await ensureDatabase(urls);
  const applied = await runMigrations(urls);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const owner = await createDataSource(config.DATABASE_OWNER_URL, { poolSize: 2 }).initialize();
  await seedDemoAccounts(owner, password);

  const worker = await createWorker(config, { logger: 'quiet' });
  const portal = await createPortalApp(config, { logger: 'quiet' });
  await portal.listen(config.PORTAL_PORT, config.HOST);
  const backoffice = await createBackofficeApp(config, { logger: 'quiet' });
  await backoffice.listen(config.BACKOFFICE_PORT, config.HOST);
  const portalUrl = `http://${config.HOST}:${config.PORTAL_PORT}`;
  const backofficeUrl = `http://${config.HOST}:${config.BACKOFFICE_PORT}`;

  const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM applications a JOIN accounts c ON c.id = a.owner_account_id WHERE c.phone = $1`, [DEMO_APPLICANT.phone]);
  if (n === 0) {
    const pdfPath = await fileSampleApplication(portalUrl, backofficeUrl, password);
    console.log(`sample licence issued; its PDF is at ${pdfPath}`);
  }
  await owner.destroy();

  console.log(`
OneWindow (一窗通办) demo is running.
  portal       ${portalUrl}            API docs ${portalUrl}/api/docs
  back office  ${backofficeUrl}            API docs ${backofficeUrl}/api/docs
  worker       queue prefix "${config.QUEUE_PREFIX}"
Demo logins (password ${password}):
  applicant    ${DEMO_APPLICANT.phone} (portal)
${DEMO_STAFF.map((s) => `  ${s.username.padEnd(12)} ${s.roles.join(', ')} (back office)`).join('\n')}
Press Ctrl-C to stop.`);

  const stop = async () => {
    await Promise.allSettled([portal.close(), backoffice.close(), worker.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

/** Files, accepts, approves and seals a sample application through the real HTTP API, and saves its licence PDF. */
async function fileSampleApplication(portalUrl: string, backofficeUrl: string, password: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (base: string, path: string, token: string | null, body?: unknown, init: RequestInit = {}): Promise<any> => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined && !init.body ? 'GET' : 'POST',
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
      body: init.body ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.headers.get('content-type')?.includes('json') ? response.json() : Buffer.from(await response.arrayBuffer());
  };
  const { token } = await call(portalUrl, '/api/auth/login', null, { phone: DEMO_APPLICANT.phone, password });
  const form = {
    name: '朔州市平鲁区晋北新材料有限公司',
    entityType: 'limited_company',
    domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
    businessScope: { general: ['新材料技术研发', '新型建筑材料制造（不含危险化学品）', '固体废物治理'], licensed: [] },
    registeredCapital: '500',
    legalRepresentative: { name: DEMO_APPLICANT.name, idNumber: DEMO_APPLICANT.idNumber, phone: DEMO_APPLICANT.phone },
    shareholders: [{ name: DEMO_APPLICANT.name, idNumber: DEMO_APPLICANT.idNumber, contribution: '500' }],
    term: { from: '2026-12-01', to: null },
  };
  const draft = await call(portalUrl, '/api/applications', token, { serviceCode: 'business-license', form });
  const scan = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
    const body = new FormData();
    body.append('materialCode', materialCode);
    body.append('file', new Blob([scan], { type: 'application/pdf' }), `${materialCode}.pdf`);
    await call(portalUrl, `/api/applications/${draft.id}/materials`, token, undefined, { method: 'POST', body });
  }
  await call(portalUrl, `/api/applications/${draft.id}/submit`, token, {});
  const waitFor = async (state: string) => {
    for (let i = 0; i < 200; i++) {
      const view = await call(portalUrl, `/api/applications/${draft.id}`, token);
      if (view.state === state) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sample application did not reach ${state}`);
  };
  await waitFor('awaiting_acceptance');
  const staff = async (username: string) => (await call(backofficeUrl, '/api/auth/login', null, { username, password })).token as string;
  const clerk = await staff('clerk1');
  await call(backofficeUrl, `/api/applications/${draft.id}/claim`, clerk, {});
  await call(backofficeUrl, `/api/applications/${draft.id}/accept`, clerk, {});
  const reviewer = await staff('reviewer1');
  await call(backofficeUrl, `/api/applications/${draft.id}/claim`, reviewer, {});
  await call(backofficeUrl, `/api/applications/${draft.id}/approve`, reviewer, { opinion: '材料齐全，符合法定形式，准予设立登记。' });
  await call(backofficeUrl, `/api/applications/${draft.id}/seal`, await staff('sealer1'), {});
  await waitFor('issued');
  const pdf = (await call(portalUrl, `/api/applications/${draft.id}/license.pdf`, token)) as Buffer;
  mkdirSync('var', { recursive: true });
  const path = join(resolve('var'), 'demo-license.pdf');
  writeFileSync(path, pdf);
  return path;
}
