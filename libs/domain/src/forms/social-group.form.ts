/** The 社会团体登记 (social group registration) form, DOMAIN.md. */

import { IsOptional } from 'class-validator';
import { AMOUNT_MAX_DECIMALS } from './amount';
import { ADDRESS_MAX_LENGTH, AMOUNT_MAX_LENGTH, compareDecimal, IdentifiedPerson, LONG_TEXT_MAX_LENGTH, ORGANIZATION_NAME_MAX_LENGTH } from './common';
import {
  ENTITY_NAME_MAX_LENGTH,
  HasMaxLength,
  IsCount,
  IsDecimalAmount,
  IsEntityName,
  IsNestedForm,
  IsText,
  RequiredAtSubmit,
} from './decorators';
import type { FormStage } from './form-class';
import type { FormProblem } from './messages';

/** 社会团体登记管理条例 art. 10: 50 individual or 30 unit members, and (local groups) 3 万元 of funds. */
export const SOCIAL_GROUP_MINIMUMS = { individualMembers: 50, unitMembers: 30, registeredFunds: '3' } as const;

const MEMBERS_MAX = 1_000_000;

export class SocialGroupForm {
  /** 名称, e.g. 朔州市平鲁区个体劳动者协会. */
  @RequiredAtSubmit()
  @HasMaxLength(ENTITY_NAME_MAX_LENGTH)
  @IsEntityName()
  name: string;

  /** 住所. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  domicile: string;

  /** 业务范围. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  businessScope: string;

  /** 活动地域, e.g. 平鲁区. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  areaOfActivity: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => IdentifiedPerson)
  legalRepresentative: IdentifiedPerson;

  /** 注册资金, 万元; at least 3. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  registeredFunds: string;

  /** 业务主管单位; groups that register directly (trade associations, charities…) have none. */
  @IsOptional()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  sponsoringUnit?: string;

  /** 个人会员数. */
  @RequiredAtSubmit()
  @IsCount(MEMBERS_MAX)
  individualMembers: number;

  /** 单位会员数. */
  @RequiredAtSubmit()
  @IsCount(MEMBERS_MAX)
  unitMembers: number;

  static crossFieldProblems(form: SocialGroupForm, stage: FormStage): FormProblem[] {
    if (stage !== 'complete') return [];
    const problems: FormProblem[] = [];
    const { individualMembers, unitMembers } = form;
    if (Number.isInteger(individualMembers) && Number.isInteger(unitMembers)) {
      if (individualMembers < SOCIAL_GROUP_MINIMUMS.individualMembers && unitMembers < SOCIAL_GROUP_MINIMUMS.unitMembers) {
        problems.push({ path: 'individualMembers', code: 'social_group_members_too_few' });
      }
    }
    if (compareDecimal(form.registeredFunds, SOCIAL_GROUP_MINIMUMS.registeredFunds) === -1) {
      problems.push({ path: 'registeredFunds', code: 'social_group_funds_too_low', params: [SOCIAL_GROUP_MINIMUMS.registeredFunds] });
    }
    return problems;
  }
}
