"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foodBusinessService = void 0;
const common_1 = require("../forms/common");
const food_business_form_1 = require("../forms/food-business.form");
const file_types_1 = require("./file-types");
exports.foodBusinessService = {
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
        { code: 'application_form', name: '食品经营许可申请书', nameEn: 'Application form', required: true, accept: file_types_1.SCANS },
        {
            code: 'layout_and_process',
            name: '主要设备设施布局图和操作流程',
            nameEn: 'Equipment layout and process flow',
            required: true,
            accept: file_types_1.SCANS,
        },
        {
            code: 'food_safety_rules',
            name: '食品安全管理制度（自查、从业人员健康管理、进货查验、食品安全事故处置等）',
            nameEn: 'Food-safety rules (self-inspection, staff health, purchase checks, incident handling)',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        {
            code: 'authorization_letter',
            name: '授权委托书',
            nameEn: 'Letter of authorisation',
            required: false,
            condition: '委托代理人办理的',
            conditionEn: 'When an agent files on the operator’s behalf',
            accept: file_types_1.SCANS,
            requiredWhen: (form) => (0, common_1.isGiven)(form.agent),
        },
    ],
    form: food_business_form_1.FoodBusinessForm,
    license: { title: '食品经营许可证', titleEn: 'Food Business Permit', layout: 'food-business', validityYears: 5, numberFormat: 'food-permit' },
    holderName: (form) => form.operatorName,
    guide: {
        who: '在平鲁区从事食品销售、餐饮服务或开办单位食堂的经营者（仅销售预包装食品的，办理备案，无需申请许可）',
        whoEn: 'Operators in Pinglu District selling food, serving meals or running a canteen (selling only prepackaged food needs a filing, not a permit)',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
