import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, RedisQueueBackend, UnrecoverableError } from 'bullmq';
import { AuditDigestService, DeadlinesService, ReconcilerService } from '@onewindow/applications';
import { FILE_STORAGE, FileStorage } from '@onewindow/persistence';
import { MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';
import { KeptSchedules } from './job-schedules';

/**
 * Book-keeping: the audit digest of the previous day (after midnight in Shanghai), and every
 * minute the reconciler and a sweep of uploads a killed process left half-written.
 */
const ABANDONED_UPLOAD_MS = 3600_000;

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly schedules: KeptSchedules;

  constructor(
    private readonly digests: AuditDigestService,
    private readonly reconciler: ReconcilerService,
    private readonly deadlines: DeadlinesService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
    // Job schedulers (BullMQ 6) are upserted, so every worker start keeps exactly one schedule;
    // work Redis lost is found from PostgreSQL's record and queued again (ReconcilerService).
    this.schedules = new KeptSchedules(queue, [
      { id: 'audit-digest-daily', repeat: { pattern: '10 0 * * *', tz: 'Asia/Shanghai' }, job: { name: 'audit-digest', data: {} } },
      { id: 'reconcile-every-minute', repeat: { every: 60_000 }, job: { name: 'reconcile', data: {} } },
    ]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.start();
  }

  onApplicationShutdown(): void {
    this.schedules.stop();
  }

  /**
   * Delayed deadline jobs live only in Redis, so a Redis that lost its data lost them too. A marker
   * key lives beside them: when it is missing (first start, flush, restart without persistence)
   * every file under review gets its jobs again, and the marker is set only after that worked.
   */
  private async restoreDeadlinesIfRedisLost(): Promise<number> {
    const redis = await (this.queue.getBackend() as RedisQueueBackend).client;
    const marker = `${this.queue.opts.prefix ?? 'bull'}:deadline-jobs-restored`;
    if ((await redis.get(marker)) !== null) return 0;
    const restored = await this.deadlines.restoreSchedules();
    await redis.set(marker, new Date().toISOString());
    return restored;
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === 'reconcile') {
      return {
        ...(await this.reconciler.reconcile()),
        deadlines: await this.restoreDeadlinesIfRedisLost(),
        // An upload untouched for an hour is no longer being written: its process died.
        abandonedUploads: await this.storage.removeAbandonedUploads(new Date(Date.now() - ABANDONED_UPLOAD_MS)),
      };
    }
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
