/**
 * `npm run demo`: migrates, seeds the demo accounts, starts the portal, the back office and the
 * worker in this one process, files one sample application of each of the eight services
 * through the public API and walks each to issue, then prints the URLs and logins. Ctrl-C stops everything.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { exampleForm } from '@onewindow/domain';
import { createDataSource, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { deleteQueueKeys } from '@onewindow/queues';
import { runMain } from '@onewindow/web';
import { createBackofficeApp } from '../apps/backoffice/src/backoffice.app';
import { createPortalApp } from '../apps/portal/src/portal.app';
import { createWorker } from '../apps/worker/src/worker.app';
import { DEMO_APPLICANT, DEMO_STAFF, seedDemoAccounts } from './seed-demo';
import { seedDistrict } from './seed-district';

const DEFAULT_DEMO_PASSWORD = 'Demo-Pass-2026!';

runMain('demo', async () => {
  process.env.DEMO_PASSWORD ??= DEFAULT_DEMO_PASSWORD;
  // The demo shows what the senders sent at /dev/outbox (development only; refused in production).
  if (process.env.NODE_ENV !== 'production') process.env.DEV_OUTBOX ??= '1';
  process.env.STORAGE_DIR ??= resolve('var/storage');
  const config = loadConfig();
  const password = config.DEMO_PASSWORD!;
  await assertServicesReachable({ postgres: config.DATABASE_ADMIN_URL, redis: config.REDIS_URL });

  const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: config.DATABASE_OWNER_URL, appUrl: config.DATABASE_URL };
  const { created } = await ensureDatabase(urls);
  if (created) await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
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
    await fileSampleApplications(portalUrl, backofficeUrl, password);
    console.log(`one sample application of each service issued; their PDFs are in ${resolve('var/demo')}`);
  }
  // Then Pinglu's key-project register and a month of files, so the report and dashboard show something on
  // first start (after the samples: the seeded files' names would otherwise fail the samples' duplicate-name check).
  const district = await seedDistrict(owner, { password });
  if (district.projects) console.log(`district seeded: ${district.projects} key projects (${district.started} started), ${district.applications} applications since ${district.month}`);
  if (district.skipped) console.log(`district seed: ${district.skipped}`);
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

/** One sample application of each of the eight services, filed, decided and issued through the real HTTP API. */
async function fileSampleApplications(portalUrl: string, backofficeUrl: string, password: string): Promise<void> {
  const http = demoClient(portalUrl, backofficeUrl, password);
  const token = await http.signIn(portalUrl, { phone: DEMO_APPLICANT.phone, password });
  const staff = {
    clerk: await http.signIn(backofficeUrl, { username: 'clerk1', password }),
    reviewer: await http.signIn(backofficeUrl, { username: 'reviewer1', password }),
    sealer: await http.signIn(backofficeUrl, { username: 'sealer1', password }),
  };
  mkdirSync('var/demo', { recursive: true });
  const issue = async (serviceCode: string, form: Record<string, unknown>) => {
    const { id, number } = await http.fileToIssue(token, staff, serviceCode, form);
    const pdf = (await http.call(portalUrl, `/api/applications/${id}/license.pdf`, token)) as Buffer;
    const path = join(resolve('var/demo'), `${serviceCode}.pdf`);
    writeFileSync(path, pdf);
    return number;
  };
  const example = (code: string) => exampleForm(code)!;
  const creditCode = await issue('business-license', example('business-license'));
  // The food permit and the project's permits reuse what the bureau already issued.
  await issue('food-business', { ...example('food-business'), creditCode, operatorName: undefined, legalRepresentative: undefined, domicile: undefined });
  const projectCode = await issue('investment-filing', { ...example('investment-filing'), companyName: example('business-license').name, companyCreditCode: creditCode });
  await issue('land-planning', { ...example('land-planning'), projectCode });
  await issue('engineering-planning', { ...example('engineering-planning'), projectCode });
  await issue('construction', { ...example('construction'), projectCode });
  await issue('non-enterprise', example('non-enterprise'));
  await issue('social-group', example('social-group'));
}

function demoClient(portalUrl: string, backofficeUrl: string, password: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (base: string, path: string, token: string | null, body?: unknown, init: RequestInit = {}): Promise<any> => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined && !init.body ? 'GET' : 'POST',
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
      body: init.body ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    if (!response.ok && response.status !== 422) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const parsed = response.headers.get('content-type')?.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return response.status === 422 ? { unprocessable: parsed } : parsed;
  };
  const scan = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  const waitFor = async (token: string, id: string, state: string) => {
    for (let i = 0; i < 300; i++) {
      const view = await call(portalUrl, `/api/applications/${id}`, token);
      if (view.state === state) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sample application ${id} did not reach ${state}`);
  };
  return {
    call,
    signIn: async (base: string, credentials: Record<string, string>) => (await call(base, '/api/auth/login', null, credentials)).token as string,
    async fileToIssue(token: string, staff: { clerk: string; reviewer: string; sealer: string }, serviceCode: string, form: Record<string, unknown>) {
      const draft = await call(portalUrl, '/api/applications', token, { serviceCode, form: JSON.parse(JSON.stringify(form)) });
      const first = await call(portalUrl, `/api/applications/${draft.id}/submit`, token, {});
      if (first.unprocessable) {
        // Upload exactly what submit says is missing, as an applicant following the list would.
        for (const field of Object.keys(first.unprocessable.fields ?? {})) {
          if (!field.startsWith('materials.')) throw new Error(`sample ${serviceCode}: ${field} ${first.unprocessable.fields[field]}`);
          const body = new FormData();
          body.append('materialCode', field.slice('materials.'.length));
          body.append('file', new Blob([scan], { type: 'application/pdf' }), 'scan.pdf');
          await call(portalUrl, `/api/applications/${draft.id}/materials`, token, undefined, { method: 'POST', body });
        }
        const second = await call(portalUrl, `/api/applications/${draft.id}/submit`, token, {});
        if (second.unprocessable) throw new Error(`sample ${serviceCode} incomplete: ${JSON.stringify(second.unprocessable.fields)}`);
      }
      await waitFor(token, draft.id, 'awaiting_acceptance');
      await call(backofficeUrl, `/api/applications/${draft.id}/claim`, staff.clerk, {});
      const accepted = await call(backofficeUrl, `/api/applications/${draft.id}/accept`, staff.clerk, {});
      if (accepted.state === 'under_review') {
        await call(backofficeUrl, `/api/applications/${draft.id}/claim`, staff.reviewer, {});
        await call(backofficeUrl, `/api/applications/${draft.id}/approve`, staff.reviewer, { opinion: '经审查，符合法定条件和标准，准予许可。' });
      }
      await call(backofficeUrl, `/api/applications/${draft.id}/seal`, staff.sealer, {});
      const view = await waitFor(token, draft.id, 'issued');
      return { id: draft.id as string, number: view.license.number as string };
    },
  };
}
