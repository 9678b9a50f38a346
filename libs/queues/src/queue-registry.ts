import { Queue } from 'bullmq';
import IORedis, { Redis } from 'ioredis';

/** What a registry says of its Redis connection: lost (once per outage) and back. */
export interface RedisConnectionEvents {
  lost(error: Error): void;
  back(): void;
}

/** Redis connection events told to a logger (Nest's Logger fits), naming who lost it. */
export function redisEventsLoggedBy(logger: { warn(message: string): void; log(message: string): void }, who: string): RedisConnectionEvents {
  return {
    lost: (error) => logger.warn(`${who}: Redis connection lost (${error.message}); retrying`),
    back: () => logger.log(`${who}: Redis connection back`),
  };
}

/** One BullMQ Queue per name, sharing one Redis connection and this run's key prefix. */
export class QueueRegistry {
  private readonly queues = new Map<string, Queue>();
  readonly connection: Redis;
  private down = false;

  constructor(
    redisUrl: string,
    readonly prefix: string,
    events?: RedisConnectionEvents,
  ) {
    // BullMQ needs maxRetriesPerRequest: null for blocking connections; fail fast instead of
    // queueing commands forever when Redis is down at start.
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false });
    // ioredis retries on its own; without a listener it would print every failed attempt (several a
    // second while Redis is down). One line when the connection is lost and one when it is back.
    this.connection.on('error', (error: Error) => {
      if (this.down) return;
      this.down = true;
      events?.lost(error);
    });
    this.connection.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      events?.back();
    });
  }

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // A Queue re-emits its connection's errors, which the connection's listener has told already.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await this.connection.quit().catch(() => undefined);
  }
}

/** ioredis options from a redis:// URL, for BullMQ to open (and close) its own connections. */
export function redisConnectionOptions(url: string): { host: string; port: number; db: number; username?: string; password?: string; tls?: object; maxRetriesPerRequest: null } {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Deletes every BullMQ key under a prefix. Used when a database is created afresh: jobs queued
 * for the old one (their ids, `outbox-<rowId>`, would collide with the new rows') mean nothing.
 * With `stem`, also every prefix that starts with it (a test run's per-file prefixes).
 */
export async function deleteQueueKeys(redisUrl: string, prefix: string, options: { stem?: boolean } = {}): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', options.stem ? `${prefix}*` : `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
