/// <reference types="pdfkit" />
import PDFDocument from 'pdfkit';
import { drawIssuerBlock, INK, MUTED_INK, SEAL_RADIUS } from './certificate-parts';
import { formatChineseDate } from './chinese-format';
import { CERTIFICATE_FONT, certificateFont, registerCertificateFonts } from './fonts';
import { NOTICE_TITLES, NoticeDocument } from './notice-document';
import { NoticeBlock, noticeBlocks, noticeCopiesNote } from './notice-wording';

export const NOTICE_RED = '#c8161d';

// GB/T 9704 proportions: 37 mm top, 28 mm left, 26 mm right; body a little under 三号.
const MARGIN = { top: 105, bottom: 78, left: 79, right: 74 };
const BODY_SIZE = 14;
const BODY_LINE_GAP = 9;

/**
 * Renders the bureau's notices and decisions (收件凭证 … 不予行政许可决定书) as A4 PDFs in the
 * form of an official document: the bureau's name in red over a red rule, the title, the document
 * number, the applicant addressed, the body, and the bureau's name and date under its seal. Usually
 * one page; a long correction list runs onto more, numbered. Construct once: it keeps the font bytes.
 */
export class NoticePdfRenderer {
  constructor() {
    certificateFont('regular');
    certificateFont('bold');
  }

  render(input: NoticeDocument): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      try {
        const blocks = noticeBlocks(input);
        const title = NOTICE_TITLES[input.kind];
        const date = input.creationDate ?? new Date();
        const doc = new PDFDocument({
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
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        registerCertificateFonts(doc);

        drawNotice(doc, input, title, blocks);
        numberPages(doc);
        doc.end();
      } catch (error) {
        reject(error);
      }
    });
  }
}

function drawNotice(doc: PDFKit.PDFDocument, input: NoticeDocument, title: string, blocks: NoticeBlock[]): void {
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const right = left + width;

  // 红头: the bureau's name in red, fitted to the text width, over a thick and a thin red rule.
  let size = 26;
  doc.font(CERTIFICATE_FONT.bold).fontSize(size);
  const spacing = 4;
  while (size > 14 && doc.fontSize(size).widthOfString(input.bureauName, { characterSpacing: spacing }) > width) size -= 0.5;
  const headerWidth = doc.widthOfString(input.bureauName, { characterSpacing: spacing });
  doc.fillColor(NOTICE_RED).text(input.bureauName, left + (width - headerWidth) / 2, 62, { lineBreak: false, characterSpacing: spacing });
  const ruleY = 62 + size * 1.45 + 6;
  doc.save().strokeColor(NOTICE_RED).lineWidth(2.2).moveTo(left, ruleY).lineTo(right, ruleY).stroke();
  doc.lineWidth(0.6).moveTo(left, ruleY + 3.5).lineTo(right, ruleY + 3.5).stroke().restore();

  doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(22);
  const titleSpacing = [...title].length <= 5 ? 6 : 2;
  const titleWidth = doc.widthOfString(title, { characterSpacing: titleSpacing });
  doc.text(title, left + (width - titleWidth) / 2, ruleY + 26, { lineBreak: false, characterSpacing: titleSpacing });
  doc.font(CERTIFICATE_FONT.regular).fontSize(13);
  doc.text(input.number, left, ruleY + 66, { width, align: 'right', lineBreak: false });

  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(BODY_SIZE);
  doc.text(`${input.applicantName}：`, left, ruleY + 100, { width, lineGap: BODY_LINE_GAP });
  doc.moveDown(0.2);

  for (const block of blocks) drawBlock(doc, block, left, width);

  drawSignature(doc, input, left, right);
}

function drawBlock(doc: PDFKit.PDFDocument, block: NoticeBlock, left: number, width: number): void {
  const indent = BODY_SIZE * 2;
  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(BODY_SIZE);
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
      // An item starts on a new page rather than leaving its number behind.
      if (doc.y + Math.min(height, BODY_SIZE * 3) > pageBottom(doc)) doc.addPage();
      const y = doc.y;
      doc.text(`${i + 1}.`, left + indent, y, { lineBreak: false });
      doc.text(text, textX, y, { width: left + width - textX, lineGap: BODY_LINE_GAP });
    });
    return;
  }
  // A small ruled table of the facts a receipt records.
  const rowHeight = BODY_SIZE * 2.1;
  const labelWidth = BODY_SIZE * 6;
  const tableX = left + indent;
  const tableWidth = width - indent;
  doc.moveDown(0.4);
  if (doc.y + rowHeight * block.rows.length > pageBottom(doc)) doc.addPage();
  const top = doc.y;
  doc.save().strokeColor(MUTED_INK).lineWidth(0.6);
  block.rows.forEach(([label, value], i) => {
    const y = top + i * rowHeight;
    doc.rect(tableX, y, tableWidth, rowHeight).stroke();
    doc.moveTo(tableX + labelWidth, y).lineTo(tableX + labelWidth, y + rowHeight).stroke();
    doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(12);
    doc.text(label, tableX, y + (rowHeight - 12) / 2 - 1, { width: labelWidth, align: 'center', lineBreak: false });
    doc.font(CERTIFICATE_FONT.regular).fontSize(12);
    doc.text(value, tableX + labelWidth + 10, y + (rowHeight - 12) / 2 - 1, { width: tableWidth - labelWidth - 20, lineBreak: false, ellipsis: true });
  });
  doc.restore();
  doc.x = left;
  doc.y = top + rowHeight * block.rows.length + BODY_SIZE * 0.6;
}

/** The bureau's name and the date, flush right two lines under the body, with the seal over them; then who keeps the copies. */
function drawSignature(doc: PDFKit.PDFDocument, input: NoticeDocument, left: number, right: number): void {
  const lineHeight = 24;
  const blockHeight = 2 * lineHeight;
  const noteHeight = 20;
  // The seal reaches about half a radius below the date line.
  const needed = BODY_SIZE * 2.5 + blockHeight + SEAL_RADIUS * 0.6 + noteHeight;
  if (doc.y + needed > pageBottom(doc)) doc.addPage();
  const bottom = doc.y + BODY_SIZE * 2.5 + blockHeight;
  drawIssuerBlock(doc, {
    right: right - BODY_SIZE * 2,
    bottom,
    authority: input.bureauName,
    date: formatChineseDate(input.issuedOn),
    bureauName: input.bureauName,
  });
  doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(10);
  doc.text(`（${noticeCopiesNote(input.kind)}）`, left, bottom + SEAL_RADIUS * 0.6, { lineBreak: false });
}

function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** 公文 page numbers (— 1 —), only when the notice runs to more than one page. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(12);
    doc.text(`— ${i + 1} —`, 0, doc.page.height - 50, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
}
