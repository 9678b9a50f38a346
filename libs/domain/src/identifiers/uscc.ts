/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters = registration authority and entity type (2)
 * + division code (6) + organisation code (9, GB 11714, with its own check character) + check.
 */

/** The 31 characters a credit code may use; a character's value is its index (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Prefixes the bureau allocates: 9x by market registration, 5x by civil affairs. */
export const USCC_PREFIXES = ['91', '92', '93', '51', '52', '53'] as const;
export type UsccPrefix = (typeof USCC_PREFIXES)[number];

/** How many organisation codes 'MA' + 6 base-31 characters can hold. */
export const USCC_SEQUENCE_LIMIT = 31 ** 6;

/** Alphabet and layout of a credit code (not its check character), also used as a JSON Schema pattern. */
export const USCC_SHAPE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const USCC_SHAPE = new RegExp(USCC_SHAPE_PATTERN);

function usccCharValue(char: string): number {
  const value = USCC_ALPHABET.indexOf(char);
  if (char.length !== 1 || value < 0) throw new RangeError(`"${char}" is not a credit-code character`);
  return value;
}

/** The 18th character for the first 17. Throws when a character is outside USCC_ALPHABET. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccCharValue(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Shape (alphabet, digits 3–8) and check character of an 18-character credit code. Case-sensitive. */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || !USCC_SHAPE.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/** Shape alone, so callers can tell a mistyped code from one whose check character is wrong. */
export function hasUsccShape(code: string): boolean {
  return typeof code === 'string' && USCC_SHAPE.test(code);
}

function organizationCharValue(char: string): number {
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
  throw new RangeError(`"${char}" is not an organisation-code character`);
}

/** GB 11714 check character of an 8-character organisation-code body: a digit or 'X'. */
export function organizationCodeCheckCharacter(body8: string): string {
  if (body8.length !== 8) throw new RangeError('organizationCodeCheckCharacter needs exactly 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += organizationCharValue(body8[i]) * ORGANIZATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

function toBase31(sequence: number, width: number): string {
  let digits = '';
  let rest = sequence;
  do {
    digits = USCC_ALPHABET[rest % 31] + digits;
    rest = Math.floor(rest / 31);
  } while (rest > 0);
  return digits.padStart(width, USCC_ALPHABET[0]);
}

export interface UsccAllocation {
  prefix: UsccPrefix;
  /** Six-digit administrative division code, e.g. 140603. */
  divisionCode: string;
  /** A gap-free counter value (scope usccScope(prefix)), 0 ≤ sequence < USCC_SEQUENCE_LIMIT. */
  sequence: number;
}

/**
 * The credit code for a counter value: prefix + division + 'MA' + the sequence in base 31
 * (6 characters) + GB 11714 check + GB 32100 check. Deterministic, so a retried issuance
 * that reuses its sequence gets the same code.
 */
export function allocateUscc({ prefix, divisionCode, sequence }: UsccAllocation): string {
  if (!(USCC_PREFIXES as readonly string[]).includes(prefix)) throw new RangeError(`Unknown credit-code prefix "${prefix}"`);
  if (!/^[0-9]{6}$/.test(divisionCode)) throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= USCC_SEQUENCE_LIMIT) {
    throw new RangeError(`Credit-code sequence ${sequence} is outside 0..${USCC_SEQUENCE_LIMIT - 1}`);
  }
  const body = 'MA' + toBase31(sequence, 6);
  const first17 = prefix + divisionCode + body + organizationCodeCheckCharacter(body);
  return first17 + usccCheckCharacter(first17);
}
