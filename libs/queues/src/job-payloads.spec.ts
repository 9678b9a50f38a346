import { MalformedJobError, outboxJobId, parseJobPayload } from './job-payloads';

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
