/**
 * Reusable class-validator decorators for the service forms. Each failed check carries a
 * problem code from messages.ts as its message (`code` or `code:param`), so the words stay in
 * one catalogue; each custom constraint has a JSON Schema converter (FORM_SCHEMA_CONVERTERS)
 * under the same name, so the form's schema comes from the same decorators as its checks.
 */

import 'reflect-metadata';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { Type } from 'class-transformer';
import type { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { hasUsccShape, isValidUscc, USCC_SHAPE_PATTERN } from '../identifiers/uscc';
import { residentIdProblem } from '../identifiers/resident-id';
import { isMainlandMobile } from '../identifiers/phone';
import { INDUSTRY_CODE_MAX_LENGTH, INDUSTRY_CODE_PATTERN, isIndustryCode } from '../identifiers/industry-code';
import { isRealEstateUnitNumber, REAL_ESTATE_UNIT_NUMBER_LENGTH, REAL_ESTATE_UNIT_NUMBER_PATTERN } from '../identifiers/real-estate-unit';
import { isProjectCode, PROJECT_CODE_LENGTH, PROJECT_CODE_PATTERN } from '../numbering';
import { isLocalDate } from '../calendar';
import { isFormProblemCode, type FormProblemCode } from './messages';

type SchemaConverters = NonNullable<NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>['additionalConverters']>;
type SchemaObject = ReturnType<typeof validationMetadatasToSchemas>[string];

/**
 * Checks tagged with this group run only when a form is checked for completeness (submit);
 * drafts are validated with strictGroups, which leaves them out.
 */
export const COMPLETE_FORM_GROUP = 'complete-form';
const ONLY_WHEN_COMPLETE: ValidationOptions = { groups: [COMPLETE_FORM_GROUP] };

/** A problem code with its parameters, in the one string class-validator lets a check carry. */
export function encodeProblem(code: FormProblemCode, ...params: Array<string | number>): string {
  return [code, ...params].join(':');
}

export function decodeProblem(message: string): { code: FormProblemCode; params: string[] } {
  const [code, ...params] = message.split(':');
  return isFormProblemCode(code) ? { code, params } : { code: 'invalid', params: [] };
}

function composeDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}

interface FormatCheck {
  /** Constraint name: the key of the error and of the JSON Schema converter. */
  name: string;
  /** The encoded problem with this value, or null when it is fine. */
  problemOf(value: unknown, constraints: unknown[]): string | null;
}

function formatDecorator(check: FormatCheck, constraints: unknown[] = [], options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: check.name,
      target: target.constructor,
      propertyName: String(propertyKey),
      constraints,
      options: {
        ...options,
        message: options.message ?? ((args: ValidationArguments) => check.problemOf(args.value, args.constraints) ?? 'invalid'),
      },
      validator: { validate: (value: unknown, args?: ValidationArguments) => check.problemOf(value, args?.constraints ?? constraints) === null },
    });
}

// --- patterns shared by the checks and the JSON Schema -------------------------------------

const RESIDENT_ID_PATTERN = '^[0-9]{17}[0-9Xx]$';
const MAINLAND_MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
const ISO_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/** 规范汉字: CJK unified ideographs (with extension A) and 〇; full-width brackets only. */
const ENTITY_NAME_PATTERN = '^[\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF（）]{2,50}$';
const ENTITY_NAME = new RegExp(ENTITY_NAME_PATTERN);
export const ENTITY_NAME_MAX_LENGTH = 50;

/** Integer part of a 万元 amount: up to 12 digits (a trillion 万元 is already absurd). */
const AMOUNT_INTEGER_DIGITS = 12;

function decimalAmountPattern(maxDecimals: number, allowZero = false): string {
  const fraction = maxDecimals > 0 ? `(\\.[0-9]{1,${maxDecimals}})?` : '';
  // Zero or more: any integer part without leading zeros, any fraction.
  if (allowZero) return `^((0|[1-9][0-9]{0,${AMOUNT_INTEGER_DIGITS - 1}})${fraction})$`;
  const belowOne = maxDecimals > 0 ? `|0\\.(?!0+$)[0-9]{1,${maxDecimals}}` : '';
  // Positive: a non-zero integer part, or 0.xxx with a non-zero digit somewhere.
  return `^([1-9][0-9]{0,${AMOUNT_INTEGER_DIGITS - 1}}${fraction}${belowOne})$`;
}

function decimalAmountMaxLength(maxDecimals: number): number {
  return AMOUNT_INTEGER_DIGITS + (maxDecimals > 0 ? maxDecimals + 1 : 0);
}

// --- the checks -------------------------------------------------------------------------------

const usccCheck: FormatCheck = {
  name: 'isUscc',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    if (!hasUsccShape(value)) return 'uscc_format';
    return isValidUscc(value) ? null : 'uscc_check';
  },
};

const residentIdCheck: FormatCheck = {
  name: 'isResidentId',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    const problem = residentIdProblem(value);
    if (problem === 'format') return 'resident_id_format';
    if (problem === 'birth_date') return 'resident_id_birth_date';
    if (problem === 'check_digit') return 'resident_id_check';
    return null;
  },
};

const mainlandMobileCheck: FormatCheck = {
  name: 'isMainlandMobile',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    return isMainlandMobile(value) ? null : 'mobile_format';
  },
};

const entityNameCheck: FormatCheck = {
  name: 'isEntityName',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    if (!ENTITY_NAME.test(value)) return 'entity_name_format';
    return bracketsPairUp(value) ? null : 'entity_name_brackets';
  },
};

function bracketsPairUp(name: string): boolean {
  let depth = 0;
  for (const char of name) {
    if (char === '（') depth++;
    if (char === '）' && --depth < 0) return false;
  }
  return depth === 0;
}

export interface DecimalAmountOptions {
  maxDecimals: number;
  /** Accept "0" (a part of a breakdown that is nothing); amounts are positive otherwise. */
  allowZero?: boolean;
}

const decimalAmountCheck: FormatCheck = {
  name: 'isDecimalAmount',
  problemOf(value, constraints) {
    const { maxDecimals, allowZero = false } = constraints[0] as DecimalAmountOptions;
    if (typeof value !== 'string') return 'not_string';
    if (new RegExp(decimalAmountPattern(maxDecimals, allowZero)).test(value)) return null;
    return encodeProblem(allowZero ? 'amount_format_or_zero' : 'amount_format', maxDecimals);
  },
};

/** Units an area is given in: square meters, or 亩 (mu, 666.67 m²) for land. */
export type AreaUnit = 'm2' | 'mu';

export interface AreaOptions {
  unit: AreaUnit;
  maxDecimals: number;
  allowZero?: boolean;
}

const AREA_PROBLEMS = {
  m2: { positive: 'area_m2_format', orZero: 'area_m2_format_or_zero' },
  mu: { positive: 'area_mu_format', orZero: 'area_mu_format_or_zero' },
} as const satisfies Record<AreaUnit, Record<'positive' | 'orZero', FormProblemCode>>;

const areaCheck: FormatCheck = {
  name: 'isArea',
  problemOf(value, constraints) {
    const { unit, maxDecimals, allowZero = false } = constraints[0] as AreaOptions;
    if (typeof value !== 'string') return 'not_string';
    if (new RegExp(decimalAmountPattern(maxDecimals, allowZero)).test(value)) return null;
    return encodeProblem(AREA_PROBLEMS[unit][allowZero ? 'orZero' : 'positive'], maxDecimals);
  },
};

const projectCodeCheck: FormatCheck = {
  name: 'isProjectCode',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    return isProjectCode(value) ? null : 'project_code_format';
  },
};

const realEstateUnitCheck: FormatCheck = {
  name: 'isRealEstateUnitNumber',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    return isRealEstateUnitNumber(value) ? null : 'real_estate_unit_format';
  },
};

const countCheck: FormatCheck = {
  name: 'isCount',
  problemOf(value, constraints) {
    const { max } = constraints[0] as { max: number };
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'not_integer';
    if (value < 0) return encodeProblem('too_small', 0);
    return value > max ? encodeProblem('too_large', max) : null;
  },
};

const industryCodeCheck: FormatCheck = {
  name: 'isIndustryCode',
  problemOf(value) {
    if (typeof value !== 'string') return 'not_string';
    return isIndustryCode(value) ? null : 'industry_code_format';
  },
};

export interface IsoDateOptions {
  /** Accept null as a value (e.g. a term whose end is 长期). */
  nullable?: boolean;
}

const isoDateCheck: FormatCheck = {
  name: 'isIsoDate',
  problemOf(value, constraints) {
    const { nullable = false } = (constraints[0] ?? {}) as IsoDateOptions;
    if (value === null && nullable) return null;
    if (typeof value !== 'string') return 'not_string';
    return isLocalDate(value) ? null : 'date_format';
  },
};

const presentCheck: FormatCheck = {
  name: 'isPresent',
  problemOf: (value) => (value === undefined ? 'required' : null),
};

const notBlankCheck: FormatCheck = {
  name: 'isNotBlank',
  // Other checks report a value that is not text; this one only cares about emptiness.
  problemOf: (value) => (typeof value === 'string' && value.trim() === '' ? 'blank' : null),
};

// --- the decorators ---------------------------------------------------------------------------

/** 统一社会信用代码: shape and GB 32100 check character. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(usccCheck, [], options);
}

/** 居民身份证号码: shape, date of birth and GB 11643 check digit (a lowercase x is accepted). */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(residentIdCheck, [], options);
}

export function IsMainlandMobile(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(mainlandMobileCheck, [], options);
}

/** An entity's name: 规范汉字 and full-width brackets （） that pair up, 2–50 characters. */
export function IsEntityName(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(entityNameCheck, [], options);
}

/** A positive amount in 万元 written as a string ("500", "12.3456"), so no float ever rounds it. */
export function IsDecimalAmount(amount: DecimalAmountOptions = { maxDecimals: 4 }, options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(decimalAmountCheck, [amount], options);
}

/** An area as a decimal string in the given unit ("1200.5" m², "15.25" 亩), never a float. */
export function IsArea(area: AreaOptions, options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(areaCheck, [area], options);
}

/** 项目代码: 24 characters YYYY-AAAAAA-DD-TT-NNNNNN. */
export function IsProjectCode(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(projectCodeCheck, [], options);
}

/** 不动产单元号: 28 characters, ^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$ (shape only). */
export function IsRealEstateUnitNumber(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(realEstateUnitCheck, [], options);
}

/** 国民经济行业分类 code: a section letter A–T and 2 to 4 digits. */
export function IsIndustryCode(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(industryCodeCheck, [], options);
}

/** A whole number from 0 to max (a count of members), as a JSON number. */
export function IsCount(max: number, options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(countCheck, [{ max }], options);
}

/**
 * A declaration the applicant ticks: a boolean in a draft, and true (with the given problem)
 * when the form is complete.
 */
export function IsAffirmed(problem: FormProblemCode): PropertyDecorator {
  return composeDecorators(IsBoolean({ message: 'not_boolean' }), Equals(true, { ...ONLY_WHEN_COMPLETE, message: problem }));
}

/** 'YYYY-MM-DD' naming a real day. */
export function IsIsoDate(date: IsoDateOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(isoDateCheck, [date], options);
}

/** Text with at least one non-space character. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return formatDecorator(notBlankCheck, [], options);
}

/** Must be present when the form is complete; a draft may leave it out. */
export function RequiredAtSubmit(): PropertyDecorator {
  return IsDefined({ ...ONLY_WHEN_COMPLETE, message: 'required' });
}

/** Like RequiredAtSubmit, but null is an answer (term.to: null means 长期). */
export function RequiredAtSubmitAllowingNull(): PropertyDecorator {
  return formatDecorator(presentCheck, [], ONLY_WHEN_COMPLETE);
}

/** Free text: a non-blank string of at most maxLength characters. */
export function IsText(maxLength: number): PropertyDecorator {
  return composeDecorators(
    IsString({ message: 'not_string' }),
    IsNotBlank(),
    MaxLength(maxLength, { message: encodeProblem('too_long', '$constraint1') }),
  );
}

/** A string limited to maxLength, for fields whose format check is separate. */
export function HasMaxLength(maxLength: number): PropertyDecorator {
  return composeDecorators(
    IsString({ message: 'not_string' }),
    MaxLength(maxLength, { message: encodeProblem('too_long', '$constraint1') }),
  );
}

export function IsOneOf(values: readonly string[]): PropertyDecorator {
  return IsIn([...values], { message: 'not_one_of' });
}

/** A list of free-text items; minItemsWhenComplete (default 0) applies only when complete. */
export function IsTextList({
  maxItems,
  maxItemLength,
  minItemsWhenComplete = 0,
}: {
  maxItems: number;
  maxItemLength: number;
  minItemsWhenComplete?: number;
}): PropertyDecorator {
  return composeDecorators(
    IsArray({ message: 'not_array' }),
    ...(minItemsWhenComplete > 0
      ? [ArrayMinSize(minItemsWhenComplete, { ...ONLY_WHEN_COMPLETE, message: encodeProblem('too_few', '$constraint1') })]
      : []),
    ArrayMaxSize(maxItems, { message: encodeProblem('too_many', '$constraint1') }),
    IsString({ each: true, message: 'items_not_strings' }),
    IsNotBlank({ each: true, message: 'items_blank' }),
    MaxLength(maxItemLength, { each: true, message: encodeProblem('items_too_long', '$constraint1') }),
  );
}

/** A nested object of the given form class. */
export function IsNestedForm(type: () => new () => object): PropertyDecorator {
  return composeDecorators(
    IsObject({ message: 'not_object' }),
    ValidateNested({ message: 'not_object' }),
    Type(type) as PropertyDecorator,
  );
}

/** A list of nested objects of the given form class; minItems applies only when complete. */
export function IsNestedFormList(
  type: () => new () => object,
  { minItemsWhenComplete, maxItems }: { minItemsWhenComplete: number; maxItems: number },
): PropertyDecorator {
  return composeDecorators(
    IsArray({ message: 'not_array' }),
    ArrayMinSize(minItemsWhenComplete, { ...ONLY_WHEN_COMPLETE, message: encodeProblem('too_few', '$constraint1') }),
    ArrayMaxSize(maxItems, { message: encodeProblem('too_many', '$constraint1') }),
    IsObject({ each: true, message: 'items_not_objects' }),
    ValidateNested({ each: true, message: 'not_object' }),
    Type(type) as PropertyDecorator,
  );
}

/** JSON Schema for each custom constraint, keyed by its name; pass as `additionalConverters`. */
export const FORM_SCHEMA_CONVERTERS: SchemaConverters = {
  [usccCheck.name]: { type: 'string', pattern: USCC_SHAPE_PATTERN, minLength: 18, maxLength: 18 },
  [residentIdCheck.name]: { type: 'string', pattern: RESIDENT_ID_PATTERN, minLength: 18, maxLength: 18 },
  [mainlandMobileCheck.name]: { type: 'string', pattern: MAINLAND_MOBILE_PATTERN, minLength: 11, maxLength: 11 },
  [entityNameCheck.name]: { type: 'string', pattern: ENTITY_NAME_PATTERN, minLength: 2, maxLength: ENTITY_NAME_MAX_LENGTH },
  [decimalAmountCheck.name]: (meta) => {
    const { maxDecimals, allowZero = false } = meta.constraints[0] as DecimalAmountOptions;
    return { type: 'string', pattern: decimalAmountPattern(maxDecimals, allowZero), maxLength: decimalAmountMaxLength(maxDecimals) };
  },
  [areaCheck.name]: (meta) => {
    const { unit, maxDecimals, allowZero = false } = meta.constraints[0] as AreaOptions;
    return {
      type: 'string',
      pattern: decimalAmountPattern(maxDecimals, allowZero),
      maxLength: decimalAmountMaxLength(maxDecimals),
      description: unit === 'mu' ? '亩 (mu)' : '平方米 (m²)',
    };
  },
  [projectCodeCheck.name]: { type: 'string', pattern: PROJECT_CODE_PATTERN, minLength: PROJECT_CODE_LENGTH, maxLength: PROJECT_CODE_LENGTH },
  [realEstateUnitCheck.name]: {
    type: 'string',
    pattern: REAL_ESTATE_UNIT_NUMBER_PATTERN,
    minLength: REAL_ESTATE_UNIT_NUMBER_LENGTH,
    maxLength: REAL_ESTATE_UNIT_NUMBER_LENGTH,
  },
  [countCheck.name]: (meta) => ({ type: 'integer', minimum: 0, maximum: (meta.constraints[0] as { max: number }).max }),
  [industryCodeCheck.name]: { type: 'string', pattern: INDUSTRY_CODE_PATTERN, minLength: 3, maxLength: INDUSTRY_CODE_MAX_LENGTH },
  [isoDateCheck.name]: (meta): SchemaObject => {
    const { nullable = false } = (meta.constraints[0] ?? {}) as IsoDateOptions;
    return { type: nullable ? ['string', 'null'] : 'string', format: 'date', pattern: ISO_DATE_PATTERN, maxLength: 10 };
  },
  [presentCheck.name]: {},
  [notBlankCheck.name]: { type: 'string', minLength: 1, pattern: '\\S' },
};
