"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NoticePdfRenderer = exports.NOTICE_RED = void 0;
const pdfkit_1 = __importDefault(require("pdfkit"));
const certificate_parts_1 = require("./certificate-parts");
const chinese_format_1 = require("./chinese-format");
const fonts_1 = require("./fonts");
const notice_document_1 = require("./notice-document");
const notice_wording_1 = require("./notice-wording");
exports.NOTICE_RED = '#c8161d';
const MARGIN = { top: 105, bottom: 78, left: 79, right: 74 };
const BODY_SIZE = 14;
const BODY_LINE_GAP = 9;
class NoticePdfRenderer {
    constructor() {
        (0, fonts_1.certificateFont)('regular');
        (0, fonts_1.certificateFont)('bold');
    }
    render(input) {
        return new Promise((resolve, reject) => {
            try {
                const blocks = (0, notice_wording_1.noticeBlocks)(input);
                const title = notice_document_1.NOTICE_TITLES[input.kind];
                const date = input.creationDate ?? new Date();
                const doc = new pdfkit_1.default({
                    size: 'A4',
                    margins: MARGIN,
                    bufferPages: true,
                    lang: 'zh-CN',
                    displayTitle: true,
                    info: {
                        Title: `${title} ${input.number}`,
                        Subject: `${input.serviceName} ${input.applicationNumber}`,
                        Author: input.bureauName,
                        Creator: 'OneWindow',
                        Producer: 'OneWindow',
                        CreationDate: date,
                        ModDate: date,
                    },
                });
                const chunks = [];
                doc.on('data', (chunk) => chunks.push(chunk));
                doc.on('end', () => resolve(Buffer.concat(chunks)));
                doc.on('error', reject);
                (0, fonts_1.registerCertificateFonts)(doc);
                drawNotice(doc, input, title, blocks);
                numberPages(doc);
                doc.end();
            }
            catch (error) {
                reject(error);
            }
        });
    }
}
exports.NoticePdfRenderer = NoticePdfRenderer;
function drawNotice(doc, input, title, blocks) {
    const left = MARGIN.left;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    const right = left + width;
    let size = 26;
    doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(size);
    const spacing = 4;
    while (size > 14 && doc.fontSize(size).widthOfString(input.bureauName, { characterSpacing: spacing }) > width)
        size -= 0.5;
    const headerWidth = doc.widthOfString(input.bureauName, { characterSpacing: spacing });
    doc.fillColor(exports.NOTICE_RED).text(input.bureauName, left + (width - headerWidth) / 2, 62, { lineBreak: false, characterSpacing: spacing });
    const ruleY = 62 + size * 1.45 + 6;
    doc.save().strokeColor(exports.NOTICE_RED).lineWidth(2.2).moveTo(left, ruleY).lineTo(right, ruleY).stroke();
    doc.lineWidth(0.6).moveTo(left, ruleY + 3.5).lineTo(right, ruleY + 3.5).stroke().restore();
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(22);
    const titleSpacing = [...title].length <= 5 ? 6 : 2;
    const titleWidth = doc.widthOfString(title, { characterSpacing: titleSpacing });
    doc.text(title, left + (width - titleWidth) / 2, ruleY + 26, { lineBreak: false, characterSpacing: titleSpacing });
    doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(13);
    doc.text(input.number, left, ruleY + 66, { width, align: 'right', lineBreak: false });
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(BODY_SIZE);
    doc.text(`${input.applicantName}：`, left, ruleY + 100, { width, lineGap: BODY_LINE_GAP });
    doc.moveDown(0.2);
    for (const block of blocks)
        drawBlock(doc, block, left, width);
    drawSignature(doc, input, left, right);
}
function drawBlock(doc, block, left, width) {
    const indent = BODY_SIZE * 2;
    doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(BODY_SIZE);
    if (block.type === 'paragraph') {
        doc.text(block.text, left, doc.y, { width, indent, lineGap: BODY_LINE_GAP });
        return;
    }
    if (block.type === 'items') {
        const numberWidth = doc.widthOfString(`${block.items.length}.`) + BODY_SIZE * 0.5;
        const textX = left + indent + numberWidth;
        block.items.forEach((item, i) => {
            const text = `${item.label}：${item.reason.trim()}`;
            const height = doc.heightOfString(text, { width: left + width - textX, lineGap: BODY_LINE_GAP });
            if (doc.y + Math.min(height, BODY_SIZE * 3) > pageBottom(doc))
                doc.addPage();
            const y = doc.y;
            doc.text(`${i + 1}.`, left + indent, y, { lineBreak: false });
            doc.text(text, textX, y, { width: left + width - textX, lineGap: BODY_LINE_GAP });
        });
        return;
    }
    const rowHeight = BODY_SIZE * 2.1;
    const labelWidth = BODY_SIZE * 6;
    const tableX = left + indent;
    const tableWidth = width - indent;
    doc.moveDown(0.4);
    if (doc.y + rowHeight * block.rows.length > pageBottom(doc))
        doc.addPage();
    const top = doc.y;
    doc.save().strokeColor(certificate_parts_1.MUTED_INK).lineWidth(0.6);
    block.rows.forEach(([label, value], i) => {
        const y = top + i * rowHeight;
        doc.rect(tableX, y, tableWidth, rowHeight).stroke();
        doc.moveTo(tableX + labelWidth, y).lineTo(tableX + labelWidth, y + rowHeight).stroke();
        doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(12);
        doc.text(label, tableX, y + (rowHeight - 12) / 2 - 1, { width: labelWidth, align: 'center', lineBreak: false });
        doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(12);
        doc.text(value, tableX + labelWidth + 10, y + (rowHeight - 12) / 2 - 1, { width: tableWidth - labelWidth - 20, lineBreak: false, ellipsis: true });
    });
    doc.restore();
    doc.x = left;
    doc.y = top + rowHeight * block.rows.length + BODY_SIZE * 0.6;
}
function drawSignature(doc, input, left, right) {
    const lineHeight = 24;
    const blockHeight = 2 * lineHeight;
    const noteHeight = 20;
    const needed = BODY_SIZE * 2.5 + blockHeight + certificate_parts_1.SEAL_RADIUS * 0.6 + noteHeight;
    if (doc.y + needed > pageBottom(doc))
        doc.addPage();
    const bottom = doc.y + BODY_SIZE * 2.5 + blockHeight;
    (0, certificate_parts_1.drawIssuerBlock)(doc, {
        right: right - BODY_SIZE * 2,
        bottom,
        authority: input.bureauName,
        date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
        bureauName: input.bureauName,
    });
    doc.fillColor(certificate_parts_1.MUTED_INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(10);
    doc.text(`（${(0, notice_wording_1.noticeCopiesNote)(input.kind)}）`, left, bottom + certificate_parts_1.SEAL_RADIUS * 0.6, { lineBreak: false });
}
function pageBottom(doc) {
    return doc.page.height - doc.page.margins.bottom;
}
function numberPages(doc) {
    const range = doc.bufferedPageRange();
    if (range.count < 2)
        return;
    for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const margins = doc.page.margins;
        doc.page.margins = { ...margins, bottom: 0 };
        doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(12);
        doc.text(`— ${i + 1} —`, 0, doc.page.height - 50, { width: doc.page.width, align: 'center', lineBreak: false });
        doc.page.margins = margins;
    }
}
