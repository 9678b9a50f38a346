import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setPriority } from 'node:os';
import IORedis from 'ioredis';
import { AppConfig } from '@onewindow/config';
import { appLogger } from '@onewindow/web';
import { WorkerModule } from './worker.module';

export class RedisSettingsError extends Error {}

/** A documents-only worker yields the CPU to every process of normal priority. */
const DOCUMENTS_NICENESS = 10;

/**
 * BullMQ loses jobs when Redis may evict keys: refuse to start unless maxmemory-policy is
 * noeviction. Without persistence a Redis restart loses queued work (the outbox reconciler
 * re-sends it), so that only warns.
 */
export async function checkRedisSettings(redisUrl: string, warn: (message: string) => void): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      throw new RedisSettingsError(`Redis at ${redisUrl} has maxmemory-policy=${policy}; BullMQ needs noeviction (redis-cli config set maxmemory-policy noeviction)`);
    }
    const [, aof] = (await redis.config('GET', 'appendonly')) as [string, string];
    const [, save] = (await redis.config('GET', 'save')) as [string, string];
    if (aof !== 'yes' && !save) warn(`Redis at ${redisUrl} keeps nothing on disk: a Redis restart drops queued jobs until the outbox re-sends them`);
  } finally {
    redis.disconnect();
  }
}

/** The worker: BullMQ processors and the outbox relay (those of its WORKER_ROLE), no public HTTP. */
export async function createWorker(config: AppConfig, options: { logger?: boolean | 'quiet' } = {}): Promise<INestApplicationContext> {
  const logger = appLogger('worker', options.logger);
  await checkRedisSettings(config.REDIS_URL, (message) => logger && logger.warn(message, 'RedisSettings'));
  // The outbox senders only mark messages sent: right for development, silent loss for a real bureau.
  if (config.NODE_ENV === 'production' && logger) {
    for (const [channel, sender] of [['SMS_SENDER', config.SMS_SENDER], ['EMAIL_SENDER', config.EMAIL_SENDER]] as const) {
      if (sender === 'outbox') logger.warn(`${channel}=outbox in production: messages are recorded but reach nobody; set ${channel}=webhook and its URL`, 'Notifications');
    }
  }
  if (config.WORKER_ROLE === 'documents') {
    // PDFs can wait; prechecks and messages on the same cores should not wait for them.
    setPriority(DOCUMENTS_NICENESS);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRole(config.WORKER_ROLE), {
    abortOnError: false,
    logger,
  });
  // Like the apps (http-app.ts): on SIGTERM the workers stop taking jobs, finish or hand back
  // the running ones, the modules close, and the process exits 0 rather than re-raising the signal.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  return app;
}
