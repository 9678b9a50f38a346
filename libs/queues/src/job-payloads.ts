import { QUEUES } from './queue-names';

/**
 * Every job's name and payload type, in one place: producing or handling a job with the wrong
 * data does not compile. The outbox stores (queue, jobName, payload) rows of this map.
 */
export interface JobPayloads {
  precheck: { applicationId: string };
  issue: { applicationId: string };
  /** The Asia/Shanghai day to digest; the daily scheduler leaves it out, meaning yesterday. */
  'audit-digest': { day?: string };
  'render-notice': { noticeId: string };
}
export type JobName = keyof JobPayloads;

/** Which queue carries each job name (precheck goes to the service's family queue). */
export const JOB_QUEUES: { [K in JobName]: readonly string[] } = {
  precheck: [QUEUES.businessLicense, QUEUES.foodPermit, QUEUES.planningPermit, QUEUES.socialOrg],
  issue: [QUEUES.issuance],
  'audit-digest': [QUEUES.maintenance],
  'render-notice': [QUEUES.documents],
};

/** Deterministic job ids: a replayed outbox row or a retried job is queued once (no ':' — BullMQ refuses it). */
export function outboxJobId(outboxRowId: string | number): string {
  return `outbox-${outboxRowId}`;
}

export class MalformedJobError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a job's payload before a processor touches it; a malformed job fails for good instead of retrying. */
export function parseJobPayload<K extends JobName>(name: K, data: unknown): JobPayloads[K] {
  const record = data as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null) throw new MalformedJobError(`${name}: payload is not an object`);
  switch (name) {
    case 'precheck':
    case 'issue':
      if (typeof record.applicationId !== 'string' || !UUID.test(record.applicationId)) {
        throw new MalformedJobError(`${name}: applicationId must be a UUID`);
      }
      return { applicationId: record.applicationId } as JobPayloads[K];
    case 'render-notice':
      if (typeof record.noticeId !== 'string' || !UUID.test(record.noticeId)) throw new MalformedJobError(`${name}: noticeId must be a UUID`);
      return { noticeId: record.noticeId } as JobPayloads[K];
    case 'audit-digest':
      if (record.day === undefined) return {} as JobPayloads[K];
      if (typeof record.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.day)) {
        throw new MalformedJobError(`${name}: day must be YYYY-MM-DD`);
      }
      return { day: record.day } as JobPayloads[K];
    default:
      throw new MalformedJobError(`unknown job ${String(name)}`);
  }
}

/** Retry policy for every job: attempts with exponential backoff; finished jobs kept by age and count. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
};
