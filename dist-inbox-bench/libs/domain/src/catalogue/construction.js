"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.constructionService = void 0;
const construction_form_1 = require("../forms/construction.form");
const file_types_1 = require("./file-types");
exports.constructionService = {
    code: 'construction',
    name: '建筑工程施工许可证',
    nameEn: 'Construction permit',
    section: 'construction',
    sectionName: '建设科',
    sectionNameEn: 'Construction Section',
    queue: 'planning-permit',
    legalLimit: { days: 7, unit: 'working' },
    promisedLimit: { days: 3, unit: 'working' },
    greenChannelPromisedLimit: { days: 2, unit: 'working' },
    extensionDays: 0,
    hasReviewStep: true,
    materials: [
        { code: 'application_form', name: '建筑工程施工许可证申请表', nameEn: 'Application form', required: true, accept: file_types_1.SCANS },
        { code: 'land_approval', name: '用地批准手续', nameEn: 'Land-use approval', required: true, accept: file_types_1.SCANS_OR_E_DOCUMENT },
        {
            code: 'engineering_planning_permit',
            name: '建设工程规划许可证',
            nameEn: 'Construction engineering planning permit',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        {
            code: 'site_readiness',
            name: '施工场地已具备施工条件的说明',
            nameEn: 'Statement that the site is ready for work',
            required: true,
            accept: file_types_1.SCANS,
        },
        {
            code: 'contractor_selection',
            name: '中标通知书或直接发包文件及施工合同',
            nameEn: 'Notice of the chosen contractor and the construction contract',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        {
            code: 'construction_drawings_review',
            name: '施工图设计文件审查合格书',
            nameEn: 'Approval of the construction drawings',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        {
            code: 'quality_safety_measures',
            name: '保证工程质量和安全的具体措施',
            nameEn: 'Quality and safety measures',
            required: true,
            accept: file_types_1.SCANS,
        },
        {
            code: 'funding_commitment',
            name: '建设资金已经落实承诺书',
            nameEn: 'Written commitment that the funding is in place',
            required: true,
            accept: file_types_1.SCANS,
        },
    ],
    form: construction_form_1.ConstructionForm,
    license: {
        title: '建筑工程施工许可证',
        titleEn: 'Construction Permit',
        layout: 'construction',
        validityYears: null,
        validityNote: '自领取之日起三个月内应当开工；因故不能按期开工的，可申请延期，延期以两次为限，每次不超过三个月',
        validityNoteEn: 'Work must start within 3 months of issue; the start may be put off at most twice, by up to 3 months each time',
        numberFormat: 'construction-permit',
    },
    holderName: (form) => form.builder,
    guide: {
        who: '在平鲁区建设投资额30万元以上且建筑面积300平方米以上的房屋建筑和市政基础设施工程的建设单位',
        whoEn: 'Builders of building and municipal works in Pinglu District above 300,000 yuan and above 300 m²',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
