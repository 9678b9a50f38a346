import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { hashPassword } from '@onewindow/auth';
import { AppConfig, loadConfig } from '@onewindow/config';
import { AccountEntity, createDataSource } from '@onewindow/persistence';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { createPortalApp } from '../../apps/portal/src/portal.app';
import { createWorker } from '../../apps/worker/src/worker.app';

/** The three apps of OneWindow running in this test process against the run's own database and queue prefix. */
export interface Harness {
  config: AppConfig;
  portal: NestFastifyApplication;
  backoffice: NestFastifyApplication;
  worker: INestApplicationContext | null;
  /** An owner-role connection, for assertions and set-up the app role may not do. */
  db: DataSource;
  close(): Promise<void>;
}

export async function startHarness(options: { worker?: boolean } = {}): Promise<Harness> {
  const config = loadConfig();
  const logger = process.env.ONEWINDOW_TEST_LOGS === '1';
  const portal = await createPortalApp(config, { logger });
  await portal.init();
  await portal.getHttpAdapter().getInstance().ready();
  const backoffice = await createBackofficeApp(config, { logger });
  await backoffice.init();
  await backoffice.getHttpAdapter().getInstance().ready();
  const worker = options.worker === false ? null : await createWorker(config, { logger });
  await worker?.init();
  const db = await createDataSource(process.env.DATABASE_OWNER_URL ?? config.DATABASE_OWNER_URL, { poolSize: 4, logErrors: false }).initialize();
  return {
    config,
    portal,
    backoffice,
    worker,
    db,
    async close() {
      await worker?.close();
      await portal.close();
      await backoffice.close();
      await db.destroy();
    },
  };
}

export const STAFF_PASSWORD = 'Test-Staff-Pass-2026';

/** Creates a staff account (unique username per call) and returns its username. */
export async function createStaff(db: DataSource, input: { username: string; roles: string[]; sections?: string[]; name?: string }): Promise<string> {
  await db.getRepository(AccountEntity).insert({
    kind: 'staff',
    name: input.name ?? input.username,
    username: input.username,
    passwordHash: await hashPassword(STAFF_PASSWORD),
    roles: input.roles,
    sections: input.sections ?? [],
  });
  return input.username;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
