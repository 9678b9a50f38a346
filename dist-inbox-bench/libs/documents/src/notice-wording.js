"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ONE_TIME_CORRECTION_SENTENCE = exports.DEFAULT_REVIEW_AUTHORITY = void 0;
exports.reviewRightsSentence = reviewRightsSentence;
exports.assertNoticeComplete = assertNoticeComplete;
exports.noticeBlocks = noticeBlocks;
exports.noticeCopiesNote = noticeCopiesNote;
const chinese_format_1 = require("./chinese-format");
exports.DEFAULT_REVIEW_AUTHORITY = '朔州市平鲁区人民政府';
function reviewRightsSentence(reviewAuthority = exports.DEFAULT_REVIEW_AUTHORITY) {
    return `如不服本决定，可以自收到本决定书之日起六十日内向${reviewAuthority}申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。`;
}
exports.ONE_TIME_CORRECTION_SENTENCE = '请一次性补正上述材料，补正后通过“一窗通办”平台重新提交。补正的申请材料齐全、符合法定形式的，本机关将予以受理。';
const KINDS_NEEDING_REASON = ['non_acceptance', 'denial', 'extension'];
function assertNoticeComplete(input) {
    if (input.kind === 'correction' && !input.items?.length) {
        throw new Error('A correction notice must list every item to correct (一次性告知): items is empty');
    }
    if (KINDS_NEEDING_REASON.includes(input.kind) && !input.reason?.trim() && !input.bodyParagraphs?.length) {
        throw new Error(`A ${input.kind} notice must give its reason: pass reason or bodyParagraphs`);
    }
    const days = input.extensionWorkingDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 10)) {
        throw new Error(`An extension is 1 to 10 working days (行政许可法 第四十二条), not ${days}`);
    }
}
function noticeBlocks(input) {
    assertNoticeComplete(input);
    const on = input.submittedOn ? `于${(0, chinese_format_1.formatChineseDate)(input.submittedOn)}` : '';
    const application = `你（单位）${on}提出的${input.serviceName}申请（申请编号：${input.applicationNumber}）`;
    const reason = (input.reason ?? '').trim().replace(/[。；;，,.\s]+$/u, '');
    const custom = input.bodyParagraphs?.length ? input.bodyParagraphs.map((text) => ({ type: 'paragraph', text })) : undefined;
    const paragraphs = (...texts) => custom ?? texts.map((text) => ({ type: 'paragraph', text }));
    const review = { type: 'paragraph', text: reviewRightsSentence(input.reviewAuthority) };
    switch (input.kind) {
        case 'receipt':
            return [
                ...paragraphs(`你（单位）${on}提交的${input.serviceName}申请材料已收到，申请编号：${input.applicationNumber}。`, '本凭证仅证明本机关已收到上述申请材料，不表示申请已被受理。本机关将在五个工作日内作出是否受理的决定；申请材料不齐全或者不符合法定形式的，将一次告知需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理。', '你（单位）可凭申请编号和手机号码在“一窗通办”平台查询办理进度。'),
                {
                    type: 'facts',
                    rows: [
                        ['申请人', input.applicantName],
                        ['申请事项', input.serviceName],
                        ['申请编号', input.applicationNumber],
                        ['收件日期', (0, chinese_format_1.formatChineseDate)(input.submittedOn ?? input.issuedOn)],
                    ],
                },
            ];
        case 'acceptance':
            return paragraphs(`${application}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。`, '本机关将依照法定程序和期限进行审查并作出行政许可决定。你（单位）可凭申请编号和手机号码在“一窗通办”平台查询办理进度。', '特此通知。');
        case 'correction':
            return [
                ...paragraphs(`${application}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：`),
                { type: 'items', items: input.items ?? [] },
                { type: 'paragraph', text: exports.ONE_TIME_CORRECTION_SENTENCE },
                ...(custom ? [] : [{ type: 'paragraph', text: '特此通知。' }]),
            ];
        case 'non_acceptance':
            return [
                ...paragraphs(`${application}，经审查，${reason}。根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。`),
                review,
            ];
        case 'extension': {
            const days = chineseCount(input.extensionWorkingDays ?? 10);
            return paragraphs(`${application}，本机关已依法受理。因${reason}，本机关不能在二十个工作日内作出行政许可决定。经本机关负责人批准，根据《中华人民共和国行政许可法》第四十二条第一款的规定，审查期限延长${days}个工作日。`, '特此通知。');
        }
        case 'approval':
            return paragraphs(`${application}，经审查，申请材料齐全、符合法定形式，申请事项符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`, '本机关将自作出本决定之日起十日内向你（单位）颁发、送达行政许可证件。电子证照可在“一窗通办”平台下载，扫描证照上的二维码即可核验。');
        case 'denial':
            return [
                ...paragraphs(`${application}，经审查，${reason}。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`),
                review,
            ];
    }
}
function noticeCopiesNote(kind) {
    return kind === 'receipt' ? '本凭证由申请人留存。' : '本文书一式两份，一份送达申请人，一份由本机关存档。';
}
const SMALL_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseCount(n) {
    return SMALL_NUMBERS[n] ?? String(n);
}
