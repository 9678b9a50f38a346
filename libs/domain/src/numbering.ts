/** Number formats and the counter scopes they draw from (one row-locked, gap-free counter per scope). */

import { isLocalDate } from './calendar';
import { isValidUscc } from './identifiers/uscc';

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

// --- licence numbers ------------------------------------------------------------------------
// Each format is a pure function of a counter value; the caller draws the value from the
// counter row named by numberScope(), inside the issuing transaction.

const DIVISION_CODE = /^[0-9]{6}$/;

function requireDivisionCode(divisionCode: string): void {
  if (typeof divisionCode !== 'string' || !DIVISION_CODE.test(divisionCode)) {
    throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
  }
}

function requireYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Year must have 4 digits, got ${year}`);
}

function requireSequence(sequence: number, digits: number, what: string): void {
  const limit = 10 ** digits;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= limit) {
    throw new RangeError(`${what} sequence ${sequence} is outside 1..${limit - 1}`);
  }
}

function requireLocalDate(localDate: string): void {
  if (!isLocalDate(localDate)) throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}

/** Luhn (mod 10) check digit for a string of decimal digits. */
export function luhnCheckDigit(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError(`Luhn needs decimal digits, got "${digits}"`);
  let sum = 0;
  // The rightmost payload digit is doubled, as if the check digit already followed it.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** 主体业态 digit of a food permit number: 1 食品销售, 2 餐饮服务, 3 单位食堂. */
export type FoodPermitFormDigit = 1 | 2 | 3;

export interface FoodPermitNumberParts {
  businessForm: FoodPermitFormDigit;
  divisionCode: string;
  /** 1..999999, from numberScope('food-business', …). */
  sequence: number;
}

const FOOD_PERMIT_SEQUENCE_DIGITS = 6;
const FOOD_PERMIT_NUMBER = /^JY[123][0-9]{13}$/;

/**
 * 食品经营许可证编号: 'JY' + business form (1) + division code (6) + sequence (6) + check (1).
 * The official check-digit algorithm is not public; ours is Luhn over the 13 digits before it.
 */
export function foodPermitNumber({ businessForm, divisionCode, sequence }: FoodPermitNumberParts): string {
  if (businessForm !== 1 && businessForm !== 2 && businessForm !== 3) throw new RangeError(`Food business form must be 1, 2 or 3, got ${businessForm}`);
  requireDivisionCode(divisionCode);
  requireSequence(sequence, FOOD_PERMIT_SEQUENCE_DIGITS, 'Food permit');
  const payload = String(businessForm) + divisionCode + pad(sequence, FOOD_PERMIT_SEQUENCE_DIGITS);
  return 'JY' + payload + luhnCheckDigit(payload);
}

/** Shape, business form digit, non-zero sequence and (our) Luhn check digit of a food permit number. */
export function isFoodPermitNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !FOOD_PERMIT_NUMBER.test(value)) return false;
  const payload = value.slice(2, 15);
  return payload.slice(7) !== '000000' && luhnCheckDigit(payload) === value[15];
}

export interface PlanningPermitNumberParts {
  divisionCode: string;
  year: number;
  /** 1..99999, from numberScope(service, issuedOn): one sequence per service and year. */
  sequence: number;
}

const PLANNING_PERMIT_SEQUENCE_DIGITS = 5;

function planningPermitNumber(prefix: string, { divisionCode, year, sequence }: PlanningPermitNumberParts): string {
  requireDivisionCode(divisionCode);
  requireYear(year);
  requireSequence(sequence, PLANNING_PERMIT_SEQUENCE_DIGITS, 'Planning permit');
  return `${prefix}第${divisionCode}${year}${pad(sequence, PLANNING_PERMIT_SEQUENCE_DIGITS)}号`;
}

function isPlanningPermitNumber(prefix: string, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = new RegExp(`^${prefix}第[0-9]{6}[0-9]{4}([0-9]{5})号$`).exec(value);
  return match !== null && match[1] !== '00000';
}

/** 建设用地规划许可证编号: 地字第 + division (6) + year (4) + sequence (5) + 号, e.g. 地字第140603202600001号. */
export function landPlanningPermitNumber(parts: PlanningPermitNumberParts): string {
  return planningPermitNumber('地字', parts);
}

export function isLandPlanningPermitNumber(value: unknown): value is string {
  return isPlanningPermitNumber('地字', value);
}

/** 建设工程规划许可证编号: 建字第 + division (6) + year (4) + sequence (5) + 号. */
export function engineeringPlanningPermitNumber(parts: PlanningPermitNumberParts): string {
  return planningPermitNumber('建字', parts);
}

export function isEngineeringPlanningPermitNumber(value: unknown): value is string {
  return isPlanningPermitNumber('建字', value);
}

/** 工程类型 of a construction permit number: 01 房屋建筑, 02 市政基础设施. */
export const CONSTRUCTION_PERMIT_TYPES = ['01', '02'] as const;
export type ConstructionPermitType = (typeof CONSTRUCTION_PERMIT_TYPES)[number];

export interface ConstructionPermitNumberParts {
  divisionCode: string;
  /** The issue date in Asia/Shanghai, 'YYYY-MM-DD'. */
  issuedOn: string;
  /** Same-day sequence 1..99, from numberScope('construction', issuedOn). */
  sequence: number;
  projectType: ConstructionPermitType;
}

const CONSTRUCTION_PERMIT_SEQUENCE_DIGITS = 2;
const CONSTRUCTION_PERMIT_NUMBER = /^[0-9]{6}([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})(0[12])$/;

/** 施工许可证编号, 18 digits: division (6) + issue date YYYYMMDD + same-day sequence (2) + type (2), e.g. 140603202611270101. */
export function constructionPermitNumber({ divisionCode, issuedOn, sequence, projectType }: ConstructionPermitNumberParts): string {
  requireDivisionCode(divisionCode);
  requireLocalDate(issuedOn);
  requireSequence(sequence, CONSTRUCTION_PERMIT_SEQUENCE_DIGITS, 'Construction permit');
  if (!(CONSTRUCTION_PERMIT_TYPES as readonly string[]).includes(projectType)) throw new RangeError(`Construction project type must be 01 or 02, got "${projectType}"`);
  return divisionCode + issuedOn.replace(/-/g, '') + pad(sequence, CONSTRUCTION_PERMIT_SEQUENCE_DIGITS) + projectType;
}

/** 18 digits with a real issue date, a sequence 01..99 and type 01 or 02. */
export function isConstructionPermitNumber(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CONSTRUCTION_PERMIT_NUMBER.exec(value);
  if (!match) return false;
  const [, year, month, day, sequence] = match;
  return isLocalDate(`${year}-${month}-${day}`) && sequence !== '00';
}

export interface ProjectCodeParts {
  year: number;
  divisionCode: string;
  /** Two digits. */
  departmentCode: string;
  /** Two digits. */
  projectType: string;
  /** 1..999999, from numberScope('investment-filing', issuedOn). */
  sequence: number;
}

/** The department and project-type parts of the codes this bureau gives (local settings). */
export const PROJECT_CODE_PARTS = { departmentCode: '02', projectType: '01' } as const;

const PROJECT_CODE_SEQUENCE_DIGITS = 6;
/** Also the JSON Schema pattern of a project code field. */
export const PROJECT_CODE_PATTERN = '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$';
const PROJECT_CODE = new RegExp(PROJECT_CODE_PATTERN);
export const PROJECT_CODE_LENGTH = 24;

/** 项目代码, 24 characters: YYYY-AAAAAA-DD-TT-NNNNNN (year, division, department, project type, sequence). */
export function projectCode({ year, divisionCode, departmentCode, projectType, sequence }: ProjectCodeParts): string {
  requireYear(year);
  requireDivisionCode(divisionCode);
  if (!/^[0-9]{2}$/.test(departmentCode)) throw new RangeError(`Department code must be 2 digits, got "${departmentCode}"`);
  if (!/^[0-9]{2}$/.test(projectType)) throw new RangeError(`Project type must be 2 digits, got "${projectType}"`);
  requireSequence(sequence, PROJECT_CODE_SEQUENCE_DIGITS, 'Project code');
  return `${year}-${divisionCode}-${departmentCode}-${projectType}-${pad(sequence, PROJECT_CODE_SEQUENCE_DIGITS)}`;
}

/**
 * The shape of a project code with a non-zero sequence. Any division is accepted: a project
 * filed by the city or the province carries that division's code.
 */
export function isProjectCode(value: unknown): value is string {
  return typeof value === 'string' && PROJECT_CODE.test(value) && !value.endsWith('-000000');
}

// --- counter scopes -------------------------------------------------------------------------

/**
 * The credit-code prefix a service's licence number carries, or undefined when its number is
 * not a credit code: 91 enterprise or 92 individual business (营业执照), 52 private
 * non-enterprise unit, 51 social group.
 */
export function usccPrefixFor(serviceCode: string, form?: unknown): '91' | '92' | '51' | '52' | undefined {
  switch (serviceCode) {
    case 'business-license': {
      const entityType = typeof form === 'object' && form !== null ? (form as { entityType?: unknown }).entityType : undefined;
      return entityType === 'individual_business' ? '92' : '91';
    }
    case 'non-enterprise':
      return '52';
    case 'social-group':
      return '51';
    default:
      return undefined;
  }
}

/**
 * The counter scope a licence number of this service, issued on this local date, draws from:
 * - credit codes: one sequence per prefix ('uscc:91', 'uscc:51', 'uscc:52'; the business
 *   licence needs its form to tell 91 from 92);
 * - construction permits: per day ('construction:2026-11-28'), as the number holds the date;
 * - food permits: one sequence for the service ('food-business'), because the number holds no
 *   year: a yearly counter would hand out JY…000001 again every January;
 * - the rest, whose numbers hold the year: per year ('land-planning:2026').
 */
export function numberScope(serviceCode: string, issuedOn: string, form?: unknown): string {
  requireLocalDate(issuedOn);
  const prefix = usccPrefixFor(serviceCode, form);
  if (prefix) return usccScope(prefix);
  switch (serviceCode) {
    case 'construction':
      return `${serviceCode}:${issuedOn}`;
    case 'food-business':
      return serviceCode;
    case 'investment-filing':
    case 'land-planning':
    case 'engineering-planning':
      return `${serviceCode}:${issuedOn.slice(0, 4)}`;
    default:
      throw new RangeError(`No number format for service "${serviceCode}"`);
  }
}

/** Whether a licence number has the format of this service's licences. */
export function isLicenseNumberOf(serviceCode: string, number: unknown, form?: unknown): boolean {
  if (typeof number !== 'string') return false;
  const prefix = usccPrefixFor(serviceCode, form);
  if (prefix) {
    // Without its form a business licence may be either kind.
    const prefixes = serviceCode === 'business-license' && form === undefined ? ['91', '92'] : [prefix];
    return isValidUscc(number) && prefixes.includes(number.slice(0, 2));
  }
  switch (serviceCode) {
    case 'food-business':
      return isFoodPermitNumber(number);
    case 'investment-filing':
      return isProjectCode(number);
    case 'land-planning':
      return isLandPlanningPermitNumber(number);
    case 'engineering-planning':
      return isEngineeringPlanningPermitNumber(number);
    case 'construction':
      return isConstructionPermitNumber(number);
    default:
      return false;
  }
}
