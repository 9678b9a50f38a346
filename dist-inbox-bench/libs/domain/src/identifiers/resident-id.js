"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizeResidentId = normalizeResidentId;
exports.residentIdProblem = residentIdProblem;
exports.isValidResidentId = isValidResidentId;
exports.maskResidentId = maskResidentId;
exports.maskResidentIdDigits11to14 = maskResidentIdDigits11to14;
const calendar_1 = require("../calendar");
const numbering_1 = require("../numbering");
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_MAP = '10X98765432';
const RESIDENT_ID_SHAPE = /^[0-9]{17}[0-9X]$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';
function normalizeResidentId(id) {
    return id.replace(/x/g, 'X');
}
function residentIdProblem(id, today = new Date()) {
    if (typeof id !== 'string')
        return 'format';
    const normalized = normalizeResidentId(id);
    if (!RESIDENT_ID_SHAPE.test(normalized))
        return 'format';
    const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
    if (!(0, calendar_1.isLocalDate)(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > (0, numbering_1.shanghaiLocalDate)(today)) {
        return 'birth_date';
    }
    let sum = 0;
    for (let i = 0; i < 17; i++)
        sum += Number(normalized[i]) * RESIDENT_ID_WEIGHTS[i];
    return RESIDENT_ID_CHECK_MAP[sum % 11] === normalized[17] ? null : 'check_digit';
}
function isValidResidentId(id, today = new Date()) {
    return residentIdProblem(id, today) === null;
}
function maskRange(text, start, end) {
    return text.slice(0, start) + '*'.repeat(Math.max(0, end - start)) + text.slice(end);
}
function maskResidentId(id) {
    const normalized = normalizeResidentId(id);
    if (normalized.length <= 8)
        return '*'.repeat(normalized.length);
    return maskRange(normalized, 4, normalized.length - 4);
}
function maskResidentIdDigits11to14(id) {
    const normalized = normalizeResidentId(id);
    if (normalized.length < 14)
        return '*'.repeat(normalized.length);
    return maskRange(normalized, 10, 14);
}
