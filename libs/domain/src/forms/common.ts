/** Pieces several service forms share, and the helpers their cross-field rules use. */

import { isLocalDate } from '../calendar';
import { AMOUNT_MAX_DECIMALS, amountToTenThousandths, formatTenThousandths } from './amount';
import { HasMaxLength, IsIsoDate, IsMainlandMobile, IsResidentId, IsText, RequiredAtSubmit } from './decorators';
import type { FormProblem, FormProblemCode } from './messages';

export const PERSON_NAME_MAX_LENGTH = 50;
export const ORGANIZATION_NAME_MAX_LENGTH = 100;
export const PROJECT_NAME_MAX_LENGTH = 100;
export const ADDRESS_MAX_LENGTH = 200;
export const SHORT_TEXT_MAX_LENGTH = 100;
export const LONG_TEXT_MAX_LENGTH = 2000;
/** 12 integer digits, the point and 4 decimals. */
export const AMOUNT_MAX_LENGTH = 12 + 1 + AMOUNT_MAX_DECIMALS;
/** Areas: m² with 2 decimals, land in 亩 with 4. */
export const SQUARE_METERS = { unit: 'm2', maxDecimals: 2 } as const;
export const MU = { unit: 'mu', maxDecimals: 4 } as const;

/** A named person the bureau can identify and call: a legal representative, a responsible person, an agent. */
export class IdentifiedPerson {
  @RequiredAtSubmit()
  @IsText(PERSON_NAME_MAX_LENGTH)
  name: string;

  @RequiredAtSubmit()
  @HasMaxLength(18)
  @IsResidentId()
  idNumber: string;

  @RequiredAtSubmit()
  @HasMaxLength(11)
  @IsMainlandMobile()
  phone: string;
}

/** A period of days, both ends given ('YYYY-MM-DD'). */
export class DatePeriod {
  @RequiredAtSubmit()
  @HasMaxLength(10)
  @IsIsoDate()
  from: string;

  @RequiredAtSubmit()
  @HasMaxLength(10)
  @IsIsoDate()
  to: string;
}

// The cross-field rules run after the field checks, on a form that may still hold wrong types,
// so each one looks only at values of the shape it needs and stays silent otherwise.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A problem at `path` unless the later date comes strictly after the earlier one; silent while either is not a date. */
export function laterDateProblems(earlier: unknown, later: unknown, path: string, code: FormProblemCode): FormProblem[] {
  if (!isLocalDate(earlier) || !isLocalDate(later)) return [];
  // ISO dates of equal length compare correctly as strings.
  return later > earlier ? [] : [{ path, code }];
}

/**
 * A problem at `path` unless the parts add up to the total exactly; silent while the total or
 * any part is not a decimal (the field checks speak then). Sums are exact (amount.ts).
 */
export function sumProblems(parts: readonly unknown[], total: unknown, path: string, code: FormProblemCode): FormProblem[] {
  const expected = amountToTenThousandths(total);
  if (expected === null) return [];
  let sum = 0n;
  for (const part of parts) {
    const value = amountToTenThousandths(part);
    if (value === null) return [];
    sum += value;
  }
  return sum === expected ? [] : [{ path, code, params: [formatTenThousandths(sum), formatTenThousandths(expected)] }];
}

/** Two decimal strings (≤ 4 decimals) compared; null when either is not one. */
export function compareDecimal(value: unknown, limit: unknown): -1 | 0 | 1 | null {
  const a = amountToTenThousandths(value);
  const b = amountToTenThousandths(limit);
  if (a === null || b === null) return null;
  return a < b ? -1 : a > b ? 1 : 0;
}
