"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nonEnterpriseService = void 0;
const non_enterprise_form_1 = require("../forms/non-enterprise.form");
const file_types_1 = require("./file-types");
const social_organizations_1 = require("./social-organizations");
exports.nonEnterpriseService = {
    code: 'non-enterprise',
    name: '民办非企业单位登记',
    nameEn: 'Private non-enterprise unit registration',
    ...social_organizations_1.SOCIAL_ORGANIZATIONS,
    legalLimit: { days: 60, unit: 'calendar' },
    promisedLimit: { days: 15, unit: 'calendar' },
    greenChannelPromisedLimit: { days: 8, unit: 'calendar' },
    extensionDays: 0,
    hasReviewStep: true,
    materials: [
        { code: 'application_form', name: '登记申请书', nameEn: 'Application for registration', required: true, accept: file_types_1.SCANS },
        (0, social_organizations_1.sponsorApproval)(),
        { code: 'premises_proof', name: '场所使用权证明', nameEn: 'Proof of the right to use the premises', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        { code: 'capital_verification', name: '验资报告', nameEn: 'Capital verification report', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        { code: 'legal_rep_id', name: '拟任负责人的基本情况和身份证明', nameEn: 'Particulars and ID of the intended head', required: true, accept: file_types_1.SCANS },
        { code: 'articles', name: '章程草案', nameEn: 'Draft articles', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
    ],
    form: non_enterprise_form_1.NonEnterpriseForm,
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
