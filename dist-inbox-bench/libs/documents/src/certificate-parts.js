"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEAL_RADIUS = exports.FRAME_RED = exports.MUTED_INK = exports.INK = void 0;
exports.drawCertificateFrame = drawCertificateFrame;
exports.qrCodeSize = qrCodeSize;
exports.drawQrCode = drawQrCode;
exports.drawQrBlock = drawQrBlock;
exports.drawSpreadLabel = drawSpreadLabel;
exports.drawFieldRows = drawFieldRows;
exports.issuerBlockHeight = issuerBlockHeight;
exports.issuerBlockWidth = issuerBlockWidth;
exports.drawIssuerBlock = drawIssuerBlock;
exports.drawCentredTitle = drawCentredTitle;
const qrcode_1 = require("qrcode");
const fonts_1 = require("./fonts");
const seal_1 = require("./seal");
exports.INK = '#1a1a1a';
exports.MUTED_INK = '#555555';
exports.FRAME_RED = '#a8272b';
exports.SEAL_RADIUS = 59.5;
const IDEOGRAPH = /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+$/u;
function drawCertificateFrame(doc, page, style = {}) {
    const color = style.color ?? exports.FRAME_RED;
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
    if (pattern === 'wave')
        drawWaveBand(doc, bandBox, band);
    else
        drawFretBand(doc, bandBox, band);
    doc.restore();
    return { x: inner, y: inner, width: page.width - 2 * inner, height: page.height - 2 * inner };
}
function drawWaveBand(doc, box, band) {
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
    const sides = [
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
            const point = (along, across) => (side.horizontal ? [along, side.at + across] : [side.at + across, along]);
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
function drawFretBand(doc, box, band) {
    const tile = band;
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
function fretMotif(doc, x, y, w, h) {
    const px = (u) => x + w * u;
    const py = (v) => y + h * v;
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
function qrCodeSize(text) {
    const modules = (0, qrcode_1.create)(text, { errorCorrectionLevel: 'M' }).modules.size;
    return Math.min(120, Math.max(80, modules * 0.95));
}
function drawQrCode(doc, text, x, y, size) {
    const { modules } = (0, qrcode_1.create)(text, { errorCorrectionLevel: 'M' });
    const count = modules.size;
    const m = size / count;
    doc.save();
    doc.rect(x - 4 * m, y - 4 * m, size + 8 * m, size + 8 * m).fill('#ffffff');
    for (let row = 0; row < count; row++) {
        let col = 0;
        while (col < count) {
            if (!modules.get(row, col)) {
                col++;
                continue;
            }
            const start = col;
            while (col < count && modules.get(row, col))
                col++;
            doc.rect(x + start * m, y + row * m, (col - start) * m, m);
        }
    }
    doc.fill('#000000');
    doc.restore();
}
function drawQrBlock(doc, url, right, top) {
    const size = qrCodeSize(url);
    const x = right - size;
    drawQrCode(doc, url, x, top, size);
    let y = top + size + 5;
    doc.fillColor(exports.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(9);
    doc.text('扫码验证', x, y, { width: size, align: 'center', lineBreak: false, characterSpacing: 1.5 });
    y += 12;
    doc.fillColor(exports.MUTED_INK).fontSize(6.5);
    doc.text('Scan to verify', x, y, { width: size, align: 'center', lineBreak: false });
    return { box: { x, y: top, width: size, height: size }, bottom: y + 9 };
}
function drawSpreadLabel(doc, label, x, y, width) {
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
function drawFieldRows(doc, fields, box, style = {}) {
    if (fields.length === 0)
        return box.y;
    const plan = planRows(doc, fields, box, style.fontSizes ?? [14, 13, 12, 11, 10, 9, 8, 7], style.labelEms);
    const slack = box.height - plan.total;
    const maxGap = plan.labelSize * (style.maxGapEms ?? 1.5);
    const gap = plan.rowGap + (fields.length > 1 ? Math.min(maxGap - plan.rowGap, Math.max(0, slack / (fields.length - 1))) : 0);
    let y = box.y;
    fields.forEach((field, i) => {
        const size = plan.valueSizes[i];
        doc.fillColor(style.labelColor ?? exports.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(plan.labelSize);
        if (style.spreadLabels)
            drawSpreadLabel(doc, field.label, box.x, y, plan.labelWidth);
        else
            doc.text(field.label, box.x, y, { width: plan.labelWidth, lineGap: plan.labelSize * 0.5 });
        doc.fillColor(exports.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size);
        const baselineShift = (plan.labelSize - size) * 0.88;
        doc.text(field.value, plan.valueX, y + baselineShift, { width: plan.valueWidth, lineGap: size * 0.5 });
        y += plan.heights[i];
        if (style.ruled) {
            doc.save().lineWidth(0.4).strokeColor('#b9b9b9');
            doc.moveTo(box.x, y + gap / 2).lineTo(box.x + box.width, y + gap / 2).stroke();
            doc.restore();
        }
        if (i < fields.length - 1)
            y += gap;
    });
    return y;
}
function planRows(doc, fields, box, sizes, labelEms) {
    let plan;
    for (let base = 0; base < sizes.length; base++) {
        const labelSize = sizes[base];
        doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(labelSize);
        const longestLabel = Math.max(...fields.map((f) => doc.widthOfString(f.label)));
        const labelWidth = labelEms ? labelSize * labelEms : Math.min(longestLabel, labelSize * 7, box.width * 0.3);
        const valueX = box.x + labelWidth + labelSize * 1.6;
        const valueWidth = box.x + box.width - valueX;
        const rowGap = labelSize * 0.6;
        const labelHeights = fields.map((f) => doc.heightOfString(f.label, { width: labelWidth, lineGap: labelSize * 0.5 }));
        const valueHeight = (value, size) => {
            doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size);
            return doc.heightOfString(value || ' ', { width: valueWidth, lineGap: size * 0.5 }) + (labelSize - size) * 0.88;
        };
        const sizeIndex = fields.map(() => base);
        const heights = fields.map((f, i) => Math.max(labelHeights[i], valueHeight(f.value, labelSize)));
        const totalOf = () => heights.reduce((a, b) => a + b, 0) + rowGap * (fields.length - 1);
        const smallest = Math.min(sizes.length - 1, base + 3);
        for (;;) {
            if (totalOf() <= box.height)
                break;
            let tallest = -1;
            fields.forEach((_, i) => {
                if (sizeIndex[i] < smallest && heights[i] > labelHeights[i] && (tallest < 0 || heights[i] > heights[tallest]))
                    tallest = i;
            });
            if (tallest < 0)
                break;
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
        if (plan.total <= box.height)
            return plan;
    }
    return plan;
}
const ISSUER_LINE_HEIGHT = 24;
function issuerGeometry(bottom, lineCount) {
    const top = bottom - lineCount * ISSUER_LINE_HEIGHT;
    const sealCenterY = top + (lineCount * ISSUER_LINE_HEIGHT) / 2 - 4;
    return { top, sealCenterY, sealTop: sealCenterY - exports.SEAL_RADIUS };
}
function issuerBlockHeight(options) {
    return -issuerGeometry(0, options.label ? 3 : 2).sealTop;
}
function issuerBlockWidth(doc, options) {
    const maxWidth = exports.SEAL_RADIUS * 2 + 90;
    doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(13);
    const authority = Math.min(maxWidth, doc.widthOfString(options.authority));
    doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(14);
    const label = options.label ? Math.min(maxWidth, doc.widthOfString(options.label, { characterSpacing: 4 })) : 0;
    return Math.max(exports.SEAL_RADIUS * 2, authority, label);
}
function drawIssuerBlock(doc, options) {
    const { right, bottom } = options;
    const maxWidth = exports.SEAL_RADIUS * 2 + 90;
    const lines = [];
    if (options.label)
        lines.push({ text: options.label, font: fonts_1.CERTIFICATE_FONT.bold, size: 14, spacing: 4 });
    lines.push({ text: options.authority, font: fonts_1.CERTIFICATE_FONT.regular, size: 13, spacing: 0 });
    lines.push({ text: options.date, font: fonts_1.CERTIFICATE_FONT.regular, size: 13, spacing: 0.5 });
    const { top, sealCenterY } = issuerGeometry(bottom, lines.length);
    const widths = lines.map((line) => {
        doc.font(line.font).fontSize(line.size);
        return Math.min(maxWidth, doc.widthOfString(line.text, { characterSpacing: line.spacing }));
    });
    const centerX = right - Math.max(exports.SEAL_RADIUS, ...widths.map((w) => w / 2));
    lines.forEach((line, i) => {
        doc.fillColor(exports.INK).font(line.font).fontSize(line.size);
        const natural = doc.widthOfString(line.text, { characterSpacing: line.spacing });
        if (natural > maxWidth)
            doc.fontSize((line.size * maxWidth) / natural);
        const width = doc.widthOfString(line.text, { characterSpacing: line.spacing });
        doc.text(line.text, centerX - width / 2, top + i * ISSUER_LINE_HEIGHT, { lineBreak: false, characterSpacing: line.spacing });
    });
    (0, seal_1.drawSeal)(doc, { centerX, centerY: sealCenterY, radius: exports.SEAL_RADIUS, bureauName: options.bureauName });
}
function drawCentredTitle(doc, text, options) {
    const maxWidth = options.maxWidth ?? Infinity;
    let spacing = options.spacing;
    doc.fillColor(options.color ?? exports.INK).font(options.font ?? fonts_1.CERTIFICATE_FONT.bold).fontSize(options.fontSize);
    if (doc.widthOfString(text, { characterSpacing: spacing }) > maxWidth) {
        spacing = Math.min(spacing, options.fontSize * 0.08);
        const width = doc.widthOfString(text, { characterSpacing: spacing });
        if (width > maxWidth)
            doc.fontSize((options.fontSize * maxWidth) / width);
    }
    const width = doc.widthOfString(text, { characterSpacing: spacing });
    doc.text(text, options.centerX - width / 2, options.y, { lineBreak: false, characterSpacing: spacing });
    return options.y + doc.currentLineHeight();
}
