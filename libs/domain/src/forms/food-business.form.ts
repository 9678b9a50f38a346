/** The 食品经营许可证 (food business permit) form, DOMAIN.md. */

import { IsOptional } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { FoodPermitFormDigit } from '../numbering';
import {
  ADDRESS_MAX_LENGTH,
  IdentifiedPerson,
  isGiven,
  ORGANIZATION_NAME_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  SHORT_TEXT_MAX_LENGTH,
} from './common';
import { HasMaxLength, IsNestedForm, IsOneOf, IsResidentId, IsText, IsTextList, IsUscc, RequiredAtSubmit } from './decorators';
import type { FormStage } from './form-class';
import type { FormProblem } from './messages';

/** 主体业态: 食品销售经营者, 餐饮服务经营者, 单位食堂. */
export const FOOD_BUSINESS_FORMATS = ['food_sales', 'catering', 'canteen'] as const;
export type FoodBusinessFormat = (typeof FOOD_BUSINESS_FORMATS)[number];

/** The business-form digit of the permit number. */
export const FOOD_BUSINESS_FORMAT_DIGITS: Record<FoodBusinessFormat, FoodPermitFormDigit> = { food_sales: 1, catering: 2, canteen: 3 };

const BUSINESS_ITEMS_MAX = 50;

/** An entity gives its credit code, an individual its ID number: exactly one of the two. */
@JSONSchema({ oneOf: [{ required: ['creditCode'] }, { required: ['idNumber'] }] })
export class FoodBusinessForm {
  /** 经营者名称. Not held to entity-name rules: an individual operator may have no trade name. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  operatorName: string;

  /** 统一社会信用代码 of an entity operator (from its business licence). */
  @IsOptional()
  @HasMaxLength(18)
  @IsUscc()
  creditCode?: string;

  /** 身份证号码 of an individual operator; masked (digits 11–14) on the permit. */
  @IsOptional()
  @HasMaxLength(18)
  @IsResidentId()
  idNumber?: string;

  /** 法定代表人（负责人）, by name. */
  @RequiredAtSubmit()
  @IsText(PERSON_NAME_MAX_LENGTH)
  legalRepresentative: string;

  /** 住所, as on the business licence. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  domicile: string;

  /** 经营场所. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  premises: string;

  /** 主体业态. */
  @RequiredAtSubmit()
  @HasMaxLength(16)
  @IsOneOf(FOOD_BUSINESS_FORMATS)
  businessForm: FoodBusinessFormat;

  /** 经营项目, e.g. 预包装食品销售（含冷藏冷冻食品）, 热食类食品制售. */
  @RequiredAtSubmit()
  @IsTextList({ maxItems: BUSINESS_ITEMS_MAX, maxItemLength: SHORT_TEXT_MAX_LENGTH, minItemsWhenComplete: 1 })
  businessItems: string[];

  /** 仓库地址, when the operator keeps a warehouse. */
  @IsOptional()
  @IsText(ADDRESS_MAX_LENGTH)
  warehouseAddress?: string;

  /** 委托代理人, when someone files on the operator's behalf (then a letter of authorisation is required). */
  @IsOptional()
  @IsNestedForm(() => IdentifiedPerson)
  agent?: IdentifiedPerson;

  static crossFieldProblems(form: FoodBusinessForm, stage: FormStage): FormProblem[] {
    const problems: FormProblem[] = [];
    const hasCreditCode = isGiven(form.creditCode);
    const hasIdNumber = isGiven(form.idNumber);
    if (hasCreditCode && hasIdNumber) problems.push({ path: 'creditCode', code: 'operator_identity_both' });
    else if (!hasCreditCode && !hasIdNumber && stage === 'complete') problems.push({ path: 'creditCode', code: 'operator_identity_missing' });
    return problems;
  }
}
