import { isLocalDate, shanghaiDateOf, toShanghaiIso, WorkingCalendar } from '@onewindow/domain';
import { addDaysToLocalDate } from '@onewindow/domain/calendar/local-time';
import { ValidationFailedError } from '@onewindow/domain/errors';

/** A stretch of Asia/Shanghai local dates, [firstDay, lastDay], with its instants [from, to). */
export interface Period {
  /** 'YYYY-MM', 'YYYY-Qn' or 'YYYY-Www'. */
  label: string;
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

function periodOf(label: string, firstDay: string, dayAfter: string): Period {
  return {
    label,
    firstDay,
    lastDay: addDaysToLocalDate(dayAfter, -1),
    from: new Date(`${firstDay}T00:00:00+08:00`),
    to: new Date(`${dayAfter}T00:00:00+08:00`),
  };
}

function nextMonthStart(year: number, month: number): string {
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** 'YYYY-MM' → its period; anything else is a 400 naming the field. */
export function monthPeriod(month: unknown, field = 'month'): Period {
  const match = typeof month === 'string' ? MONTH.exec(month) : null;
  if (!match) throw new ValidationFailedError({ [field]: 'fields.invalid' });
  const [year, m] = [Number(match[1]), Number(match[2])];
  if (year < 2000 || year > 2100) throw new ValidationFailedError({ [field]: 'fields.invalid' });
  return periodOf(month as string, `${month}-01`, nextMonthStart(year, m));
}

export function quarterPeriod(quarter: unknown, field = 'quarter'): Period {
  const match = typeof quarter === 'string' ? QUARTER.exec(quarter) : null;
  if (!match) throw new ValidationFailedError({ [field]: 'fields.invalid' });
  const [year, q] = [Number(match[1]), Number(match[2])];
  if (year < 2000 || year > 2100) throw new ValidationFailedError({ [field]: 'fields.invalid' });
  const firstMonth = (q - 1) * 3 + 1;
  return periodOf(quarter as string, `${year}-${String(firstMonth).padStart(2, '0')}-01`, nextMonthStart(year, firstMonth + 2));
}

/** The ISO week (Monday first) holding a local date: its label 'YYYY-Www' and its period. */
export function isoWeekOf(localDate: string): Period {
  if (!isLocalDate(localDate)) throw new RangeError(`not a date: ${localDate}`);
  const weekday = (new Date(`${localDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDaysToLocalDate(localDate, -weekday);
  const thursday = addDaysToLocalDate(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  const week = Math.floor(dayOfYear / 7) + 1;
  return periodOf(`${year}-W${String(week).padStart(2, '0')}`, monday, addDaysToLocalDate(monday, 7));
}

/** A local date moved by whole days ('2026-12-31' + 1 → '2027-01-01'). */
export function addDays(localDate: string, days: number): string {
  return addDaysToLocalDate(localDate, days);
}

export function monthOf(instant: Date): string {
  return shanghaiDateOf(instant).slice(0, 7);
}

export function quarterOf(instant: Date): string {
  const [year, month] = shanghaiDateOf(instant).split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** Every local date of a period, in order. */
export function daysOf(period: Pick<Period, 'firstDay' | 'lastDay'>): string[] {
  const days: string[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = addDaysToLocalDate(day, 1)) days.push(day);
  return days;
}

/** The first working day of the month a local date falls in, by the calendar given. */
export function firstWorkingDayOfMonth(localDate: string, calendar: WorkingCalendar): string {
  return calendar.workingDayOnOrAfter(`${localDate.slice(0, 7)}-01`);
}

export function isoOf(instant: Date | null | undefined): string | null {
  return instant ? toShanghaiIso(instant) : null;
}
