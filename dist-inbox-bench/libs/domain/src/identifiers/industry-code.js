"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INDUSTRY_CODE_MAX_LENGTH = exports.INDUSTRY_CODE_PATTERN = void 0;
exports.isIndustryCode = isIndustryCode;
exports.INDUSTRY_CODE_PATTERN = '^[A-T][0-9]{2,4}$';
exports.INDUSTRY_CODE_MAX_LENGTH = 5;
const INDUSTRY_CODE = new RegExp(exports.INDUSTRY_CODE_PATTERN);
function isIndustryCode(value) {
    return typeof value === 'string' && INDUSTRY_CODE.test(value);
}
