"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_DEFINITIONS = void 0;
exports.monthlyReportPdfDocument = monthlyReportPdfDocument;
const charts_1 = require("./charts");
const monthly_report_csv_1 = require("./monthly-report.csv");
const num = (value) => (value === null ? '—' : String(value));
function monthTitle(month) {
    const [year, m] = month.split('-').map(Number);
    return `${year}年${m}月`;
}
function dayTitle(iso) {
    const [year, m, d] = iso.slice(0, 10).split('-').map(Number);
    return `${year}年${m}月${d}日`;
}
exports.REPORT_DEFINITIONS = [
    '统计口径：各项数字均按本月内发生的办件环节计数（审计日志），时限按本局工作日历计算；跨月办件在各环节发生的月份分别计入。',
    '收件：本月首次提交的办件；补正件数：本月被退回补正（自动预审或窗口一次性告知）的办件，其中二次补正指本月收到第二次及以上窗口补正通知的办件。',
    '作出决定：准予许可、不予许可、不予受理（企业投资项目备案在受理时即予备案）。按时：在办件当时适用的到期时间之前作出决定——受理后为承诺时限（绿色通道办件适用缩短的承诺时限），受理前为受理期限；补正、特别程序暂停的工作日顺延。',
    '办理时长：本月发证办件自提交至发证经过的工作日数（提交当日不计）；90百分位为使不少于90%的办件不超过该值的最小工作日数。',
    '暂停工作日：本月结束的补正和特别程序暂停所占的工作日；免费刻章交付用时：本月交付订单自开单至交付的工作日数。',
    '定稿月报存档后不再改变：其所依据的工作日历随报告一并存档，日后调整节假日安排不影响已存档月报。',
];
function monthlyReportPdfDocument(report, bureauName) {
    const t = report.total;
    const charts = (0, charts_1.reportCharts)(report);
    const chart = (id) => ({ type: 'chart', scene: charts.find((c) => c.id === id) });
    const rows = [...report.services, t];
    const seal = report.sealCarving;
    const ratings = report.ratings;
    return {
        bureauName,
        title: '营商环境建设工作月报告',
        subtitle: `${monthTitle(report.month)}（${dayTitle(report.period.from)}至${dayTitle(report.daily[report.daily.length - 1].date)}，工作日${report.period.workingDays}天）`,
        generatedNote: `${report.final ? '定稿' : '本月尚未结束，数据截至生成时'} · 生成于 ${report.generatedAt.replace('T', ' ').replace('+08:00', '')} · 依据一窗通办系统审计日志与时限记录`,
        creationDate: new Date(report.generatedAt),
        highlights: [
            { label: '收件（件）', value: String(t.received) },
            { label: '办结发证（件）', value: String(t.issued) },
            { label: `按时办结率（${t.decidedOnTime}/${t.decided}）`, value: (0, monthly_report_csv_1.percentCell)(t.onTimeRate) || '—' },
            { label: '办理时长中位数（工作日）', value: num(t.processingDays.median) },
            { label: '帮办代办 / 绿色通道（件）', value: `${t.assisted} / ${t.greenChannel}` },
        ],
        sections: [
            {
                type: 'table',
                title: '一、各事项办件量（件）',
                columns: [
                    { header: '事项', width: 3.2, align: 'left' },
                    { header: '收件', width: 1 },
                    { header: '受理', width: 1 },
                    { header: '补正', width: 1 },
                    { header: '二次补正', width: 1.3 },
                    { header: '不予受理', width: 1.3 },
                    { header: '准予', width: 1 },
                    { header: '不予许可', width: 1.3 },
                    { header: '发证', width: 1 },
                    { header: '撤回', width: 1 },
                    { header: '帮办', width: 1 },
                    { header: '绿色通道', width: 1.3 },
                ],
                rows: rows.map((s) => [s.serviceName, s.received, s.accepted, s.corrected, s.correctedTwice, s.refused, s.approved, s.denied, s.issued, s.withdrawn, s.assisted, s.greenChannel].map(String)),
                totalRow: true,
            },
            {
                type: 'table',
                title: '二、办理时效',
                columns: [
                    { header: '事项', width: 3.2, align: 'left' },
                    { header: '作出决定', width: 1.2 },
                    { header: '按时', width: 1 },
                    { header: '按时率', width: 1.2 },
                    { header: '平均', width: 1 },
                    { header: '中位数', width: 1.1 },
                    { header: '90百分位', width: 1.3 },
                    { header: '承诺时限', width: 1.6 },
                    { header: '暂停工作日', width: 1.4 },
                    { header: '延期', width: 0.9 },
                ],
                rows: rows.map((s) => [
                    s.serviceName,
                    String(s.decided),
                    String(s.decidedOnTime),
                    (0, monthly_report_csv_1.percentCell)(s.onTimeRate) || '—',
                    num(s.processingDays.mean),
                    num(s.processingDays.median),
                    num(s.processingDays.p90),
                    (0, monthly_report_csv_1.limitText)(s.promisedLimit) || '—',
                    String(s.pausedWorkingDays),
                    String(s.extensions),
                ]),
                totalRow: true,
                note: '办理时长为本月发证办件自提交至发证的工作日数（平均、中位数、90百分位）。',
            },
            chart('volumes'),
            chart('on-time'),
            chart('processing'),
            chart('daily'),
            {
                type: 'table',
                title: '三、好差评与免费刻章',
                columns: [
                    { header: '项目', width: 3, align: 'left' },
                    { header: '数值', width: 5, align: 'left' },
                ],
                rows: [
                    ['评价数', ratings.available ? `${ratings.count}条（非常满意${ratings.distribution['5']}、满意${ratings.distribution['4']}、基本满意${ratings.distribution['3']}、不满意${ratings.distribution['2']}、非常不满意${ratings.distribution['1']}）` : '0条（评价数据尚未启用）'],
                    ['满意率', (0, monthly_report_csv_1.percentCell)(ratings.satisfiedShare) || '—'],
                    ['差评回访', `本月新增${ratings.followUpsOpened}件，月末待回访${ratings.openFollowUps}件`],
                    ['免费刻章订单', `本月新开${seal.opened}单，交付${seal.delivered}单，月末未交付${seal.openAtMonthEnd}单`],
                    ['交付用时（工作日）', seal.delivered ? `平均${num(seal.daysToDelivery.mean)}，中位数${num(seal.daysToDelivery.median)}，最长${num(seal.daysToDelivery.max)}` : '—'],
                ],
            },
            chart('ratings'),
            {
                type: 'table',
                title: '四、办理用时最长的十件',
                columns: [
                    { header: '序号', width: 0.8, align: 'center' },
                    { header: '办件编号', width: 3.4, align: 'left' },
                    { header: '事项', width: 2.6, align: 'left' },
                    { header: '工作日', width: 1.1, align: 'center' },
                    { header: '原因', width: 5.5, align: 'left' },
                ],
                rows: report.slowest.map((f, i) => [String(i + 1), f.number, f.serviceName, String(f.workingDays), f.reasons.map((r) => r.text).join('；')]),
                note: report.slowest.length === 0 ? '本月无发证办件。' : undefined,
            },
            { type: 'paragraphs', title: '五、统计口径', lines: exports.REPORT_DEFINITIONS },
        ],
    };
}
