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
  IsArray,
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

function decimalAmountPattern(maxDecimals: number): string {
  const fraction = maxDecimals > 0 ? `(\\.[0-9]{1,${maxDecimals}})?` : '';
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
}

const decimalAmountCheck: FormatCheck = {
  name: 'isDecimalAmount',
  problemOf(value, constraints) {
    const { maxDecimals } = constraints[0] as DecimalAmountOptions;
    if (typeof value !== 'string') return 'not_string';
    return new RegExp(decimalAmountPattern(maxDecimals)).test(value) ? null : encodeProblem('amount_format', maxDecimals);
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

/** A list of free-text items. */
export function IsTextList({ maxItems, maxItemLength }: { maxItems: number; maxItemLength: number }): PropertyDecorator {
  return composeDecorators(
    IsArray({ message: 'not_array' }),
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
    const { maxDecimals } = meta.constraints[0] as DecimalAmountOptions;
    return { type: 'string', pattern: decimalAmountPattern(maxDecimals), maxLength: decimalAmountMaxLength(maxDecimals) };
  },
  [isoDateCheck.name]: (meta): SchemaObject => {
    const { nullable = false } = (meta.constraints[0] ?? {}) as IsoDateOptions;
    return { type: nullable ? ['string', 'null'] : 'string', format: 'date', pattern: ISO_DATE_PATTERN, maxLength: 10 };
  },
  [presentCheck.name]: {},
  [notBlankCheck.name]: { type: 'string', minLength: 1, pattern: '\\S' },
};
