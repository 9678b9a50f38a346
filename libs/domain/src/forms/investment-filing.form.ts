/** The 企业投资项目备案 (enterprise investment project filing) form, DOMAIN.md. */

import { INDUSTRY_CODE_MAX_LENGTH } from '../identifiers/industry-code';
import {
  ADDRESS_MAX_LENGTH,
  AMOUNT_MAX_LENGTH,
  compareDecimal,
  IdentifiedPerson,
  isRecord,
  laterDateProblems,
  LONG_TEXT_MAX_LENGTH,
  MU,
  ORGANIZATION_NAME_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  SHORT_TEXT_MAX_LENGTH,
  SQUARE_METERS,
  sumProblems,
} from './common';
import {
  HasMaxLength,
  IsAffirmed,
  IsArea,
  IsDecimalAmount,
  IsIndustryCode,
  IsIsoDate,
  IsNestedForm,
  IsOneOf,
  IsText,
  IsUscc,
  RequiredAtSubmit,
} from './decorators';
import { AMOUNT_MAX_DECIMALS } from './amount';
import type { FormStage } from './form-class';
import type { FormProblem } from './messages';

/** 建设性质: 新建, 扩建, 改建（技术改造）. */
export const PROJECT_NATURES = ['new', 'expansion', 'renovation'] as const;
export type ProjectNature = (typeof PROJECT_NATURES)[number];

const PART = { maxDecimals: AMOUNT_MAX_DECIMALS, allowZero: true } as const;

/** 所属行业 (国民经济行业分类, GB/T 4754-2017). */
export class InvestmentFilingIndustry {
  @RequiredAtSubmit()
  @HasMaxLength(INDUSTRY_CODE_MAX_LENGTH)
  @IsIndustryCode()
  code: string;

  @RequiredAtSubmit()
  @IsText(SHORT_TEXT_MAX_LENGTH)
  name: string;
}

/** 投资构成, 万元 each; a part may be 0. Adds up to the total investment. */
export class InvestmentBreakdown {
  /** 建筑工程费. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  construction: string;

  /** 设备购置费. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  equipment: string;

  /** 安装工程费. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  installation: string;

  /** 其他费用 (land, design, reserve…). */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  other: string;
}

/** 资金来源, 万元 each; a source may be 0. Adds up to the total investment. */
export class InvestmentFundingSources {
  /** 自有资金. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  ownFunds: string;

  /** 银行贷款. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  bankLoans: string;

  /** 政府投资（补助、贴息）. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  governmentFunds: string;

  /** 其他. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount(PART)
  other: string;
}

export class InvestmentFilingForm {
  @RequiredAtSubmit()
  @IsText(PROJECT_NAME_MAX_LENGTH)
  projectName: string;

  /** 建设性质. */
  @RequiredAtSubmit()
  @HasMaxLength(16)
  @IsOneOf(PROJECT_NATURES)
  nature: ProjectNature;

  /** 建设地点. */
  @RequiredAtSubmit()
  @IsText(ADDRESS_MAX_LENGTH)
  location: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => InvestmentFilingIndustry)
  industry: InvestmentFilingIndustry;

  /** 总用地面积, 亩. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsArea(MU)
  landArea: string;

  /** 新增用地面积, 亩; 0 when the project uses only land it already has. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsArea({ ...MU, allowZero: true })
  newLandArea: string;

  /** 总建筑面积, m²; 0 for a project that builds nothing (equipment renewal). */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsArea({ ...SQUARE_METERS, allowZero: true })
  floorArea: string;

  /** 建设规模及内容. */
  @RequiredAtSubmit()
  @IsText(LONG_TEXT_MAX_LENGTH)
  scaleAndContent: string;

  /** 计划开工日期. */
  @RequiredAtSubmit()
  @HasMaxLength(10)
  @IsIsoDate()
  startDate: string;

  /** 计划竣工日期. */
  @RequiredAtSubmit()
  @HasMaxLength(10)
  @IsIsoDate()
  completionDate: string;

  /** 总投资, 万元. */
  @RequiredAtSubmit()
  @HasMaxLength(AMOUNT_MAX_LENGTH)
  @IsDecimalAmount({ maxDecimals: AMOUNT_MAX_DECIMALS })
  totalInvestment: string;

  @RequiredAtSubmit()
  @IsNestedForm(() => InvestmentBreakdown)
  investmentBreakdown: InvestmentBreakdown;

  @RequiredAtSubmit()
  @IsNestedForm(() => InvestmentFundingSources)
  fundingSources: InvestmentFundingSources;

  /** 项目单位名称: the holder of the filing certificate. */
  @RequiredAtSubmit()
  @IsText(ORGANIZATION_NAME_MAX_LENGTH)
  companyName: string;

  /** 项目单位统一社会信用代码. */
  @RequiredAtSubmit()
  @HasMaxLength(18)
  @IsUscc()
  companyCreditCode: string;

  /** 项目负责人. */
  @RequiredAtSubmit()
  @IsNestedForm(() => IdentifiedPerson)
  responsiblePerson: IdentifiedPerson;

  /** 项目符合国家产业政策的声明: must be true to submit. */
  @RequiredAtSubmit()
  @IsAffirmed('policy_compliance_required')
  policyComplianceStatement: boolean;

  static crossFieldProblems(form: InvestmentFilingForm, stage: FormStage): FormProblem[] {
    if (stage !== 'complete') return [];
    const problems = laterDateProblems(form.startDate, form.completionDate, 'completionDate', 'completion_before_start');
    if (compareDecimal(form.newLandArea, form.landArea) === 1) problems.push({ path: 'newLandArea', code: 'new_land_exceeds_total' });
    const breakdown: unknown = form.investmentBreakdown;
    if (isRecord(breakdown)) {
      const parts = [breakdown.construction, breakdown.equipment, breakdown.installation, breakdown.other];
      problems.push(...sumProblems(parts, form.totalInvestment, 'investmentBreakdown', 'investment_breakdown_mismatch'));
    }
    const sources: unknown = form.fundingSources;
    if (isRecord(sources)) {
      const parts = [sources.ownFunds, sources.bankLoans, sources.governmentFunds, sources.other];
      problems.push(...sumProblems(parts, form.totalInvestment, 'fundingSources', 'funding_sources_mismatch'));
    }
    return problems;
  }
}
