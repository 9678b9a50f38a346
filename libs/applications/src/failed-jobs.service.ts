import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { ALL_QUEUES, QueueRegistry, redisEventsLoggedBy } from '@onewindow/queues';
import { appendAuditEvent } from './audit-log';
import type { StaffAccount } from './staff-workflow.service';

const PER_QUEUE = 100;

export interface FailedJobView {
  queue: string;
  id: string;
  name: string;
  /** The file the job worked on, when its payload names one (payloads carry ids, not personal data). */
  applicationId: string | null;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

/**
 * Jobs that failed for good, across every queue, and their retry by an administrator (DESIGN.md:
 * "a job that fails for good … visible to administrators, who retry it"). A retry moves the job
 * back to waiting with BullMQ's own retry (its id, hence its idempotence, unchanged), and is
 * recorded as an audit event and a log line naming who retried what.
 */
@Injectable()
export class FailedJobsService implements OnModuleDestroy {
  private readonly logger = new Logger('FailedJobs');
  private registry: QueueRegistry | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.registry?.close();
    this.registry = null;
  }

  /** The queues, opened on first use (the worker, which shares this module, never needs them). */
  queues(): QueueRegistry {
    this.registry ??= new QueueRegistry(this.config.REDIS_URL, this.config.QUEUE_PREFIX, redisEventsLoggedBy(this.logger, 'failed jobs'));
    return this.registry;
  }

  async count(): Promise<number> {
    const counts = await Promise.all(ALL_QUEUES.map((name) => this.queues().get(name).getFailedCount()));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The latest failures of each queue (at most PER_QUEUE each), newest first. */
  async list(): Promise<FailedJobView[]> {
    const perQueue = await Promise.all(
      ALL_QUEUES.map(async (queue) => {
        const jobs = await this.queues().get(queue).getFailed(0, PER_QUEUE - 1);
        return jobs.filter((job) => !!job).map((job) => toView(queue, job));
      }),
    );
    return perQueue.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  async retry(admin: StaffAccount, queue: string, jobId: string): Promise<FailedJobView> {
    if (!(ALL_QUEUES as readonly string[]).includes(queue) || typeof jobId !== 'string' || jobId.length > 200) throw new NotFoundError();
    const job = await this.queues().get(queue).getJob(jobId);
    if (!job) throw new NotFoundError();
    const state = await job.getState();
    if (state !== 'failed') throw new ConflictError('admin.jobs.not_failed');
    const view = toView(queue, job);
    await job.retry('failed');
    await this.dataSource.transaction((em) =>
      appendAuditEvent(em, {
        applicationId: null,
        actor: admin,
        action: 'job_retried',
        note: view.failedReason.slice(0, 500),
        data: { queue, jobId: view.id, name: view.name, applicationId: view.applicationId, attemptsMade: view.attemptsMade },
      }),
    );
    this.logger.log(`${admin.name} (${admin.id}) retried failed job ${queue}/${view.id} (${view.name}, ${view.attemptsMade} attempts; last error: ${view.failedReason.slice(0, 200)})`);
    return view;
  }
}

function toView(queue: string, job: { id?: string; name: string; data: unknown; failedReason: string; attemptsMade: number; finishedOn?: number }): FailedJobView {
  const data = job.data as { applicationId?: unknown } | null;
  const applicationId = data && typeof data.applicationId === 'string' && /^[0-9a-f-]{36}$/i.test(data.applicationId) ? data.applicationId : null;
  return {
    queue,
    id: String(job.id),
    name: job.name,
    applicationId,
    failedReason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
