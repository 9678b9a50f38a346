import { rmSync } from 'node:fs';
import IORedis from 'ioredis';
import { dropDatabase } from '../libs/persistence/src';

/** Drops this run's database, its storage directory and its BullMQ keys. */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.ONEWINDOW_TEST_DATABASE;
  if (database && process.env.DATABASE_ADMIN_URL) await dropDatabase(process.env.DATABASE_ADMIN_URL, database);
  if (process.env.STORAGE_DIR) rmSync(process.env.STORAGE_DIR, { recursive: true, force: true });
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('owtest-') && process.env.REDIS_URL !== 'none') {
    const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
