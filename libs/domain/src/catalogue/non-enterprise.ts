import { NonEnterpriseForm } from '../forms/non-enterprise.form';
import { SCANS, SCANS_OR_E_DOCUMENT } from './file-types';
import { SOCIAL_ORGANIZATIONS, sponsorApproval } from './social-organizations';
import type { ServiceDefinition } from './types';

/** 民办非企业单位登记 (private non-enterprise unit registration), DOMAIN.md; credit code 52…. */
export const nonEnterpriseService: ServiceDefinition<NonEnterpriseForm> = {
  code: 'non-enterprise',
  name: '民办非企业单位登记',
  nameEn: 'Private non-enterprise unit registration',
  ...SOCIAL_ORGANIZATIONS,
  legalLimit: { days: 60, unit: 'calendar' },
  promisedLimit: { days: 15, unit: 'calendar' },
  greenChannelPromisedLimit: { days: 8, unit: 'calendar' },
  extensionDays: 0,
  hasReviewStep: true,
  materials: [
    { code: 'application_form', name: '登记申请书', nameEn: 'Application for registration', required: true, accept: SCANS },
    sponsorApproval(),
    { code: 'premises_proof', name: '场所使用权证明', nameEn: 'Proof of the right to use the premises', required: true, accept: SCANS_OR_E_DOCUMENT },
    { code: 'capital_verification', name: '验资报告', nameEn: 'Capital verification report', required: true, accept: SCANS_OR_E_DOCUMENT },
    { code: 'legal_rep_id', name: '拟任负责人的基本情况和身份证明', nameEn: 'Particulars and ID of the intended head', required: true, accept: SCANS },
    { code: 'articles', name: '章程草案', nameEn: 'Draft articles', required: true, accept: SCANS_OR_E_DOCUMENT },
  ],
  form: NonEnterpriseForm,
  license: {
    title: '民办非企业单位登记证书',
    titleEn: 'Private Non-Enterprise Unit Registration Certificate',
    layout: 'non-enterprise',
    validityYears: 5,
    numberFormat: 'uscc',
  },
  holderName: (form) => form.name,
  guide: {
    who: '在平鲁区利用非国有资产举办从事非营利性社会服务活动的社会组织的企业事业单位、社会团体和其他社会力量以及公民个人',
    whoEn: 'Enterprises, institutions, social groups and citizens setting up a non-profit social-service organisation in Pinglu District with non-state assets',
    fee: '不收费',
    feeEn: 'Free of charge',
  },
};
