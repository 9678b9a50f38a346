import { SEED_CALENDAR_DAYS } from './calendar-days';
import { toShanghaiIso } from './local-time';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(SEED_CALENDAR_DAYS);
/** A Shanghai wall-clock time, e.g. sh('2026-11-27T10:00'). */
const sh = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2026-11-25', true, 'an ordinary Wednesday'],
    ['2026-11-28', false, 'an ordinary Saturday'],
    ['2026-11-29', false, 'an ordinary Sunday'],
    ['2026-01-02', false, 'Fri Jan 2, 元旦'],
    ['2026-01-04', true, 'Sun Jan 4, 元旦 make-up day'],
    ['2026-02-14', true, 'Sat Feb 14, 春节 make-up day'],
    ['2026-02-16', false, 'Mon Feb 16, 春节'],
    ['2026-02-23', false, 'Mon Feb 23, last day of 春节'],
    ['2026-02-24', true, 'Tue Feb 24, back at work after 春节'],
    ['2026-02-28', true, 'Sat Feb 28, 春节 make-up day'],
    ['2026-04-06', false, 'Mon Apr 6, 清明节'],
    ['2026-05-04', false, 'Mon May 4, 劳动节'],
    ['2026-05-09', true, 'Sat May 9, 劳动节 make-up day'],
    ['2026-06-19', false, 'Fri Jun 19, 端午节'],
    ['2026-09-19', false, 'Sat Sep 19, an ordinary Saturday'],
    ['2026-09-20', true, 'Sun Sep 20, 国庆节 make-up day'],
    ['2026-09-25', false, 'Fri Sep 25, 中秋节'],
    ['2026-10-05', false, 'Mon Oct 5, 国庆节'],
    ['2026-10-08', true, 'Thu Oct 8, back at work after 国庆节'],
    ['2026-10-10', true, 'Sat Oct 10, 国庆节 make-up day'],
    ['2027-01-01', false, 'Fri Jan 1 2027, provisional 元旦'],
    ['2027-01-04', true, 'Mon Jan 4 2027'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('WorkingCalendar.isProvisional', () => {
  it('2026 is final, 2027 holds only provisional fixed-date holidays, years with no data are provisional', () => {
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.isProvisional(2028)).toBe(true);
    expect(calendar.isProvisional(2025)).toBe(true);
  });

  it('a year stops being provisional once the administrator replaces its rows with the published arrangement', () => {
    const published = SEED_CALENDAR_DAYS.filter((d) => !d.date.startsWith('2027')).concat([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(new WorkingCalendar(published).isProvisional(2027)).toBe(false);
  });
});

describe('WorkingCalendar local time', () => {
  it('an instant given in UTC late evening (2026-11-27T17:00:00Z = Nov 28 01:00 in Shanghai) belongs to the Shanghai date', () => {
    expect(calendar.localDateOf(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(calendar.instantAt('2026-11-28', '01:00').toISOString()).toBe('2026-11-27T17:00:00.000Z');
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('1 working day from Fri 2026-11-27 skips the weekend: Mon 2026-11-30 17:30', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-27T10:00'), 1))).toBe('2026-11-30T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-27T23:59'), 1))).toBe('2026-11-30T17:30:00+08:00');
  });

  it('3 working days from Thu 2026-09-24 skip 中秋 (Fri–Sun Sep 25–27): Mon 28, Tue 29, Wed 30 → 2026-09-30 17:30', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-09-24T15:00'), 3))).toBe('2026-09-30T17:30:00+08:00');
  });

  it('5 working days from Tue 2026-09-29 across 国庆: Sep 30, Oct 8, Oct 9, Sat Oct 10 (make-up), Mon Oct 12 → 2026-10-12 17:30', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-09-29T10:00'), 5))).toBe('2026-10-12T17:30:00+08:00');
  });

  it('1 working day from Fri 2026-09-18 is Sun 2026-09-20, a make-up working day', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-09-18T10:00'), 1))).toBe('2026-09-20T17:30:00+08:00');
  });

  it('春节: from Fri Feb 13, 1 working day is Sat Feb 14 (make-up) and 2 jump Feb 15–23 to Tue Feb 24', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-02-13T10:00'), 1))).toBe('2026-02-14T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-02-13T10:00'), 2))).toBe('2026-02-24T17:30:00+08:00');
  });

  it('春节: 2 working days from Thu Feb 26 are Fri Feb 27 and Sat Feb 28 (make-up) → 2026-02-28', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-02-26T10:00'), 2))).toBe('2026-02-28T17:30:00+08:00');
  });

  it('元旦: 1 working day from Wed 2025-12-31 skips Jan 1–3 and lands on Sun 2026-01-04 (make-up)', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2025-12-31T10:00'), 1))).toBe('2026-01-04T17:30:00+08:00');
  });

  it('劳动节: 4 working days from Thu Apr 30 skip May 1–5: Wed 6, Thu 7, Fri 8, Sat May 9 (make-up) → 2026-05-09', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-04-30T10:00'), 4))).toBe('2026-05-09T17:30:00+08:00');
  });

  it('into 2027: 1 working day from Thu 2026-12-31 skips provisional 元旦 (Fri) and the weekend → Mon 2027-01-04', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-12-31T10:00'), 1))).toBe('2027-01-04T17:30:00+08:00');
  });

  it('20 working days from Mon 2026-11-02 (no holidays in November) → Mon 2026-11-30', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-02T10:00'), 20))).toBe('2026-11-30T17:30:00+08:00');
  });

  it('counts from the Shanghai date: 2026-11-26T17:00Z is Fri Nov 27 01:00 locally, so 1 working day is Mon Nov 30 (not Fri Nov 27)', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(new Date('2026-11-26T17:00:00Z'), 1))).toBe('2026-11-30T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(new Date('2026-11-26T15:59:00Z'), 1))).toBe('2026-11-27T17:30:00+08:00');
  });

  it('a start on a non-working day counts from the next one: Sat Nov 28 01:00 + 2 → Mon 30, Tue Dec 1', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(new Date('2026-11-27T17:00:00Z'), 2))).toBe('2026-12-01T17:30:00+08:00');
  });

  it('0 working days: close of business the same working day, or the next working day when closed or already shut', () => {
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-27T10:00'), 0))).toBe('2026-11-27T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-27T17:30'), 0))).toBe('2026-11-27T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-27T18:00'), 0))).toBe('2026-11-30T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-11-28T10:00'), 0))).toBe('2026-11-30T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addWorkingDays(sh('2026-10-01T10:00'), 0))).toBe('2026-10-08T17:30:00+08:00');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => calendar.addWorkingDays(sh('2026-11-27T10:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(sh('2026-11-27T10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addCalendarDays', () => {
  it('30 calendar days from Fri 2026-10-30 end on Sun Nov 29, which rolls to Mon 2026-11-30 17:30', () => {
    expect(toShanghaiIso(calendar.addCalendarDays(sh('2026-10-30T10:00'), 30))).toBe('2026-11-30T17:30:00+08:00');
  });

  it('60 calendar days from Sun 2026-08-02 end on Oct 1 (国庆), which rolls past Oct 1–7 to Thu Oct 8', () => {
    expect(toShanghaiIso(calendar.addCalendarDays(sh('2026-08-02T10:00'), 60))).toBe('2026-10-08T17:30:00+08:00');
  });

  it('30 calendar days from Thu 2026-09-10 end on Sat Oct 10, a make-up working day, so they stay there', () => {
    expect(toShanghaiIso(calendar.addCalendarDays(sh('2026-09-10T10:00'), 30))).toBe('2026-10-10T17:30:00+08:00');
  });

  it('0 calendar days: close of business that day, or the next working day', () => {
    expect(toShanghaiIso(calendar.addCalendarDays(sh('2026-11-02T10:00'), 0))).toBe('2026-11-02T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addCalendarDays(sh('2026-11-27T10:00'), 1))).toBe('2026-11-30T17:30:00+08:00');
  });
});

describe('WorkingCalendar.addLimit', () => {
  it('dispatches on the unit: 15 working vs 15 calendar days from Mon 2026-11-02', () => {
    // Working: Nov 3–6 (4), 9–13 (9), 16–20 (14), Mon 23 (15). Calendar: Nov 17 is a Tuesday.
    expect(toShanghaiIso(calendar.addLimit(sh('2026-11-02T10:00'), { days: 15, unit: 'working' }))).toBe('2026-11-23T17:30:00+08:00');
    expect(toShanghaiIso(calendar.addLimit(sh('2026-11-02T10:00'), { days: 15, unit: 'calendar' }))).toBe('2026-11-17T17:30:00+08:00');
  });

  it('refuses an unknown unit', () => {
    expect(() => calendar.addLimit(sh('2026-11-02T10:00'), { days: 1, unit: 'weeks' as 'working' })).toThrow(RangeError);
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('Fri 2026-11-27 → Mon 2026-11-30 is 1 (Monday only), whatever the hours', () => {
    expect(calendar.workingDaysBetween(sh('2026-11-27T17:00'), sh('2026-11-30T09:00'))).toBe(1);
  });

  it('the same day is 0', () => {
    expect(calendar.workingDaysBetween(sh('2026-11-30T09:00'), sh('2026-11-30T17:30'))).toBe(0);
  });

  it('Thu Sep 24 → Thu Oct 8 is 4 (Sep 28, 29, 30, Oct 8) and the reverse is −4', () => {
    expect(calendar.workingDaysBetween(sh('2026-09-24T10:00'), sh('2026-10-08T10:00'))).toBe(4);
    expect(calendar.workingDaysBetween(sh('2026-10-08T10:00'), sh('2026-09-24T10:00'))).toBe(-4);
  });

  it('Fri Sep 18 → Mon Sep 21 is 2: Sun Sep 20 (make-up) and Mon Sep 21', () => {
    expect(calendar.workingDaysBetween(sh('2026-09-18T10:00'), sh('2026-09-21T10:00'))).toBe(2);
  });

  it('uses Shanghai dates: from 2026-11-26T17:00Z (Fri Nov 27 locally) to Mon Nov 30 is 1, not 2', () => {
    expect(calendar.workingDaysBetween(new Date('2026-11-26T17:00:00Z'), sh('2026-11-30T10:00'))).toBe(1);
  });
});

describe('WorkingCalendar.officeMillisBetween', () => {
  it('Fri 11:00 → Mon 10:00 is 6 office hours: Fri 11–12 and 13:30–17:30, Mon 9–10', () => {
    expect(calendar.officeMillisBetween(sh('2026-11-27T11:00'), sh('2026-11-30T10:00'))).toBe(6 * HOUR);
  });

  it('a whole working day holds 7 office hours; lunch, weekends and holidays hold none', () => {
    expect(calendar.officeMillisBetween(sh('2026-11-30T00:00'), sh('2026-12-01T00:00'))).toBe(7 * HOUR);
    expect(calendar.officeMillisBetween(sh('2026-11-27T12:10'), sh('2026-11-27T13:20'))).toBe(0);
    expect(calendar.officeMillisBetween(sh('2026-11-28T00:00'), sh('2026-11-30T00:00'))).toBe(0);
    expect(calendar.officeMillisBetween(sh('2026-09-30T17:00'), sh('2026-10-08T09:30'))).toBe(HOUR);
  });

  it('is 0 when b is not after a', () => {
    expect(calendar.officeMillisBetween(sh('2026-11-30T10:00'), sh('2026-11-30T09:00'))).toBe(0);
  });
});

describe('WorkingCalendar.addOfficeMillis', () => {
  it('2 office hours from Fri 16:30 end Mon 10:00 (1 h on Friday, 1 h on Monday)', () => {
    expect(toShanghaiIso(calendar.addOfficeMillis(sh('2026-11-27T16:30'), 2 * HOUR))).toBe('2026-11-30T10:00:00+08:00');
  });

  it('skips lunch: 1 office hour from 11:30 ends 14:00; 30 minutes end 12:00 sharp', () => {
    expect(toShanghaiIso(calendar.addOfficeMillis(sh('2026-11-27T11:30'), HOUR))).toBe('2026-11-27T14:00:00+08:00');
    expect(toShanghaiIso(calendar.addOfficeMillis(sh('2026-11-27T11:30'), HOUR / 2))).toBe('2026-11-27T12:00:00+08:00');
  });

  it('from a Saturday the first office hour is Monday morning; 0 ms is the start itself', () => {
    expect(toShanghaiIso(calendar.addOfficeMillis(sh('2026-11-28T10:00'), 2 * HOUR))).toBe('2026-11-30T11:00:00+08:00');
    expect(calendar.addOfficeMillis(sh('2026-11-28T10:00'), 0).getTime()).toBe(sh('2026-11-28T10:00').getTime());
  });
});

describe('WorkingCalendar pauses (a pause costs the working days after the date it began, up to and including the date it ended)', () => {
  const due = sh('2026-11-09T17:30');

  it('Tue Nov 3 10:00 → Fri Nov 6 10:00 costs 3 (Wed, Thu, Fri): due Mon Nov 9 moves to Thu Nov 12 (Tue 10, Wed 11, Thu 12)', () => {
    const pauses = [{ from: sh('2026-11-03T10:00'), to: sh('2026-11-06T10:00') }];
    expect(calendar.pausedWorkingDays(pauses, sh('2026-11-20T10:00'))).toBe(3);
    expect(toShanghaiIso(calendar.shiftByPauses(due, pauses, sh('2026-11-20T10:00')))).toBe('2026-11-12T17:30:00+08:00');
  });

  it('a pause that begins and ends on the same day costs nothing', () => {
    const pauses = [{ from: sh('2026-11-03T09:00'), to: sh('2026-11-03T17:30') }];
    expect(calendar.shiftByPauses(due, pauses, sh('2026-11-20T10:00')).getTime()).toBe(due.getTime());
  });

  it('Fri 17:00 → Mon 09:30 costs 1 (Monday)', () => {
    expect(calendar.pausedWorkingDays([{ from: sh('2026-11-06T17:00'), to: sh('2026-11-09T09:30') }], sh('2026-11-20T10:00'))).toBe(1);
  });

  it('an open pause runs until now: Tue Nov 3 10:00 → now Thu Nov 5 15:00 costs 2', () => {
    expect(calendar.pausedWorkingDays([{ from: sh('2026-11-03T10:00'), to: null }], sh('2026-11-05T15:00'))).toBe(2);
    expect(calendar.pausedWorkingDays([{ from: sh('2026-11-03T10:00'), to: null }], sh('2026-11-02T15:00'))).toBe(0);
  });

  it('splitting a pause does not change its cost: Mon 10:00 → Wed 16:00 is 2, split at Tue 11:00 is 1 + 1', () => {
    const now = sh('2026-11-20T10:00');
    expect(calendar.pausedWorkingDays([{ from: sh('2026-11-02T10:00'), to: sh('2026-11-04T16:00') }], now)).toBe(2);
    const split = [
      { from: sh('2026-11-02T10:00'), to: sh('2026-11-03T11:00') },
      { from: sh('2026-11-03T11:00'), to: sh('2026-11-04T16:00') },
    ];
    expect(calendar.pausedWorkingDays(split, now)).toBe(2);
  });

  it('overlapping pauses are merged, not counted twice: Mon Nov 2 → Thu Nov 5 and Wed Nov 4 → Fri Nov 6 cost 4, not 3 + 2', () => {
    const pauses = [
      { from: sh('2026-11-02T10:00'), to: sh('2026-11-05T10:00') },
      { from: sh('2026-11-04T10:00'), to: sh('2026-11-06T10:00') },
    ];
    expect(calendar.pausedWorkingDays(pauses, sh('2026-11-20T10:00'))).toBe(4);
  });

  it('holidays inside a pause cost nothing: Tue Sep 29 → Fri Oct 9 costs 3 (Sep 30, Oct 8, Oct 9)', () => {
    expect(calendar.pausedWorkingDays([{ from: sh('2026-09-29T10:00'), to: sh('2026-10-09T10:00') }], sh('2026-11-20T10:00'))).toBe(3);
  });

  it('a pause that ends before it begins is an error', () => {
    expect(() => calendar.pausedWorkingDays([{ from: sh('2026-11-05T10:00'), to: sh('2026-11-04T10:00') }], sh('2026-11-20T10:00'))).toThrow(
      RangeError,
    );
  });
});

describe('WorkingCalendar construction', () => {
  it('uses configurable office hours: 08:30–12:00 and 14:00–18:00 close at 18:00 and hold 7.5 hours', () => {
    const custom = new WorkingCalendar(SEED_CALENDAR_DAYS, { morning: ['08:30', '12:00'], afternoon: ['14:00', '18:00'] });
    expect(toShanghaiIso(custom.addWorkingDays(sh('2026-11-27T10:00'), 1))).toBe('2026-11-30T18:00:00+08:00');
    expect(custom.officeMillisBetween(sh('2026-11-30T00:00'), sh('2026-12-01T00:00'))).toBe(7.5 * HOUR);
  });

  it('refuses office hours out of order, duplicate days and invalid dates', () => {
    expect(() => new WorkingCalendar([], { morning: ['12:00', '09:00'], afternoon: ['13:30', '17:30'] })).toThrow(RangeError);
    expect(() => new WorkingCalendar([], { morning: ['09:00', '14:00'], afternoon: ['13:30', '17:30'] })).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar([
          { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
          { date: '2026-10-01', kind: 'workday', name: '国庆节调休上班' },
        ]),
    ).toThrow(/twice/);
    expect(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
  });

  it('with an empty calendar every weekday works and every weekend day rests', () => {
    const plain = new WorkingCalendar([]);
    expect(plain.isWorkingDay('2026-10-01')).toBe(true);
    expect(plain.isWorkingDay('2026-09-20')).toBe(false);
  });
});
