/**
 * Complete drafts for the submit, route and memory benchmarks, in a small database of each one's
 * own (`onewindow_bench_flow_<scenario>`, made afresh by each run; never the demo's, a test's or
 * the 1M `onewindow_bench`). One 营业执照 draft is filed through the portal's real API (registration,
 * sign-in, draft, every material uploaded and stored); then it is copied in bulk by SQL (the
 * application row with a distinct number and entity name, its materials and its audit events),
 * so every copy is as complete as the original and each submit goes through the real path.
 */
import { Client } from 'pg';
import { loadConfig } from '@onewindow/config';
import { normalizeEntityNameForDuplicateCheck } from '@onewindow/domain';
import { dropDatabase, ensureDatabase, runMigrations } from '@onewindow/persistence';

/** The flow database of a scenario: `onewindow_bench_flow_submit`, …_route, …_memory. */
export const flowDatabaseOf = (scenario: string) => `onewindow_bench_flow_${scenario}`;
const PASSWORD = 'Bench-Applicant-Pass-2026';

export interface FlowDatabase {
  name: string;
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Drops and makes the scenario's flow database (migrated, roles granted). */
export async function prepareFlowDatabase(scenario: string): Promise<FlowDatabase> {
  const config = loadConfig();
  const name = flowDatabaseOf(scenario);
  const urls = { name, adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: withDatabase(config.DATABASE_OWNER_URL, name), appUrl: withDatabase(config.DATABASE_URL, name) };
  await dropDatabase(urls.adminUrl, name);
  await ensureDatabase(urls);
  await runMigrations(urls);
  return urls;
}

export async function dropFlowDatabase(db: FlowDatabase): Promise<void> {
  await dropDatabase(db.adminUrl, db.name);
}

export interface Applicant {
  accountId: string;
  name: string;
  phone: string;
  /** One session per connection, as each browser has its own. */
  tokens: string[];
}

/** A draft ready to submit, with what the raw baseline needs to write the same rows. */
export interface Draft {
  id: string;
  number: string;
  serviceCode: string;
}

async function call(base: string, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

async function expect(base: string, method: string, path: string, token: string | null, status: number, body?: unknown): Promise<any> {
  const answer = await call(base, method, path, token, body);
  if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A valid resident ID number (GB 11643 check digit) born on 1980-05-12. */
function residentId(sequence: number): string {
  const body = `14060319800512${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Registers an applicant through the portal and signs in `sessions` times. */
export async function registerApplicant(portal: string, ownerUrl: string, sessions: number): Promise<Applicant> {
  const name = '刘建海';
  const phone = '13900000001';
  await expect(portal, 'POST', '/api/auth/register', null, 201, { name, phone, idNumber: residentId(1), password: PASSWORD });
  const tokens: string[] = [];
  for (let k = 0; k < sessions; k++) tokens.push((await expect(portal, 'POST', '/api/auth/login', null, 200, { phone, password: PASSWORD })).token);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const [account] = (await client.query(`SELECT id FROM accounts WHERE kind = 'applicant' AND phone = $1`, [phone])).rows as Array<{ id: string }>;
    return { accountId: account.id, name, phone, tokens };
  } finally {
    await client.end();
  }
}

/** A one-page PDF, as content sniffing wants it. */
const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/**
 * Files one complete 营业执照 draft through the API: the draft, then every material the submit's
 * 422 names as missing, uploaded as a PDF. Returns its id (not submitted).
 */
export async function fileTemplateDraft(portal: string, token: string): Promise<string> {
  const form = {
    name: '朔州市平鲁区晋北朔平鲁新材料有限公司',
    entityType: 'limited_company',
    domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
    businessScope: { general: ['新材料技术研发', '技术服务、技术开发、技术咨询'], licensed: [] },
    registeredCapital: '500',
    legalRepresentative: { name: '刘建海', idNumber: residentId(1), phone: '13900000001' },
    shareholders: [{ name: '刘建海', idNumber: residentId(1), contribution: '500' }],
    term: { from: '2026-12-01', to: null },
  };
  const { id } = await expect(portal, 'POST', '/api/applications', token, 201, { serviceCode: 'business-license', form });
  // An Idempotency-Key-less submit of an incomplete draft is a 422 naming every gap and changes nothing.
  const gaps = await call(portal, 'POST', `/api/applications/${id}/submit`, token);
  if (gaps.status !== 422) throw new Error(`template draft: expected 422 listing the missing materials, got ${gaps.status} ${JSON.stringify(gaps.body)}`);
  for (const field of Object.keys(gaps.body.fields ?? {})) {
    if (!field.startsWith('materials.')) throw new Error(`template draft is incomplete beyond materials: ${field} ${gaps.body.fields[field]}`);
    const upload = new FormData();
    upload.append('materialCode', field.slice('materials.'.length));
    upload.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), 'scan.pdf');
    await expect(portal, 'POST', `/api/applications/${id}/materials`, token, 201, upload);
  }
  return id;
}

/** Characters of the copies' trade names, each once (five of them: 43^5 distinct names). */
const NAME_CHARS = [...new Set('晋北朔平鲁桑干恒山雁门塞外黄河汾阳云冈五台太行吕梁沁源长治运城临泉忻州大同华兴盛达丰安泰和')];
let nextName = 0;

function tradeName(i: number): string {
  let core = '';
  for (let k = 0, v = i; k < 5; k++, v = Math.floor(v / NAME_CHARS.length)) core += NAME_CHARS[v % NAME_CHARS.length];
  return `朔州市平鲁区${core}新材料有限公司`;
}

/**
 * Copies the template draft `count` times by SQL, as the owner: the application row (state
 * draft, a distinct number and entity name), its materials and its audit events; the draft
 * counter moves with them. `batch` (0–9999) keeps the copies' numbers apart: 1406032099…
 */
export async function copyDrafts(ownerUrl: string, templateId: string, count: number, batch: number): Promise<Draft[]> {
  const names: string[] = [];
  const keys: string[] = [];
  for (let k = 0; k < count; k++) {
    const name = tradeName(nextName++);
    names.push(name);
    keys.push(normalizeEntityNameForDuplicateCheck(name));
  }
  const client = new Client({ connectionString: ownerUrl, application_name: 'onewindow-bench-drafts' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const rows = (
      await client.query(
        `INSERT INTO applications (number, service_code, state, applicant_id, owner_account_id, form, entity_name, entity_name_key,
                                   applicant_name, project_code, contact_phone, green_channel, due_at)
         SELECT '140603' || to_char(date '2099-01-01' + $3::int, 'YYYYMMDD') || lpad(n.k::text, 6, '0'), t.service_code, 'draft',
                t.applicant_id, t.owner_account_id, jsonb_set(t.form, '{name}', to_jsonb(n.name)), n.name, n.key,
                t.applicant_name, t.project_code, t.contact_phone, t.green_channel, t.due_at
           FROM applications t, unnest($1::text[], $2::text[]) WITH ORDINALITY AS n(name, key, k)
          WHERE t.id = $4
         RETURNING id, number, service_code`,
        [names, keys, batch, templateId],
      )
    ).rows as Array<{ id: string; number: string; service_code: string }>;
    if (rows.length !== count) throw new Error(`copied ${rows.length} drafts of ${count}`);
    const ids = rows.map((r) => r.id);
    await client.query(
      `INSERT INTO materials (application_id, material_code, file_name, mime_type, size_bytes, sha256, uploaded_by, uploaded_at)
       SELECT c.id, m.material_code, m.file_name, m.mime_type, m.size_bytes, m.sha256, m.uploaded_by, m.uploaded_at
         FROM materials m, unnest($1::uuid[]) AS c(id)
        WHERE m.application_id = $2`,
      [ids, templateId],
    );
    await client.query(
      `INSERT INTO audit_events (application_id, at, actor_kind, actor_id, actor_name, action, from_state, to_state, note, data, prev_hash, hash)
       SELECT c.id, e.at, e.actor_kind, e.actor_id, e.actor_name, e.action, e.from_state, e.to_state, e.note, e.data, e.prev_hash, e.hash
         FROM audit_events e, unnest($1::uuid[]) AS c(id)
        WHERE e.application_id = $2
        ORDER BY c.id, e.id`,
      [ids, templateId],
    );
    await client.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ('business-license', 'draft', $1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + EXCLUDED.count`,
      [count],
    );
    await client.query('COMMIT');
    return rows.sort((a, b) => a.number.localeCompare(b.number)).map((r) => ({ id: r.id, number: r.number, serviceCode: r.service_code }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** VACUUM ANALYZE after a bulk copy, so the submits' plans see the table as it is. */
export async function analyze(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE applications, materials, audit_events');
  } finally {
    await client.end();
  }
}
