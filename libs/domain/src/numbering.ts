/** Number formats and the counter scopes they draw from (one row-locked, gap-free counter per scope). */

import { isLocalDate } from './calendar';
import { shanghaiDateOf } from './calendar/local-time';

/** The date in Asia/Shanghai (UTC+8, no DST) at this instant, 'YYYY-MM-DD'; the calendar's rule, under the name numbering uses. */
export function shanghaiLocalDate(instant: Date): string {
  return shanghaiDateOf(instant);
}

const APPLICATION_SEQUENCE_DIGITS = 6;

/** 办件编号: division code (6) + YYYYMMDD + daily sequence (6), e.g. 14060320261127000042. */
export function formatApplicationNumber(divisionCode: string, localDate: string, sequence: number): string {
  if (!/^[0-9]{6}$/.test(divisionCode)) throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
  if (!isLocalDate(localDate)) throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** APPLICATION_SEQUENCE_DIGITS) {
    throw new RangeError(`Application sequence ${sequence} is outside 1..999999`);
  }
  return divisionCode + localDate.replace(/-/g, '') + String(sequence).padStart(APPLICATION_SEQUENCE_DIGITS, '0');
}

/** Counter scope of application numbers: one sequence per local (Asia/Shanghai) day. */
export function applicationNumberScope(localDate: string): string {
  if (!isLocalDate(localDate)) throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
  return `application:${localDate}`;
}

/** Counter scope of credit codes: one sequence per prefix (91, 92, …) for the whole district. */
export function usccScope(prefix: string): string {
  return `uscc:${prefix}`;
}
