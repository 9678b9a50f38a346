import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@onewindow/config';
import { ApplicationsModule } from '@onewindow/applications';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, redisConnectionOptions } from '@onewindow/queues';
import { DocumentsProcessor } from './documents.processor';
import { DeadlinesProcessor } from './deadlines.processor';
import { SealCarvingProcessor } from './seal-carving.processor';
import { IssuanceProcessor } from './issuance.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxRelayService } from './outbox-relay.service';
import { PRECHECK_PROCESSORS } from './precheck.processor';
import { RedisOutageLog } from './redis-outage-log';
import { ReportsProcessor } from './reports.processor';

/** The processors (and the relay) each worker role runs; see AppConfig.WORKER_ROLE. */
const FLOW: Provider[] = [...PRECHECK_PROCESSORS, IssuanceProcessor, SealCarvingProcessor, MaintenanceProcessor, DeadlinesProcessor, ReportsProcessor, NotificationsProcessor, OutboxRelayService];
const PROVIDERS_OF_ROLE: Record<AppConfig['WORKER_ROLE'], Provider[]> = {
  all: [...FLOW, DocumentsProcessor],
  flow: FLOW,
  documents: [DocumentsProcessor],
};

@Module({})
export class WorkerModule {
  static forRole(role: AppConfig['WORKER_ROLE']): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule,
        ApplicationsModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisConnectionOptions(config.REDIS_URL),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        // Registering the queues also loads @nestjs/bullmq's explorer, which starts the @Processor workers.
        // Every role registers every queue: the relay and the processors add jobs to queues they do not run.
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
        DiscoveryModule,
      ],
      providers: [...PROVIDERS_OF_ROLE[role], RedisOutageLog],
    };
  }
}
