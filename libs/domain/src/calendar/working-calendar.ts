import type { CalendarDay } from './calendar-days';
import {
  addDaysToLocalDate,
  epochDayOf,
  isLocalDate,
  localDateOfEpochDay,
  minutesOf,
  shanghaiDateOf,
  shanghaiInstantAt,
  weekdayOf,
} from './local-time';
import { closePauses, mergeIntervals } from './intervals';
import type { PauseInterval, TimeLimit } from './types';

/** Office hours on a working day, local 'HH:MM'. */
export type OfficeHours = {
  morning: readonly [string, string];
  afternoon: readonly [string, string];
};

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  morning: ['09:00', '12:00'] as const,
  afternoon: ['13:30', '17:30'] as const,
});

/** A calendar with no working day for this long is broken data, not a long holiday. */
const MAX_DAYS_WITHOUT_WORK = 366;

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/**
 * The bureau's working-day calendar in Asia/Shanghai (fixed UTC+8). A working day is a weekday
 * that is not a holiday, or a make-up workday (调休上班). Periods follow 行政许可法: the day a
 * period starts is not counted, and it ends at the close of office hours (17:30).
 */
export class WorkingCalendar {
  readonly officeHours: OfficeHours;
  private readonly days = new Map<string, CalendarDay>();
  private readonly yearsWithDays = new Set<number>();
  private readonly provisionalYears = new Set<number>();
  /** Office windows as minutes after local midnight. */
  private readonly windows: ReadonlyArray<readonly [number, number]>;

  constructor(days: readonly CalendarDay[], officeHours: OfficeHours = DEFAULT_OFFICE_HOURS) {
    for (const day of days) {
      if (!isLocalDate(day.date)) throw new RangeError(`calendar day has no valid date: ${String(day.date)}`);
      if (day.kind !== 'holiday' && day.kind !== 'workday') throw new RangeError(`calendar day ${day.date} has kind ${String(day.kind)}`);
      if (this.days.has(day.date)) throw new RangeError(`calendar day ${day.date} is listed twice`);
      this.days.set(day.date, day);
      const year = Number(day.date.slice(0, 4));
      this.yearsWithDays.add(year);
      if (day.provisional) this.provisionalYears.add(year);
    }
    const [morningStart, morningEnd, afternoonStart, afternoonEnd] = [...officeHours.morning, ...officeHours.afternoon].map(minutesOf);
    if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd)) {
      throw new RangeError(`office hours out of order: ${officeHours.morning.join('–')}, ${officeHours.afternoon.join('–')}`);
    }
    this.officeHours = {
      morning: [officeHours.morning[0], officeHours.morning[1]],
      afternoon: [officeHours.afternoon[0], officeHours.afternoon[1]],
    };
    this.windows = [
      [morningStart, morningEnd],
      [afternoonStart, afternoonEnd],
    ];
  }

  isWorkingDay(localDate: string): boolean {
    const listed = this.days.get(localDate);
    if (listed) return listed.kind === 'workday';
    const weekday = weekdayOf(localDate);
    return weekday !== 0 && weekday !== 6;
  }

  /** True while the year's arrangement is not published: some of its days are provisional, or it has none. */
  isProvisional(year: number): boolean {
    return this.provisionalYears.has(year) || !this.yearsWithDays.has(year);
  }

  localDateOf(instant: Date): string {
    return shanghaiDateOf(instant);
  }

  instantAt(localDate: string, localTime: string): Date {
    return shanghaiInstantAt(localDate, localTime);
  }

  /** 17:30 (the close of office hours) on a local date. */
  closeOfBusiness(localDate: string): Date {
    return this.instantAt(localDate, this.officeHours.afternoon[1]);
  }

  /** The first working day on or after a local date. */
  workingDayOnOrAfter(localDate: string): string {
    let date = localDate;
    for (let scanned = 0; scanned <= MAX_DAYS_WITHOUT_WORK; scanned++) {
      if (this.isWorkingDay(date)) return date;
      date = addDaysToLocalDate(date, 1);
    }
    throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${localDate}`);
  }

  /**
   * Close of business on the Nth working day after the start's local date (the start day is not
   * counted, whatever the hour). n = 0 means "the same day": close of business on the start day
   * if it is a working day and its office has not closed yet, otherwise on the next working day.
   */
  addWorkingDays(startInstant: Date, n: number): Date {
    assertCount(n, 'working days');
    const startDate = this.localDateOf(startInstant);
    if (n === 0) {
      const sameDay = this.isWorkingDay(startDate) && startInstant.getTime() <= this.closeOfBusiness(startDate).getTime();
      return this.closeOfBusiness(sameDay ? startDate : this.workingDayOnOrAfter(addDaysToLocalDate(startDate, 1)));
    }
    let date = startDate;
    for (let counted = 0; counted < n; counted++) date = this.workingDayOnOrAfter(addDaysToLocalDate(date, 1));
    return this.closeOfBusiness(date);
  }

  /** Close of business on the local date n days after the start's; a non-working end day moves to the next working day. */
  addCalendarDays(startInstant: Date, n: number): Date {
    assertCount(n, 'calendar days');
    return this.closeOfBusiness(this.workingDayOnOrAfter(addDaysToLocalDate(this.localDateOf(startInstant), n)));
  }

  addLimit(startInstant: Date, limit: TimeLimit): Date {
    switch (limit.unit) {
      case 'working':
        return this.addWorkingDays(startInstant, limit.days);
      case 'calendar':
        return this.addCalendarDays(startInstant, limit.days);
      default:
        throw new RangeError(`unknown time-limit unit: ${String((limit as { unit: unknown }).unit)}`);
    }
  }

  /**
   * Working days after the from-instant's local date up to and including the to-instant's
   * (Fri → Mon is 1; the same day is 0). Negative when `to` is on an earlier date, so that
   * "working days left" reads −2 for a file two working days overdue.
   */
  workingDaysBetween(fromInstant: Date, toInstant: Date): number {
    const from = epochDayOf(this.localDateOf(fromInstant));
    const to = epochDayOf(this.localDateOf(toInstant));
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.isWorkingDay(localDateOfEpochDay(day))) count++;
    return sign * count;
  }

  /** Office-hour milliseconds on working days between two instants; 0 when b is not after a. */
  officeMillisBetween(a: Date, b: Date): number {
    const start = a.getTime();
    const end = b.getTime();
    if (!(end > start)) return 0;
    let total = 0;
    const lastDay = epochDayOf(this.localDateOf(b));
    for (let day = epochDayOf(this.localDateOf(a)); day <= lastDay; day++) {
      for (const [open, close] of this.windowsOn(localDateOfEpochDay(day))) {
        total += Math.max(0, Math.min(close, end) - Math.max(open, start));
      }
    }
    return total;
  }

  /** The earliest instant by which `millis` of office time have passed since the start (2 office hours from Fri 16:30 is Mon 10:00). */
  addOfficeMillis(startInstant: Date, millis: number): Date {
    if (!Number.isFinite(millis) || millis < 0) throw new RangeError(`office time must be ≥ 0 ms, got ${millis}`);
    const start = startInstant.getTime();
    if (millis === 0) return new Date(start);
    let remaining = millis;
    let day = epochDayOf(this.localDateOf(startInstant));
    for (let idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
      const windows = this.windowsOn(localDateOfEpochDay(day));
      idle = windows.length ? 0 : idle + 1;
      for (const [open, close] of windows) {
        const from = Math.max(open, start);
        if (close <= from) continue;
        if (remaining <= close - from) return new Date(from + remaining);
        remaining -= close - from;
      }
    }
    throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days before ${localDateOfEpochDay(day)}`);
  }

  /**
   * Working days the clock lost to pauses. Each pause costs the working days after the local date
   * it began, up to and including the local date it ended (an open pause ends `now`): Mon 10:00 →
   * Thu 10:00 costs 3, a pause that begins and ends on the same day costs 0, Fri 17:00 → Mon
   * 09:30 costs 1. The rule is a difference of working-day numbers, so splitting a pause in two
   * never changes its cost and short pauses even out; overlapping pauses are merged first so
   * no day is counted twice.
   */
  pausedWorkingDays(pauses: readonly PauseInterval[], now: Date): number {
    return mergeIntervals(closePauses(pauses, now)).reduce((sum, [from, to]) => sum + this.workingDaysBetween(new Date(from), new Date(to)), 0);
  }

  /** A due time pushed later by the working days lost to pauses (see `pausedWorkingDays`). */
  shiftByPauses(dueAt: Date, pauses: readonly PauseInterval[], now: Date): Date {
    const lost = this.pausedWorkingDays(pauses, now);
    return lost === 0 ? dueAt : this.addWorkingDays(dueAt, lost);
  }

  /** Office windows of a local date as [open, close] epoch milliseconds; none on a non-working day. */
  private windowsOn(localDate: string): Array<[number, number]> {
    if (!this.isWorkingDay(localDate)) return [];
    const midnight = this.instantAt(localDate, '00:00').getTime();
    return this.windows.map(([open, close]) => [midnight + open * 60_000, midnight + close * 60_000]);
  }
}
