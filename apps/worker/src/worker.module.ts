import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@onewindow/config';
import { ApplicationsModule } from '@onewindow/applications';
import { DEFAULT_JOB_OPTIONS, FAMILY_QUEUES, QUEUES, redisConnectionOptions } from '@onewindow/queues';
import { DocumentsProcessor } from './documents.processor';
import { DeadlinesProcessor } from './deadlines.processor';
import { SealCarvingProcessor } from './seal-carving.processor';
import { IssuanceProcessor } from './issuance.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxRelayService } from './outbox-relay.service';
import { PRECHECK_PROCESSORS } from './precheck.processor';
import { ReportsProcessor } from './reports.processor';

@Module({
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
    BullModule.registerQueue(...[...FAMILY_QUEUES, QUEUES.issuance, QUEUES.maintenance, QUEUES.documents, QUEUES.sealCarving, QUEUES.deadlines, QUEUES.reports, QUEUES.notifications].map((name) => ({ name }))),
  ],
  providers: [...PRECHECK_PROCESSORS, IssuanceProcessor, DocumentsProcessor, SealCarvingProcessor, MaintenanceProcessor, DeadlinesProcessor, ReportsProcessor, NotificationsProcessor, OutboxRelayService],
})
export class WorkerModule {}
