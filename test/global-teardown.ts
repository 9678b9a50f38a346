import './support/register-aliases';
import { rmSync } from 'node:fs';
import { dropDatabase } from '../libs/persistence/src';
import { deleteQueueKeys } from '../libs/queues/src';

/** Drops this run's database, its storage directory and its BullMQ keys. */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.ONEWINDOW_TEST_DATABASE;
  if (database && process.env.DATABASE_ADMIN_URL) await dropDatabase(process.env.DATABASE_ADMIN_URL, database);
  if (process.env.STORAGE_DIR) rmSync(process.env.STORAGE_DIR, { recursive: true, force: true });
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('owtest-')) await deleteQueueKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', prefix);
}
