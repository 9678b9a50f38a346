"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTICE_TITLES = void 0;
exports.NOTICE_TITLES = Object.freeze({
    receipt: '收件凭证',
    acceptance: '受理通知书',
    correction: '补正材料通知书',
    non_acceptance: '不予受理通知书',
    extension: '延长审查期限通知书',
    approval: '准予行政许可决定书',
    denial: '不予行政许可决定书',
});
