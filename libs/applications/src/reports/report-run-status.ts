import type { Job } from 'bullmq';

export interface ReportRunStatus {
  jobId: string;
  month: string;
  state: string;
  /** 0–100, set by the job as it goes (job.updateProgress). */
  progress: number;
  result?: unknown;
  failedReason?: string;
}

/** The job id of a month's report run: one job per month, so asking twice while it runs queues nothing new. */
export const runJobId = (month: string) => `monthly-report-${month}`;

/** What readRunStatus needs of a BullMQ queue. */
export interface RunQueue {
  getJobState(jobId: string): Promise<string>;
  getJob(jobId: string): Promise<Pick<Job, 'id' | 'progress' | 'returnvalue' | 'failedReason'> | undefined>;
}

/**
 * The state of a month's report job, read state first: BullMQ writes a job's return value in the
 * same step that moves it to completed, so the job read after seeing 'completed' always holds it.
 * (Read the other way round, a job fetched while still active and then found completed showed
 * `result: null`.)
 */
export async function readRunStatus(queue: RunQueue, month: string): Promise<ReportRunStatus | null> {
  const id = runJobId(month);
  const state = await queue.getJobState(id);
  if (state === 'unknown') return null;
  const job = await queue.getJob(id);
  if (!job) return null;
  return {
    jobId: job.id ?? id,
    month,
    state,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    ...(state === 'completed' ? { result: job.returnvalue } : {}),
    ...(state === 'failed' && job.failedReason ? { failedReason: job.failedReason } : {}),
  };
}

