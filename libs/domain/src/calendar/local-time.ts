/**
 * Asia/Shanghai local dates and times. China has kept UTC+8 without daylight saving since
 * 1991, so local time is a fixed offset and needs no time-zone database or date library.
 * Local dates are 'YYYY-MM-DD' strings; instants are `Date`s.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 of a local date. */
export function epochDayOf(localDate: string): number {
  if (!isLocalDate(localDate)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(localDate)}`);
  const [y, m, d] = localDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function localDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysToLocalDate(localDate: string, days: number): string {
  return localDateOfEpochDay(epochDayOf(localDate) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(localDate: string): number {
  return new Date(epochDayOf(localDate) * DAY_MS).getUTCDay();
}

/** Minutes after midnight of an 'HH:MM' time. */
export function minutesOf(localTime: string): number {
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${String(localTime)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function assertInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('not a valid instant');
  return ms;
}

/** The Shanghai calendar date an instant falls on (2026-11-27T17:00Z is 2026-11-28). */
export function shanghaiDateOf(instant: Date): string {
  return localDateOfEpochDay(Math.floor((assertInstant(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant of a Shanghai wall-clock time: ('2026-11-30', '17:30') is 2026-11-30T09:30Z. */
export function shanghaiInstantAt(localDate: string, localTime: string): Date {
  return new Date(epochDayOf(localDate) * DAY_MS + minutesOf(localTime) * 60_000 - SHANGHAI_OFFSET_MS);
}

/**
 * ISO-8601 with the +08:00 offset, as the API shows times: '2026-12-03T17:30:00+08:00'.
 * Milliseconds appear only when there are some, so the string always parses back to the same instant.
 */
export function toShanghaiIso(instant: Date): string {
  const ms = assertInstant(instant);
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  const fraction = ms % 1000 === 0 ? '' : shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${fraction}+08:00`;
}
