/**
 * The apps as the benchmarks run them: each in a child process of its own (`node dist/apps/<app>/src/main.js`,
 * exactly what `npm run start:<app>` runs), on a free port, with the benchmark's settings in its
 * environment. Their RSS is read from /proc/<pid>/status. With BENCH_CPU_PROF=<dir> they are
 * started under `node --cpu-prof` and write their profile there when stopped.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** dist/ holds bench/ and apps/ side by side: this file is dist/bench/processes.js. */
const DIST = resolve(__dirname, '..');

export interface AppProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> (for the worker: its health endpoint's origin). */
  url: string;
  /** VmRSS in bytes, or NaN once the process is gone. */
  rss(): number;
  /** SIGTERM, then waits for the exit (Nest's shutdown hooks; a --cpu-prof profile is written then). */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Starts `portal`, `backoffice` or `worker` with `env` on top of this process's environment and
 * resolves once it answers over HTTP. Its output goes to `<logDir>/<name>.log`.
 */
export async function startApp(app: 'portal' | 'backoffice' | 'worker', env: Record<string, string>, logDir: string, name: string = app): Promise<AppProcess> {
  const port = await freePort();
  const portSetting = { portal: 'PORTAL_PORT', backoffice: 'BACKOFFICE_PORT', worker: 'WORKER_PORT' }[app];
  const profileDir = process.env.BENCH_CPU_PROF;
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : []), join(DIST, 'apps', app, 'src', 'main.js')];
  if (profileDir) mkdirSync(resolve(profileDir), { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, HOST: '127.0.0.1', [portSetting]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const probe = app === 'worker' ? '/health' : app === 'portal' ? '/api/services' : '/api/docs-json';
  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`${name} exited while starting; see ${join(logDir, `${name}.log`)}`);
    try {
      const response = await fetch(`${url}${probe}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 60 s; see ${join(logDir, `${name}.log`)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    pid: child.pid!,
    url,
    rss: () => (gone ? NaN : rssOf(child.pid!)),
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
      log.end();
    },
  };
}

/**
 * The worker as a bureau under load runs it (AppConfig.WORKER_ROLE, docker/compose.yml): a `flow`
 * process (prechecks, issuance, messages, the outbox relay) and a `documents` process (the notice
 * PDFs, at a lower CPU priority).
 */
export interface Workers {
  flow: AppProcess;
  documents: AppProcess;
  stop(): Promise<void>;
}

export async function startWorkers(env: Record<string, string>, logDir: string): Promise<Workers> {
  const flow = await startApp('worker', { ...env, WORKER_ROLE: 'flow' }, logDir, 'worker-flow');
  const documents = await startApp('worker', { ...env, WORKER_ROLE: 'documents' }, logDir, 'worker-documents').catch(async (error: unknown) => {
    await flow.stop();
    throw error;
  });
  return { flow, documents, stop: async () => void (await Promise.all([flow.stop(), documents.stop()])) };
}

/** Runs a load process (`bench/load/<script>`) with its spec in a file (specs of thousands of ids outgrow argv) and parses what it prints. */
export function runLoad<T>(script: string, spec: unknown, specDir: string = tmpdir()): Promise<T> {
  mkdirSync(specDir, { recursive: true });
  const file = join(specDir, `${script}-${process.hrtime.bigint()}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((done, reject) => {
    execFile(process.execPath, [join(__dirname, 'load', script), `@${file}`], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(file, { force: true });
      if (error) return reject(new Error(`${script}: ${stderr || error.message}`));
      try {
        done(JSON.parse(stdout) as T);
      } catch (parseError) {
        reject(new Error(`${script}: printed no JSON (${String(parseError)}): ${stdout.slice(0, 200)} ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** A JSON request to an app (GET, or POST with `body`), signed in by bearer `token`; throws on a non-2xx answer. */
export async function callJson(base: string, path: string, token: string | null, body?: unknown): Promise<any> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
