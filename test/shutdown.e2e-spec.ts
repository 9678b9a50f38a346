import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '@onewindow/persistence';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { createStaff, eventually, STAFF_PASSWORD } from './support/harness';
import { AppName, AppProcess } from './support/worker-process';

/** The child's SHUTDOWN_DEADLINE_MS: a drained shutdown ends well before it. */
const DEADLINE_MS = 15_000;

interface Answer {
  status: number;
  body: any;
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
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, body: String(res.headers['content-type']).includes('json') && raw ? JSON.parse(raw) : raw });
        });
        res.once('error', reject);
      },
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
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, body: String(res.headers['content-type']).includes('json') && raw ? JSON.parse(raw) : raw });
      });
    });
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
 * What a new client sees after SIGTERM: polls with fresh connections until one is refused or
 * answered 503 (a few may still be served while shutdown begins). A request that hangs fails.
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
 * Graceful shutdown of the HTTP apps: each runs as an OS process of its own (as in production) on
 * this file's database and queue prefix, and gets SIGTERM, as an orchestrator sends it on a
 * rolling update, while a slow client is in the middle of its request.
 */
describe('SIGTERM: the portal and back office stop taking requests, finish the ones in flight and exit', () => {
  let db: DataSource;
  const apps: AppProcess[] = [];
  const start = async (name: AppName) => {
    const app = await AppProcess.start(name, { SHUTDOWN_DEADLINE_MS: String(DEADLINE_MS) });
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
    const phone = mobile();
    expect((await call(portal.port, 'POST', '/api/auth/register', { name: '刘建海', phone, idNumber: residentId(), password: 'long-enough-password' })).status).toBe(201);
    const { token } = (await call(portal.port, 'POST', '/api/auth/login', { phone, password: 'long-enough-password' })).body;
    const draft = await call(portal.port, 'POST', '/api/applications', { serviceCode: 'business-license', form: businessLicenseForm() }, token);
    expect(draft.status).toBe(201);
    const id: string = draft.body.id;
    const missing = await call(portal.port, 'POST', `/api/applications/${id}/submit`, {}, token);
    expect(missing.status).toBe(422);
    const materialCode = Object.keys(missing.body.fields).find((field) => field.startsWith('materials.'))!.slice('materials.'.length);

    // A 4 MB scan: the first 256 KB go now, the rest after SIGTERM.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(4 * 1024 * 1024, 'scan-of-a-page ')]);
    const sha256 = createHash('sha256').update(scan).digest('hex');
    const { type, body } = multipart({ materialCode }, 'business-premises.pdf', scan);
    const tmpDir = join(process.env.STORAGE_DIR!, 'tmp');
    const upload = slowRequest(portal.port, `/api/applications/${id}/materials`, { 'content-type': type, authorization: `Bearer ${token}` }, body, 256 * 1024);
    // The portal is writing it to storage: the request is in its handler, not only in a socket buffer.
    await eventually(async () => {
      try {
        return readdirSync(tmpDir).length > 0 ? true : undefined;
      } catch {
        return undefined;
      }
    }, 15_000, 'the upload being stored');

    const { newClient, stillRunning, answer, exit, tookMs } = await sigtermDuring(portal, upload, '/api/docs-json');
    expect(newClient).toMatch(/^(refused|503)$/);
    // Turned away while the upload was still coming in: the process had not gone yet.
    expect(stillRunning).toBe(true);
    expect(answer.status).toBe(201);
    expect(answer.body.sha256).toBe(sha256);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(DEADLINE_MS);
    expect(portal.output()).not.toContain('still busy');

    // Stored whole, once, with its audit event; nothing half-written left behind.
    const rows: Array<{ sha256: string; size_bytes: string }> = await db.query('SELECT sha256, size_bytes FROM materials WHERE application_id = $1', [id]);
    expect(rows).toEqual([{ sha256, size_bytes: String(scan.length) }]);
    const events: Array<{ action: string }> = await db.query(`SELECT action FROM audit_events WHERE application_id = $1 AND action = 'upload_material'`, [id]);
    expect(events).toHaveLength(1);
    expect(readdirSync(join(process.env.STORAGE_DIR!, sha256.slice(0, 2)))).toContain(sha256);
    expect(readdirSync(tmpDir)).toEqual([]);
  }, 180_000);

  it('back office: a sign-in in flight at SIGTERM is answered; new clients are turned away; exit 0 in time', async () => {
    const username = await createStaff(db, { username: `shutdown-clerk-${Date.now()}`, roles: ['window_clerk'] });
    const backoffice = await start('backoffice');
    const body = Buffer.from(JSON.stringify({ username, password: STAFF_PASSWORD }));
    const signIn = slowRequest(backoffice.port, '/api/auth/login', { 'content-type': 'application/json' }, body, 10);
    await new Promise((r) => setTimeout(r, 300));

    const { newClient, stillRunning, answer, exit, tookMs } = await sigtermDuring(backoffice, signIn, '/api/docs-json');
    expect(newClient).toMatch(/^(refused|503)$/);
    expect(stillRunning).toBe(true);
    expect(answer.status).toBe(200);
    expect(typeof answer.body.token).toBe('string');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(DEADLINE_MS);
    expect(backoffice.output()).not.toContain('still busy');
  }, 180_000);
});
