import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase } from '../../libs/persistence/src';

/**
 * Runs before each end-to-end file (jest setupFilesAfterEnv): the file gets a database copied
 * from the run's migrated template, a queue prefix and a storage directory of its own, so no
 * file sees another's applications, settings, counters, jobs or sign-in failures.
 */
beforeAll(async () => {
  const template = process.env.ONEWINDOW_TEST_TEMPLATE;
  if (!template) throw new Error('ONEWINDOW_TEST_TEMPLATE is unset: run the e2e tests through jest, whose global setup makes it');
  const file = randomBytes(4).toString('hex');
  const database = `${template}_${file}`;
  const withDatabase = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  Object.assign(process.env, {
    DATABASE_URL: withDatabase(process.env.DATABASE_URL!),
    DATABASE_OWNER_URL: withDatabase(process.env.DATABASE_OWNER_URL!),
    ONEWINDOW_TEST_DATABASE: database,
    QUEUE_PREFIX: `${process.env.ONEWINDOW_TEST_QUEUE_PREFIX}-${file}`,
    STORAGE_DIR: join(process.env.ONEWINDOW_TEST_STORAGE!, file),
  });
  mkdirSync(process.env.STORAGE_DIR!, { recursive: true });
  await copyDatabase({ adminUrl: process.env.DATABASE_ADMIN_URL!, ownerUrl: process.env.DATABASE_OWNER_URL!, appUrl: process.env.DATABASE_URL! }, template);
});
