import { execFileSync, spawn, SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseUrls, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { freePort } from './private-redis';

/** The server binaries: the newest /usr/lib/postgresql/<major>/bin (Debian), else pg_config's, else $PATH. */
function binDir(): string {
  const debian = '/usr/lib/postgresql';
  const candidates = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(debian, v, 'bin'))
    : [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config: fall back to $PATH
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? '';
}

/** PostgreSQL refuses to run as root: as root, run the server as the `postgres` user. */
function serverUser(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no postgres user to run a private PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output.trim()}`))));
  });
}

/**
 * A PostgreSQL cluster of the test's own: a fresh data directory under the temp dir and a spare
 * port, so stopping and starting it disturbs nothing else (never the machine's main cluster).
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly bin: string,
    private readonly user: { uid: number; gid: number } | null,
  ) {}

  /** initdb a new cluster and start it. */
  static async create(): Promise<PrivatePostgres> {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-pg-'));
    const user = serverUser();
    if (user) chownSync(dataDir, user.uid, user.gid);
    const cluster = new PrivatePostgres(await freePort(), dataDir, binDir(), user);
    try {
      await run(cluster.command('initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], cluster.spawnOptions());
      await cluster.up();
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** The owner's and the application's URLs for a database on this cluster (roles as in the run's settings). */
  urls(database: string): DatabaseUrls {
    const at = (user: string) => `postgres://${user}@127.0.0.1:${this.port}/${database}`;
    return { adminUrl: this.adminUrl, ownerUrl: at('onewindow_owner'), appUrl: at('onewindow_app') };
  }

  /** Creates the roles and the database and runs the migrations, as `npm run migrate` does. */
  async createDatabase(database = 'onewindow'): Promise<DatabaseUrls> {
    const urls = this.urls(database);
    await ensureDatabase(urls);
    await runMigrations(urls);
    return urls;
  }

  /**
   * Starts the server. client_connection_check_interval makes a backend notice at once that its
   * client died (a SIGKILLed worker) instead of finishing a long statement first.
   */
  async up(): Promise<void> {
    const settings = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dataDir}`,
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c client_connection_check_interval=200',
    ].join(' ');
    await run(this.command('pg_ctl'), ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', join(this.dataDir, 'server.log'), '-o', settings], this.spawnOptions());
  }

  /** `pg_ctl stop -m fast`: sessions are ended and their open transactions rolled back, then the server stops. */
  async down(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await run(this.command('pg_ctl'), ['stop', '-w', '-t', '60', '-m', mode, '-D', this.dataDir], this.spawnOptions());
  }

  /** A query as the superuser, e.g. to watch every role's sessions in pg_stat_activity. */
  async adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** The server's log, for a failing test's message. */
  log(): string {
    try {
      return readFileSync(join(this.dataDir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the server if it runs and deletes the data directory. */
  async destroy(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.down('immediate').catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private command(name: string): string {
    return this.bin ? join(this.bin, name) : name;
  }

  private spawnOptions(): SpawnOptions {
    return { cwd: this.dataDir, env: { ...process.env, LC_ALL: 'C' }, ...(this.user ?? {}) };
  }
}
