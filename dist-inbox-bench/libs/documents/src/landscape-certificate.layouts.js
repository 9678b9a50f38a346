"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.socialGroupLayout = exports.nonEnterpriseLayout = exports.foodBusinessLayout = exports.FOOD_COMPLAINT_HOTLINE = void 0;
const certificate_blocks_1 = require("./certificate-blocks");
const certificate_parts_1 = require("./certificate-parts");
const chinese_format_1 = require("./chinese-format");
const fonts_1 = require("./fonts");
function drawLandscapeTitle(context, qrLeft, defaultQualifier) {
    const { doc, input, page, content } = context;
    const [title, ownQualifier] = (0, certificate_blocks_1.splitTitleQualifier)(input.title);
    const titleRoom = 2 * (qrLeft - 20 - page.width / 2);
    let y = (0, certificate_parts_1.drawCentredTitle)(doc, title, { centerX: page.width / 2, y: content.y + 30, fontSize: 34, spacing: 12, maxWidth: titleRoom });
    const second = input.subtitle !== undefined ? [ownQualifier, input.subtitle].filter(Boolean).join(' ') : (ownQualifier ?? defaultQualifier);
    if (second) {
        y = (0, certificate_parts_1.drawCentredTitle)(doc, second, { centerX: page.width / 2, y: y + 2, fontSize: 15, spacing: 4, maxWidth: titleRoom, font: fonts_1.CERTIFICATE_FONT.regular });
    }
    return y;
}
function stackedLabel(label) {
    const at = label.indexOf('（');
    return at > 0 && [...label].length > 7 ? `${label.slice(0, at)}\n${label.slice(at)}` : label;
}
function drawLabelledLine(doc, label, value, x, y, width, size) {
    const text = `${label}：${value}`;
    doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size);
    const height = doc.heightOfString(text, { width, lineGap: size * 0.35 });
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(size).text(`${label}：`, x, y, { width, continued: true, lineGap: size * 0.35 });
    doc.font(fonts_1.CERTIFICATE_FONT.regular).text(value, { lineGap: size * 0.35 });
    return y + height;
}
const FOOD_GREEN = '#2b6b3f';
const FOOD_LEFT = [
    { label: '经营者名称', aliases: ['名称', '经营者'], always: true },
    { label: '社会信用代码（身份证号码）', aliases: ['统一社会信用代码', '社会信用代码', '身份证号码', '统一社会信用代码（身份证号码）'], always: true },
    { label: '法定代表人（负责人）', aliases: ['法定代表人', '负责人'], always: true },
    { label: '住所', always: true },
    { label: '经营场所', always: true },
    { label: '主体业态', always: true },
    { label: '经营项目', always: true },
];
const FOOD_RIGHT = [
    { label: '有效期至', aliases: ['有效期'] },
    { label: '日常监督管理机构' },
    { label: '日常监督管理人员' },
    { label: '投诉举报电话' },
    { label: '签发人' },
];
exports.FOOD_COMPLAINT_HOTLINE = '12315';
exports.foodBusinessLayout = {
    orientation: 'landscape',
    frame: { color: FOOD_GREEN, pattern: 'wave' },
    draw: (context) => {
        const { doc, input, content } = context;
        const right = content.x + content.width - 28;
        const top = content.y + 16;
        const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right, top);
        const titleBottom = drawLandscapeTitle(context, qr.box.x, '正　本');
        const left = content.x + 34;
        const bottom = content.y + content.height - 18;
        const divider = content.x + content.width * 0.6;
        const rightX = divider + 22;
        const fieldsTop = titleBottom + 28;
        const known = new Set(FOOD_RIGHT.flatMap((f) => [f.label, ...(f.aliases ?? [])]).map(certificate_blocks_1.normalizeLabel));
        const onRight = (f) => known.has((0, certificate_blocks_1.normalizeLabel)(f.label));
        const rightFields = (0, certificate_blocks_1.arrangeFields)(input.fields.filter(onRight), [], FOOD_RIGHT).filter((f) => f.value);
        const leftFields = (0, certificate_blocks_1.arrangeFields)(input.fields.filter((f) => !onRight(f)), FOOD_LEFT).map((f) => ({ label: stackedLabel(f.label), value: f.value }));
        const footer = '食品经营者应当在经营场所的显著位置悬挂或者摆放本许可证正本';
        (0, certificate_parts_1.drawFieldRows)(doc, leftFields, { x: left, y: fieldsTop, width: divider - 18 - left, height: bottom - 22 - fieldsTop }, {
            spreadLabels: true,
            labelEms: 7,
            fontSizes: [13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7],
            maxGapEms: 1.2,
        });
        doc.fillColor(certificate_parts_1.MUTED_INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(8);
        doc.text(footer, left, bottom - 8, { width: divider - 18 - left, lineBreak: false });
        doc.save().strokeColor(FOOD_GREEN).lineWidth(0.6).moveTo(divider, fieldsTop - 4).lineTo(divider, bottom).stroke().restore();
        const columnWidth = right - rightX;
        let y = Math.max(fieldsTop, qr.bottom + 14);
        doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(12).text(`${input.number.label}：`, rightX, y, { lineBreak: false });
        y += 18;
        doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(16).text(input.number.value, rightX, y, { width: columnWidth, characterSpacing: 1 });
        y += 30;
        const issuerTop = bottom - (0, certificate_parts_1.issuerBlockHeight)({ label: '发证机关' });
        const items = [...rightFields];
        if (!items.some((f) => f.label === '投诉举报电话')) {
            const signer = items.findIndex((f) => f.label === '签发人');
            items.splice(signer < 0 ? items.length : signer, 0, { label: '投诉举报电话', value: exports.FOOD_COMPLAINT_HOTLINE });
        }
        let size = 11.5;
        const heightAt = (s) => items.reduce((sum, f) => {
            doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(s);
            return sum + doc.heightOfString(`${f.label}：${f.value}`, { width: columnWidth, lineGap: s * 0.35 }) + s * 0.7;
        }, 0);
        while (size > 7.5 && y + heightAt(size) > issuerTop - 6)
            size -= 0.5;
        for (const item of items)
            y = drawLabelledLine(doc, item.label, item.value, rightX, y, columnWidth, size) + size * 0.7;
        (0, certificate_parts_1.drawIssuerBlock)(doc, {
            right: right - 6,
            bottom,
            label: '发证机关',
            authority: input.issuingAuthority,
            date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
            bureauName: input.bureauName,
        });
    },
};
function socialOrganisationLayout(form) {
    return {
        orientation: 'landscape',
        frame: { pattern: 'fret' },
        draw: (context) => {
            const { doc, input, content } = context;
            const right = content.x + content.width - 30;
            const top = content.y + 16;
            const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right, top);
            const titleBottom = drawLandscapeTitle(context, qr.box.x, form.qualifier);
            const left = content.x + 48;
            const bottom = content.y + content.height - 14;
            const columnRight = content.x + content.width * 0.68;
            const fieldsTop = titleBottom + 30;
            const fields = [...input.fields];
            if (!fields.some((f) => f.label === input.number.label)) {
                fields.splice(Math.min(1, fields.length), 0, { label: input.number.label, value: input.number.value });
            }
            const known = form.known.map((k) => (k.label === '统一社会信用代码' ? { ...k, aliases: [...(k.aliases ?? []), input.number.label] } : k));
            (0, certificate_parts_1.drawFieldRows)(doc, (0, certificate_blocks_1.arrangeFields)(fields, known), { x: left, y: fieldsTop, width: columnRight - left, height: bottom - 24 - fieldsTop }, {
                spreadLabels: true,
                labelEms: 8,
                fontSizes: [13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7],
                maxGapEms: 1.3,
            });
            (0, certificate_parts_1.drawIssuerBlock)(doc, {
                right: right - 4,
                bottom: bottom - 20,
                label: '登记管理机关',
                authority: input.issuingAuthority,
                date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
                bureauName: input.bureauName,
            });
            doc.fillColor(certificate_parts_1.MUTED_INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(8);
            doc.text(form.footer, content.x + 20, bottom - 4, { width: content.width - 40, align: 'center', lineBreak: false });
        },
    };
}
const ANNUAL_INSPECTION = '应当于每年5月31日前向登记管理机关报送上一年度工作报告，接受年度检查';
exports.nonEnterpriseLayout = socialOrganisationLayout({
    qualifier: '（法人）',
    known: [
        { label: '名称', aliases: ['单位名称'], always: true },
        { label: '统一社会信用代码', always: true },
        { label: '住所', always: true },
        { label: '宗旨和业务范围', aliases: ['业务范围', '宗旨及业务范围'], always: true },
        { label: '法定代表人', aliases: ['法定代表人（单位负责人）'], always: true },
        { label: '开办资金', always: true },
        { label: '业务主管单位', always: true },
        { label: '有效期', aliases: ['有效期限', '证书有效期'], always: true },
    ],
    footer: `本证书是民办非企业单位法人资格的凭证，不得涂改、出租、出借或者转让；${ANNUAL_INSPECTION}`,
});
exports.socialGroupLayout = socialOrganisationLayout({
    known: [
        { label: '名称', aliases: ['社会团体名称'], always: true },
        { label: '统一社会信用代码', always: true },
        { label: '住所', always: true },
        { label: '业务范围', aliases: ['宗旨和业务范围'], always: true },
        { label: '活动地域', always: true },
        { label: '法定代表人', always: true },
        { label: '注册资金', aliases: ['活动资金'], always: true },
        { label: '业务主管单位', always: true },
        { label: '有效期', aliases: ['有效期限', '证书有效期'], always: true },
    ],
    footer: `本证书是社会团体法人资格的凭证，不得涂改、出租、出借或者转让；${ANNUAL_INSPECTION}`,
});
