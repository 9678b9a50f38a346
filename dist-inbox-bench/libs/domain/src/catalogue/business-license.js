"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.businessLicenseService = void 0;
const business_license_form_1 = require("../forms/business-license.form");
const file_types_1 = require("./file-types");
exports.businessLicenseService = {
    code: 'business-license',
    name: '营业执照',
    nameEn: 'Business license (enterprise establishment registration)',
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
        { code: 'application_form', name: '申请书', nameEn: 'Application form', required: true, accept: file_types_1.SCANS },
        { code: 'legal_rep_id', name: '法定代表人身份证明', nameEn: 'ID of the legal representative', required: true, accept: file_types_1.SCANS },
        { code: 'domicile_proof', name: '住所使用证明', nameEn: 'Proof of the right to use the domicile', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        {
            code: 'articles',
            name: '公司章程或合伙协议',
            nameEn: 'Articles of association or partnership agreement',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
    ],
    form: business_license_form_1.BusinessLicenseForm,
    license: { title: '营业执照', titleEn: 'Business License', layout: 'business-license', validityYears: null, numberFormat: 'uscc' },
    holderName: (form) => form.name,
    guide: {
        who: '在平鲁区设立企业或个体工商户的投资人',
        whoEn: 'Investors setting up an enterprise or an individual business in Pinglu District',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
