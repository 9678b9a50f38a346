import { BusinessLicenseForm } from '../forms/business-license.form';
import { SCANS, SCANS_OR_E_DOCUMENT } from './file-types';
import type { ServiceDefinition } from './types';

/** 营业执照 (enterprise establishment registration), DOMAIN.md. */
export const businessLicenseService: ServiceDefinition<BusinessLicenseForm> = {
  code: 'business-license',
  name: '营业执照',
  nameEn: 'Business licence (enterprise establishment registration)',
  section: 'market_registration',
  sectionName: '市场主体登记科',
  sectionNameEn: 'Market Entity Registration Section',
  queue: 'business-license',
  legalLimit: { days: 3, unit: 'working' },
  promisedLimit: { days: 1, unit: 'working' },
  greenChannelPromisedLimit: { days: 1, unit: 'working' },
  extensionDays: 3,
  hasReviewStep: true,
  materials: [
    { code: 'application_form', name: '申请书', nameEn: 'Application form', required: true, accept: SCANS },
    { code: 'legal_rep_id', name: '法定代表人身份证明', nameEn: 'ID of the legal representative', required: true, accept: SCANS },
    { code: 'domicile_proof', name: '住所使用证明', nameEn: 'Proof of the right to use the domicile', required: true, accept: SCANS_OR_E_DOCUMENT },
    {
      code: 'articles',
      name: '公司章程或合伙协议',
      nameEn: 'Articles of association or partnership agreement',
      required: true,
      accept: SCANS_OR_E_DOCUMENT,
    },
  ],
  form: BusinessLicenseForm,
  license: { title: '营业执照', titleEn: 'Business Licence', layout: 'business-license', validityYears: null, numberFormat: 'uscc' },
  holderName: (form) => form.name,
  guide: {
    who: '在平鲁区设立企业或个体工商户的投资人',
    whoEn: 'Investors setting up an enterprise or an individual business in Pinglu District',
    fee: '不收费',
    feeEn: 'Free of charge',
  },
};
