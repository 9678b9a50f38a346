import { Socket } from 'node:net';

/** How to start each backing service, printed when one cannot be reached. */
const HOW_TO_START: Record<'PostgreSQL' | 'Redis', string> = {
  PostgreSQL:
    "start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (Debian package postgresql), or `docker compose -f docker/compose.yml up -d postgres redis`",
  Redis:
    'start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379` (Debian package redis-server), or `docker compose -f docker/compose.yml up -d postgres redis`',
};

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function tcpReachable(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * Checks that PostgreSQL and Redis accept connections, so that a command fails at once with
 * one line naming the URL instead of hanging in a driver's retry loop.
 */
export async function assertServicesReachable(urls: { postgres?: string; redis?: string }, timeoutMs = 3000): Promise<void> {
  const checks: Array<['PostgreSQL' | 'Redis', string, number]> = [];
  if (urls.postgres) checks.push(['PostgreSQL', urls.postgres, 5432]);
  if (urls.redis) checks.push(['Redis', urls.redis, 6379]);
  for (const [name, url, defaultPort] of checks) {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = parsed.port ? Number(parsed.port) : defaultPort;
    if (!(await tcpReachable(host, port, timeoutMs))) {
      throw new ServiceUnreachableError(`${name} is not reachable at ${redact(url)}: ${HOW_TO_START[name]}`);
    }
  }
}

export class ServiceUnreachableError extends Error {}
