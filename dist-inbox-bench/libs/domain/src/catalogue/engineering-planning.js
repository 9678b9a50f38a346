"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.engineeringPlanningService = void 0;
const engineering_planning_form_1 = require("../forms/engineering-planning.form");
const file_types_1 = require("./file-types");
exports.engineeringPlanningService = {
    code: 'engineering-planning',
    name: '建设工程规划许可证',
    nameEn: 'Construction engineering planning permit',
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
        { code: 'application_form', name: '建设工程规划许可申请表', nameEn: 'Application form', required: true, accept: file_types_1.SCANS },
        {
            code: 'land_title',
            name: '土地权属证明文件（不动产权证书等）',
            nameEn: 'Land title documents (real estate title certificate or equivalent)',
            required: true,
            accept: file_types_1.SCANS_OR_E_DOCUMENT,
        },
        { code: 'design_scheme', name: '建设工程设计方案', nameEn: 'Design scheme', required: true, accept: file_types_1.SCANS },
        { code: 'site_plan', name: '总平面图', nameEn: 'Site plan', required: true, accept: file_types_1.SCANS },
    ],
    form: engineering_planning_form_1.EngineeringPlanningForm,
    license: {
        title: '建设工程规划许可证',
        titleEn: 'Construction Engineering Planning Permit',
        layout: 'engineering-planning',
        validityYears: null,
        numberFormat: 'engineering-planning-permit',
    },
    holderName: (form) => form.builder,
    guide: {
        who: '在平鲁区城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的建设单位或个人',
        whoEn: 'Builders putting up buildings, structures, roads, pipelines or other works in the planning areas of Pinglu District',
        fee: '不收费',
        feeEn: 'Free of charge',
    },
};
