"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.investmentFilingService = void 0;
const investment_filing_form_1 = require("../forms/investment-filing.form");
const file_types_1 = require("./file-types");
exports.investmentFilingService = {
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
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
    ],
    form: investment_filing_form_1.InvestmentFilingForm,
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
