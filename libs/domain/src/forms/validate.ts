/**
 * Checking a service's form: `validateFormDraft` for POST/PATCH of a draft (types, formats and
 * unknown fields; missing fields are fine) and `checkFormComplete` at submit (every required
 * field, plus the rules that span fields). Never throws on odd input: every problem is a field.
 */

import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { getService } from '../catalogue';
import { decodeProblem } from './decorators';
import type { FormStage } from './form-class';
import { formMessage, type FormLanguage, type FormProblem, type FormProblemCode } from './messages';

/** Path used for a problem with the form as a whole (not an object, unreadable). */
export const FORM_ROOT_PATH = 'form';
/** Path used when the service code itself is unknown. */
export const SERVICE_CODE_PATH = 'serviceCode';

/** Dotted field path → a sentence in the requested language. */
export type FormFieldErrors = Record<string, string>;
export type FormValues = Record<string, unknown>;
export type DraftValidation = { ok: true; form: FormValues } | { ok: false; fields: FormFieldErrors };
export type CompletenessCheck = { ok: true } | { ok: false; fields: FormFieldErrors };

const COMMON_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};
const STAGE_OPTIONS: Record<FormStage, ValidatorOptions> = {
  // strictGroups without groups leaves out the checks tagged COMPLETE_FORM_GROUP (required, minimum counts).
  draft: { ...COMMON_OPTIONS, skipMissingProperties: true, strictGroups: true },
  complete: { ...COMMON_OPTIONS },
};

/** Which of several problems with one field to show: the most basic one. */
const PROBLEM_RANK: Partial<Record<FormProblemCode, number>> = {
  required: 0,
  not_string: 1,
  not_object: 1,
  not_array: 1,
  items_not_strings: 2,
  items_not_objects: 2,
};
const DEFAULT_RANK = 3;

// class-transformer silently drops these keys, so whitelisting never sees them; refuse them here.
const KEYS_DROPPED_BY_TRANSFORMER = new Set(['__proto__', 'constructor']);
// Forms are at most a few levels deep; anything deeper is inside a field that is refused anyway.
const DROPPED_KEY_SCAN_DEPTH = 6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinPath(prefix: string, property: string): string {
  return prefix ? `${prefix}.${property}` : property;
}

function droppedKeyProblems(value: unknown, path: string, depth: number): FormProblem[] {
  if (depth > DROPPED_KEY_SCAN_DEPTH || typeof value !== 'object' || value === null) return [];
  const problems: FormProblem[] = [];
  for (const key of Object.keys(value)) {
    const childPath = joinPath(path, key);
    if (KEYS_DROPPED_BY_TRANSFORMER.has(key)) problems.push({ path: childPath, code: 'unknown_field' });
    else problems.push(...droppedKeyProblems((value as Record<string, unknown>)[key], childPath, depth + 1));
  }
  return problems;
}

function problemOfError(error: ValidationError, path: string): FormProblem {
  const problems = Object.entries(error.constraints ?? {}).map(([constraint, message]): FormProblem => {
    if (constraint === 'whitelistValidation') return { path, code: 'unknown_field' };
    return { path, ...decodeProblem(message) };
  });
  const rank = (problem: FormProblem) => PROBLEM_RANK[problem.code] ?? DEFAULT_RANK;
  return problems.reduce((best, problem) => (rank(problem) < rank(best) ? problem : best));
}

/**
 * One problem per failing field. A field that is itself wrong hides what is wrong inside it,
 * except a list whose only fault is some bad items: each item's own problems still show.
 */
function flattenErrors(errors: ValidationError[], prefix: string): FormProblem[] {
  return errors.flatMap((error) => {
    const path = error.property === undefined ? prefix || FORM_ROOT_PATH : joinPath(prefix, error.property);
    const children = error.children ?? [];
    if (!error.constraints || Object.keys(error.constraints).length === 0) return flattenErrors(children, path);
    const problem = problemOfError(error, path);
    return problem.code === 'items_not_objects' ? [problem, ...flattenErrors(children, path)] : [problem];
  });
}

function firstProblemPerPath(problems: FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.path) && seen.add(problem.path));
}

function examineForm(serviceCode: string, input: unknown, stage: FormStage): { problems: FormProblem[]; form?: object } {
  const service = getService(serviceCode);
  if (!service) return { problems: [{ path: SERVICE_CODE_PATH, code: 'unknown_service' }] };
  if (!isRecord(input)) return { problems: [{ path: FORM_ROOT_PATH, code: 'form_not_object' }] };
  try {
    const form = plainToInstance(service.form, input);
    const problems = [
      ...droppedKeyProblems(input, '', 0),
      ...flattenErrors(validateSync(form, STAGE_OPTIONS[stage]), ''),
      ...(service.form.crossFieldProblems?.(form, stage) ?? []),
    ];
    return { problems: firstProblemPerPath(problems), form };
  } catch {
    // Only pathological input (e.g. nesting deep enough to exhaust the stack) gets here.
    return { problems: [{ path: FORM_ROOT_PATH, code: 'invalid' }] };
  }
}

/** Every problem with a form at this stage, as codes (for callers that store or match them). */
export function findFormProblems(serviceCode: string, input: unknown, stage: FormStage): FormProblem[] {
  return examineForm(serviceCode, input, stage).problems;
}

export function describeFormProblems(problems: readonly FormProblem[], lang: FormLanguage): FormFieldErrors {
  const fields: FormFieldErrors = {};
  for (const problem of problems) {
    if (Object.prototype.hasOwnProperty.call(fields, problem.path)) continue;
    // defineProperty, so that a path named __proto__ becomes a key rather than a prototype.
    const message = formMessage(problem.code, lang, problem.params);
    Object.defineProperty(fields, problem.path, { value: message, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/**
 * A draft as given by POST or PATCH: must be an object whose fields, where present, have the
 * right types and formats; unknown fields are refused. Returns the form as plain JSON data.
 */
export function validateFormDraft(serviceCode: string, input: unknown, lang: FormLanguage): DraftValidation {
  const { problems, form } = examineForm(serviceCode, input, 'draft');
  if (problems.length > 0 || !form) return { ok: false, fields: describeFormProblems(problems, lang) };
  return { ok: true, form: JSON.parse(JSON.stringify(form)) as FormValues };
}

/** At submit: every required field present and valid, and the cross-field rules hold. */
export function checkFormComplete(serviceCode: string, form: unknown, lang: FormLanguage): CompletenessCheck {
  const { problems } = examineForm(serviceCode, form, 'complete');
  return problems.length > 0 ? { ok: false, fields: describeFormProblems(problems, lang) } : { ok: true };
}
