import './support/register-aliases';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertServicesReachable, loadConfig } from '../libs/config/src';
import { ensureDatabase, runMigrations } from '../libs/persistence/src';

/**
 * One migrated template database per test run, which test/support/own-database.ts copies for
 * each file, and the run's queue-prefix and storage stems; a running demo or another run never
 * shares state with this one. Everything named after the run is dropped in global-teardown.
 */
export default async function globalSetup(): Promise<void> {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  await assertServicesReachable({ postgres: base.DATABASE_ADMIN_URL, redis: base.REDIS_URL });
  const suffix = randomBytes(4).toString('hex');
  const template = `onewindow_test_${suffix}`;
  const withDatabase = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${template}`;
    return u.toString();
  };
  const storage = join(tmpdir(), `onewindow-test-${suffix}`);
  mkdirSync(storage, { recursive: true });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: withDatabase(base.DATABASE_URL),
    DATABASE_OWNER_URL: withDatabase(base.DATABASE_OWNER_URL),
    DATABASE_ADMIN_URL: base.DATABASE_ADMIN_URL,
    ONEWINDOW_TEST_TEMPLATE: template,
    ONEWINDOW_TEST_QUEUE_PREFIX: `owtest-${suffix}`,
    ONEWINDOW_TEST_STORAGE: storage,
  });
  const urls = { adminUrl: base.DATABASE_ADMIN_URL, ownerUrl: process.env.DATABASE_OWNER_URL!, appUrl: process.env.DATABASE_URL! };
  await ensureDatabase(urls);
  // Migrations close their connections: a template with a session open cannot be copied.
  await runMigrations(urls);
}
