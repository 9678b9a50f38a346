"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.socialGroupService = void 0;
const social_group_form_1 = require("../forms/social-group.form");
const file_types_1 = require("./file-types");
const social_organizations_1 = require("./social-organizations");
exports.socialGroupService = {
    code: 'social-group',
    name: '社会团体登记',
    nameEn: 'Social group registration',
    ...social_organizations_1.SOCIAL_ORGANIZATIONS,
    legalLimit: { days: 30, unit: 'calendar' },
    promisedLimit: { days: 15, unit: 'calendar' },
    greenChannelPromisedLimit: { days: 8, unit: 'calendar' },
    extensionDays: 0,
    hasReviewStep: true,
    materials: [
        { code: 'application_form', name: '登记申请书', nameEn: 'Application for registration', required: true, accept: file_types_1.SCANS },
        (0, social_organizations_1.sponsorApproval)(),
        { code: 'capital_verification', name: '验资报告', nameEn: 'Capital verification report', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        { code: 'premises_proof', name: '住所使用权证明', nameEn: 'Proof of the right to use the domicile', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        {
            code: 'founders_ids',
            name: '发起人和拟任负责人的基本情况、身份证明',
            nameEn: 'Particulars and IDs of the founders and intended officers',
            required: true,
            accept: file_types_1.SCANS,
        },
        { code: 'articles', name: '章程草案', nameEn: 'Draft articles', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        { code: 'founding_meeting_minutes', name: '成立大会会议纪要', nameEn: 'Minutes of the founding meeting', required: true, accept: file_types_1.SCANS },
        { code: 'member_list', name: '会员名单', nameEn: 'List of members', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
    ],
    form: social_group_form_1.SocialGroupForm,
    license: {
        title: '社会团体法人登记证书',
        titleEn: 'Social Group Legal Person Registration Certificate',
        layout: 'social-group',
        validityYears: 5,
        numberFormat: 'uscc',
    },
    holderName: (form) => form.name,
    guide: {
        who: '在平鲁区成立社会团体、完成筹备并召开成立大会的发起人',
        whoEn: 'Founders in Pinglu District who have completed the preparation of a social group and held its founding meeting',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
