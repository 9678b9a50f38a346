/// <reference types="pdfkit" />
import { create as createQrCode } from 'qrcode';
import { CERTIFICATE_FONT } from './fonts';
import { LicenseField } from './license-document';
import { drawSeal } from './seal';

export type Box = { x: number; y: number; width: number; height: number };

export const INK = '#1a1a1a';
export const MUTED_INK = '#555555';
export const FRAME_RED = '#a8272b';

/** A 42 mm seal, the size used by county-level government bodies. */
export const SEAL_RADIUS = 59.5;

const IDEOGRAPH = /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+$/u;

/** How a certificate's border is drawn: the 回 band of the business licence, an interlaced wave, or a plain double rule. */
export type CertificateFrameStyle = { color?: string; pattern?: 'fret' | 'wave' | 'plain' };

/**
 * The certificate frame: a thick outer rule, a band of motifs (回 square spirals or an
 * interlaced wave) and a thin inner rule; 'plain' keeps the two rules only. Returns the box
 * inside the frame.
 */
export function drawCertificateFrame(doc: PDFKit.PDFDocument, page: { width: number; height: number }, style: CertificateFrameStyle = {}): Box {
  const color = style.color ?? FRAME_RED;
  const pattern = style.pattern ?? 'fret';
  const outer = 24;
  doc.save();
  doc.strokeColor(color).fillColor(color);
  doc.lineWidth(2.6).rect(outer, outer, page.width - 2 * outer, page.height - 2 * outer).stroke();
  if (pattern === 'plain') {
    const inner = outer + 5;
    doc.lineWidth(0.8).rect(inner, inner, page.width - 2 * inner, page.height - 2 * inner).stroke();
    doc.restore();
    return { x: inner, y: inner, width: page.width - 2 * inner, height: page.height - 2 * inner };
  }
  const band = 13;
  const bandOuter = outer + 4;
  doc.lineWidth(0.7).rect(bandOuter, bandOuter, page.width - 2 * bandOuter, page.height - 2 * bandOuter).stroke();
  const bandInner = bandOuter + band;
  doc.lineWidth(0.7).rect(bandInner, bandInner, page.width - 2 * bandInner, page.height - 2 * bandInner).stroke();
  const inner = bandInner + 4;
  doc.lineWidth(1.6).rect(inner, inner, page.width - 2 * inner, page.height - 2 * inner).stroke();

  const bandBox = { x: bandOuter, y: bandOuter, width: page.width - 2 * bandOuter, height: page.height - 2 * bandOuter };
  if (pattern === 'wave') drawWaveBand(doc, bandBox, band);
  else drawFretBand(doc, bandBox, band);
  doc.restore();
  return { x: inner, y: inner, width: page.width - 2 * inner, height: page.height - 2 * inner };
}

// Two sine-like strokes in opposite phase along each side (a simple guilloche chain), with a
// diamond in each corner.
function drawWaveBand(doc: PDFKit.PDFDocument, box: Box, band: number): void {
  const corners = [
    [box.x, box.y],
    [box.x + box.width - band, box.y],
    [box.x, box.y + box.height - band],
    [box.x + box.width - band, box.y + box.height - band],
  ];
  for (const [cx, cy] of corners) {
    const mx = cx + band / 2;
    const my = cy + band / 2;
    const d = band / 2 - 2;
    doc.polygon([mx, my - d], [mx + d, my], [mx, my + d], [mx - d, my]).fill();
  }
  const amplitude = band * 0.3;
  const sides: { from: number; to: number; at: number; horizontal: boolean }[] = [
    { from: box.x + band, to: box.x + box.width - band, at: box.y + band / 2, horizontal: true },
    { from: box.x + band, to: box.x + box.width - band, at: box.y + box.height - band / 2, horizontal: true },
    { from: box.y + band, to: box.y + box.height - band, at: box.x + band / 2, horizontal: false },
    { from: box.y + band, to: box.y + box.height - band, at: box.x + box.width - band / 2, horizontal: false },
  ];
  doc.lineWidth(0.6);
  for (const side of sides) {
    const halves = Math.max(2, 2 * Math.round((side.to - side.from) / band));
    const step = (side.to - side.from) / halves;
    for (const phase of [1, -1]) {
      const point = (along: number, across: number): [number, number] => (side.horizontal ? [along, side.at + across] : [side.at + across, along]);
      doc.moveTo(...point(side.from, 0));
      for (let i = 0; i < halves; i++) {
        const sign = (i % 2 === 0 ? 1 : -1) * phase;
        const a = side.from + i * step;
        doc.quadraticCurveTo(...point(a + step / 2, 2 * amplitude * sign), ...point(a + step, 0));
      }
      doc.stroke();
    }
  }
}

function drawFretBand(doc: PDFKit.PDFDocument, box: Box, band: number): void {
  const tile = band;
  // Corner blocks: a square with a filled centre.
  const corners = [
    [box.x, box.y],
    [box.x + box.width - band, box.y],
    [box.x, box.y + box.height - band],
    [box.x + box.width - band, box.y + box.height - band],
  ];
  doc.lineWidth(0.8);
  for (const [cx, cy] of corners) {
    doc.rect(cx + 2.5, cy + 2.5, band - 5, band - 5).stroke();
    doc.rect(cx + band / 2 - 1.6, cy + band / 2 - 1.6, 3.2, 3.2).fill();
  }
  const horizontal = box.width - 2 * band;
  const vertical = box.height - 2 * band;
  const across = Math.max(1, Math.round(horizontal / tile));
  const down = Math.max(1, Math.round(vertical / tile));
  const stepX = horizontal / across;
  const stepY = vertical / down;
  doc.lineWidth(0.75);
  for (let i = 0; i < across; i++) {
    const x = box.x + band + i * stepX;
    fretMotif(doc, x, box.y, stepX, band);
    fretMotif(doc, x, box.y + box.height - band, stepX, band);
  }
  for (let i = 0; i < down; i++) {
    const y = box.y + band + i * stepY;
    fretMotif(doc, box.x, y, band, stepY);
    fretMotif(doc, box.x + box.width - band, y, band, stepY);
  }
}

// One 回 motif: an open square spiral drawn in a single stroke within its cell.
function fretMotif(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number): void {
  const px = (u: number) => x + w * u;
  const py = (v: number) => y + h * v;
  doc
    .moveTo(px(0.15), py(0.85))
    .lineTo(px(0.15), py(0.15))
    .lineTo(px(0.85), py(0.15))
    .lineTo(px(0.85), py(0.85))
    .lineTo(px(0.38), py(0.85))
    .lineTo(px(0.38), py(0.38))
    .lineTo(px(0.62), py(0.38))
    .lineTo(px(0.62), py(0.62))
    .stroke();
}

/** Width a QR code is drawn at: modules of about 0.95 pt (0.33 mm) so a phone can read it from paper. */
export function qrCodeSize(text: string): number {
  const modules = createQrCode(text, { errorCorrectionLevel: 'M' }).modules.size;
  return Math.min(120, Math.max(80, modules * 0.95));
}

/** Draws a QR code (error correction M) as vector squares inside a white quiet zone. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const m = size / count;
  doc.save();
  doc.rect(x - 4 * m, y - 4 * m, size + 8 * m, size + 8 * m).fill('#ffffff');
  // One path of horizontal runs, filled once: no hairline seams between modules when rasterised.
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      doc.rect(x + start * m, y + row * m, (col - start) * m, m);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** The QR code with its caption centred underneath; returns the bottom of the caption. */
export function drawQrBlock(doc: PDFKit.PDFDocument, url: string, right: number, top: number): { box: Box; bottom: number } {
  const size = qrCodeSize(url);
  const x = right - size;
  drawQrCode(doc, url, x, top, size);
  let y = top + size + 5;
  doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(9);
  doc.text('扫码验证', x, y, { width: size, align: 'center', lineBreak: false, characterSpacing: 1.5 });
  y += 12;
  doc.fillColor(MUTED_INK).fontSize(6.5);
  doc.text('Scan to verify', x, y, { width: size, align: 'center', lineBreak: false });
  return { box: { x, y: top, width: size, height: size }, bottom: y + 9 };
}

/** Draws a short label spread evenly across `width` (名　　称 / 法定代表人), as on printed certificates. */
export function drawSpreadLabel(doc: PDFKit.PDFDocument, label: string, x: number, y: number, width: number): void {
  const chars = [...label];
  const natural = doc.widthOfString(label);
  if (chars.length < 2 || !IDEOGRAPH.test(label) || natural > width) {
    doc.text(label, x, y, { width, lineBreak: natural > width });
    return;
  }
  const charWidth = natural / chars.length;
  const spacing = (width - natural) / (chars.length - 1);
  chars.forEach((ch, i) => doc.text(ch, x + i * (charWidth + spacing), y, { lineBreak: false }));
}

export type FieldRowsStyle = {
  /** Font sizes to try, largest first. */
  fontSizes?: number[];
  /** Spread ideographic labels across the label column. */
  spreadLabels?: boolean;
  /** Draw a hairline under each row (tabular certificates). */
  ruled?: boolean;
  /** The label column's width in ems of the label size; by default the longest label's, up to 7. */
  labelEms?: number;
  /** The largest gap between rows, in ems of the label size (1.5 by default). */
  maxGapEms?: number;
  /** Colour of the labels (the ink by default). */
  labelColor?: string;
};

type RowPlan = {
  labelSize: number;
  valueSizes: number[];
  heights: number[];
  labelWidth: number;
  valueX: number;
  valueWidth: number;
  rowGap: number;
  total: number;
};

/**
 * Label–value rows filling `box` from the top; values wrap within their column. When the rows
 * do not fit, the longest values (a long 经营范围) are set smaller first, then the whole table,
 * so nothing runs into what is below. Returns the y just below the last row.
 */
export function drawFieldRows(doc: PDFKit.PDFDocument, fields: LicenseField[], box: Box, style: FieldRowsStyle = {}): number {
  if (fields.length === 0) return box.y;
  const plan = planRows(doc, fields, box, style.fontSizes ?? [14, 13, 12, 11, 10, 9, 8, 7], style.labelEms);
  const slack = box.height - plan.total;
  const maxGap = plan.labelSize * (style.maxGapEms ?? 1.5);
  const gap = plan.rowGap + (fields.length > 1 ? Math.min(maxGap - plan.rowGap, Math.max(0, slack / (fields.length - 1))) : 0);

  let y = box.y;
  fields.forEach((field, i) => {
    const size = plan.valueSizes[i];
    doc.fillColor(style.labelColor ?? INK).font(CERTIFICATE_FONT.bold).fontSize(plan.labelSize);
    if (style.spreadLabels) drawSpreadLabel(doc, field.label, box.x, y, plan.labelWidth);
    else doc.text(field.label, box.x, y, { width: plan.labelWidth, lineGap: plan.labelSize * 0.5 });
    doc.fillColor(INK).font(CERTIFICATE_FONT.regular).fontSize(size);
    // A smaller value keeps its first line on the label's baseline.
    const baselineShift = (plan.labelSize - size) * 0.88;
    doc.text(field.value, plan.valueX, y + baselineShift, { width: plan.valueWidth, lineGap: size * 0.5 });
    y += plan.heights[i];
    if (style.ruled) {
      doc.save().lineWidth(0.4).strokeColor('#b9b9b9');
      doc.moveTo(box.x, y + gap / 2).lineTo(box.x + box.width, y + gap / 2).stroke();
      doc.restore();
    }
    if (i < fields.length - 1) y += gap;
  });
  return y;
}

function planRows(doc: PDFKit.PDFDocument, fields: LicenseField[], box: Box, sizes: number[], labelEms?: number): RowPlan {
  let plan: RowPlan | undefined;
  for (let base = 0; base < sizes.length; base++) {
    const labelSize = sizes[base];
    doc.font(CERTIFICATE_FONT.bold).fontSize(labelSize);
    const longestLabel = Math.max(...fields.map((f) => doc.widthOfString(f.label)));
    const labelWidth = labelEms ? labelSize * labelEms : Math.min(longestLabel, labelSize * 7, box.width * 0.3);
    const valueX = box.x + labelWidth + labelSize * 1.6;
    const valueWidth = box.x + box.width - valueX;
    const rowGap = labelSize * 0.6;
    const labelHeights = fields.map((f) => doc.heightOfString(f.label, { width: labelWidth, lineGap: labelSize * 0.5 }));
    const valueHeight = (value: string, size: number) => {
      doc.font(CERTIFICATE_FONT.regular).fontSize(size);
      return doc.heightOfString(value || ' ', { width: valueWidth, lineGap: size * 0.5 }) + (labelSize - size) * 0.88;
    };
    const sizeIndex = fields.map(() => base);
    const heights = fields.map((f, i) => Math.max(labelHeights[i], valueHeight(f.value, labelSize)));
    const totalOf = () => heights.reduce((a, b) => a + b, 0) + rowGap * (fields.length - 1);
    // Set the tallest values up to three sizes smaller than the table before shrinking the whole table.
    const smallest = Math.min(sizes.length - 1, base + 3);
    for (;;) {
      if (totalOf() <= box.height) break;
      let tallest = -1;
      fields.forEach((_, i) => {
        if (sizeIndex[i] < smallest && heights[i] > labelHeights[i] && (tallest < 0 || heights[i] > heights[tallest])) tallest = i;
      });
      if (tallest < 0) break;
      sizeIndex[tallest]++;
      heights[tallest] = Math.max(labelHeights[tallest], valueHeight(fields[tallest].value, sizes[sizeIndex[tallest]]));
    }
    plan = {
      labelSize,
      valueSizes: sizeIndex.map((i) => sizes[i]),
      heights,
      labelWidth,
      valueX,
      valueWidth,
      rowGap,
      total: totalOf(),
    };
    if (plan.total <= box.height) return plan;
  }
  return plan!;
}

const ISSUER_LINE_HEIGHT = 24;

function issuerGeometry(bottom: number, lineCount: number) {
  const top = bottom - lineCount * ISSUER_LINE_HEIGHT;
  const sealCenterY = top + (lineCount * ISSUER_LINE_HEIGHT) / 2 - 4;
  return { top, sealCenterY, sealTop: sealCenterY - SEAL_RADIUS };
}

/** How far above `bottom` the issuer block (with its seal) reaches; layouts keep other content above it. */
export function issuerBlockHeight(options: { label?: string }): number {
  return -issuerGeometry(0, options.label ? 3 : 2).sealTop;
}

/** How wide the issuer block is (the seal or the longest line); layouts keep other content to its left. */
export function issuerBlockWidth(doc: PDFKit.PDFDocument, options: { authority: string; label?: string }): number {
  const maxWidth = SEAL_RADIUS * 2 + 90;
  doc.font(CERTIFICATE_FONT.regular).fontSize(13);
  const authority = Math.min(maxWidth, doc.widthOfString(options.authority));
  doc.font(CERTIFICATE_FONT.bold).fontSize(14);
  const label = options.label ? Math.min(maxWidth, doc.widthOfString(options.label, { characterSpacing: 4 })) : 0;
  return Math.max(SEAL_RADIUS * 2, authority, label);
}

/**
 * The issuing authority and the date, centred above `bottom` and flush with `right`, with
 * the seal stamped over them. `label` (登记机关) goes on its own line above the authority when given.
 */
export function drawIssuerBlock(
  doc: PDFKit.PDFDocument,
  options: { right: number; bottom: number; authority: string; date: string; bureauName: string; label?: string },
): void {
  const { right, bottom } = options;
  const maxWidth = SEAL_RADIUS * 2 + 90;
  const lines: { text: string; font: string; size: number; spacing: number }[] = [];
  if (options.label) lines.push({ text: options.label, font: CERTIFICATE_FONT.bold, size: 14, spacing: 4 });
  lines.push({ text: options.authority, font: CERTIFICATE_FONT.regular, size: 13, spacing: 0 });
  lines.push({ text: options.date, font: CERTIFICATE_FONT.regular, size: 13, spacing: 0.5 });
  const { top, sealCenterY } = issuerGeometry(bottom, lines.length);
  const widths = lines.map((line) => {
    doc.font(line.font).fontSize(line.size);
    return Math.min(maxWidth, doc.widthOfString(line.text, { characterSpacing: line.spacing }));
  });
  const centerX = right - Math.max(SEAL_RADIUS, ...widths.map((w) => w / 2));
  lines.forEach((line, i) => {
    doc.fillColor(INK).font(line.font).fontSize(line.size);
    const natural = doc.widthOfString(line.text, { characterSpacing: line.spacing });
    // A very long authority name is set smaller rather than run under the frame.
    if (natural > maxWidth) doc.fontSize((line.size * maxWidth) / natural);
    const width = doc.widthOfString(line.text, { characterSpacing: line.spacing });
    doc.text(line.text, centerX - width / 2, top + i * ISSUER_LINE_HEIGHT, { lineBreak: false, characterSpacing: line.spacing });
  });
  drawSeal(doc, { centerX, centerY: sealCenterY, radius: SEAL_RADIUS, bureauName: options.bureauName });
}

/** A title spread with wide letter spacing, centred on `centerX` and kept within `maxWidth`. Returns its bottom. */
export function drawCentredTitle(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { centerX: number; y: number; fontSize: number; spacing: number; maxWidth?: number; font?: string; color?: string },
): number {
  const maxWidth = options.maxWidth ?? Infinity;
  let spacing = options.spacing;
  doc.fillColor(options.color ?? INK).font(options.font ?? CERTIFICATE_FONT.bold).fontSize(options.fontSize);
  if (doc.widthOfString(text, { characterSpacing: spacing }) > maxWidth) {
    spacing = Math.min(spacing, options.fontSize * 0.08);
    const width = doc.widthOfString(text, { characterSpacing: spacing });
    if (width > maxWidth) doc.fontSize((options.fontSize * maxWidth) / width);
  }
  const width = doc.widthOfString(text, { characterSpacing: spacing });
  doc.text(text, options.centerX - width / 2, options.y, { lineBreak: false, characterSpacing: spacing });
  return options.y + doc.currentLineHeight();
}
