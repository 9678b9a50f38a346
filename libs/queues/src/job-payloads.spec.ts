import { deadlineJobId, DEFAULT_JOB_OPTIONS, jobOptionsOf, MalformedJobError, outboxJobId, parseJobPayload } from './job-payloads';

describe('job payloads', () => {
  it('accepts a well-formed precheck payload and drops unknown keys', () => {
    const id = '0d6f8f8e-1c2b-4c9a-9a57-2b1f7f0f6a11';
    expect(parseJobPayload('precheck', { applicationId: id, extra: 1 })).toEqual({ applicationId: id });
  });

  it.each([null, 'x', {}, { applicationId: 42 }, { applicationId: 'not-a-uuid' }])('rejects a malformed precheck payload %p', (data) => {
    expect(() => parseJobPayload('precheck', data)).toThrow(MalformedJobError);
  });

  it('makes outbox job ids that BullMQ accepts (no colon, not a plain integer)', () => {
    const id = outboxJobId(42);
    expect(id).toBe('outbox-42');
    expect(id).not.toContain(':');
    expect(Number.isInteger(Number(id))).toBe(false);
  });
});

describe('deadline jobs', () => {
  const applicationId = '0d6f8f8e-1c2b-4c9a-9a57-2b1f7f0f6a11';
  const job = { applicationId, kind: 'remind50' as const, dueAt: 1_795_000_000, fireAt: 1_794_900_000_000 };

  it('carry a deterministic id with the due time, no colon, and a delay up to their instant', () => {
    expect(deadlineJobId(job)).toBe(`deadline-${applicationId}-remind50-1795000000`);
    expect(jobOptionsOf('remind', job, job.fireAt - 5000)).toEqual({ jobId: deadlineJobId(job), delay: 5000 });
    expect(jobOptionsOf('remind', job, job.fireAt + 5000)).toEqual({ jobId: deadlineJobId(job), delay: 0 });
    expect(jobOptionsOf('precheck', { applicationId })).toEqual({});
  });

  it('reject a kind that belongs to the other job, or a due time that is not a whole number', () => {
    expect(() => parseJobPayload('escalate', job)).toThrow(MalformedJobError);
    expect(() => parseJobPayload('remind', { ...job, dueAt: '1795000000' })).toThrow(MalformedJobError);
    expect(jobOptionsOf('remind', { ...job, kind: 'nope' })).toEqual({});
  });
});

describe('the retry policy every job carries', () => {
  it('retries a failed job at least 5 times with exponential backoff from 1 s', () => {
    expect(DEFAULT_JOB_OPTIONS.attempts).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_JOB_OPTIONS.backoff).toEqual({ type: 'exponential', delay: 1000 });
    // 1 s, 2 s, 4 s, ...: the last retry comes about half a minute after the first failure, past a Redis or PostgreSQL restart.
    const waits = Array.from({ length: DEFAULT_JOB_OPTIONS.attempts - 1 }, (_, i) => DEFAULT_JOB_OPTIONS.backoff.delay * 2 ** i);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(15_000);
  });

  it('keeps finished jobs by age and by count, failed ones longer than completed ones', () => {
    const { removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
    for (const keep of [removeOnComplete, removeOnFail]) {
      expect(keep.age).toBeGreaterThan(0);
      expect(Number.isInteger(keep.count) && keep.count > 0).toBe(true);
    }
    expect(removeOnComplete.age).toBeGreaterThanOrEqual(24 * 3600);
    expect(removeOnFail.age).toBeGreaterThan(removeOnComplete.age);
    expect(removeOnFail.count).toBeGreaterThanOrEqual(removeOnComplete.count);
  });
});
