import { addDaysToLocalDate, isLocalDate, shanghaiDateOf, shanghaiInstantAt, toShanghaiIso, weekdayOf } from './local-time';

describe('Asia/Shanghai local time (fixed UTC+8)', () => {
  it('accepts real YYYY-MM-DD dates and rejects impossible or badly written ones', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '2026-01-05T00:00', '', 20260105, null]) {
      expect(isLocalDate(bad)).toBe(false);
    }
  });

  it('2026-11-27T17:00:00Z is 01:00 on Sat 2026-11-28 in Shanghai, so it belongs to Nov 28', () => {
    expect(shanghaiDateOf(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(shanghaiDateOf(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
    expect(shanghaiDateOf(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  it('17:30 on 2026-11-30 in Shanghai is 09:30 UTC', () => {
    expect(shanghaiInstantAt('2026-11-30', '17:30').toISOString()).toBe('2026-11-30T09:30:00.000Z');
    expect(shanghaiInstantAt('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('writes instants as ISO-8601 with +08:00, keeping milliseconds only when there are some', () => {
    expect(toShanghaiIso(new Date('2026-12-03T09:30:00Z'))).toBe('2026-12-03T17:30:00+08:00');
    expect(toShanghaiIso(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(toShanghaiIso(new Date('2026-12-03T09:30:00.250Z'))).toBe('2026-12-03T17:30:00.250+08:00');
    expect(new Date(toShanghaiIso(new Date('2026-12-03T09:30:00.250Z'))).toISOString()).toBe('2026-12-03T09:30:00.250Z');
  });

  it('knows weekdays and adds days across month and year ends', () => {
    expect(weekdayOf('2026-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2026-11-29')).toBe(0); // Sunday
    expect(addDaysToLocalDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToLocalDate('2026-10-30', 30)).toBe('2026-11-29');
  });

  it('refuses invalid inputs loudly', () => {
    expect(() => shanghaiInstantAt('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => shanghaiInstantAt('2026-02-27', '24:00')).toThrow(RangeError);
    expect(() => shanghaiDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});
