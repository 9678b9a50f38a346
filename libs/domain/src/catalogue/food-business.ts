import { isGiven } from '../forms/common';
import { FoodBusinessForm } from '../forms/food-business.form';
import { SCANS, SCANS_OR_E_DOCUMENT } from './file-types';
import type { ServiceDefinition } from './types';

/** 食品经营许可证 (food business permit), DOMAIN.md. The operator's business licence is looked up, not uploaded. */
export const foodBusinessService: ServiceDefinition<FoodBusinessForm> = {
  code: 'food-business',
  name: '食品经营许可证',
  nameEn: 'Food business permit',
  section: 'food_drug',
  sectionName: '食品药品科',
  sectionNameEn: 'Food and Drug Section',
  queue: 'food-permit',
  legalLimit: { days: 10, unit: 'working' },
  promisedLimit: { days: 5, unit: 'working' },
  greenChannelPromisedLimit: { days: 3, unit: 'working' },
  extensionDays: 5,
  hasReviewStep: true,
  materials: [
    { code: 'application_form', name: '食品经营许可申请书', nameEn: 'Application form', required: true, accept: SCANS },
    {
      code: 'layout_and_process',
      name: '主要设备设施布局图和操作流程',
      nameEn: 'Equipment layout and process flow',
      required: true,
      accept: SCANS,
    },
    {
      code: 'food_safety_rules',
      name: '食品安全管理制度（自查、从业人员健康管理、进货查验、食品安全事故处置等）',
      nameEn: 'Food-safety rules (self-inspection, staff health, purchase checks, incident handling)',
      required: true,
      accept: SCANS_OR_E_DOCUMENT,
    },
    {
      code: 'authorization_letter',
      name: '授权委托书',
      nameEn: 'Letter of authorisation',
      required: false,
      condition: '委托代理人办理的',
      conditionEn: "When an agent files on the operator's behalf",
      accept: SCANS,
      requiredWhen: (form) => isGiven(form.agent),
    },
  ],
  form: FoodBusinessForm,
  license: { title: '食品经营许可证', titleEn: 'Food Business Permit', layout: 'food-business', validityYears: 5, numberFormat: 'food-permit' },
  holderName: (form) => form.operatorName,
  guide: {
    who: '在平鲁区从事食品销售、餐饮服务或开办单位食堂的经营者（仅销售预包装食品的，办理备案，无需申请许可）',
    whoEn: 'Operators in Pinglu District selling food, serving meals or running a canteen (selling only prepackaged food needs a filing, not a permit)',
    fee: '不收费',
    feeEn: 'Free of charge',
  },
};
