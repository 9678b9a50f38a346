import { SEED_CALENDAR_DAYS } from './calendar-days';
import { ClockInput, computeClock, elapsedFraction, estimateDueDates, reminderInstants } from './clock';
import { toShanghaiIso } from './local-time';
import type { TimeLimit } from './types';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(SEED_CALENDAR_DAYS);
const sh = (local: string) => new Date(`${local}+08:00`);
const working = (days: number): TimeLimit => ({ days, unit: 'working' });
const calendarDays = (days: number): TimeLimit => ({ days, unit: 'calendar' });

const input = (overrides: Partial<ClockInput>): ClockInput => ({
  submittedAt: null,
  acceptedAt: null,
  promisedLimit: working(5),
  legalLimit: working(20),
  pauses: [],
  extensionWorkingDays: 0,
  paused: false,
  ...overrides,
});

/**
 * Accepted Fri 2026-11-20 after closing time, promised 5 working days: due Fri Nov 27 17:30, and the
 * promised period holds exactly 5 × 7 = 35 office hours (Mon Nov 23 … Fri Nov 27).
 */
const weekLong = input({ submittedAt: sh('2026-11-19T10:00'), acceptedAt: sh('2026-11-20T17:45') });

describe('computeClock colours (office time elapsed of the promised period; 35 office hours here)', () => {
  it('40 % — Wed Nov 25 09:00, 14 h elapsed (Mon + Tue) — is green', () => {
    const clock = computeClock(weekLong, calendar, sh('2026-11-25T09:00'));
    expect(clock).toEqual({
      status: 'green',
      promisedDueAt: '2026-11-27T17:30:00+08:00',
      // 20 working days after Fri Nov 20: Nov 23–27, Nov 30–Dec 4, Dec 7–11, Dec 14–18.
      legalDueAt: '2026-12-18T17:30:00+08:00',
      // Thu Nov 26 and Fri Nov 27.
      workingDaysLeft: 2,
    });
    expect(elapsedFraction(weekLong.acceptedAt!, sh('2026-11-25T09:00'), sh('2026-11-27T17:30'), calendar)).toBeCloseTo(0.4, 12);
  });

  it('60 % — Thu Nov 26 09:00, 21 h elapsed — is yellow', () => {
    expect(computeClock(weekLong, calendar, sh('2026-11-26T09:00')).status).toBe('yellow');
  });

  it('85 % — Fri Nov 27 10:45, 28 h + 1 h 45 min = 29.75 h elapsed — is red', () => {
    expect(computeClock(weekLong, calendar, sh('2026-11-27T10:45')).status).toBe('red');
    expect(elapsedFraction(weekLong.acceptedAt!, sh('2026-11-27T10:45'), sh('2026-11-27T17:30'), calendar)).toBeCloseTo(0.85, 12);
  });

  it('120 % — Mon Nov 30 17:30, 42 h elapsed — is overdue, one working day past due', () => {
    const clock = computeClock(weekLong, calendar, sh('2026-11-30T17:30'));
    expect(clock.status).toBe('overdue');
    expect(clock.workingDaysLeft).toBe(-1);
    expect(elapsedFraction(weekLong.acceptedAt!, sh('2026-11-30T17:30'), sh('2026-11-27T17:30'), calendar)).toBeCloseTo(1.2, 12);
  });

  it('yellow from exactly 50 % (17.5 h: Wed Nov 25 14:00), red from exactly 80 % (28 h: Thu Nov 26 17:30)', () => {
    expect(computeClock(weekLong, calendar, sh('2026-11-25T13:59')).status).toBe('green');
    expect(computeClock(weekLong, calendar, sh('2026-11-25T14:00')).status).toBe('yellow');
    expect(computeClock(weekLong, calendar, sh('2026-11-26T17:29')).status).toBe('yellow');
    expect(computeClock(weekLong, calendar, sh('2026-11-26T17:30')).status).toBe('red');
  });

  it('the due time itself is still red (100 %, due today); one minute later it is overdue', () => {
    expect(computeClock(weekLong, calendar, sh('2026-11-27T17:30'))).toMatchObject({ status: 'red', workingDaysLeft: 0 });
    expect(computeClock(weekLong, calendar, sh('2026-11-27T17:31')).status).toBe('overdue');
  });

  it('weekends hold no office time: Sun Nov 22 is still 0 % (green); Sat Nov 28, after the due time, is overdue', () => {
    expect(computeClock(weekLong, calendar, sh('2026-11-22T16:00')).status).toBe('green');
    expect(elapsedFraction(weekLong.acceptedAt!, sh('2026-11-22T16:00'), sh('2026-11-27T17:30'), calendar)).toBe(0);
    expect(computeClock(weekLong, calendar, sh('2026-11-28T10:00')).status).toBe('overdue');
  });
});

describe('reminderInstants (the deadlines queue fires at 50 % and 80 %)', () => {
  it('for the 35-office-hour week: 50 % is Wed Nov 25 14:00, 80 % is Thu Nov 26 17:30', () => {
    const { half, eightyPercent } = reminderInstants(sh('2026-11-20T17:45'), sh('2026-11-27T17:30'), calendar);
    expect(toShanghaiIso(half)).toBe('2026-11-25T14:00:00+08:00');
    expect(toShanghaiIso(eightyPercent)).toBe('2026-11-26T17:30:00+08:00');
  });

  it('fires exactly where computeClock changes colour', () => {
    const start = sh('2026-11-02T10:17');
    const clock = input({ acceptedAt: start, promisedLimit: working(3) });
    const due = calendar.addLimit(start, working(3));
    const { half, eightyPercent } = reminderInstants(start, due, calendar);
    const before = (d: Date) => new Date(d.getTime() - 1);
    expect(computeClock(clock, calendar, before(half)).status).toBe('green');
    expect(computeClock(clock, calendar, half).status).toBe('yellow');
    expect(computeClock(clock, calendar, before(eightyPercent)).status).toBe('yellow');
    expect(computeClock(clock, calendar, eightyPercent).status).toBe('red');
  });

  it('leaves paused time out: accepted Mon Nov 2 10:00, 5 working days, paused Tue 10:00 → Fri 10:00 (due Thu Nov 12); 50 % is Tue Nov 10 09:30', () => {
    // Running office time to due: Mon Nov 2 6 h + Tue 1 h + Fri 6 h + Mon–Thu Nov 9–12 28 h = 41 h.
    // 50 % = 20.5 h: 13 h by Fri close, 20 h by Mon Nov 9 close, then 30 min of Tue Nov 10 → 09:30.
    const acceptedAt = sh('2026-11-02T10:00');
    const pause = { from: sh('2026-11-03T10:00'), to: sh('2026-11-06T10:00') };
    const due = sh('2026-11-12T17:30');
    const { half, eightyPercent } = reminderInstants(acceptedAt, due, calendar, [pause]);
    expect(toShanghaiIso(half)).toBe('2026-11-10T09:30:00+08:00');
    // 80 % = 32.8 h = 27 h by Tue Nov 10 close + 5.8 h of Wed Nov 11: 09:00–12:00 (3 h), then 2.8 h from 13:30 → 16:18.
    expect(toShanghaiIso(eightyPercent)).toBe('2026-11-11T16:18:00+08:00');
    const clock = input({ acceptedAt, pauses: [{ ...pause, reason: '补正' }] });
    expect(computeClock(clock, calendar, half).status).toBe('yellow');
    expect(computeClock(clock, calendar, new Date(half.getTime() - 1)).status).toBe('green');
  });
});

describe('computeClock before acceptance (acceptance deadline: 5 working days from submission)', () => {
  it('submitted Thu 2026-11-26 10:00: due Fri 27, Mon 30, Tue Dec 1, Wed 2, Thu Dec 3 → 2026-12-03 17:30, green a day later', () => {
    expect(computeClock(input({ submittedAt: sh('2026-11-26T10:00') }), calendar, sh('2026-11-27T10:00'))).toEqual({
      status: 'green',
      acceptanceDueAt: '2026-12-03T17:30:00+08:00',
      workingDaysLeft: 4,
    });
  });

  it('is overdue on Fri Dec 4, one working day late', () => {
    expect(computeClock(input({ submittedAt: sh('2026-11-26T10:00') }), calendar, sh('2026-12-04T09:00'))).toMatchObject({
      status: 'overdue',
      workingDaysLeft: -1,
    });
  });

  it('a correction after submission pushes the acceptance deadline by its working days and shows paused while open', () => {
    // Submitted Mon Nov 2: due Mon Nov 9. Correction Tue Nov 3 10:00 → Fri Nov 6 10:00 costs 3: Thu Nov 12.
    const corrected = input({
      submittedAt: sh('2026-11-02T10:00'),
      pauses: [{ from: sh('2026-11-03T10:00'), to: sh('2026-11-06T10:00'), reason: '补正材料' }],
    });
    expect(computeClock(corrected, calendar, sh('2026-11-06T11:00')).acceptanceDueAt).toBe('2026-11-12T17:30:00+08:00');
    const waiting = input({
      submittedAt: sh('2026-11-02T10:00'),
      pauses: [{ from: sh('2026-11-03T10:00'), to: null, reason: '补正材料' }],
      paused: true,
    });
    expect(computeClock(waiting, calendar, sh('2026-11-04T15:00'))).toEqual({
      status: 'paused',
      // One working day (Wed Nov 4) lost so far: Mon Nov 9 → Tue Nov 10.
      acceptanceDueAt: '2026-11-10T17:30:00+08:00',
      workingDaysLeft: 4,
    });
  });

  it('a draft has no clock yet', () => {
    expect(computeClock(input({}), calendar, sh('2026-11-27T10:00'))).toEqual({ status: 'green' });
  });
});

describe('computeClock after acceptance', () => {
  const acceptedMonday = input({ submittedAt: sh('2026-10-30T10:00'), acceptedAt: sh('2026-11-02T10:00') });

  it('accepted Mon 2026-11-02: promised 5 working days → Mon Nov 9; legal 20 → Mon Nov 30', () => {
    expect(computeClock(acceptedMonday, calendar, sh('2026-11-03T10:00'))).toEqual({
      status: 'green',
      promisedDueAt: '2026-11-09T17:30:00+08:00',
      legalDueAt: '2026-11-30T17:30:00+08:00',
      workingDaysLeft: 4,
    });
  });

  it('a correction pause of 3 working days (Tue Nov 3 10:00 → Fri Nov 6 10:00) pushes promised to Thu Nov 12 and legal to Thu Dec 3', () => {
    const clock = computeClock(
      { ...acceptedMonday, pauses: [{ from: sh('2026-11-03T10:00'), to: sh('2026-11-06T10:00'), reason: '补正' }] },
      calendar,
      sh('2026-11-09T10:00'),
    );
    expect(clock).toEqual({
      // 14 of 41 running office hours.
      status: 'green',
      promisedDueAt: '2026-11-12T17:30:00+08:00',
      legalDueAt: '2026-12-03T17:30:00+08:00',
      workingDaysLeft: 3,
    });
  });

  it('while a special procedure is open the clock shows paused and the due dates move with each working day lost', () => {
    const open = { ...acceptedMonday, paused: true, pauses: [{ from: sh('2026-11-03T10:00'), to: null, reason: '专家评审' }] };
    // Thu Nov 5 15:00: Wed and Thu lost → promised Mon Nov 9 + 2 = Wed Nov 11, legal Nov 30 + 2 = Wed Dec 2.
    expect(computeClock(open, calendar, sh('2026-11-05T15:00'))).toEqual({
      status: 'paused',
      promisedDueAt: '2026-11-11T17:30:00+08:00',
      legalDueAt: '2026-12-02T17:30:00+08:00',
      workingDaysLeft: 4,
    });
  });

  it('pauses before acceptance do not move the decision due dates', () => {
    const clock = computeClock(
      { ...acceptedMonday, pauses: [{ from: sh('2026-10-26T10:00'), to: sh('2026-10-30T10:00'), reason: '补正' }] },
      calendar,
      sh('2026-11-03T10:00'),
    );
    expect(clock.promisedDueAt).toBe('2026-11-09T17:30:00+08:00');
    expect(clock.legalDueAt).toBe('2026-11-30T17:30:00+08:00');
  });

  it('a 10-working-day extension moves legalDueAt from Mon Nov 30 to Mon Dec 14 (Dec 1–4, 7–11, 14) and leaves promised alone', () => {
    const clock = computeClock({ ...acceptedMonday, extensionWorkingDays: 10 }, calendar, sh('2026-11-03T10:00'));
    expect(clock.promisedDueAt).toBe('2026-11-09T17:30:00+08:00');
    expect(clock.legalDueAt).toBe('2026-12-14T17:30:00+08:00');
  });

  it('an extension and a 3-working-day pause add up: legal Dec 14 + 3 → Thu Dec 17', () => {
    const clock = computeClock(
      {
        ...acceptedMonday,
        extensionWorkingDays: 10,
        pauses: [{ from: sh('2026-11-03T10:00'), to: sh('2026-11-06T10:00'), reason: '听证' }],
      },
      calendar,
      sh('2026-11-09T10:00'),
    );
    expect(clock.legalDueAt).toBe('2026-12-17T17:30:00+08:00');
  });

  it('calendar-day limits: 社会团体登记 accepted Fri 2026-10-30, 30 calendar days end Sun Nov 29 → Mon Nov 30', () => {
    const clock = computeClock(
      input({ acceptedAt: sh('2026-10-30T10:00'), promisedLimit: working(15), legalLimit: calendarDays(30) }),
      calendar,
      sh('2026-11-02T10:00'),
    );
    // 15 working days after Fri Oct 30: Nov 2–6, 9–13, 16–20.
    expect(clock.promisedDueAt).toBe('2026-11-20T17:30:00+08:00');
    expect(clock.legalDueAt).toBe('2026-11-30T17:30:00+08:00');
  });

  it('a finished file keeps the colour it finished with and has no working days left', () => {
    expect(computeClock({ ...weekLong, finishedAt: sh('2026-11-26T09:00') }, calendar, sh('2027-03-01T10:00'))).toEqual({
      status: 'yellow',
      promisedDueAt: '2026-11-27T17:30:00+08:00',
      legalDueAt: '2026-12-18T17:30:00+08:00',
    });
    expect(computeClock({ ...weekLong, finishedAt: sh('2026-11-30T10:00') }, calendar, sh('2027-03-01T10:00')).status).toBe('overdue');
  });

  it('refuses a negative or fractional extension', () => {
    expect(() => computeClock({ ...acceptedMonday, extensionWorkingDays: -1 }, calendar, sh('2026-11-03T10:00'))).toThrow(RangeError);
    expect(() => computeClock({ ...acceptedMonday, extensionWorkingDays: 2.5 }, calendar, sh('2026-11-03T10:00'))).toThrow(RangeError);
  });
});

describe('estimateDueDates (GET /api/services/:code/estimate?acceptedOn=…)', () => {
  it('营业执照 (promised 1, legal 3 working) accepted Fri 2026-11-27 → decided by Mon Nov 30, at the latest Wed Dec 2', () => {
    expect(estimateDueDates('2026-11-27', { promisedLimit: working(1), legalLimit: working(3) }, calendar)).toEqual({
      promisedDueAt: '2026-11-30T17:30:00+08:00',
      legalDueAt: '2026-12-02T17:30:00+08:00',
    });
  });

  it('食品经营许可证 (5 / 10 working) accepted Tue 2026-09-29 → Mon Oct 12 and Mon Oct 19, across 国庆 and Sat Oct 10', () => {
    // Legal: Sep 30, Oct 8, 9, 10 (Sat make-up), 12, 13, 14, 15, 16, 19.
    expect(estimateDueDates('2026-09-29', { promisedLimit: working(5), legalLimit: working(10) }, calendar)).toEqual({
      promisedDueAt: '2026-10-12T17:30:00+08:00',
      legalDueAt: '2026-10-19T17:30:00+08:00',
    });
  });

  it('民办非企业单位登记 (legal 60 calendar days) accepted Mon 2026-08-03 ends Fri Oct 2 (国庆) → Thu Oct 8', () => {
    expect(estimateDueDates('2026-08-03', { promisedLimit: working(15), legalLimit: calendarDays(60) }, calendar)).toEqual({
      // 15 working days after Mon Aug 3: Aug 4–7, 10–14, 17–21, Mon 24.
      promisedDueAt: '2026-08-24T17:30:00+08:00',
      legalDueAt: '2026-10-08T17:30:00+08:00',
    });
  });

  it('an immediate service (0 working days) accepted on a working day is due at close of business that day', () => {
    expect(estimateDueDates('2026-11-27', { promisedLimit: working(0), legalLimit: working(1) }, calendar).promisedDueAt).toBe(
      '2026-11-27T17:30:00+08:00',
    );
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => estimateDueDates('2026-02-30', { promisedLimit: working(1), legalLimit: working(3) }, calendar)).toThrow(RangeError);
    expect(() => estimateDueDates('20261127', { promisedLimit: working(1), legalLimit: working(3) }, calendar)).toThrow(RangeError);
  });
});
