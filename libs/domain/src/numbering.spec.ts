import { applicationNumberScope, formatApplicationNumber, shanghaiLocalDate, usccScope } from './numbering';

describe('numbering', () => {
  it('formats application numbers as division + date + 6-digit sequence', () => {
    expect(formatApplicationNumber('140603', '2026-11-27', 42)).toBe('14060320261127000042');
    expect(formatApplicationNumber('140603', '2026-01-01', 999_999)).toBe('14060320260101999999');
  });

  it.each([
    ['14060', '2026-11-27', 1],
    ['140603', '2026-02-30', 1],
    ['140603', '20261127', 1],
    ['140603', '2026-11-27', 0],
    ['140603', '2026-11-27', 1_000_000],
    ['140603', '2026-11-27', 1.5],
  ])('refuses (%s, %s, %s)', (division, date, sequence) => {
    expect(() => formatApplicationNumber(division, date, sequence)).toThrow(RangeError);
  });

  it('names counter scopes', () => {
    expect(applicationNumberScope('2026-11-27')).toBe('application:2026-11-27');
    expect(usccScope('91')).toBe('uscc:91');
    expect(() => applicationNumberScope('2026-11-31')).toThrow(RangeError);
  });

  it('gives the Asia/Shanghai date of an instant', () => {
    expect(shanghaiLocalDate(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
    expect(shanghaiLocalDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(shanghaiLocalDate(new Date('2026-12-31T23:30:00+08:00'))).toBe('2026-12-31');
  });
});
