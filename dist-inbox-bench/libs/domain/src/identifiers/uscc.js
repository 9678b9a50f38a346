"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USCC_SHAPE_PATTERN = exports.USCC_SEQUENCE_LIMIT = exports.USCC_PREFIXES = exports.USCC_ALPHABET = void 0;
exports.usccCheckCharacter = usccCheckCharacter;
exports.isValidUscc = isValidUscc;
exports.hasUsccShape = hasUsccShape;
exports.organizationCodeCheckCharacter = organizationCodeCheckCharacter;
exports.allocateUscc = allocateUscc;
exports.USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
exports.USCC_PREFIXES = ['91', '92', '93', '51', '52', '53'];
exports.USCC_SEQUENCE_LIMIT = 31 ** 6;
exports.USCC_SHAPE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const USCC_SHAPE = new RegExp(exports.USCC_SHAPE_PATTERN);
function usccCharValue(char) {
    const value = exports.USCC_ALPHABET.indexOf(char);
    if (char.length !== 1 || value < 0)
        throw new RangeError(`"${char}" is not a credit-code character`);
    return value;
}
function usccCheckCharacter(first17) {
    if (first17.length !== 17)
        throw new RangeError('usccCheckCharacter needs exactly 17 characters');
    let sum = 0;
    for (let i = 0; i < 17; i++)
        sum += usccCharValue(first17[i]) * USCC_WEIGHTS[i];
    return exports.USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
function isValidUscc(code) {
    if (typeof code !== 'string' || !USCC_SHAPE.test(code))
        return false;
    return usccCheckCharacter(code.slice(0, 17)) === code[17];
}
function hasUsccShape(code) {
    return typeof code === 'string' && USCC_SHAPE.test(code);
}
function organizationCharValue(char) {
    if (/^[0-9]$/.test(char))
        return Number(char);
    if (/^[A-Z]$/.test(char))
        return char.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
    throw new RangeError(`"${char}" is not an organisation-code character`);
}
function organizationCodeCheckCharacter(body8) {
    if (body8.length !== 8)
        throw new RangeError('organizationCodeCheckCharacter needs exactly 8 characters');
    let sum = 0;
    for (let i = 0; i < 8; i++)
        sum += organizationCharValue(body8[i]) * ORGANIZATION_CODE_WEIGHTS[i];
    const check = 11 - (sum % 11);
    if (check === 10)
        return 'X';
    if (check === 11)
        return '0';
    return String(check);
}
function toBase31(sequence, width) {
    let digits = '';
    let rest = sequence;
    do {
        digits = exports.USCC_ALPHABET[rest % 31] + digits;
        rest = Math.floor(rest / 31);
    } while (rest > 0);
    return digits.padStart(width, exports.USCC_ALPHABET[0]);
}
function allocateUscc({ prefix, divisionCode, sequence }) {
    if (!exports.USCC_PREFIXES.includes(prefix))
        throw new RangeError(`Unknown credit-code prefix "${prefix}"`);
    if (!/^[0-9]{6}$/.test(divisionCode))
        throw new RangeError(`Division code must be 6 digits, got "${divisionCode}"`);
    if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= exports.USCC_SEQUENCE_LIMIT) {
        throw new RangeError(`Credit-code sequence ${sequence} is outside 0..${exports.USCC_SEQUENCE_LIMIT - 1}`);
    }
    const body = 'MA' + toBase31(sequence, 6);
    const first17 = prefix + divisionCode + body + organizationCodeCheckCharacter(body);
    return first17 + usccCheckCharacter(first17);
}
