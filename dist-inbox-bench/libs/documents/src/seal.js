"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEAL_RED = void 0;
exports.drawSeal = drawSeal;
const fonts_1 = require("./fonts");
exports.SEAL_RED = '#d0021b';
const DEG = Math.PI / 180;
const IDEOGRAPH_ASCENT = 0.88;
const IDEOGRAPH_DESCENT = 0.12;
function drawSeal(doc, options) {
    const { centerX: cx, centerY: cy, radius: r, bureauName } = options;
    const title = options.title ?? '行政审批专用章';
    const color = options.color ?? exports.SEAL_RED;
    const opacity = options.opacity ?? 0.82;
    if (!options.font)
        (0, fonts_1.registerCertificateFonts)(doc);
    const font = options.font ?? fonts_1.CERTIFICATE_FONT.bold;
    doc.save();
    doc.fillColor(color, opacity).strokeColor(color, opacity);
    const ring = r * 0.065;
    doc.lineWidth(ring).circle(cx, cy, r - ring / 2).stroke();
    drawArcText(doc, [...bureauName], { cx, cy, outerRadius: r - ring - r * 0.06, font, radius: r });
    drawStar(doc, cx, cy - r * 0.02, r * 0.3);
    drawTitle(doc, title, { cx, bottom: cy + r * 0.68, maxWidth: r * 1.1, fontSize: r * 0.2, font });
    doc.restore();
}
function drawArcText(doc, chars, geometry) {
    if (chars.length === 0)
        return;
    const { cx, cy, outerRadius, radius, font } = geometry;
    const fontSize = radius * 0.25;
    const centreRadius = outerRadius - fontSize / 2;
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
function drawStar(doc, cx, cy, outer) {
    const inner = outer * 0.382;
    const points = [];
    for (let i = 0; i < 10; i++) {
        const a = i * 36 * DEG;
        const rr = i % 2 === 0 ? outer : inner;
        points.push([cx + rr * Math.sin(a), cy - rr * Math.cos(a)]);
    }
    doc.polygon(...points).fill();
}
function drawTitle(doc, title, layout) {
    if (!title)
        return;
    const glyphs = new GlyphPainter(doc, layout.font, layout.fontSize);
    const width = glyphs.widthOf(title);
    doc.save();
    doc.translate(layout.cx, layout.bottom).scale(Math.min(1, layout.maxWidth / width), 1);
    glyphs.paint(title, -width / 2, -layout.fontSize * IDEOGRAPH_DESCENT);
    doc.restore();
}
class GlyphPainter {
    doc;
    fontSize;
    outlines;
    constructor(doc, font, fontSize) {
        this.doc = doc;
        this.fontSize = fontSize;
        doc.font(font).fontSize(fontSize);
        const current = doc._font;
        this.outlines =
            current && typeof current.layout === 'function' && typeof current.font?.unitsPerEm === 'number'
                ? current
                : null;
    }
    widthOf(text) {
        return this.doc.widthOfString(text);
    }
    paint(text, x, baseline) {
        if (!this.outlines) {
            this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
            return;
        }
        const scale = this.fontSize / this.outlines.font.unitsPerEm;
        let pen = x;
        const px = (fx) => pen + fx * scale;
        const py = (fy) => baseline - fy * scale;
        for (const glyph of this.outlines.layout(text).glyphs) {
            for (const { command, args: a } of glyph.path.commands) {
                if (command === 'moveTo')
                    this.doc.moveTo(px(a[0]), py(a[1]));
                else if (command === 'lineTo')
                    this.doc.lineTo(px(a[0]), py(a[1]));
                else if (command === 'quadraticCurveTo')
                    this.doc.quadraticCurveTo(px(a[0]), py(a[1]), px(a[2]), py(a[3]));
                else if (command === 'bezierCurveTo') {
                    this.doc.bezierCurveTo(px(a[0]), py(a[1]), px(a[2]), py(a[3]), px(a[4]), py(a[5]));
                }
                else if (command === 'closePath')
                    this.doc.closePath();
            }
            pen += glyph.advanceWidth * scale;
        }
        this.doc.fill();
    }
}
