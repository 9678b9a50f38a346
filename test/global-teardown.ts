import './support/register-aliases';
import { rmSync } from 'node:fs';
import { databasesNamed, dropDatabase } from '../libs/persistence/src';
import { deleteQueueKeys } from '../libs/queues/src';

/** Drops the run's template and every file's copy of it, the storage directory and the BullMQ keys. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.ONEWINDOW_TEST_TEMPLATE;
  const admin = process.env.DATABASE_ADMIN_URL;
  if (template && admin) {
    for (const database of await databasesNamed(admin, template)) await dropDatabase(admin, database);
  }
  if (process.env.ONEWINDOW_TEST_STORAGE) rmSync(process.env.ONEWINDOW_TEST_STORAGE, { recursive: true, force: true });
  const prefix = process.env.ONEWINDOW_TEST_QUEUE_PREFIX;
  if (prefix?.startsWith('owtest-')) await deleteQueueKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', prefix, { stem: true });
}
