"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isMainlandMobile = isMainlandMobile;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
function isMainlandMobile(s) {
    return typeof s === 'string' && MAINLAND_MOBILE.test(s);
}
