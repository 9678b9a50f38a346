import { Logger } from '@nestjs/common';
import { Queue, RepeatOptions } from 'bullmq';

export interface JobSchedule {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  job: { name: string; data: Record<string, unknown> };
}

/** How soon a worker notices that Redis forgot its job schedulers. */
export const SCHEDULE_CHECK_MS = 5_000;

/**
 * A queue's job schedulers (BullMQ 6), upserted at start and kept: a Redis restarted without
 * persistence, or flushed, forgets them (the minute reconciler among them), and nothing else
 * would put them back until the worker restarts. The check is one read per schedule, outside Redis's clock.
 */
export class KeptSchedules {
  private readonly logger = new Logger('JobSchedules');
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly queue: Queue,
    private readonly schedules: readonly JobSchedule[],
  ) {}

  async start(): Promise<void> {
    for (const schedule of this.schedules) await this.upsert(schedule);
    this.timer = setInterval(() => void this.restoreMissing(), SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Upserts the schedules Redis no longer has; returns their ids. One check at a time (Redis may be down for a while). */
  async restoreMissing(): Promise<string[]> {
    if (this.checking) return [];
    this.checking = true;
    const restored: string[] = [];
    try {
      for (const schedule of this.schedules) {
        if (await this.queue.getJobScheduler(schedule.id)) continue;
        await this.upsert(schedule);
        restored.push(schedule.id);
      }
      if (restored.length > 0) this.logger.warn(`Redis had lost the job schedulers ${restored.join(', ')} of ${this.queue.name}: scheduled again`);
    } catch (error) {
      // Redis down: the next check tries again.
      this.logger.debug(`job schedulers of ${this.queue.name} not checked: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.checking = false;
    }
    return restored;
  }

  private async upsert(schedule: JobSchedule): Promise<void> {
    await this.queue.upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.job.name, data: schedule.job.data });
  }
}
