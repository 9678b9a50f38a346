/** The 建设工程规划许可证 (construction-engineering planning permit) form, DOMAIN.md. */

import { REAL_ESTATE_UNIT_NUMBER_LENGTH } from '../identifiers/real-estate-unit';
import { PROJECT_CODE_LENGTH } from '../numbering';
import { ADDRESS_MAX_LENGTH, LONG_TEXT_MAX_LENGTH, ORGANIZATION_NAME_MAX_LENGTH, PROJECT_NAME_MAX_LENGTH } from './common';
import { HasMaxLength, IsProjectCode, IsRealEstateUnitNumber, IsText, RequiredAtSubmit } from './decorators';

export class EngineeringPlanningForm {
  /** 建设单位. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  builder: string;

  @RequiredAtSubmit()
  @IsText(PROJECT_NAME_MAX_LENGTH)
  projectName: string;

  /** 项目代码: links the permit to the project's filing and land planning permit. */
  @RequiredAtSubmit()
  @HasMaxLength(PROJECT_CODE_LENGTH)
  @IsProjectCode()
  projectCode: string;

  /** 建设位置. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  location: string;

  /** 建设规模. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  constructionScale: string;

  /** 不动产单元号 of the land parcel. */
  @RequiredAtSubmit()
  @HasMaxLength(REAL_ESTATE_UNIT_NUMBER_LENGTH)
  @IsRealEstateUnitNumber()
  realEstateUnitNumber: string;
}
