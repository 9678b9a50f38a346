import { InvestmentFilingForm } from '../forms/investment-filing.form';
import { SCANS_OR_E_DOCUMENT } from './file-types';
import type { ServiceDefinition } from './types';

/**
 * 企业投资项目备案 (enterprise investment project filing), DOMAIN.md: filed as soon as the
 * information is complete, so acceptance goes straight to the seal. The certificate's number
 * is the project's 24-character project code.
 */
export const investmentFilingService: ServiceDefinition<InvestmentFilingForm> = {
  code: 'investment-filing',
  name: '企业投资项目备案',
  nameEn: 'Enterprise investment project filing',
  section: 'investment',
  sectionName: '投资项目科',
  sectionNameEn: 'Investment Projects Section',
  queue: 'planning-permit',
  legalLimit: { days: 1, unit: 'working' },
  promisedLimit: { days: 1, unit: 'working' },
  greenChannelPromisedLimit: { days: 1, unit: 'working' },
  extensionDays: 0,
  hasReviewStep: false,
  materials: [
    {
      code: 'filing_information_form',
      name: '企业投资项目备案信息表（加盖项目单位公章）',
      nameEn: 'Project filing information form, stamped by the project company',
      required: true,
      accept: SCANS_OR_E_DOCUMENT,
    },
  ],
  form: InvestmentFilingForm,
  license: {
    title: '企业投资项目备案证明',
    titleEn: 'Enterprise Investment Project Filing Certificate',
    layout: 'investment-filing',
    validityYears: null,
    numberFormat: 'project-code',
  },
  holderName: (form) => form.companyName,
  guide: {
    who: '在平鲁区投资建设实行备案管理的固定资产投资项目的企业',
    whoEn: 'Enterprises investing in a fixed-asset project in Pinglu District that is subject to filing',
    fee: '不收费',
    feeEn: 'Free of charge',
  },
};
