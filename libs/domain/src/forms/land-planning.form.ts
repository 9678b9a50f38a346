/** The 建设用地规划许可证 (construction-land planning permit) form, DOMAIN.md. */

import { PROJECT_CODE_LENGTH } from '../numbering';
import {
  ADDRESS_MAX_LENGTH,
  AMOUNT_MAX_LENGTH,
  LONG_TEXT_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  SHORT_TEXT_MAX_LENGTH,
  SQUARE_METERS,
} from './common';
import { HasMaxLength, IsArea, IsOneOf, IsProjectCode, IsText, RequiredAtSubmit } from './decorators';

/** 土地取得方式: 出让 (sale) or 划拨 (allocation). */
export const LAND_ACQUISITION_METHODS = ['sale', 'allocation'] as const;
export type LandAcquisitionMethod = (typeof LAND_ACQUISITION_METHODS)[number];

export class LandPlanningForm {
  /** 用地单位. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  landUser: string;

  @RequiredAtSubmit()
  @IsText(PROJECT_NAME_MAX_LENGTH)
  projectName: string;

  /** 项目代码 of the project's filing (or approval). */
  @RequiredAtSubmit()
  @HasMaxLength(PROJECT_CODE_LENGTH)
  @IsProjectCode()
  projectCode: string;

  /** 批准用地机关. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  approvingAuthority: string;

  /** 批准文号. */
  @RequiredAtSubmit()
  @IsText(SHORT_TEXT_MAX_LENGTH)
  approvalDocumentNumber: string;

  /** 用地位置. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  location: string;

  /** 用地面积, m². */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsArea(SQUARE_METERS)
  area: string;

  /** 用地性质, e.g. 工业用地. */
  @RequiredAtSubmit()
  @IsText(SHORT_TEXT_MAX_LENGTH)
  landUse: string;

  /** 建设规模. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  constructionScale: string;

  /** 土地取得方式. Decides whether a land-sale contract or a site-selection opinion is required. */
  @RequiredAtSubmit()
  @HasMaxLength(16)
  @IsOneOf(LAND_ACQUISITION_METHODS)
  acquisitionMethod: LandAcquisitionMethod;
}
