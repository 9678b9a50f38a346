import type { TimeLimit } from '@onewindow/domain';
import { PAUSE_NAMES, type MonthlyReport, type ServiceFigures } from './monthly-report';
import { Distribution } from './stats';

/** UTF-8 byte order mark: spreadsheet programs read the file as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const line = (cells: Array<string | number | null | undefined>) => cells.map(cell).join(',');

export function limitText(limit: TimeLimit | null): string {
  if (!limit) return '';
  return `${limit.days}个${limit.unit === 'working' ? '工作日' : '自然日'}`;
}

/** A rate as a percentage with one decimal, for spreadsheets ('87.5%'); empty when nothing was decided. */
export function percentCell(rate: number | null): string {
  return rate === null ? '' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

const fixed = (value: number | null) => (value === null ? '' : String(value));
const distributionCells = (d: Distribution) => [fixed(d.mean), fixed(d.median), fixed(d.p90)];

export const SERVICE_COLUMNS = [
  '事项',
  '收件数',
  '受理数',
  '补正件数',
  '其中二次补正',
  '不予受理',
  '准予许可',
  '不予许可',
  '办结发证',
  '撤回',
  '作出决定',
  '按时决定',
  '按时办结率',
  '办理时长平均（工作日）',
  '办理时长中位数（工作日）',
  '办理时长90百分位（工作日）',
  '承诺时限',
  '暂停工作日',
  '延期件数',
  '帮办代办',
  '绿色通道',
];

export function serviceRow(s: ServiceFigures): Array<string | number> {
  return [
    s.serviceName,
    s.received,
    s.accepted,
    s.corrected,
    s.correctedTwice,
    s.refused,
    s.approved,
    s.denied,
    s.issued,
    s.withdrawn,
    s.decided,
    s.decidedOnTime,
    percentCell(s.onTimeRate),
    ...distributionCells(s.processingDays),
    limitText(s.promisedLimit),
    s.pausedWorkingDays,
    s.extensions,
    s.assisted,
    s.greenChannel,
  ];
}

/**
 * The report as CSV for spreadsheets: UTF-8 with a BOM, CRLF line ends, Chinese headers; the
 * per-service table first, then the ratings, seal-carving, pause and slowest-file sections, each
 * after a blank line under its own header.
 */
export function monthlyReportCsv(report: MonthlyReport): string {
  const lines: string[] = [];
  lines.push(line(['营商环境建设工作月报告', report.month, `生成时间 ${report.generatedAt}`, report.final ? '定稿' : '月度未结束（数据可能变化）']));
  lines.push('');
  lines.push(line(SERVICE_COLUMNS));
  for (const s of report.services) lines.push(line(serviceRow(s)));
  lines.push(line(serviceRow(report.total)));
  lines.push('');
  lines.push(line(['好差评', '评价数', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '满意率', '本月新增回访', '月末待回访']));
  const r = report.ratings;
  lines.push(line([r.available ? '本月' : '本月（评价数据未启用）', r.count, r.distribution['5'], r.distribution['4'], r.distribution['3'], r.distribution['2'], r.distribution['1'], percentCell(r.satisfiedShare), r.followUpsOpened, r.openFollowUps]));
  lines.push('');
  lines.push(line(['免费刻章', '新开订单', '本月交付', '交付用时平均（工作日）', '交付用时中位数（工作日）', '交付用时最长（工作日）', '月末未交付']));
  const seal = report.sealCarving;
  lines.push(line(['本月', seal.opened, seal.delivered, fixed(seal.daysToDelivery.mean), fixed(seal.daysToDelivery.median), fixed(seal.daysToDelivery.max), seal.openAtMonthEnd]));
  lines.push('');
  lines.push(line(['暂停（本月结束）', '次数', '工作日']));
  for (const [kind, p] of Object.entries(report.pauses)) lines.push(line([PAUSE_NAMES[kind] ?? kind, p.count, p.workingDays]));
  lines.push('');
  lines.push(line(['办理最慢的办件', '办件编号', '事项', '申请主体', '提交时间', '发证时间', '办理工作日', '承诺时限', '原因']));
  report.slowest.forEach((f, i) => {
    lines.push(line([i + 1, f.number, f.serviceName, f.entityName ?? '', f.submittedAt, f.issuedAt, f.workingDays, limitText(f.promisedLimit), f.reasons.map((x) => x.text).join('；')]));
  });
  lines.push('');
  lines.push(line(['日期', '工作日', '收件', '发证']));
  for (const d of report.daily) lines.push(line([d.date, d.working ? '是' : '否', d.submitted, d.issued]));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
