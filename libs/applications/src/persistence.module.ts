import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@onewindow/config';
import { DirectoryFileStorage, FILE_STORAGE, createDataSource } from '@onewindow/persistence';
import { AccountsService, LoginThrottle, SessionService } from '@onewindow/auth';

/** The database (as the application's role), the shared file storage, sessions and accounts. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // Tests provoke refused queries on purpose; their logs would bury real failures.
      useFactory: (config: AppConfig) => ({ ...createDataSource(config.DATABASE_URL, { logErrors: config.NODE_ENV !== 'test' }).options }),
      dataSourceFactory: async (options) => new DataSource(options!).initialize(),
    }),
  ],
  providers: [
    { provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new DirectoryFileStorage(config.STORAGE_DIR) },
    { provide: SessionService, inject: [DataSource, AppConfig], useFactory: (ds: DataSource, config: AppConfig) => new SessionService(ds, config.SESSION_TTL_HOURS) },
    {
      provide: LoginThrottle,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new LoginThrottle({
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
          maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
          windowSeconds: 60,
        }),
    },
    {
      provide: AccountsService,
      inject: [DataSource, SessionService, LoginThrottle],
      useFactory: (ds: DataSource, s: SessionService, throttle: LoginThrottle) => new AccountsService(ds, s, throttle),
    },
  ],
  exports: [FILE_STORAGE, SessionService, AccountsService],
})
export class PersistenceModule {}
