"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTICE_NUMBER_WORDS = exports.NOTICE_KINDS = void 0;
exports.noticeNumber = noticeNumber;
exports.noticeNumberScope = noticeNumberScope;
exports.NOTICE_KINDS = ['receipt', 'acceptance', 'correction', 'non_acceptance', 'extension', 'approval', 'denial'];
exports.NOTICE_NUMBER_WORDS = {
    receipt: '收',
    acceptance: '受',
    correction: '补',
    non_acceptance: '不受',
    extension: '延',
    approval: '许',
    denial: '不许',
};
function noticeNumber(kind, year, sequence, bureauShortName = '平审') {
    return `${bureauShortName}${exports.NOTICE_NUMBER_WORDS[kind]}字〔${year}〕第${String(sequence).padStart(6, '0')}号`;
}
function noticeNumberScope(kind, year) {
    return `notice:${kind}:${year}`;
}
