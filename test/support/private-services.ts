import { randomBytes } from 'node:crypto';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis } from './private-redis';

/**
 * A PostgreSQL cluster and a Redis of one file's own, on spare ports, for the fault tests that stop
 * or restart them: the environment points at them (the in-process apps read it when they start)
 * until `close` puts it back. `env` is the same settings for an app run as a child process.
 */
export class PrivateServices {
  private constructor(
    readonly pg: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly env: Record<string, string>,
    private readonly saved: Record<string, string | undefined>,
  ) {}

  /** `database` names the file's database (fault tests query it by name); the queue prefix is `<prefixStem>-<random>`. */
  static async start(database: string, prefixStem: string): Promise<PrivateServices> {
    const [pg, redis] = await Promise.all([PrivatePostgres.create(), PrivateRedis.start()]);
    const urls = await pg.createDatabase(database);
    const env = {
      DATABASE_URL: urls.appUrl,
      DATABASE_OWNER_URL: urls.ownerUrl,
      DATABASE_ADMIN_URL: urls.adminUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `${prefixStem}-${randomBytes(4).toString('hex')}`,
    };
    const saved: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    return new PrivateServices(pg, redis, env, saved);
  }

  get prefix(): string {
    return this.env.QUEUE_PREFIX;
  }

  async close(): Promise<void> {
    await this.redis.down();
    await this.pg.destroy();
    for (const [key, value] of Object.entries(this.saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
