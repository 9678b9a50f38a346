"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.constructionLayout = exports.CONSTRUCTION_START_RULE = exports.engineeringPlanningLayout = exports.landPlanningLayout = void 0;
const certificate_blocks_1 = require("./certificate-blocks");
const certificate_parts_1 = require("./certificate-parts");
const chinese_format_1 = require("./chinese-format");
const fonts_1 = require("./fonts");
function statutoryPermitLayout(form) {
    return {
        orientation: 'portrait',
        frame: { color: form.color, pattern: 'wave' },
        draw: ({ doc, input, page, content }) => {
            const left = content.x + 24;
            const right = content.x + content.width - 24;
            const top = content.y + 16;
            const qr = (0, certificate_parts_1.drawQrBlock)(doc, input.verifyUrl, right, top);
            const titleRoom = 2 * (qr.box.x - 14 - page.width / 2);
            let y = (0, certificate_parts_1.drawCentredTitle)(doc, '中华人民共和国', { centerX: page.width / 2, y: top + 6, fontSize: 15, spacing: 7, maxWidth: titleRoom });
            y = (0, certificate_parts_1.drawCentredTitle)(doc, input.title, { centerX: page.width / 2, y: y + 6, fontSize: 30, spacing: 5, maxWidth: titleRoom });
            if (input.subtitle) {
                y = (0, certificate_parts_1.drawCentredTitle)(doc, input.subtitle, { centerX: page.width / 2, y: y + 2, fontSize: 13, spacing: 2, maxWidth: titleRoom, font: fonts_1.CERTIFICATE_FONT.regular });
            }
            doc.fillColor(certificate_parts_1.INK).font(fonts_1.CERTIFICATE_FONT.regular).fontSize(13);
            const numberLine = form.numberLine(input.number);
            const numberWidth = Math.min(titleRoom, doc.widthOfString(numberLine, { characterSpacing: 0.5 }));
            doc.text(numberLine, page.width / 2 - numberWidth / 2, y + 8, { lineBreak: false, characterSpacing: 0.5 });
            y = Math.max(y + 8 + doc.currentLineHeight(), qr.bottom) + 14;
            y = (0, certificate_blocks_1.drawParagraph)(doc, form.statute, left, y, right - left, { fontSize: 12, lineGap: 5 }) + 12;
            const bottom = content.y + content.height - 16;
            const issuerWidth = (0, certificate_parts_1.issuerBlockWidth)(doc, { authority: input.issuingAuthority, label: '发证机关' });
            const notesWidth = right - issuerWidth - 22 - left;
            const notesTop = bottom - Math.max((0, certificate_parts_1.issuerBlockHeight)({ label: '发证机关' }), (0, certificate_blocks_1.notesHeight)(doc, form.notesHeading, form.notes, notesWidth, 7.5));
            (0, certificate_blocks_1.drawTable)(doc, form.rows(input.fields), { x: left, y, width: right - left, height: notesTop - 14 - y }, {
                labelWidth: form.labelWidth,
                labelFill: form.tableTint,
                lineColor: form.color,
                maxRowEms: 3.2,
            });
            (0, certificate_blocks_1.drawNotes)(doc, form.notesHeading, form.notes, { x: left, y: notesTop, width: notesWidth, height: bottom - notesTop }, { color: '#333333' });
            (0, certificate_parts_1.drawIssuerBlock)(doc, {
                right,
                bottom,
                label: '发证机关',
                authority: input.issuingAuthority,
                date: (0, chinese_format_1.formatChineseDate)(input.issuedOn),
                bureauName: input.bureauName,
            });
        },
    };
}
function wordedNumber(prefix, value) {
    const v = value.trim();
    return v.startsWith(prefix) ? v : `${prefix}${v}号`;
}
const PLANNING_GREEN = '#1f5f4a';
const PLANNING_TINT = '#eef4f0';
exports.landPlanningLayout = statutoryPermitLayout({
    color: PLANNING_GREEN,
    tableTint: PLANNING_TINT,
    numberLine: (number) => wordedNumber('地字第', number.value),
    statute: '根据《中华人民共和国城乡规划法》第三十七、三十八条规定，经审核，本用地项目符合国土空间规划和用途管制要求，颁发此证。',
    labelWidth: 96,
    rows: (fields) => (0, certificate_blocks_1.pairRows)((0, certificate_blocks_1.arrangeFields)(fields, [
        { label: '用地单位', aliases: ['用地单位（个人）'], always: true },
        { label: '项目名称', aliases: ['建设项目名称'], always: true },
        { label: '项目代码', always: true },
        { label: '批准用地机关', always: true },
        { label: '批准用地文号', always: true },
        { label: '用地位置', always: true },
        { label: '用地面积', aliases: ['用地面积（平方米）'], always: true },
        { label: '土地用途', always: true },
        { label: '建设规模', always: true },
        { label: '土地取得方式', always: true },
    ], [{ label: '附图及附件名称', always: true }])),
    notesHeading: '遵守事项',
    notes: [
        '本证是经自然资源主管部门依法审核，建设用地符合国土空间规划和用途管制要求的法律凭证。',
        '未取得本证，而取得建设用地批准文件、占用土地的，均属违法行为。',
        '未经发证机关审核同意，本证的各项规定不得随意变更。',
        '本证所需附图及附件由发证机关依法确定，与本证具有同等法律效力。',
    ],
});
exports.engineeringPlanningLayout = statutoryPermitLayout({
    color: PLANNING_GREEN,
    tableTint: PLANNING_TINT,
    numberLine: (number) => wordedNumber('建字第', number.value),
    statute: '根据《中华人民共和国城乡规划法》第四十条规定，经审核，本建设工程符合国土空间规划和用途管制要求，颁发此证。',
    labelWidth: 104,
    rows: (fields) => (0, certificate_blocks_1.pairRows)((0, certificate_blocks_1.arrangeFields)(fields, [
        { label: '建设单位（个人）', aliases: ['建设单位', '建设单位(个人)'], always: true },
        { label: '建设项目名称', aliases: ['项目名称'], always: true },
        { label: '项目代码', always: true },
        { label: '建设位置', aliases: ['建设地点'], always: true },
        { label: '建设规模', always: true },
        { label: '不动产单元号', always: true },
    ], [{ label: '附图及附件名称', always: true }])),
    notesHeading: '遵守事项',
    notes: [
        '本证是经自然资源主管部门依法审核，建设工程符合国土空间规划和用途管制要求的法律凭证。',
        '依法应当取得本证，但未取得本证或违反本证规定的，均属违法行为。',
        '未经发证机关审核同意，本证的各项规定不得随意变更。',
        '自然资源主管部门依法有权查验本证，建设单位（个人）有责任提交查验。',
        '本证所需附图及附件由发证机关依法确定，与本证具有同等法律效力。',
    ],
});
exports.CONSTRUCTION_START_RULE = '自领取施工许可证之日起三个月内应当开工，因故不能按期开工的，应当申请延期；延期以两次为限，每次不超过三个月。';
const CONSTRUCTION_FIELDS = [
    { label: '建设单位', always: true },
    { label: '工程名称', aliases: ['项目名称'], always: true },
    { label: '项目代码' },
    { label: '建设地址', aliases: ['建设地点'], always: true },
    { label: '建设规模', always: true },
    { label: '合同价格', aliases: ['合同价格（万元）'], always: true },
    { label: '勘察单位', always: true },
    { label: '设计单位', always: true },
    { label: '施工单位', always: true },
    { label: '监理单位', always: true },
    { label: '勘察单位项目负责人', aliases: ['勘察项目负责人'], always: true },
    { label: '设计单位项目负责人', aliases: ['设计项目负责人'], always: true },
    { label: '施工单位项目负责人', aliases: ['施工项目负责人', '项目经理'], always: true },
    { label: '总监理工程师', always: true },
    { label: '合同工期', always: true },
];
exports.constructionLayout = statutoryPermitLayout({
    color: '#1d3f73',
    tableTint: '#edf1f8',
    numberLine: (number) => `${number.label}：${number.value}`,
    statute: '根据《中华人民共和国建筑法》第八条规定，经审查，本建筑工程符合施工条件，准予施工。',
    labelWidth: 84,
    rows: (fields) => {
        const arranged = (0, certificate_blocks_1.arrangeFields)(fields, CONSTRUCTION_FIELDS, [{ label: '备注' }]);
        const remark = arranged.find((f) => f.label === '备注');
        const others = arranged.filter((f) => f !== remark);
        const note = [remark?.value.trim(), exports.CONSTRUCTION_START_RULE].filter(Boolean).join('\n');
        return (0, certificate_blocks_1.pairRows)([...others, { label: '备注', value: note }], [
            ['建设规模', '合同价格'],
            ['勘察单位项目负责人', '设计单位项目负责人'],
            ['施工单位项目负责人', '总监理工程师'],
        ]);
    },
    notesHeading: '注意事项',
    notes: [
        '本证放置施工现场，作为准予施工的凭证。',
        '未经发证机关许可，本证的各项内容不得变更。',
        '住房城乡建设行政主管部门可以对本证进行查验。',
        '本证自核发之日起三个月内应予施工，逾期应办理延期手续，不办理延期或延期次数、时间超过法定时间的，本证自行废止。',
        '凡未取得本证擅自施工的属违法建设，将按《中华人民共和国建筑法》的规定予以处罚。',
    ],
});
