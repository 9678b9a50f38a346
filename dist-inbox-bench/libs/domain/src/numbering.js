"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROJECT_CODE_LENGTH = exports.PROJECT_CODE_PATTERN = exports.PROJECT_CODE_PARTS = exports.CONSTRUCTION_PERMIT_TYPES = void 0;
exports.shanghaiLocalDate = shanghaiLocalDate;
exports.formatApplicationNumber = formatApplicationNumber;
exports.applicationNumberScope = applicationNumberScope;
exports.usccScope = usccScope;
exports.luhnCheckDigit = luhnCheckDigit;
exports.foodPermitNumber = foodPermitNumber;
exports.isFoodPermitNumber = isFoodPermitNumber;
exports.landPlanningPermitNumber = landPlanningPermitNumber;
exports.isLandPlanningPermitNumber = isLandPlanningPermitNumber;
exports.engineeringPlanningPermitNumber = engineeringPlanningPermitNumber;
exports.isEngineeringPlanningPermitNumber = isEngineeringPlanningPermitNumber;
exports.constructionPermitNumber = constructionPermitNumber;
exports.isConstructionPermitNumber = isConstructionPermitNumber;
exports.projectCode = projectCode;
exports.isProjectCode = isProjectCode;
exports.usccPrefixFor = usccPrefixFor;
exports.numberScope = numberScope;
exports.isLicenseNumberOf = isLicenseNumberOf;
const calendar_1 = require("./calendar");
const local_time_1 = require("./calendar/local-time");
const uscc_1 = require("./identifiers/uscc");
function shanghaiLocalDate(instant) {
    return (0, local_time_1.shanghaiDateOf)(instant);
}
const APPLICATION_SEQUENCE_DIGITS = 6;
function formatApplicationNumber(divisionCode, localDate, sequence) {
    if (!/^[0-9]{6}$/.test(divisionCode))
        throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
    if (!(0, calendar_1.isLocalDate)(localDate))
        throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
    if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** APPLICATION_SEQUENCE_DIGITS) {
        throw new RangeError(`Application sequence ${sequence} is outside 1..999999`);
    }
    return divisionCode + localDate.replace(/-/g, '') + String(sequence).padStart(APPLICATION_SEQUENCE_DIGITS, '0');
}
function applicationNumberScope(localDate) {
    if (!(0, calendar_1.isLocalDate)(localDate))
        throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
    return `application:${localDate}`;
}
function usccScope(prefix) {
    return `uscc:${prefix}`;
}
const DIVISION_CODE = /^[0-9]{6}$/;
function requireDivisionCode(divisionCode) {
    if (typeof divisionCode !== 'string' || !DIVISION_CODE.test(divisionCode)) {
        throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
    }
}
function requireYear(year) {
    if (!Number.isSafeInteger(year) || year < 1000 || year > 9999)
        throw new RangeError(`Year must have 4 digits, got ${year}`);
}
function requireSequence(sequence, digits, what) {
    const limit = 10 ** digits;
    if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= limit) {
        throw new RangeError(`${what} sequence ${sequence} is outside 1..${limit - 1}`);
    }
}
function requireLocalDate(localDate) {
    if (!(0, calendar_1.isLocalDate)(localDate))
        throw new RangeError(`Expected a date YYYY-MM-DD, got "${localDate}"`);
}
function pad(value, digits) {
    return String(value).padStart(digits, '0');
}
function luhnCheckDigit(digits) {
    if (!/^[0-9]+$/.test(digits))
        throw new RangeError(`Luhn needs decimal digits, got "${digits}"`);
    let sum = 0;
    for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
        let d = Number(digits[i]);
        if (double) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return String((10 - (sum % 10)) % 10);
}
const FOOD_PERMIT_SEQUENCE_DIGITS = 6;
const FOOD_PERMIT_NUMBER = /^JY[123][0-9]{13}$/;
function foodPermitNumber({ businessForm, divisionCode, sequence }) {
    if (businessForm !== 1 && businessForm !== 2 && businessForm !== 3)
        throw new RangeError(`Food business form must be 1, 2 or 3, got ${businessForm}`);
    requireDivisionCode(divisionCode);
    requireSequence(sequence, FOOD_PERMIT_SEQUENCE_DIGITS, 'Food permit');
    const payload = String(businessForm) + divisionCode + pad(sequence, FOOD_PERMIT_SEQUENCE_DIGITS);
    return 'JY' + payload + luhnCheckDigit(payload);
}
function isFoodPermitNumber(value) {
    if (typeof value !== 'string' || !FOOD_PERMIT_NUMBER.test(value))
        return false;
    const payload = value.slice(2, 15);
    return payload.slice(7) !== '000000' && luhnCheckDigit(payload) === value[15];
}
const PLANNING_PERMIT_SEQUENCE_DIGITS = 5;
function planningPermitNumber(prefix, { divisionCode, year, sequence }) {
    requireDivisionCode(divisionCode);
    requireYear(year);
    requireSequence(sequence, PLANNING_PERMIT_SEQUENCE_DIGITS, 'Planning permit');
    return `${prefix}第${divisionCode}${year}${pad(sequence, PLANNING_PERMIT_SEQUENCE_DIGITS)}号`;
}
function isPlanningPermitNumber(prefix, value) {
    if (typeof value !== 'string')
        return false;
    const match = new RegExp(`^${prefix}第[0-9]{6}[0-9]{4}([0-9]{5})号$`).exec(value);
    return match !== null && match[1] !== '00000';
}
function landPlanningPermitNumber(parts) {
    return planningPermitNumber('地字', parts);
}
function isLandPlanningPermitNumber(value) {
    return isPlanningPermitNumber('地字', value);
}
function engineeringPlanningPermitNumber(parts) {
    return planningPermitNumber('建字', parts);
}
function isEngineeringPlanningPermitNumber(value) {
    return isPlanningPermitNumber('建字', value);
}
exports.CONSTRUCTION_PERMIT_TYPES = ['01', '02'];
const CONSTRUCTION_PERMIT_SEQUENCE_DIGITS = 2;
const CONSTRUCTION_PERMIT_NUMBER = /^[0-9]{6}([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})(0[12])$/;
function constructionPermitNumber({ divisionCode, issuedOn, sequence, projectType }) {
    requireDivisionCode(divisionCode);
    requireLocalDate(issuedOn);
    requireSequence(sequence, CONSTRUCTION_PERMIT_SEQUENCE_DIGITS, 'Construction permit');
    if (!exports.CONSTRUCTION_PERMIT_TYPES.includes(projectType))
        throw new RangeError(`Construction project type must be 01 or 02, got "${projectType}"`);
    return divisionCode + issuedOn.replace(/-/g, '') + pad(sequence, CONSTRUCTION_PERMIT_SEQUENCE_DIGITS) + projectType;
}
function isConstructionPermitNumber(value) {
    if (typeof value !== 'string')
        return false;
    const match = CONSTRUCTION_PERMIT_NUMBER.exec(value);
    if (!match)
        return false;
    const [, year, month, day, sequence] = match;
    return (0, calendar_1.isLocalDate)(`${year}-${month}-${day}`) && sequence !== '00';
}
exports.PROJECT_CODE_PARTS = { departmentCode: '02', projectType: '01' };
const PROJECT_CODE_SEQUENCE_DIGITS = 6;
exports.PROJECT_CODE_PATTERN = '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$';
const PROJECT_CODE = new RegExp(exports.PROJECT_CODE_PATTERN);
exports.PROJECT_CODE_LENGTH = 24;
function projectCode({ year, divisionCode, departmentCode, projectType, sequence }) {
    requireYear(year);
    requireDivisionCode(divisionCode);
    if (!/^[0-9]{2}$/.test(departmentCode))
        throw new RangeError(`Department code must be 2 digits, got "${departmentCode}"`);
    if (!/^[0-9]{2}$/.test(projectType))
        throw new RangeError(`Project type must be 2 digits, got "${projectType}"`);
    requireSequence(sequence, PROJECT_CODE_SEQUENCE_DIGITS, 'Project code');
    return `${year}-${divisionCode}-${departmentCode}-${projectType}-${pad(sequence, PROJECT_CODE_SEQUENCE_DIGITS)}`;
}
function isProjectCode(value) {
    return typeof value === 'string' && PROJECT_CODE.test(value) && !value.endsWith('-000000');
}
function usccPrefixFor(serviceCode, form) {
    switch (serviceCode) {
        case 'business-license': {
            const entityType = typeof form === 'object' && form !== null ? form.entityType : undefined;
            return entityType === 'individual_business' ? '92' : '91';
        }
        case 'non-enterprise':
            return '52';
        case 'social-group':
            return '51';
        default:
            return undefined;
    }
}
function numberScope(serviceCode, issuedOn, form) {
    requireLocalDate(issuedOn);
    const prefix = usccPrefixFor(serviceCode, form);
    if (prefix)
        return usccScope(prefix);
    switch (serviceCode) {
        case 'construction':
            return `${serviceCode}:${issuedOn}`;
        case 'food-business':
            return serviceCode;
        case 'investment-filing':
        case 'land-planning':
        case 'engineering-planning':
            return `${serviceCode}:${issuedOn.slice(0, 4)}`;
        default:
            throw new RangeError(`No number format for service "${serviceCode}"`);
    }
}
function isLicenseNumberOf(serviceCode, number, form) {
    if (typeof number !== 'string')
        return false;
    const prefix = usccPrefixFor(serviceCode, form);
    if (prefix) {
        const prefixes = serviceCode === 'business-license' && form === undefined ? ['91', '92'] : [prefix];
        return (0, uscc_1.isValidUscc)(number) && prefixes.includes(number.slice(0, 2));
    }
    switch (serviceCode) {
        case 'food-business':
            return isFoodPermitNumber(number);
        case 'investment-filing':
            return isProjectCode(number);
        case 'land-planning':
            return isLandPlanningPermitNumber(number);
        case 'engineering-planning':
            return isEngineeringPlanningPermitNumber(number);
        case 'construction':
            return isConstructionPermitNumber(number);
        default:
            return false;
    }
}
