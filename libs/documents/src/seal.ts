/// <reference types="pdfkit" />
import { CERTIFICATE_FONT, registerCertificateFonts } from './fonts';

export const SEAL_RED = '#d0021b';

export interface SealOptions {
  centerX: number;
  centerY: number;
  /** Outer radius in points; a 42 mm government seal is about 59.5 pt. */
  radius: number;
  /** Drawn along the upper arc, clockwise from the left. */
  bureauName: string;
  /** Drawn in a straight line beneath the star. */
  title?: string;
  color?: string;
  /** Below 1 so that text under the seal stays legible, as with real ink. */
  opacity?: number;
  /** A registered font name; defaults to the bold certificate font. */
  font?: string;
}

const DEG = Math.PI / 180;
// CJK ideographs sit on a 1 em box whose top is 0.88 em above the alphabetic baseline.
const IDEOGRAPH_ASCENT = 0.88;
const IDEOGRAPH_DESCENT = 0.12;

/**
 * Draws an official round seal (公章) as vector graphics: a thick ring, the bureau's name
 * in an arc, a five-pointed star and the seal's title. No image of any real seal is used.
 * Leaves the document's current font and size changed; callers set their own afterwards.
 */
export function drawSeal(doc: PDFKit.PDFDocument, options: SealOptions): void {
  const { centerX: cx, centerY: cy, radius: r, bureauName } = options;
  const title = options.title ?? '行政审批专用章';
  const color = options.color ?? SEAL_RED;
  const opacity = options.opacity ?? 0.82;
  if (!options.font) registerCertificateFonts(doc);
  const font = options.font ?? CERTIFICATE_FONT.bold;

  doc.save();
  doc.fillColor(color, opacity).strokeColor(color, opacity);

  const ring = r * 0.065;
  doc.lineWidth(ring).circle(cx, cy, r - ring / 2).stroke();

  drawArcText(doc, [...bureauName], { cx, cy, outerRadius: r - ring - r * 0.06, font, radius: r });
  drawStar(doc, cx, cy - r * 0.02, r * 0.3);
  drawTitle(doc, title, { cx, bottom: cy + r * 0.68, maxWidth: r * 1.1, fontSize: r * 0.2, font });

  doc.restore();
}

function drawArcText(
  doc: PDFKit.PDFDocument,
  chars: string[],
  geometry: { cx: number; cy: number; outerRadius: number; radius: number; font: string },
): void {
  if (chars.length === 0) return;
  const { cx, cy, outerRadius, radius, font } = geometry;
  const fontSize = radius * 0.25;
  const centreRadius = outerRadius - fontSize / 2;
  // Seal characters are narrow: about three quarters as wide as they are tall.
  const naturalWidth = fontSize * 0.78;
  const naturalStep = (naturalWidth + fontSize * 0.1) / centreRadius;
  const maxSpan = 250 * DEG;
  const step = chars.length > 1 ? Math.min(naturalStep, maxSpan / (chars.length - 1)) : 0;
  const glyphWidth = Math.min(naturalWidth, step > 0 ? step * centreRadius * 0.9 : naturalWidth);
  const start = (-step * (chars.length - 1)) / 2;

  const glyphs = new GlyphPainter(doc, font, fontSize);
  chars.forEach((ch, i) => {
    const angle = start + i * step;
    const x = cx + outerRadius * Math.sin(angle);
    const y = cy - outerRadius * Math.cos(angle);
    const advance = glyphs.widthOf(ch) || fontSize;
    doc.save();
    doc.translate(x, y).rotate(angle / DEG).scale(glyphWidth / advance, 1);
    glyphs.paint(ch, -advance / 2, fontSize * IDEOGRAPH_ASCENT);
    doc.restore();
  });
}

function drawStar(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: number[][] = [];
  for (let i = 0; i < 10; i++) {
    const a = i * 36 * DEG;
    const rr = i % 2 === 0 ? outer : inner;
    points.push([cx + rr * Math.sin(a), cy - rr * Math.cos(a)]);
  }
  doc.polygon(...points).fill();
}

function drawTitle(
  doc: PDFKit.PDFDocument,
  title: string,
  layout: { cx: number; bottom: number; maxWidth: number; fontSize: number; font: string },
): void {
  if (!title) return;
  const glyphs = new GlyphPainter(doc, layout.font, layout.fontSize);
  const width = glyphs.widthOf(title);
  doc.save();
  doc.translate(layout.cx, layout.bottom).scale(Math.min(1, layout.maxWidth / width), 1);
  glyphs.paint(title, -width / 2, -layout.fontSize * IDEOGRAPH_DESCENT);
  doc.restore();
}

type OutlineCommand = { command: string; args: number[] };
type OutlineGlyph = { advanceWidth: number; path: { commands: OutlineCommand[] } };
type OutlineFont = { font: { unitsPerEm: number }; layout(text: string): { glyphs: OutlineGlyph[] } };

/**
 * Paints characters as filled glyph outlines rather than text, so the seal is pure vector
 * artwork: text extraction and copy-paste see the document's words, not the seal's.
 * Falls back to ordinary text if pdfkit's font object ever stops exposing outlines.
 */
class GlyphPainter {
  private readonly outlines: OutlineFont | null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    font: string,
    private readonly fontSize: number,
  ) {
    doc.font(font).fontSize(fontSize);
    const current = (doc as unknown as { _font?: Partial<OutlineFont> })._font;
    this.outlines =
      current && typeof current.layout === 'function' && typeof current.font?.unitsPerEm === 'number'
        ? (current as OutlineFont)
        : null;
  }

  widthOf(text: string): number {
    return this.doc.widthOfString(text);
  }

  /** Paints `text` with its baseline at `baseline`, starting at `x`. */
  paint(text: string, x: number, baseline: number): void {
    if (!this.outlines) {
      this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
    const scale = this.fontSize / this.outlines.font.unitsPerEm;
    let pen = x;
    const px = (fx: number) => pen + fx * scale;
    const py = (fy: number) => baseline - fy * scale;
    for (const glyph of this.outlines.layout(text).glyphs) {
      for (const { command, args: a } of glyph.path.commands) {
        if (command === 'moveTo') this.doc.moveTo(px(a[0]), py(a[1]));
        else if (command === 'lineTo') this.doc.lineTo(px(a[0]), py(a[1]));
        else if (command === 'quadraticCurveTo') this.doc.quadraticCurveTo(px(a[0]), py(a[1]), px(a[2]), py(a[3]));
        else if (command === 'bezierCurveTo') {
          this.doc.bezierCurveTo(px(a[0]), py(a[1]), px(a[2]), py(a[3]), px(a[4]), py(a[5]));
        } else if (command === 'closePath') this.doc.closePath();
      }
      pen += glyph.advanceWidth * scale;
    }
    this.doc.fill();
  }
}
