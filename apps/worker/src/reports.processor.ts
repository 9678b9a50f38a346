import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { ReportsService } from '@onewindow/applications';
import { DomainError } from '@onewindow/domain/errors';
import { JobName, MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';
import { KeptSchedules } from './job-schedules';

/** Job scheduler ids (BullMQ 6): upserted at every start, so there is exactly one of each. */
export const REPORT_SCHEDULERS = { monthlyReport: 'monthly-report-daily', dailyStats: 'daily-stats-rollup' } as const;

/**
 * Leadership reports: every morning before office hours, the previous month's report once a
 * month has reached its first working day (produced once, then stored for good); after midnight,
 * yesterday's dashboard aggregates rebuilt from the audit events. Both also run on demand.
 */
@Processor(QUEUES.reports)
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedules: KeptSchedules;

  constructor(
    private readonly reports: ReportsService,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {
    super();
    this.schedules = new KeptSchedules(queue, [
      { id: REPORT_SCHEDULERS.monthlyReport, repeat: { pattern: '30 7 * * *', tz: 'Asia/Shanghai' }, job: { name: 'monthly-report', data: {} } },
      { id: REPORT_SCHEDULERS.dailyStats, repeat: { pattern: '20 0 * * *', tz: 'Asia/Shanghai' }, job: { name: 'daily-stats', data: {} } },
    ]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.start();
  }

  onApplicationShutdown(): void {
    this.schedules.stop();
  }

  async process(job: Job): Promise<unknown> {
    try {
      return await this.run(job);
    } catch (error) {
      // A month not over or in the future will not become valid by retrying.
      if (error instanceof DomainError) throw new UnrecoverableError(`${job.name}: ${error.messageKey} ${JSON.stringify(error.fields ?? {})}`);
      throw error;
    }
  }

  private async run(job: Job): Promise<unknown> {
    if (job.name === 'monthly-report') {
      const payload = parse('monthly-report', job.data);
      const progress = (percent: number) => job.updateProgress(percent);
      if (!payload.month) return this.reports.scheduledRun(new Date(), progress);
      const { row, created } = await this.reports.generateAndStore(payload.month, payload.requestedBy ?? 'scheduler', progress);
      return { month: row.month, created, reportSha256: row.reportSha256, pdfSha256: row.pdfSha256 };
    }
    if (job.name === 'daily-stats') return this.reports.rebuildDay(parse('daily-stats', job.data).day);
    throw new UnrecoverableError(`reports has no job named ${job.name}`);
  }
}

function parse<K extends JobName>(name: K, data: unknown) {
  try {
    return parseJobPayload(name, data);
  } catch (error) {
    if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
