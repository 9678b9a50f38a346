"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REAL_ESTATE_UNIT_NUMBER_LENGTH = exports.REAL_ESTATE_UNIT_NUMBER_PATTERN = void 0;
exports.isRealEstateUnitNumber = isRealEstateUnitNumber;
exports.REAL_ESTATE_UNIT_NUMBER_PATTERN = '^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$';
exports.REAL_ESTATE_UNIT_NUMBER_LENGTH = 28;
const REAL_ESTATE_UNIT_NUMBER = new RegExp(exports.REAL_ESTATE_UNIT_NUMBER_PATTERN);
function isRealEstateUnitNumber(value) {
    return typeof value === 'string' && REAL_ESTATE_UNIT_NUMBER.test(value);
}
