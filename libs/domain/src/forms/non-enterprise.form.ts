/** The 民办非企业单位登记 (private non-enterprise unit registration) form, DOMAIN.md. */

import { IsOptional } from 'class-validator';
import { AMOUNT_MAX_DECIMALS } from './amount';
import { ADDRESS_MAX_LENGTH, AMOUNT_MAX_LENGTH, IdentifiedPerson, LONG_TEXT_MAX_LENGTH, ORGANIZATION_NAME_MAX_LENGTH } from './common';
import { ENTITY_NAME_MAX_LENGTH, HasMaxLength, IsDecimalAmount, IsEntityName, IsNestedForm, IsText, RequiredAtSubmit } from './decorators';

export class NonEnterpriseForm {
  /** 名称, e.g. 朔州市平鲁区阳光职业培训学校. */
  @RequiredAtSubmit()
  @HasMaxLength(ENTITY_NAME_MAX_LENGTH)
  @IsEntityName()
  name: string;

  /** 住所. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  domicile: string;

  /** 宗旨和业务范围. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  purposeAndScope: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => IdentifiedPerson)
  legalRepresentative: IdentifiedPerson;

  /** 开办资金, 万元. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  startupFunds: string;

  /** 业务主管单位, where the unit's field requires one (then the sponsor's approval is a required material). */
  @IsOptional()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  sponsoringUnit?: string;
}
