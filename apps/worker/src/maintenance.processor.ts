import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AuditDigestService } from '@onewindow/applications';
import { MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';

/** Daily book-keeping: the audit digest of the previous day, shortly after midnight in Shanghai. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly digests: AuditDigestService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler (BullMQ 6) is upserted, so every worker start keeps exactly one schedule.
    await this.queue.upsertJobScheduler('audit-digest-daily', { pattern: '10 0 * * *', tz: 'Asia/Shanghai' }, { name: 'audit-digest', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== 'audit-digest') throw new UnrecoverableError(`maintenance has no job named ${job.name}`);
    let payload;
    try {
      payload = parseJobPayload('audit-digest', job.data);
    } catch (error) {
      if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
    return this.digests.store(payload.day);
  }
}
