import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './private-redis';

const ROOT = join(__dirname, '..', '..');

/**
 * What the child runs (`node -e`): TypeScript is compiled file by file as it is required, with
 * TypeScript's own transpileModule and the project's compiler options (as ts-jest does with
 * isolatedModules), cached on disk by content; `@onewindow/<lib>` resolves as tsconfig's paths
 * say; then the entry (apps/<app>/src/main.ts, scripts/*.ts) runs exactly as npm runs its build.
 */
const boot = (entry: string) => `
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const root = ${JSON.stringify(ROOT)};
const cacheDir = ${JSON.stringify(join(tmpdir(), 'onewindow-worker-js'))};
const tsconfigText = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
const salt = require('typescript/package.json').version + tsconfigText;
let compile = null;
// TypeScript itself is loaded only when a file is not in the cache yet.
function compiler() {
  if (compile) return compile;
  const ts = require('typescript');
  const tsconfig = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText).config;
  const compilerOptions = { ...ts.convertCompilerOptionsFromJson(tsconfig.compilerOptions, root).options, module: ts.ModuleKind.CommonJS, isolatedModules: true, sourceMap: false, inlineSourceMap: true, inlineSources: false, declaration: false, noEmit: false };
  compile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  return compile;
}
fs.mkdirSync(cacheDir, { recursive: true });
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, createHash('sha256').update(salt).update(filename).update(source).digest('hex') + '.js');
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = compiler()(source, filename);
    const partial = cached + '.' + process.pid;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  }
  module._compile(code, filename);
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@onewindow\\/([a-z-]+)(\\/.*)?$/.exec(request);
  if (match) request = path.join(root, 'libs', match[1], 'src', match[2] || '');
  return resolve.call(this, request, ...rest);
};
require(path.join(root, ${JSON.stringify(entry)}));
`;

/** The apps a test can run as OS processes: the entry, the setting naming its port, and a path that answers 200 once it serves. */
const APPS = {
  worker: { entry: 'apps/worker/src/main.ts', portSetting: 'WORKER_PORT', readyPath: '/health' },
  portal: { entry: 'apps/portal/src/main.ts', portSetting: 'PORTAL_PORT', readyPath: '/api/docs-json' },
  backoffice: { entry: 'apps/backoffice/src/main.ts', portSetting: 'BACKOFFICE_PORT', readyPath: '/api/docs-json' },
} as const;
export type AppName = keyof typeof APPS;

function ready(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/**
 * One of the apps as an OS process of its own, started from the sources, so a test can signal it
 * as an orchestrator would (SIGTERM) or SIGKILL it in the middle of its work as a crash or the OOM
 * killer would.
 */
export class AppProcess {
  private lines: string[] = [];
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
      if (process.env.ONEWINDOW_TEST_LOGS === '1') process.stderr.write(chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /**
   * Starts the app on a free port with these settings over the test process's environment, and
   * waits until it answers (the worker's processors and relay are running by then).
   */
  static async start(app: AppName, env: Record<string, string>, timeoutMs = 90_000): Promise<AppProcess> {
    const { entry, portSetting, readyPath } = APPS[app];
    const port = await freePort();
    const child = spawn(process.execPath, ['--enable-source-maps', '-e', boot(entry)], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', [portSetting]: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new AppProcess(child, port);
    const deadline = Date.now() + timeoutMs;
    while (!(await ready(port, readyPath))) {
      if (!started.alive) throw new Error(`the ${app} process exited before it was ready:\n${started.output()}`);
      if (Date.now() > deadline) {
        await started.kill();
        throw new Error(`the ${app} process was not ready within ${timeoutMs} ms:\n${started.output()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return started;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote (JSON log lines), for a failing test's message. */
  output(): string {
    return this.lines.join('\n');
  }

  /** Sends a signal (SIGKILL by default: no shutdown hook runs) and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }
}

/** The worker (processors and outbox relay) as an OS process of its own. */
export type WorkerProcess = AppProcess;
export const WorkerProcess = {
  start: (env: Record<string, string>, timeoutMs?: number): Promise<WorkerProcess> => AppProcess.start('worker', env, timeoutMs),
};

/**
 * Runs a command-line script (`scripts/audit-verify.ts` for `npm run audit:verify`) from the
 * sources with the test process's environment, and resolves with its exit code and output.
 */
export function runScript(entry: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', boot(entry)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
