/** The 建筑工程施工许可证 (construction permit) form, DOMAIN.md. */

import { PROJECT_CODE_LENGTH, type ConstructionPermitType } from '../numbering';
import {
  ADDRESS_MAX_LENGTH,
  AMOUNT_MAX_LENGTH,
  compareDecimal,
  DatePeriod,
  isRecord,
  laterDateProblems,
  LONG_TEXT_MAX_LENGTH,
  ORGANIZATION_NAME_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  SQUARE_METERS,
} from './common';
import { AMOUNT_MAX_DECIMALS } from './amount';
import {
  HasMaxLength,
  IsArea,
  IsDecimalAmount,
  IsNestedForm,
  IsOneOf,
  IsProjectCode,
  IsText,
  IsUscc,
  RequiredAtSubmit,
} from './decorators';
import type { FormStage } from './form-class';
import type { FormProblem } from './messages';

/** 工程类型: 房屋建筑工程 or 市政基础设施工程. */
export const CONSTRUCTION_PROJECT_TYPES = ['buildings', 'municipal'] as const;
export type ConstructionProjectType = (typeof CONSTRUCTION_PROJECT_TYPES)[number];

/** The type digits of the permit number. */
export const CONSTRUCTION_PROJECT_TYPE_CODES: Record<ConstructionProjectType, ConstructionPermitType> = { buildings: '01', municipal: '02' };

/**
 * A project at or below either figure needs no construction permit (建筑工程施工许可管理办法
 * art. 2; a province may raise them): contract price in 万元, floor area in m².
 */
export const CONSTRUCTION_PERMIT_THRESHOLDS = { contractPrice: '30', floorArea: '300' } as const;

/** A survey, design, construction or supervision company, with its lead on this project. */
export class ConstructionParticipant {
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  name: string;

  @RequiredAtSubmit()
  @HasMaxLength(18)
  @IsUscc()
  creditCode: string;

  /** 项目负责人 (the construction company's 项目经理), by name. */
  @RequiredAtSubmit()
  @IsText(PERSON_NAME_MAX_LENGTH)
  projectLead: string;
}

export class ConstructionForm {
  /** 建设单位. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  builder: string;

  @RequiredAtSubmit()
  @IsText(PROJECT_NAME_MAX_LENGTH)
  projectName: string;

  /** 项目代码: links the permit to the project's filing and planning permits. */
  @RequiredAtSubmit()
  @HasMaxLength(PROJECT_CODE_LENGTH)
  @IsProjectCode()
  projectCode: string;

  /** 建设地址. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  address: string;

  /** 建设规模. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  scale: string;

  /** 建筑面积, m². */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsArea(SQUARE_METERS)
  floorArea: string;

  /** 合同价格, 万元. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  contractPrice: string;

  /** 合同工期. */
  @RequiredAtSubmit()
  @IsNestedForm(() => DatePeriod)
  contractPeriod: DatePeriod;

  @RequiredAtSubmit()
  @HasMaxLength(16)
  @IsOneOf(CONSTRUCTION_PROJECT_TYPES)
  projectType: ConstructionProjectType;

  /** 勘察单位. */
  @RequiredAtSubmit()
  @IsNestedForm(() => ConstructionParticipant)
  surveyCompany: ConstructionParticipant;

  /** 设计单位. */
  @RequiredAtSubmit()
  @IsNestedForm(() => ConstructionParticipant)
  designCompany: ConstructionParticipant;

  /** 施工单位. */
  @RequiredAtSubmit()
  @IsNestedForm(() => ConstructionParticipant)
  constructionCompany: ConstructionParticipant;

  /** 监理单位. */
  @RequiredAtSubmit()
  @IsNestedForm(() => ConstructionParticipant)
  supervisionCompany: ConstructionParticipant;

  /** 总监理工程师. */
  @RequiredAtSubmit()
  @IsText(PERSON_NAME_MAX_LENGTH)
  chiefSupervisingEngineer: string;

  static crossFieldProblems(form: ConstructionForm, stage: FormStage): FormProblem[] {
    if (stage !== 'complete') return [];
    const problems: FormProblem[] = [];
    const period: unknown = form.contractPeriod;
    if (isRecord(period)) problems.push(...laterDateProblems(period.from, period.to, 'contractPeriod.to', 'contract_period_end_before_start'));
    // DOMAIN.md: "≤ 30 万元 or ≤ 300 m²" needs no permit; say so on each figure that is at or below its limit.
    for (const field of ['contractPrice', 'floorArea'] as const) {
      const comparison = compareDecimal(form[field], CONSTRUCTION_PERMIT_THRESHOLDS[field]);
      if (comparison !== null && comparison <= 0) problems.push({ path: field, code: 'construction_permit_not_needed' });
    }
    return problems;
  }
}
