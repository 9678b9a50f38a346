"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const config_1 = require("../libs/config/src/index.js");
const domain_1 = require("../libs/domain/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
const queues_1 = require("../libs/queues/src/index.js");
const web_1 = require("../libs/web/src/index.js");
const backoffice_app_1 = require("../apps/backoffice/src/backoffice.app");
const portal_app_1 = require("../apps/portal/src/portal.app");
const worker_app_1 = require("../apps/worker/src/worker.app");
const seed_demo_1 = require("./seed-demo");
const DEFAULT_DEMO_PASSWORD = 'Demo-Pass-2026!';
(0, web_1.runMain)('demo', async () => {
    process.env.DEMO_PASSWORD ??= DEFAULT_DEMO_PASSWORD;
    process.env.STORAGE_DIR ??= (0, node_path_1.resolve)('var/storage');
    const config = (0, config_1.loadConfig)();
    const password = config.DEMO_PASSWORD;
    await (0, config_1.assertServicesReachable)({ postgres: config.DATABASE_ADMIN_URL, redis: config.REDIS_URL });
    const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: config.DATABASE_OWNER_URL, appUrl: config.DATABASE_URL };
    const { created } = await (0, persistence_1.ensureDatabase)(urls);
    if (created)
        await (0, queues_1.deleteQueueKeys)(config.REDIS_URL, config.QUEUE_PREFIX);
    const applied = await (0, persistence_1.runMigrations)(urls);
    if (applied.length)
        console.log(`migrations applied: ${applied.join(', ')}`);
    const owner = await (0, persistence_1.createDataSource)(config.DATABASE_OWNER_URL, { poolSize: 2 }).initialize();
    await (0, seed_demo_1.seedDemoAccounts)(owner, password);
    const worker = await (0, worker_app_1.createWorker)(config, { logger: 'quiet' });
    const portal = await (0, portal_app_1.createPortalApp)(config, { logger: 'quiet' });
    await portal.listen(config.PORTAL_PORT, config.HOST);
    const backoffice = await (0, backoffice_app_1.createBackofficeApp)(config, { logger: 'quiet' });
    await backoffice.listen(config.BACKOFFICE_PORT, config.HOST);
    const portalUrl = `http://${config.HOST}:${config.PORTAL_PORT}`;
    const backofficeUrl = `http://${config.HOST}:${config.BACKOFFICE_PORT}`;
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM applications a JOIN accounts c ON c.id = a.owner_account_id WHERE c.phone = $1`, [seed_demo_1.DEMO_APPLICANT.phone]);
    if (n === 0) {
        await fileSampleApplications(portalUrl, backofficeUrl, password);
        console.log(`one sample application of each service issued; their PDFs are in ${(0, node_path_1.resolve)('var/demo')}`);
    }
    await owner.destroy();
    console.log(`
OneWindow (一窗通办) demo is running.
  portal       ${portalUrl}            API docs ${portalUrl}/api/docs
  back office  ${backofficeUrl}            API docs ${backofficeUrl}/api/docs
  worker       queue prefix "${config.QUEUE_PREFIX}"
Demo logins (password ${password}):
  applicant    ${seed_demo_1.DEMO_APPLICANT.phone} (portal)
${seed_demo_1.DEMO_STAFF.map((s) => `  ${s.username.padEnd(12)} ${s.roles.join(', ')} (back office)`).join('\n')}
Press Ctrl-C to stop.`);
    const stop = async () => {
        await Promise.allSettled([portal.close(), backoffice.close(), worker.close()]);
        process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
});
async function fileSampleApplications(portalUrl, backofficeUrl, password) {
    const http = demoClient(portalUrl, backofficeUrl, password);
    const token = await http.signIn(portalUrl, { phone: seed_demo_1.DEMO_APPLICANT.phone, password });
    const staff = {
        clerk: await http.signIn(backofficeUrl, { username: 'clerk1', password }),
        reviewer: await http.signIn(backofficeUrl, { username: 'reviewer1', password }),
        sealer: await http.signIn(backofficeUrl, { username: 'sealer1', password }),
    };
    (0, node_fs_1.mkdirSync)('var/demo', { recursive: true });
    const issue = async (serviceCode, form) => {
        const { id, number } = await http.fileToIssue(token, staff, serviceCode, form);
        const pdf = (await http.call(portalUrl, `/api/applications/${id}/license.pdf`, token));
        const path = (0, node_path_1.join)((0, node_path_1.resolve)('var/demo'), `${serviceCode}.pdf`);
        (0, node_fs_1.writeFileSync)(path, pdf);
        return number;
    };
    const example = (code) => (0, domain_1.exampleForm)(code);
    const creditCode = await issue('business-license', example('business-license'));
    await issue('food-business', { ...example('food-business'), creditCode, operatorName: undefined, legalRepresentative: undefined, domicile: undefined });
    const projectCode = await issue('investment-filing', { ...example('investment-filing'), companyName: example('business-license').name, companyCreditCode: creditCode });
    await issue('land-planning', { ...example('land-planning'), projectCode });
    await issue('engineering-planning', { ...example('engineering-planning'), projectCode });
    await issue('construction', { ...example('construction'), projectCode });
    await issue('non-enterprise', example('non-enterprise'));
    await issue('social-group', example('social-group'));
}
function demoClient(portalUrl, backofficeUrl, password) {
    const call = async (base, path, token, body, init = {}) => {
        const response = await fetch(`${base}${path}`, {
            method: body === undefined && !init.body ? 'GET' : 'POST',
            ...init,
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
            body: init.body ?? (body !== undefined ? JSON.stringify(body) : undefined),
        });
        if (!response.ok && response.status !== 422)
            throw new Error(`${path}: ${response.status} ${await response.text()}`);
        const parsed = response.headers.get('content-type')?.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
        return response.status === 422 ? { unprocessable: parsed } : parsed;
    };
    const scan = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const waitFor = async (token, id, state) => {
        for (let i = 0; i < 300; i++) {
            const view = await call(portalUrl, `/api/applications/${id}`, token);
            if (view.state === state)
                return view;
            await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`sample application ${id} did not reach ${state}`);
    };
    return {
        call,
        signIn: async (base, credentials) => (await call(base, '/api/auth/login', null, credentials)).token,
        async fileToIssue(token, staff, serviceCode, form) {
            const draft = await call(portalUrl, '/api/applications', token, { serviceCode, form: JSON.parse(JSON.stringify(form)) });
            const first = await call(portalUrl, `/api/applications/${draft.id}/submit`, token, {});
            if (first.unprocessable) {
                for (const field of Object.keys(first.unprocessable.fields ?? {})) {
                    if (!field.startsWith('materials.'))
                        throw new Error(`sample ${serviceCode}: ${field} ${first.unprocessable.fields[field]}`);
                    const body = new FormData();
                    body.append('materialCode', field.slice('materials.'.length));
                    body.append('file', new Blob([scan], { type: 'application/pdf' }), 'scan.pdf');
                    await call(portalUrl, `/api/applications/${draft.id}/materials`, token, undefined, { method: 'POST', body });
                }
                const second = await call(portalUrl, `/api/applications/${draft.id}/submit`, token, {});
                if (second.unprocessable)
                    throw new Error(`sample ${serviceCode} incomplete: ${JSON.stringify(second.unprocessable.fields)}`);
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
            return { id: draft.id, number: view.license.number };
        },
    };
}
