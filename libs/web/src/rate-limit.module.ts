import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@onewindow/config';

const THROTTLER_STORAGE = Symbol('ThrottlerStorage');

/** The Redis counters, as a provider so that Nest closes its connection on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: THROTTLER_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new ThrottlerStorageRedisService(config.REDIS_URL, { keyPrefix: `${config.QUEUE_PREFIX}:throttle:`, maxRetriesPerRequest: 1 }),
    },
  ],
  exports: [THROTTLER_STORAGE],
})
class ThrottlerStorageModule {}

/**
 * Rate limits for the public look-ups, counted in Redis so every instance shares them (and a
 * test run's prefix keeps its counters apart). Controllers opt in with @UseGuards(ThrottlerGuard).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [AppConfig, THROTTLER_STORAGE],
      useFactory: (config: AppConfig, storage: ThrottlerStorageRedisService) => ({
        throttlers: [{ name: 'public', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE }],
        storage,
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
