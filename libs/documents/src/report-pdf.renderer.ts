/// <reference types="pdfkit" />
import PDFDocument from 'pdfkit';
import { INK, MUTED_INK } from './certificate-parts';
import { CERTIFICATE_FONT, certificateFont, registerCertificateFonts } from './fonts';

/**
 * A chart as a list of shapes in its own coordinate space (y grows downwards, text placed by its
 * baseline). The reports library draws the same scene as server-rendered SVG for the page and,
 * here, into the PDF, so both show the same chart.
 */
export type ChartShape =
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width?: number; dash?: number }
  | { type: 'polyline'; points: Array<[number, number]>; stroke: string; width?: number }
  | { type: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { type: 'text'; x: number; y: number; text: string; size: number; fill?: string; anchor?: 'start' | 'middle' | 'end'; bold?: boolean };

export interface ChartScene {
  id: string;
  title: string;
  width: number;
  height: number;
  shapes: ChartShape[];
}

export interface ReportTableColumn {
  header: string;
  /** Share of the table's width (the widths are normalised). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type ReportSection =
  | { type: 'table'; title: string; columns: ReportTableColumn[]; rows: string[][]; totalRow?: boolean; note?: string }
  | { type: 'chart'; scene: ChartScene }
  | { type: 'paragraphs'; title: string; lines: string[] };

/** A report as the renderer lays it out: header, highlighted figures, then tables, charts and notes in order. */
export interface ReportPdfDocument {
  bureauName: string;
  title: string;
  subtitle: string;
  /** The line under the subtitle: when and from what the figures were computed. */
  generatedNote: string;
  highlights: Array<{ label: string; value: string }>;
  sections: ReportSection[];
  /** Stored in the PDF's info; a stored report renders with its generation time. */
  creationDate: Date;
}

export const REPORT_RED = '#c8161d';
const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const TABLE_FONT = 8.5;
const ROW_HEIGHT = 17;

/**
 * Renders a leadership report (月报告) as an A4 PDF: the bureau's name in red over a red rule, the
 * title, the highlighted figures, then each section — ruled tables, the charts drawn from the same
 * scenes as the SVG, notes — with page numbers. Construct once: it keeps the font bytes.
 */
export class ReportPdfRenderer {
  constructor() {
    certificateFont('regular');
    certificateFont('bold');
  }

  render(input: ReportPdfDocument): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      try {
        const doc = new PDFDocument({
          size: 'A4',
          margins: MARGIN,
          bufferPages: true,
          lang: 'zh-CN',
          displayTitle: true,
          info: {
            Title: `${input.title} ${input.subtitle}`,
            Author: input.bureauName,
            Creator: 'OneWindow',
            Producer: 'OneWindow',
            CreationDate: input.creationDate,
            ModDate: input.creationDate,
          },
        });
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        registerCertificateFonts(doc);
        drawHeader(doc, input);
        drawHighlights(doc, input.highlights);
        for (const section of input.sections) {
          if (section.type === 'table') drawTable(doc, section);
          else if (section.type === 'chart') drawChartSection(doc, section.scene);
          else drawParagraphs(doc, section.title, section.lines);
        }
        numberPages(doc);
        doc.end();
      } catch (error) {
        reject(error);
      }
    });
  }
}

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN.left - MARGIN.right;
const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN.bottom;

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > pageBottom(doc)) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function drawHeader(doc: PDFKit.PDFDocument, input: ReportPdfDocument): void {
  const left = MARGIN.left;
  const width = contentWidth(doc);
  doc.font(CERTIFICATE_FONT.bold).fontSize(20).fillColor(REPORT_RED);
  doc.text(input.bureauName, left, MARGIN.top - 8, { width, align: 'center', characterSpacing: 2, lineBreak: false });
  const ruleY = MARGIN.top + 24;
  doc.save().strokeColor(REPORT_RED).lineWidth(2).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();
  doc.lineWidth(0.5).moveTo(left, ruleY + 3).lineTo(left + width, ruleY + 3).stroke().restore();
  doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(18);
  doc.text(input.title, left, ruleY + 16, { width, align: 'center', lineBreak: false });
  doc.font(CERTIFICATE_FONT.regular).fontSize(11);
  doc.text(input.subtitle, left, ruleY + 44, { width, align: 'center' });
  doc.fillColor(MUTED_INK).fontSize(8.5);
  doc.text(input.generatedNote, left, doc.y + 2, { width, align: 'center' });
  doc.fillColor(INK);
  doc.y += 10;
}

function drawHighlights(doc: PDFKit.PDFDocument, highlights: ReportPdfDocument['highlights']): void {
  if (highlights.length === 0) return;
  const left = MARGIN.left;
  const width = contentWidth(doc);
  const gap = 6;
  const perRow = Math.min(highlights.length, 5);
  const boxWidth = (width - gap * (perRow - 1)) / perRow;
  const boxHeight = 44;
  for (let i = 0; i < highlights.length; i += perRow) {
    ensureSpace(doc, boxHeight + gap);
    const top = doc.y;
    highlights.slice(i, i + perRow).forEach((h, j) => {
      const x = left + j * (boxWidth + gap);
      doc.save().fillColor('#f6f1ec').rect(x, top, boxWidth, boxHeight).fill().restore();
      doc.save().strokeColor('#d9cfc4').lineWidth(0.5).rect(x, top, boxWidth, boxHeight).stroke().restore();
      doc.fillColor(REPORT_RED).font(CERTIFICATE_FONT.bold).fontSize(15);
      doc.text(h.value, x, top + 6, { width: boxWidth, align: 'center', lineBreak: false });
      // One line, shrunk to the box when a label is long.
      let size = 8;
      doc.font(CERTIFICATE_FONT.regular);
      while (size > 6 && doc.fontSize(size).widthOfString(h.label) > boxWidth - 6) size -= 0.25;
      doc.fillColor(MUTED_INK).fontSize(size);
      doc.text(h.label, x + (boxWidth - doc.widthOfString(h.label)) / 2, top + 29, { lineBreak: false });
    });
    doc.x = left;
    doc.y = top + boxHeight + gap;
  }
  doc.fillColor(INK);
  doc.y += 6;
}

function drawSectionTitle(doc: PDFKit.PDFDocument, title: string, keepWith: number): void {
  ensureSpace(doc, 26 + keepWith);
  doc.y += 6;
  const y = doc.y;
  doc.save().fillColor(REPORT_RED).rect(MARGIN.left, y + 2, 3, 12).fill().restore();
  doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(11.5);
  doc.text(title, MARGIN.left + 9, y, { width: contentWidth(doc) - 9, lineBreak: false });
  doc.x = MARGIN.left;
  doc.y = y + 20;
}

function drawTable(doc: PDFKit.PDFDocument, table: Extract<ReportSection, { type: 'table' }>): void {
  const left = MARGIN.left;
  const width = contentWidth(doc);
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerHeight = ROW_HEIGHT + 4;
  // A short table stays on one page; a long one keeps its header with at least three rows.
  drawSectionTitle(doc, table.title, headerHeight + ROW_HEIGHT * (table.rows.length <= 8 ? table.rows.length + 1 : 3));

  const drawHeaderRow = () => {
    const y = doc.y;
    doc.save().fillColor('#efe7df').rect(left, y, width, headerHeight).fill().restore();
    doc.fillColor(INK).font(CERTIFICATE_FONT.bold).fontSize(TABLE_FONT);
    table.columns.forEach((c, i) => {
      doc.text(c.header, xs[i] + 2, y + (headerHeight - TABLE_FONT) / 2 - 1, { width: widths[i] - 4, align: c.align === 'left' ? 'left' : 'center', lineBreak: false, ellipsis: true });
    });
    doc.y = y + headerHeight;
  };
  drawHeaderRow();
  table.rows.forEach((row, r) => {
    const cellTexts = row.map((cell) => cell ?? '');
    doc.font(CERTIFICATE_FONT.regular).fontSize(TABLE_FONT);
    const lineHeight = doc.heightOfString('国');
    const lines = Math.max(1, ...cellTexts.map((text, i) => Math.round(doc.heightOfString(text || '国', { width: widths[i] - 4 }) / lineHeight)));
    const height = Math.max(ROW_HEIGHT, lines * lineHeight + 6);
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      doc.y = MARGIN.top;
      drawHeaderRow();
    }
    const y = doc.y;
    const isTotal = table.totalRow && r === table.rows.length - 1;
    if (isTotal) doc.save().fillColor('#f8f4ef').rect(left, y, width, height).fill().restore();
    else if (r % 2 === 1) doc.save().fillColor('#fbfaf8').rect(left, y, width, height).fill().restore();
    doc.fillColor(INK).font(isTotal ? CERTIFICATE_FONT.bold : CERTIFICATE_FONT.regular).fontSize(TABLE_FONT);
    cellTexts.forEach((text, i) => {
      const align = table.columns[i].align ?? 'center';
      const textHeight = lines > 1 ? doc.heightOfString(text, { width: widths[i] - 4 }) : TABLE_FONT;
      doc.text(text, xs[i] + 2, y + (height - textHeight) / 2 - 1, { width: widths[i] - 4, align, lineBreak: lines > 1 });
    });
    doc.save().strokeColor('#d9cfc4').lineWidth(0.4).moveTo(left, y + height).lineTo(left + width, y + height).stroke().restore();
    doc.x = left;
    doc.y = y + height;
  });
  if (table.note) {
    doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(7.5);
    doc.text(table.note, left, doc.y + 3, { width });
    doc.fillColor(INK);
  }
  doc.x = left;
  doc.y += 8;
}

function drawChartSection(doc: PDFKit.PDFDocument, scene: ChartScene): void {
  const width = contentWidth(doc);
  const scale = Math.min(1, width / scene.width);
  const height = scene.height * scale;
  drawSectionTitle(doc, scene.title, height);
  const x = MARGIN.left + (width - scene.width * scale) / 2;
  const top = doc.y;
  drawChart(doc, scene, x, top, scale);
  doc.x = MARGIN.left;
  doc.y = top + height + 8;
}

/** Draws a chart scene at (x, y), scaled; exported so a spec can draw one alone. */
export function drawChart(doc: PDFKit.PDFDocument, scene: ChartScene, x: number, y: number, scale = 1): void {
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const shape of scene.shapes) {
    switch (shape.type) {
      case 'rect':
        if (shape.width > 0 && shape.height > 0) doc.rect(shape.x, shape.y, shape.width, shape.height).fill(shape.fill);
        break;
      case 'line':
        doc.save().lineWidth(shape.width ?? 1).strokeColor(shape.stroke);
        if (shape.dash) doc.dash(shape.dash, { space: shape.dash });
        doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).stroke();
        doc.restore();
        break;
      case 'polyline':
        if (shape.points.length < 2) break;
        doc.save().lineWidth(shape.width ?? 1.5).strokeColor(shape.stroke).lineJoin('round');
        doc.moveTo(shape.points[0][0], shape.points[0][1]);
        for (const [px, py] of shape.points.slice(1)) doc.lineTo(px, py);
        doc.stroke().restore();
        break;
      case 'circle':
        doc.circle(shape.cx, shape.cy, shape.r).fill(shape.fill);
        break;
      case 'text': {
        doc.font(shape.bold ? CERTIFICATE_FONT.bold : CERTIFICATE_FONT.regular).fontSize(shape.size).fillColor(shape.fill ?? INK);
        const textWidth = doc.widthOfString(shape.text);
        const left = shape.anchor === 'middle' ? shape.x - textWidth / 2 : shape.anchor === 'end' ? shape.x - textWidth : shape.x;
        doc.text(shape.text, left, shape.y, { lineBreak: false, baseline: 'alphabetic' });
        break;
      }
    }
  }
  doc.restore();
}

function drawParagraphs(doc: PDFKit.PDFDocument, title: string, lines: string[]): void {
  drawSectionTitle(doc, title, 30);
  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(9);
  for (const line of lines) {
    ensureSpace(doc, 14);
    doc.text(line, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 3 });
    doc.y += 2;
  }
  doc.y += 6;
}

/** — 1 — page numbers, centred in the bottom margin. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.fillColor(MUTED_INK).font(CERTIFICATE_FONT.regular).fontSize(9);
    doc.text(`— ${i + 1} / ${range.count} —`, 0, doc.page.height - 34, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
}
