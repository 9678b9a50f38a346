import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { IncomingMessage, request } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource, DirectoryFileStorage } from '@onewindow/persistence';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, STAFF_PASSWORD } from './support/harness';
import { AppName, AppProcess } from './support/worker-process';

/** The child's SHUTDOWN_DEADLINE_MS: a drained shutdown ends well before it. */
const DEADLINE_MS = 15_000;
/** The deadline where a stalled client is made to hold the shutdown up. */
const SHORT_DEADLINE_MS = 3_000;

interface Answer {
  status: number;
  body: any;
}

function answerOf(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      resolve({ status: res.statusCode!, body: String(res.headers['content-type']).includes('json') && raw ? JSON.parse(raw) : raw });
    });
    res.once('error', reject);
  });
}

/** One request on a connection of its own (no keep-alive pool), as a new client would make it. */
function call(port: number, method: string, path: string, body?: unknown, token?: string, timeoutMs = 5_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        timeout: timeoutMs,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => answerOf(res).then(resolve, reject),
    );
    req.once('timeout', () => req.destroy(new Error(`no answer to ${method} ${path} within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(payload);
  });
}

/**
 * A request whose headers and first bytes are sent now and the rest only on `finish()`, in small
 * pieces: a slow client (a large upload over a poor line) in the middle of its request.
 */
function slowRequest(port: number, path: string, headers: Record<string, string>, body: Buffer, firstBytes: number) {
  const req = request({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { ...headers, 'content-length': String(body.length) } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => answerOf(res).then(resolve, reject));
    req.once('error', reject);
  });
  req.write(body.subarray(0, firstBytes));
  return {
    answer,
    async finish(pieceBytes = 64 * 1024, pauseMs = 10): Promise<Answer> {
      for (let at = firstBytes; at < body.length; at += pieceBytes) {
        req.write(body.subarray(at, at + pieceBytes));
        await new Promise((r) => setTimeout(r, pauseMs));
      }
      req.end();
      return answer;
    },
  };
}

/**
 * What a new client sees after SIGTERM: polls with fresh connections until one is refused, reset
 * or answered 503 (a few may still be served while shutdown begins). A request that hangs fails.
 */
async function newClientsTurnedAway(port: number, path: string): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      const { status } = await call(port, 'GET', path, undefined, undefined, 3_000);
      if (status === 503) return '503';
      if (status !== 200) return `answered ${status}`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ECONNREFUSED') return 'refused';
      // A connection the kernel took just as the server stopped listening is reset, not left hanging.
      if (code === 'ECONNRESET') return 'reset';
      return `failed: ${(error as Error).message}`;
    }
    if (Date.now() > until) return 'still served 10 s after SIGTERM';
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * SIGTERMs the app while `inFlight` is part-way through its request, then checks what clients
 * see: new ones are turned away at once, the one in flight is answered in full, the process
 * exits 0 before the deadline with no forced-exit line.
 */
async function sigtermDuring(app: AppProcess, inFlight: ReturnType<typeof slowRequest>, probePath: string) {
  const termAt = Date.now();
  const exited = app.kill('SIGTERM');
  const newClient = await newClientsTurnedAway(app.port, probePath);
  const stillRunning = app.alive;
  const answer = await inFlight.finish();
  const exit = await exited;
  return { newClient, stillRunning, answer, exit, tookMs: Date.now() - termAt };
}

function multipart(fields: Record<string, string>, fileName: string, content: Buffer): { type: string; body: Buffer } {
  const boundary = `----onewindow-shutdown-${Date.now()}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/**
 * A signed-in applicant's draft with a 4 MB scan being uploaded to it: the first 256 KB are sent
 * and the portal is writing them to storage (the request is in its handler, not only in a socket
 * buffer); the rest goes on `finish()`.
 */
async function uploadUnderWay(portal: AppProcess) {
  const phone = mobile();
  expect((await call(portal.port, 'POST', '/api/auth/register', { name: '刘建海', phone, idNumber: residentId(), password: 'long-enough-password' })).status).toBe(201);
  const { token } = (await call(portal.port, 'POST', '/api/auth/login', { phone, password: 'long-enough-password' })).body;
  const draft = await call(portal.port, 'POST', '/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() }, token);
  expect(draft.status).toBe(201);
  const id: string = draft.body.id;
  const missing = await call(portal.port, 'POST', `/api/applications/${id}/submit`, {}, token);
  expect(missing.status).toBe(422);
  const materialCode = Object.keys(missing.body.fields).find((field) => field.startsWith('materials.'))!.slice('materials.'.length);

  const scan = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(4 * 1024 * 1024, 'scan-of-a-page ')]);
  const { type, body } = multipart({ materialCode }, 'business-premises.pdf', scan);
  const tmpDir = join(process.env.STORAGE_DIR!, 'tmp');
  const before = new Set(existsSync(tmpDir) ? readdirSync(tmpDir) : []);
  const upload = slowRequest(portal.port, `/api/applications/${id}/materials`, { 'content-type': type, authorization: `Bearer ${token}` }, body, 256 * 1024);
  await eventually(async () => (existsSync(tmpDir) && readdirSync(tmpDir).some((f) => !before.has(f)) ? true : undefined), 15_000, 'the upload being stored');
  return { id, upload, sha256: createHash('sha256').update(scan).digest('hex'), size: scan.length };
}

/**
 * Graceful shutdown of the HTTP apps: each runs as an OS process of its own (as in production) on
 * this file's database and queue prefix, and gets SIGTERM, as an orchestrator sends it on a
 * rolling update, while a slow client is in the middle of its request.
 */
describe('SIGTERM: the portal and back office stop taking requests, finish the ones in flight and exit', () => {
  let db: DataSource;
  const apps: AppProcess[] = [];
  const start = async (name: AppName, deadlineMs = DEADLINE_MS) => {
    const app = await AppProcess.start(name, { SHUTDOWN_DEADLINE_MS: String(deadlineMs) });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    db = await createDataSource(process.env.DATABASE_OWNER_URL!, { poolSize: 2, logErrors: false }).initialize();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.kill()));
    await db?.destroy();
  });

  it('portal: an upload in flight at SIGTERM is stored whole and answered 201; new clients are turned away; exit 0 in time', async () => {
    const portal = await start('portal');
    const { id, upload, sha256, size } = await uploadUnderWay(portal);

    const { newClient, stillRunning, answer, exit, tookMs } = await sigtermDuring(portal, upload, '/api/docs-json');
    expect(newClient).toMatch(/^(refused|reset|503)$/);
    // Turned away while the upload was still coming in: the process had not gone yet.
    expect(stillRunning).toBe(true);
    expect(answer.status).toBe(201);
    expect(answer.body.sha256).toBe(sha256);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(DEADLINE_MS);
    expect(portal.output()).not.toContain('still busy');

    // Stored whole, once, with its audit event; nothing half-written left behind.
    const rows: Array<{ sha256: string; size_bytes: string }> = await db.query('SELECT sha256, size_bytes FROM materials WHERE application_id = $1', [id]);
    expect(rows).toEqual([{ sha256, size_bytes: String(size) }]);
    const events: Array<{ action: string }> = await db.query(`SELECT action FROM audit_events WHERE application_id = $1 AND action = 'upload_material'`, [id]);
    expect(events).toHaveLength(1);
    expect(readdirSync(join(process.env.STORAGE_DIR!, sha256.slice(0, 2)))).toContain(sha256);
    expect(readdirSync(join(process.env.STORAGE_DIR!, 'tmp'))).toEqual([]);
  }, 180_000);

  it('portal: an upload that stalls after SIGTERM holds the exit only until the deadline: exit 1, saying so; the client is cut off; nothing of it is stored', async () => {
    const portal = await start('portal', SHORT_DEADLINE_MS);
    const { id, upload } = await uploadUnderWay(portal);
    const cutOff = upload.answer.then(
      (answer) => `answered ${answer.status}`,
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );

    const termAt = Date.now();
    const exit = await portal.kill('SIGTERM');
    const tookMs = Date.now() - termAt;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(tookMs).toBeGreaterThanOrEqual(SHORT_DEADLINE_MS - 100);
    expect(tookMs).toBeLessThan(SHORT_DEADLINE_MS + 3_000);
    expect(portal.output()).toContain(`portal: still busy ${SHORT_DEADLINE_MS} ms after SIGTERM; exiting`);
    expect(await cutOff).toBe('ECONNRESET');

    // PostgreSQL has no row of it (its transaction never began); the bytes never left the temporary directory.
    expect(await db.query('SELECT id FROM materials WHERE application_id = $1', [id])).toEqual([]);
    expect(await db.query(`SELECT id FROM audit_events WHERE application_id = $1 AND action = 'upload_material'`, [id])).toEqual([]);
    // What it left half-written in the temporary directory is swept once untouched long enough
    // (the worker's minute job sweeps those an hour old).
    const tmp = join(process.env.STORAGE_DIR!, 'tmp');
    expect(readdirSync(tmp).length).toBeGreaterThan(0);
    expect(await new DirectoryFileStorage(process.env.STORAGE_DIR!).removeAbandonedUploads(new Date(Date.now() + 1000))).toBeGreaterThan(0);
    expect(readdirSync(tmp)).toEqual([]);
  }, 180_000);

  it('back office: a sign-in in flight at SIGTERM is answered; new clients are turned away; exit 0 in time', async () => {
    const username = await createStaff(db, { username: `shutdown-clerk-${Date.now()}`, roles: ['window_clerk'] });
    const backoffice = await start('backoffice');
    const body = Buffer.from(JSON.stringify({ username, password: STAFF_PASSWORD }));
    const signIn = slowRequest(backoffice.port, '/api/auth/login', { 'content-type': 'application/json' }, body, 10);
    await new Promise((r) => setTimeout(r, 300));

    const { newClient, stillRunning, answer, exit, tookMs } = await sigtermDuring(backoffice, signIn, '/api/docs-json');
    expect(newClient).toMatch(/^(refused|reset|503)$/);
    expect(stillRunning).toBe(true);
    expect(answer.status).toBe(200);
    expect(typeof answer.body.token).toBe('string');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(DEADLINE_MS);
    expect(backoffice.output()).not.toContain('still busy');
  }, 180_000);
});
