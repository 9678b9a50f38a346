import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Queue, UnrecoverableError } from 'bullmq';
import { ClaimsService, DeadlinesService } from '@onewindow/applications';
import { JobName, MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';
import { KeptSchedules } from './job-schedules';

/** How often idle claims are looked for (DESIGN.md: a claim idle for 2 office hours is released). */
const RELEASE_IDLE_CLAIMS_EVERY_MS = 5 * 60 * 1000;

function payloadOf<K extends JobName>(name: K, job: Job) {
  try {
    return parseJobPayload(name, job.data);
  } catch (error) {
    if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** The deadlines queue: reminders and escalations (delayed), idle-claim release (scheduled) and due-time recomputation. */
@Processor(QUEUES.deadlines, { concurrency: 4 })
export class DeadlinesProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedules: KeptSchedules;

  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly claims: ClaimsService,
    @InjectQueue(QUEUES.deadlines) private readonly queue: Queue,
  ) {
    super();
    this.schedules = new KeptSchedules(queue, [{ id: 'release-idle-claims', repeat: { every: RELEASE_IDLE_CLAIMS_EVERY_MS }, job: { name: 'release-idle-claims', data: {} } }]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.start();
  }

  onApplicationShutdown(): void {
    this.schedules.stop();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case 'remind':
      case 'escalate': {
        const result = await this.deadlines.fire(payloadOf(job.name, job));
        if (result.outcome === 'early') {
          // Same due time, later instant (a same-day pause): wait for the instant instead of firing now.
          await job.moveToDelayed(result.fireAt.getTime(), token);
          throw new DelayedError();
        }
        return result.outcome;
      }
      case 'release-idle-claims':
        payloadOf('release-idle-claims', job);
        return { released: (await this.claims.releaseIdle()).length };
      case 'recompute-due':
        return { changed: await this.deadlines.recomputeFrom(payloadOf('recompute-due', job).fromDate) };
      default:
        throw new UnrecoverableError(`deadlines has no job named ${job.name}`);
    }
  }
}
