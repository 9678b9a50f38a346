import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { DomainError } from '@onewindow/domain/errors';

/** 429 `rate_limited`: too many failed sign-ins for this account or from this address. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor() {
    super('errors.rate_limited');
  }
}

export interface LoginThrottleOptions {
  redisUrl: string;
  /** Key prefix (the run's QUEUE_PREFIX), so a test run never shares counters with another. */
  prefix: string;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export interface LoginAttempt {
  /** The login name as typed (phone or username) with the account kind; the account need not exist. */
  account: string;
  /** The client address, when known. */
  address?: string | null;
}

/** INCRBY with an expiry set on the first count; a decrement never recreates an expired key. */
const COUNT_SCRIPT = `
if tonumber(ARGV[1]) < 0 and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return n`;

/**
 * Failed sign-ins per account and per address in a fixed window (Redis, shared by every
 * instance). Each attempt is counted before the password is checked, so parallel guesses cannot
 * slip past the limit; a success, or an attempt refused by the limit, is taken back, so only
 * failures count. Counters are keyed by a hash: no phone number or address is stored.
 * When Redis is unreachable, sign-in still works (logged), since sessions live in PostgreSQL.
 */
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');
  private redis: IORedis | null = null;

  constructor(private readonly options: LoginThrottleOptions) {}

  /** Runs `attempt` (the password check) unless the limit is reached; 429 when it is. */
  async guard<T>(who: LoginAttempt, attempt: () => Promise<T>): Promise<T> {
    const keys = this.keysOf(who);
    const counts = await this.count(keys, 1);
    const limited = counts !== null && counts.some((n, i) => n > keys[i].max);
    if (limited) {
      await this.count(keys, -1);
      throw new RateLimitedError();
    }
    try {
      const result = await attempt();
      await this.count(keys, -1);
      return result;
    } catch (error) {
      if (error instanceof RateLimitedError) await this.count(keys, -1);
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
    this.redis = null;
  }

  private keysOf(who: LoginAttempt): Array<{ key: string; max: number }> {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
    const keys = [{ key: `${this.options.prefix}:login-failures:account:${hash(who.account.trim().toLowerCase())}`, max: this.options.maxFailuresPerAccount }];
    if (who.address) keys.push({ key: `${this.options.prefix}:login-failures:address:${hash(who.address)}`, max: this.options.maxFailuresPerAddress });
    return keys;
  }

  private async count(keys: Array<{ key: string }>, by: 1 | -1): Promise<number[] | null> {
    try {
      const redis = this.connection();
      return await Promise.all(keys.map(({ key }) => redis.eval(COUNT_SCRIPT, 1, key, String(by), String(this.options.windowSeconds)) as Promise<number>));
    } catch (error) {
      this.logger.warn(`sign-in limits unavailable, not enforced: ${(error as Error).message}`);
      return null;
    }
  }

  private connection(): IORedis {
    if (!this.redis) {
      this.redis = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 });
      // An error event without a listener would crash the process; the command's own error is what we log.
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}
