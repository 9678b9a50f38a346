/** The 营业执照 (enterprise establishment registration) form of API.md. */

import { IsOptional } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { isLocalDate } from '../calendar';
import { amountToTenThousandths, formatTenThousandths, AMOUNT_MAX_DECIMALS } from './amount';
import { isGiven, isRecord } from './common';
import {
  ENTITY_NAME_MAX_LENGTH,
  HasMaxLength,
  IsDecimalAmount,
  IsEntityName,
  IsIsoDate,
  IsMainlandMobile,
  IsNestedForm,
  IsNestedFormList,
  IsOneOf,
  IsResidentId,
  IsText,
  IsTextList,
  IsUscc,
  RequiredAtSubmit,
  RequiredAtSubmitAllowingNull,
} from './decorators';
import type { FormStage } from './form-class';
import type { FormProblem } from './messages';

export const ENTITY_TYPES = ['limited_company', 'sole_proprietorship', 'partnership', 'individual_business'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const PERSON_NAME_MAX_LENGTH = 50;
const SHAREHOLDER_NAME_MAX_LENGTH = 100;
const DOMICILE_MAX_LENGTH = 200;
const SCOPE_ITEM_MAX_LENGTH = 100;
const SCOPE_MAX_ITEMS = 100;
const SHAREHOLDERS_MAX = 200;
const AMOUNT_MAX_LENGTH = 12 + 1 + AMOUNT_MAX_DECIMALS;

// Class names are unique on purpose: the JSON Schema definitions are keyed by class name.

/** 经营范围: 一般项目 and 许可项目. */
export class BusinessLicenseScope {
  @RequiredAtSubmit()
  @IsTextList({ maxItems: SCOPE_MAX_ITEMS, maxItemLength: SCOPE_ITEM_MAX_LENGTH })
  general: string[];

  @RequiredAtSubmit()
  @IsTextList({ maxItems: SCOPE_MAX_ITEMS, maxItemLength: SCOPE_ITEM_MAX_LENGTH })
  licensed: string[];
}

export class BusinessLicenseLegalRepresentative {
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

/** A person (idNumber) or an entity (creditCode): exactly one of the two. */
@JSONSchema({ oneOf: [{ required: ['idNumber'] }, { required: ['creditCode'] }] })
export class BusinessLicenseShareholder {
  @RequiredAtSubmit()
  @IsText(SHAREHOLDER_NAME_MAX_LENGTH)
  name: string;

  @IsOptional()
  @HasMaxLength(18)
  @IsResidentId()
  idNumber?: string;

  @IsOptional()
  @HasMaxLength(18)
  @IsUscc()
  creditCode?: string;

  /** 认缴出资额, 万元. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  contribution: string;
}

/** 营业期限. */
export class BusinessLicenseTerm {
  @RequiredAtSubmit()
  @HasMaxLength(10)
  @IsIsoDate()
  from: string;

  /** null means 长期 (no end). No separate MaxLength: the date format bounds it, and null is allowed. */
  @RequiredAtSubmitAllowingNull()
  @IsIsoDate({ nullable: true })
  to: string | null;
}

export class BusinessLicenseForm {
  @RequiredAtSubmit()
  @HasMaxLength(ENTITY_NAME_MAX_LENGTH)
  @IsEntityName()
  name: string;

  @RequiredAtSubmit()
  @HasMaxLength(32)
  @IsOneOf(ENTITY_TYPES)
  entityType: EntityType;

  /** 住所. */
  @RequiredAtSubmit()
  @IsText(DOMICILE_MAX_LENGTH)
  domicile: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => BusinessLicenseScope)
  businessScope: BusinessLicenseScope;

  /** 注册资本, 万元. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  registeredCapital: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => BusinessLicenseLegalRepresentative)
  legalRepresentative: BusinessLicenseLegalRepresentative;

  @RequiredAtSubmit()
  @IsNestedFormList(() => BusinessLicenseShareholder, { minItemsWhenComplete: 1, maxItems: SHAREHOLDERS_MAX })
  shareholders: BusinessLicenseShareholder[];

  @RequiredAtSubmit()
  @IsNestedForm(() => BusinessLicenseTerm)
  term: BusinessLicenseTerm;

  static crossFieldProblems(form: BusinessLicenseForm, stage: FormStage): FormProblem[] {
    const problems = shareholderIdentityProblems(form, stage);
    if (stage === 'complete') {
      problems.push(...scopeProblems(form), ...contributionProblems(form), ...termProblems(form));
    }
    return problems;
  }
}

// The cross-field rules run after the field checks, on a form that may still hold wrong types,
// so each one looks only at values of the shape it needs and stays silent otherwise.

function shareholderIdentityProblems(form: BusinessLicenseForm, stage: FormStage): FormProblem[] {
  if (!Array.isArray(form.shareholders)) return [];
  const problems: FormProblem[] = [];
  form.shareholders.forEach((shareholder: unknown, index) => {
    if (!isRecord(shareholder)) return;
    const hasIdNumber = isGiven(shareholder.idNumber);
    const hasCreditCode = isGiven(shareholder.creditCode);
    if (hasIdNumber && hasCreditCode) {
      problems.push({ path: `shareholders.${index}`, code: 'shareholder_identity_both' });
    } else if (!hasIdNumber && !hasCreditCode && stage === 'complete') {
      problems.push({ path: `shareholders.${index}.idNumber`, code: 'shareholder_identity_missing' });
    }
  });
  return problems;
}

function scopeProblems(form: BusinessLicenseForm): FormProblem[] {
  const scope: unknown = form.businessScope;
  if (!isRecord(scope) || !Array.isArray(scope.general) || !Array.isArray(scope.licensed)) return [];
  return scope.general.length + scope.licensed.length === 0 ? [{ path: 'businessScope', code: 'scope_empty' }] : [];
}

function contributionProblems(form: BusinessLicenseForm): FormProblem[] {
  const capital = amountToTenThousandths(form.registeredCapital);
  if (capital === null || !Array.isArray(form.shareholders) || form.shareholders.length === 0) return [];
  let total = 0n;
  for (const shareholder of form.shareholders as unknown[]) {
    const contribution = isRecord(shareholder) ? amountToTenThousandths(shareholder.contribution) : null;
    if (contribution === null) return [];
    total += contribution;
  }
  if (total === capital) return [];
  return [{ path: 'shareholders', code: 'contributions_mismatch', params: [formatTenThousandths(total), formatTenThousandths(capital)] }];
}

function termProblems(form: BusinessLicenseForm): FormProblem[] {
  const term: unknown = form.term;
  if (!isRecord(term) || !isLocalDate(term.from) || !isLocalDate(term.to)) return [];
  // ISO dates of equal length compare correctly as strings.
  return term.to > term.from ? [] : [{ path: 'term.to', code: 'term_end_before_start' }];
}
