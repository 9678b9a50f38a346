"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizeEntityNameForDuplicateCheck = normalizeEntityNameForDuplicateCheck;
const ORGANIZATION_FORM_SUFFIXES = [
    '股份有限公司',
    '有限责任公司',
    '个人独资企业',
    '(普通合伙)',
    '(有限合伙)',
    '(特殊普通合伙)',
    '个体工商户',
    '有限公司',
    '合伙企业',
    '普通合伙',
    '有限合伙',
    '分公司',
].sort((a, b) => b.length - a.length);
function normalizeEntityNameForDuplicateCheck(name) {
    let key = name.normalize('NFKC').replace(/\s+/gu, '');
    for (let suffix = findSuffix(key); suffix; suffix = findSuffix(key))
        key = key.slice(0, -suffix.length);
    return key;
}
function findSuffix(key) {
    return ORGANIZATION_FORM_SUFFIXES.find((suffix) => key.endsWith(suffix) && key.length > suffix.length);
}
