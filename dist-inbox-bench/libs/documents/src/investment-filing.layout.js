"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.investmentFilingLayout = void 0;
const certificate_blocks_1 = require("./certificate-blocks");
const certificate_parts_1 = require("./certificate-parts");
const chinese_format_1 = require("./chinese-format");
const fonts_1 = require("./fonts");
const FILING_RED = '#9b1c1f';
const FILING_STATEMENT = '根据《企业投资项目核准和备案管理条例》第十三条、第十四条规定，项目单位已通过在线平台告知项目信息，信息齐全，予以备案。';
const FILING_NOTES = [
    '项目单位对备案项目信息的真实性、合法性和完整性负责。',
    '项目法人发生变化，项目建设地点、规模、内容发生重大变更，或者放弃项目建设的，项目单位应当通过在线平台及时告知备案机关，并修改相关信息。',
    '本证明不代替规划、用地、环境影响评价、节能审查、施工许可等依法应当办理的手续。',
    '项目代码是项目整个建设周期的唯一身份标识，办理后续手续时应当使用。',
];
exports.investmentFilingLayout = {
    orientation: 'portrait',
    frame: { color: FILING_RED, pattern: 'plain' },
    draw: ({ doc, input, page, content }) => {
        const left = content.x + 36;
        const right = content.x + content.width - 36;
        let y = (0, certificate_parts_1.drawCentredTitle)(doc, input.title, { centerX: page.width / 2, y: content.y + 36, fontSize: 28, spacing: 6, maxWidth: right - left });
        if (input.subtitle) {
            y = (0, certificate_parts_1.drawCentredTitle)(doc, input.subtitle, { centerX: page.width / 2, y: y + 2, fontSize: 14, spacing: 2, maxWidth: right - left, font: fonts_1.CERTIFICATE_FONT.regular });
        }
        doc.save().strokeColor(FILING_RED).lineWidth(1.4).moveTo(left, y + 12).lineTo(right, y + 12).stroke();
        doc.lineWidth(0.5).moveTo(left, y + 15).lineTo(right, y + 15).stroke().restore();
        const bandTop = y + 30;
        const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right, bandTop);
        const codeRight = qr.box.x - 24;
        doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(12);
        doc.text(input.number.label, left, bandTop + 2, { lineBreak: false, characterSpacing: 3 });
        const boxTop = bandTop + 22;
        const boxWidth = codeRight - left;
        let codeSize = 20;
        doc.font(fonts_1.CERTIFICATE_FONT.bold);
        while (codeSize > 10 && doc.fontSize(codeSize).widthOfString(input.number.value, { characterSpacing: 1 }) > boxWidth - 24)
            codeSize -= 0.5;
        const boxHeight = codeSize * 2.2;
        doc.save().strokeColor(FILING_RED).lineWidth(1.2).rect(left, boxTop, boxWidth, boxHeight).stroke().restore();
        const codeWidth = doc.widthOfString(input.number.value, { characterSpacing: 1 });
        doc.fillColor(certificate_parts_1.INK).text(input.number.value, left + (boxWidth - codeWidth) / 2, boxTop + (boxHeight - codeSize) / 2 - 1, {
            lineBreak: false,
            characterSpacing: 1,
        });
        y = (0, certificate_blocks_1.drawParagraph)(doc, FILING_STATEMENT, left, boxTop + boxHeight + 12, boxWidth, { fontSize: 11, lineGap: 4 });
        y = Math.max(y, qr.bottom) + 16;
        const bottom = content.y + content.height - 22;
        const issuerWidth = (0, certificate_parts_1.issuerBlockWidth)(doc, { authority: input.issuingAuthority, label: '备案机关' });
        const notesWidth = right - issuerWidth - 22 - left;
        const notesTop = bottom - Math.max((0, certificate_parts_1.issuerBlockHeight)({ label: '备案机关' }), (0, certificate_blocks_1.notesHeight)(doc, '备案须知', FILING_NOTES, notesWidth, 7.5));
        (0, certificate_blocks_1.drawTable)(doc, filingRows(input.fields), { x: left, y, width: right - left, height: notesTop - 14 - y }, {
            labelWidth: 96,
            labelFill: '#f7eeee',
            lineColor: FILING_RED,
            maxRowEms: 3,
        });
        (0, certificate_blocks_1.drawNotes)(doc, '备案须知', FILING_NOTES, { x: left, y: notesTop, width: notesWidth, height: bottom - notesTop }, { color: '#333333' });
        (0, certificate_parts_1.drawIssuerBlock)(doc, {
            right,
            bottom,
            label: '备案机关',
            authority: input.issuingAuthority,
            date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
            bureauName: input.bureauName,
        });
    },
};
function filingRows(fields) {
    const arranged = (0, certificate_blocks_1.arrangeFields)(fields, [
        { label: '项目名称', always: true },
        { label: '项目单位', aliases: ['项目法人', '企业名称'], always: true },
        { label: '统一社会信用代码', aliases: ['项目单位统一社会信用代码'] },
        { label: '项目负责人', aliases: ['法定代表人'] },
        { label: '建设地点', aliases: ['建设地址'], always: true },
        { label: '建设性质', always: true },
        { label: '所属行业', aliases: ['国标行业'] },
        { label: '建设规模及内容', aliases: ['建设规模和内容', '主要建设规模及内容'], always: true },
        { label: '总投资', aliases: ['项目总投资', '总投资（万元）'], always: true },
        { label: '资金来源' },
        { label: '计划开工时间', aliases: ['计划开工日期', '拟开工时间'] },
        { label: '计划竣工时间', aliases: ['计划竣工日期', '拟建成时间'] },
        { label: '计划开工/竣工', aliases: ['计划开工、竣工时间', '建设起止年限'] },
    ]);
    return (0, certificate_blocks_1.pairRows)(arranged, [
        ['统一社会信用代码', '项目负责人'],
        ['建设性质', '所属行业'],
        ['计划开工时间', '计划竣工时间'],
    ]);
}
