"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHINESE_ORDINALS = exports.FieldPicker = void 0;
exports.normalizeLabel = normalizeLabel;
exports.arrangeFields = arrangeFields;
exports.splitTitleQualifier = splitTitleQualifier;
exports.pairRows = pairRows;
exports.drawTable = drawTable;
exports.paragraphHeight = paragraphHeight;
exports.drawParagraph = drawParagraph;
exports.notesHeight = notesHeight;
exports.drawNotes = drawNotes;
const certificate_parts_1 = require("./certificate-parts");
const fonts_1 = require("./fonts");
function normalizeLabel(label) {
    return label.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
class FieldPicker {
    remaining;
    constructor(fields) {
        this.remaining = [...fields];
    }
    take(...labels) {
        const wanted = new Set(labels.map(normalizeLabel));
        const index = this.remaining.findIndex((field) => wanted.has(normalizeLabel(field.label)));
        return index < 0 ? undefined : this.remaining.splice(index, 1)[0];
    }
    rest() {
        return [...this.remaining];
    }
}
exports.FieldPicker = FieldPicker;
function arrangeFields(fields, known, tail = []) {
    const picker = new FieldPicker(fields);
    const pick = (spec) => {
        const found = picker.take(spec.label, ...(spec.aliases ?? []));
        if (found)
            return [{ label: spec.label, value: found.value }];
        return spec.always ? [{ label: spec.label, value: '' }] : [];
    };
    const head = known.flatMap(pick);
    const end = tail.flatMap(pick);
    return [...head, ...picker.rest(), ...end];
}
function splitTitleQualifier(title) {
    const match = /^(.+?)\s*([（(][^（）()]+[）)])$/u.exec(title.trim());
    return match ? [match[1], match[2].replace('(', '（').replace(')', '）')] : [title, undefined];
}
function pairRows(fields, pairs = []) {
    const rows = [];
    const used = new Set();
    for (const field of fields) {
        if (used.has(field))
            continue;
        used.add(field);
        const pair = pairs.find(([first]) => first === field.label);
        const second = pair ? fields.find((f) => f.label === pair[1] && !used.has(f)) : undefined;
        if (second)
            used.add(second);
        rows.push(second ? [field, second] : [field]);
    }
    return rows;
}
const LABEL_BREAKS = {
    统一社会信用代码: '统一社会\n信用代码',
    勘察单位项目负责人: '勘察单位\n项目负责人',
    设计单位项目负责人: '设计单位\n项目负责人',
    施工单位项目负责人: '施工单位\n项目负责人',
    附图及附件名称: '附图及\n附件名称',
    建设规模及内容: '建设规模\n及内容',
};
function tableLabel(doc, label, width) {
    if (label.includes('\n') || doc.widthOfString(label) <= width)
        return label;
    if (LABEL_BREAKS[label])
        return LABEL_BREAKS[label];
    const paren = label.indexOf('（');
    if (paren > 0)
        return `${label.slice(0, paren)}\n${label.slice(paren)}`;
    const chars = [...label];
    const lines = Math.ceil(doc.widthOfString(label) / width);
    const perLine = Math.ceil(chars.length / lines);
    const out = [];
    for (let i = 0; i < chars.length; i += perLine)
        out.push(chars.slice(i, i + perLine).join(''));
    return out.join('\n');
}
function drawTable(doc, rows, box, style) {
    if (rows.length === 0)
        return box.y;
    const sizes = style.fontSizes ?? [12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5];
    const columns = (row) => tableColumns(box, row.length, style);
    const plan = planTable(doc, rows, box, sizes, columns);
    const slack = box.height - plan.heights.reduce((a, b) => a + b, 0);
    const maxRow = plan.size * (style.maxRowEms ?? 3);
    const heights = plan.heights.map((h) => h + Math.max(0, Math.min(maxRow - h, slack / rows.length)));
    const total = heights.reduce((a, b) => a + b, 0);
    const lineColor = style.lineColor ?? certificate_parts_1.INK;
    doc.save();
    let y = box.y;
    rows.forEach((row, r) => {
        const cols = columns(row);
        if (style.labelFill) {
            for (const col of cols)
                doc.rect(col.labelX, y, col.labelWidth, heights[r]).fill(style.labelFill);
        }
        y += heights[r];
    });
    y = box.y;
    rows.forEach((row, r) => {
        const cols = columns(row);
        row.forEach((cell, c) => {
            const col = cols[c];
            const pad = cellPadding(plan.size);
            doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(plan.size);
            const labelOptions = { width: col.labelWidth - 2 * pad.x, align: 'center', lineGap: plan.size * 0.2 };
            const label = tableLabel(doc, cell.label, labelOptions.width);
            const labelHeight = doc.heightOfString(label, labelOptions);
            doc.text(label, col.labelX + pad.x, y + (heights[r] - labelHeight) / 2, labelOptions);
            const size = plan.valueSizes[r][c];
            doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size);
            const valueOptions = { width: col.valueWidth - 2 * pad.x, lineGap: size * 0.3 };
            const value = cell.value || ' ';
            const valueHeight = doc.heightOfString(value, valueOptions);
            doc.text(value, col.valueX + pad.x, y + (heights[r] - valueHeight) / 2, valueOptions);
        });
        y += heights[r];
    });
    doc.strokeColor(lineColor).lineWidth(0.6);
    y = box.y;
    rows.forEach((row, r) => {
        if (r > 0)
            doc.moveTo(box.x, y).lineTo(box.x + box.width, y);
        for (const col of columns(row)) {
            if (col.labelX > box.x)
                doc.moveTo(col.labelX, y).lineTo(col.labelX, y + heights[r]);
            doc.moveTo(col.valueX, y).lineTo(col.valueX, y + heights[r]);
        }
        y += heights[r];
    });
    doc.stroke();
    doc.lineWidth(1.3).rect(box.x, box.y, box.width, total).stroke();
    doc.restore();
    return box.y + total;
}
function tableColumns(box, pairs, style) {
    const right = box.x + box.width;
    if (pairs <= 1) {
        return [{ labelX: box.x, labelWidth: style.labelWidth, valueX: box.x + style.labelWidth, valueWidth: right - box.x - style.labelWidth }];
    }
    const split = box.x + box.width * (style.splitAt ?? 0.5);
    return [
        { labelX: box.x, labelWidth: style.labelWidth, valueX: box.x + style.labelWidth, valueWidth: split - box.x - style.labelWidth },
        { labelX: split, labelWidth: style.labelWidth, valueX: split + style.labelWidth, valueWidth: right - split - style.labelWidth },
    ];
}
function cellPadding(size) {
    return { x: size * 0.55, y: size * 0.5 };
}
function planTable(doc, rows, box, sizes, columns) {
    let plan;
    for (let base = 0; base < sizes.length; base++) {
        const size = sizes[base];
        const pad = cellPadding(size);
        const minRow = size * 2.1;
        doc.font(fonts_1.CERTIFICATE_FONT.bold).fontSize(size);
        const labelHeights = rows.map((row) => Math.max(...row.map((cell, c) => {
            const width = columns(row)[c].labelWidth - 2 * pad.x;
            return doc.heightOfString(tableLabel(doc, cell.label, width), { width, lineGap: size * 0.2 });
        })));
        const valueHeight = (row, c, valueSize) => {
            doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(valueSize);
            return doc.heightOfString(row[c].value || ' ', { width: columns(row)[c].valueWidth - 2 * pad.x, lineGap: valueSize * 0.3 });
        };
        const sizeIndex = rows.map((row) => row.map(() => base));
        const cellHeights = rows.map((row) => row.map((_, c) => valueHeight(row, c, size)));
        const rowHeight = (r) => Math.max(minRow, labelHeights[r] + 2 * pad.y, ...cellHeights[r].map((h) => h + 2 * pad.y));
        const heights = rows.map((_, r) => rowHeight(r));
        const total = () => heights.reduce((a, b) => a + b, 0);
        const smallest = Math.min(sizes.length - 1, base + 3);
        while (total() > box.height) {
            let target;
            rows.forEach((row, r) => row.forEach((_, c) => {
                if (sizeIndex[r][c] >= smallest || cellHeights[r][c] + 2 * pad.y <= Math.max(minRow, labelHeights[r] + 2 * pad.y))
                    return;
                if (!target || cellHeights[r][c] > cellHeights[target[0]][target[1]])
                    target = [r, c];
            }));
            if (!target)
                break;
            const [r, c] = target;
            sizeIndex[r][c]++;
            cellHeights[r][c] = valueHeight(rows[r], c, sizes[sizeIndex[r][c]]);
            heights[r] = rowHeight(r);
        }
        plan = { size, valueSizes: sizeIndex.map((row) => row.map((i) => sizes[i])), heights };
        if (total() <= box.height)
            return plan;
    }
    return plan;
}
function paragraphHeight(doc, text, width, style) {
    doc.font(style.font ?? fonts_1.CERTIFICATE_FONT.regular).fontSize(style.fontSize);
    return doc.heightOfString(text, { width, lineGap: style.lineGap ?? style.fontSize * 0.5, indent: style.fontSize * (style.indentEms ?? 2) });
}
function drawParagraph(doc, text, x, y, width, style) {
    const height = paragraphHeight(doc, text, width, style);
    doc.fillColor(style.color ?? certificate_parts_1.INK);
    doc.text(text, x, y, { width, lineGap: style.lineGap ?? style.fontSize * 0.5, indent: style.fontSize * (style.indentEms ?? 2) });
    return y + height;
}
function measureNotes(doc, heading, items, width, size) {
    doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size);
    const hang = Math.max(...items.map((_, i) => doc.widthOfString(ordinal(i))));
    const headingHeight = heading ? size * 1.9 : 0;
    const bodies = items.map((item) => doc.heightOfString(item, { width: width - hang, lineGap: size * 0.3 }) + size * 0.25);
    return { hang, headingHeight, bodies, total: headingHeight + bodies.reduce((a, b) => a + b, 0) };
}
function notesHeight(doc, heading, items, width, size) {
    return measureNotes(doc, heading, items, width, size).total;
}
function ordinal(i) {
    return `${exports.CHINESE_ORDINALS[i] ?? String(i + 1)}、`;
}
function drawNotes(doc, heading, items, box, options = {}) {
    const sizes = options.fontSizes ?? [9, 8.5, 8, 7.5, 7, 6.5, 6];
    const color = options.color ?? certificate_parts_1.INK;
    let size = sizes[0];
    let m = measureNotes(doc, heading, items, box.width, size);
    for (const candidate of sizes) {
        size = candidate;
        m = measureNotes(doc, heading, items, box.width, size);
        if (m.total <= box.height)
            break;
    }
    let y = box.y;
    if (heading) {
        doc.fillColor(color).font(fonts_1.CERTIFICATE_FONT.bold).fontSize(size + 0.5);
        doc.text(heading, box.x, y, { lineBreak: false, characterSpacing: 2 });
        y += m.headingHeight;
    }
    doc.font(fonts_1.CERTIFICATE_FONT.regular).fontSize(size).fillColor(color);
    items.forEach((item, i) => {
        doc.text(ordinal(i), box.x, y, { lineBreak: false });
        doc.text(item, box.x + m.hang, y, { width: box.width - m.hang, lineGap: size * 0.3 });
        y += m.bodies[i];
    });
    return y;
}
exports.CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
