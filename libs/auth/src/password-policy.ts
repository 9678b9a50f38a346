import { ValidationFailedError } from '@onewindow/domain/errors';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS);
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** Why a password may not be used (a message key), or null. `personal` are the person's own identifiers. */
export function passwordProblem(password: unknown, personal: Array<string | null | undefined> = []): string | null {
  if (typeof password !== 'string' || [...password].length < PASSWORD_MIN_LENGTH) return 'fields.password_too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'fields.text_too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || isTrivial(lower)) return 'fields.password_common';
  for (const value of personal) {
    if (value && value.length >= 6 && lower.includes(value.toLowerCase())) return 'fields.password_personal';
  }
  return null;
}

/** Throws 400 naming `password` when the password may not be used. */
export function assertPasswordAcceptable(password: string, personal: Array<string | null | undefined> = []): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw new ValidationFailedError({ password: problem });
}

/** One character repeated, a run along a keyboard row or the alphabet (either way), or a common password with a digit or mark appended. */
function isTrivial(lower: string): boolean {
  if (new Set(lower).size <= 2) return true;
  for (const row of KEYBOARD_ROWS) {
    if (row.includes(lower) || [...row].reverse().join('').includes(lower)) return true;
  }
  for (let cut = 1; cut <= 3; cut++) {
    const tail = lower.slice(-cut);
    const stem = lower.slice(0, -cut);
    if (/^[\d!@#$%^&*.?_-]+$/.test(tail) && stem.length >= 8 && COMMON.has(stem)) return true;
  }
  return false;
}

/** class-validator: the request classes refuse a common password with `fields.password_common`. */
@ValidatorConstraint({ name: 'notCommonPassword' })
export class NotCommonPasswordConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value !== 'string' || passwordProblem(value) !== 'fields.password_common';
  }
}
