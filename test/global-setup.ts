import './support/register-aliases';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertServicesReachable, loadConfig } from '../libs/config/src';
import { ensureDatabase, runMigrations } from '../libs/persistence/src';

/**
 * One fresh database, queue prefix and storage directory per test run, so a running demo or
 * another run never shares state with this one. Dropped in global-teardown.
 */
export default async function globalSetup(): Promise<void> {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  await assertServicesReachable({ postgres: base.DATABASE_ADMIN_URL, redis: base.REDIS_URL });
  const suffix = randomBytes(4).toString('hex');
  const database = `onewindow_test_${suffix}`;
  const withDatabase = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const storage = join(tmpdir(), `onewindow-test-${suffix}`);
  mkdirSync(storage, { recursive: true });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: withDatabase(base.DATABASE_URL),
    DATABASE_OWNER_URL: withDatabase(base.DATABASE_OWNER_URL),
    DATABASE_ADMIN_URL: base.DATABASE_ADMIN_URL,
    QUEUE_PREFIX: `owtest-${suffix}`,
    STORAGE_DIR: storage,
    ONEWINDOW_TEST_DATABASE: database,
  });
  const urls = { adminUrl: base.DATABASE_ADMIN_URL, ownerUrl: process.env.DATABASE_OWNER_URL!, appUrl: process.env.DATABASE_URL! };
  await ensureDatabase(urls);
  await runMigrations(urls);
}
