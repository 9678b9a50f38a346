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
  'open-seal-order': { applicationId: string };
  reconcile: Record<string, never>;
  /** 50 % and 80 % of the promised period: remind whoever works the file. */
  remind: DeadlineJob;
  /** 100 %: escalate to the section head(s). */
  escalate: DeadlineJob;
  /** Releases claims idle for CLAIM_IDLE_OFFICE_HOURS (the deadlines queue's job scheduler). */
  'release-idle-claims': Record<string, never>;
  /** The calendar changed from this local date on: re-derive the due times of open files. */
  'recompute-due': { fromDate: string };
  /**
   * The monthly report of a month that is over, stored for good. The daily job scheduler leaves
   * `month` out: on or after the first working day of a month it produces the previous month's.
   */
  'monthly-report': { month?: string; requestedBy?: string };
  /** Rebuilds one closed day's dashboard aggregates from its audit events; default yesterday. */
  'daily-stats': { day?: string };
  /** Sends one recorded message (a `notifications` row) through its channel's sender, once. */
  notify: { notificationId: string };
}
export type JobName = keyof JobPayloads;

export const DEADLINE_KINDS = ['remind50', 'remind80', 'escalate'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * A delayed deadline job. `dueAt` (epoch seconds) is the promised due time it was scheduled for:
 * when the job fires and the file's due time has moved on, it does nothing. `fireAt` (epoch ms)
 * is when it should run; the relay turns it into BullMQ's delay.
 */
export interface DeadlineJob {
  applicationId: string;
  kind: DeadlineKind;
  dueAt: number;
  fireAt: number;
}

/** `deadline-<applicationId>-<kind>-<dueEpochSeconds>`: one job per file, kind and due time, ever. */
export function deadlineJobId(job: Pick<DeadlineJob, 'applicationId' | 'kind' | 'dueAt'>): string {
  return `deadline-${job.applicationId}-${job.kind}-${job.dueAt}`;
}

/** BullMQ options a job carries beyond the defaults: its own deterministic id and a delay, for delayed jobs. */
export function jobOptionsOf(name: string, payload: unknown, now: number = Date.now()): { jobId?: string; delay?: number } {
  if (name === 'notify') {
    const id = (payload as { notificationId?: unknown } | null)?.notificationId;
    // One job per message however often it is queued (the reconciler re-queues unsent rows).
    return typeof id === 'string' && UUID.test(id) ? { jobId: notifyJobId(id) } : {};
  }
  if (name !== 'remind' && name !== 'escalate') return {};
  try {
    const job = parseJobPayload(name, payload);
    return { jobId: deadlineJobId(job), delay: Math.max(0, job.fireAt - now) };
  } catch {
    // Queued under its outbox id: the processor rejects the payload for good.
    return {};
  }
}

/** Which queue carries each job name (precheck goes to the service's family queue). */
export const JOB_QUEUES: { [K in JobName]: readonly string[] } = {
  precheck: [QUEUES.businessLicense, QUEUES.foodPermit, QUEUES.planningPermit, QUEUES.socialOrg],
  issue: [QUEUES.issuance],
  'audit-digest': [QUEUES.maintenance],
  'render-notice': [QUEUES.documents],
  'open-seal-order': [QUEUES.sealCarving],
  reconcile: [QUEUES.maintenance],
  remind: [QUEUES.deadlines],
  escalate: [QUEUES.deadlines],
  'release-idle-claims': [QUEUES.deadlines],
  'recompute-due': [QUEUES.deadlines],
  'monthly-report': [QUEUES.reports],
  'daily-stats': [QUEUES.reports],
  notify: [QUEUES.notifications],
};

/** `notify-<notificationId>`: a message is queued once while its job exists. */
export function notifyJobId(notificationId: string): string {
  return `notify-${notificationId}`;
}

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
    case 'open-seal-order':
      if (typeof record.applicationId !== 'string' || !UUID.test(record.applicationId)) {
        throw new MalformedJobError(`${name}: applicationId must be a UUID`);
      }
      return { applicationId: record.applicationId } as JobPayloads[K];
    case 'reconcile':
      return {} as JobPayloads[K];
    case 'monthly-report': {
      const { month, requestedBy } = record;
      if (month !== undefined && (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))) throw new MalformedJobError(`${name}: month must be YYYY-MM`);
      if (requestedBy !== undefined && typeof requestedBy !== 'string') throw new MalformedJobError(`${name}: requestedBy must be a string`);
      return { ...(month !== undefined ? { month } : {}), ...(requestedBy !== undefined ? { requestedBy } : {}) } as JobPayloads[K];
    }
    case 'daily-stats':
      if (record.day === undefined) return {} as JobPayloads[K];
      if (typeof record.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.day)) throw new MalformedJobError(`${name}: day must be YYYY-MM-DD`);
      return { day: record.day } as JobPayloads[K];
    case 'notify':
      if (typeof record.notificationId !== 'string' || !UUID.test(record.notificationId)) throw new MalformedJobError(`${name}: notificationId must be a UUID`);
      return { notificationId: record.notificationId } as JobPayloads[K];
    case 'render-notice':
      if (typeof record.noticeId !== 'string' || !UUID.test(record.noticeId)) throw new MalformedJobError(`${name}: noticeId must be a UUID`);
      return { noticeId: record.noticeId } as JobPayloads[K];
    case 'remind':
    case 'escalate': {
      const { applicationId, kind, dueAt, fireAt } = record;
      if (typeof applicationId !== 'string' || !UUID.test(applicationId)) throw new MalformedJobError(`${name}: applicationId must be a UUID`);
      if (typeof kind !== 'string' || !(DEADLINE_KINDS as readonly string[]).includes(kind)) throw new MalformedJobError(`${name}: unknown kind`);
      if ((name === 'escalate') !== (kind === 'escalate')) throw new MalformedJobError(`${name}: kind ${kind} belongs to the other job`);
      if (!Number.isSafeInteger(dueAt) || !Number.isSafeInteger(fireAt)) throw new MalformedJobError(`${name}: dueAt and fireAt must be whole numbers`);
      return { applicationId, kind, dueAt, fireAt } as JobPayloads[K];
    }
    case 'release-idle-claims':
      return {} as JobPayloads[K];
    case 'recompute-due':
      if (typeof record.fromDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.fromDate)) {
        throw new MalformedJobError(`${name}: fromDate must be YYYY-MM-DD`);
      }
      return { fromDate: record.fromDate } as JobPayloads[K];
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
