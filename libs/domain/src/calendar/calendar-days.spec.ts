import { SEED_CALENDAR_DAYS } from './calendar-days';
import { isLocalDate, weekdayOf } from './local-time';

const datesOf = (kind: 'holiday' | 'workday', year: string) =>
  SEED_CALENDAR_DAYS.filter((d) => d.kind === kind && d.date.startsWith(year)).map((d) => d.date);

describe('SEED_CALENDAR_DAYS', () => {
  it('holds the 2026 days off exactly as the State Council notice of 2025-11-04 lists them', () => {
    expect(datesOf('holiday', '2026')).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03',
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      '2026-04-04', '2026-04-05', '2026-04-06',
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
      '2026-06-19', '2026-06-20', '2026-06-21',
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
  });

  it('holds the 2026 make-up working days, every one of them a Saturday or Sunday', () => {
    const workdays = datesOf('workday', '2026');
    expect([...workdays].sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const date of workdays) expect([0, 6]).toContain(weekdayOf(date));
  });

  it('names days in Chinese after their holiday', () => {
    const byDate = new Map(SEED_CALENDAR_DAYS.map((d) => [d.date, d.name]));
    expect(byDate.get('2026-01-01')).toBe('元旦');
    expect(byDate.get('2026-02-17')).toBe('春节');
    expect(byDate.get('2026-04-05')).toBe('清明节');
    expect(byDate.get('2026-05-01')).toBe('劳动节');
    expect(byDate.get('2026-06-19')).toBe('端午节');
    expect(byDate.get('2026-09-25')).toBe('中秋节');
    expect(byDate.get('2026-10-01')).toBe('国庆节');
    expect(byDate.get('2026-10-10')).toBe('国庆节调休上班');
  });

  it('marks 2026 final and holds only the fixed-date 2027 holidays, all provisional', () => {
    expect(SEED_CALENDAR_DAYS.filter((d) => d.date.startsWith('2026')).every((d) => !d.provisional)).toBe(true);
    const days2027 = SEED_CALENDAR_DAYS.filter((d) => d.date.startsWith('2027'));
    expect(days2027.map((d) => [d.date, d.name])).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
    expect(days2027.every((d) => d.provisional === true && d.kind === 'holiday')).toBe(true);
  });

  it('has valid, unique dates and cannot be changed by accident', () => {
    const dates = SEED_CALENDAR_DAYS.map((d) => d.date);
    expect(dates.every(isLocalDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect(Object.isFrozen(SEED_CALENDAR_DAYS)).toBe(true);
    expect(Object.isFrozen(SEED_CALENDAR_DAYS[0])).toBe(true);
  });
});
