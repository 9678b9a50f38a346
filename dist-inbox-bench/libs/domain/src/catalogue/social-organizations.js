"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SOCIAL_ORGANIZATIONS = void 0;
exports.sponsorApproval = sponsorApproval;
const file_types_1 = require("./file-types");
exports.SOCIAL_ORGANIZATIONS = {
    section: 'social_organizations',
    sectionName: '社会组织科',
    sectionNameEn: 'Social Organizations Section',
    queue: 'social-org',
};
function hasSponsor(form) {
    return typeof form.sponsoringUnit === 'string' && form.sponsoringUnit.trim() !== '';
}
function sponsorApproval() {
    return {
        code: 'sponsor_approval',
        name: '业务主管单位的批准文件',
        nameEn: "The sponsoring unit's approval",
        required: false,
        condition: '有业务主管单位的',
        conditionEn: 'When there is a sponsoring unit',
        accept: file_types_1.SCANS_OR_E_DOCUMENT,
        requiredWhen: hasSponsor,
    };
}
