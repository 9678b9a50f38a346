/** 居民身份证号码 (GB 11643-1999): 6-digit address + 8-digit birth date + 3-digit order + check. */

import { isLocalDate } from '../calendar';
import { shanghaiDateOf } from '../calendar/local-time';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_MAP = '10X98765432';
const RESIDENT_ID_SHAPE = /^[0-9]{17}[0-9X]$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Reads a lowercase x as X; everything else is left as given. */
export function normalizeResidentId(id: string): string {
  return id.replace(/x/g, 'X');
}

/** Why an ID number is not valid, or null when it is. */
export type ResidentIdProblem = 'format' | 'birth_date' | 'check_digit';

export function residentIdProblem(id: string, today: Date = new Date()): ResidentIdProblem | null {
  if (typeof id !== 'string') return 'format';
  const normalized = normalizeResidentId(id);
  if (!RESIDENT_ID_SHAPE.test(normalized)) return 'format';

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isLocalDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > shanghaiDateOf(today)) {
    return 'birth_date';
  }

  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(normalized[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK_MAP[sum % 11] === normalized[17] ? null : 'check_digit';
}

/** 17 digits + check (x read as X); digits 7–14 a real date from 1900 up to today (Asia/Shanghai). */
export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  return residentIdProblem(id, today) === null;
}

function maskRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + '*'.repeat(Math.max(0, end - start)) + text.slice(end);
}

/** The only way an ID number is ever shown: first 4 and last 4, e.g. 1101**********002X. */
export function maskResidentId(id: string): string {
  const normalized = normalizeResidentId(id);
  if (normalized.length <= 8) return '*'.repeat(normalized.length);
  return maskRange(normalized, 4, normalized.length - 4);
}

/** The food permit's form: digits 11–14 (month and day of birth) masked, e.g. 1101051949****002X. */
export function maskResidentIdDigits11to14(id: string): string {
  const normalized = normalizeResidentId(id);
  if (normalized.length < 14) return '*'.repeat(normalized.length);
  return maskRange(normalized, 10, 14);
}
