"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.landPlanningService = void 0;
const land_planning_form_1 = require("../forms/land-planning.form");
const file_types_1 = require("./file-types");
exports.landPlanningService = {
    code: 'land-planning',
    name: '建设用地规划许可证',
    nameEn: 'Construction land planning permit',
    section: 'planning',
    sectionName: '规划科',
    sectionNameEn: 'Planning Section',
    queue: 'planning-permit',
    legalLimit: { days: 20, unit: 'working' },
    promisedLimit: { days: 5, unit: 'working' },
    greenChannelPromisedLimit: { days: 3, unit: 'working' },
    extensionDays: 10,
    hasReviewStep: true,
    materials: [
        { code: 'application_form', name: '建设用地规划许可申请表', nameEn: 'Application form', required: true, accept: file_types_1.SCANS },
        {
            code: 'applicant_id_or_authorization',
            name: '申请人身份证明或授权委托书',
            nameEn: "Applicant's ID or letter of authorisation",
            required: true,
            accept: file_types_1.SCANS,
        },
        {
            code: 'project_filing',
            name: '项目备案（核准、批准）文件',
            nameEn: "The project's filing (or approval) document",
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        {
            code: 'land_sale_contract',
            name: '国有建设用地使用权出让合同',
            nameEn: 'State-owned construction land use right sale contract',
            required: false,
            condition: '以出让方式取得土地的',
            conditionEn: 'When the land was obtained by sale',
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
            requiredWhen: (form) => form.acquisitionMethod === 'sale',
        },
        {
            code: 'site_selection_opinion',
            name: '建设项目用地预审与选址意见书',
            nameEn: 'Land pre-examination and site-selection opinion',
            required: false,
            condition: '以划拨方式取得土地的',
            conditionEn: 'When the land was allocated',
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
            requiredWhen: (form) => form.acquisitionMethod === 'allocation',
        },
        { code: 'red_line_map', name: '用地红线图', nameEn: 'Red-line map of the site', required: true, accept: file_types_1.SCANS },
    ],
    form: land_planning_form_1.LandPlanningForm,
    license: {
        title: '建设用地规划许可证',
        titleEn: 'Construction Land Planning Permit',
        layout: 'land-planning',
        validityYears: null,
        numberFormat: 'land-planning-permit',
    },
    holderName: (form) => form.landUser,
    guide: {
        who: '在平鲁区城市、镇规划区内以出让或划拨方式取得国有建设用地的建设单位',
        whoEn: 'Builders in the planning areas of Pinglu District who have obtained state-owned construction land by sale or allocation',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
