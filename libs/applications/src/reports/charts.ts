import type { ChartScene, ChartShape } from '@onewindow/documents/report-pdf.renderer';
import type { MonthlyReport } from './monthly-report';

/**
 * Every word the charts draw, in Chinese as the PDF prints them. Pages draw the same charts in the
 * reader's language by passing the catalogue's `report.chart.*` words instead ({…} are filled in).
 */
export const CHART_WORDS_ZH = {
  'volumes.title': '各事项收件与办结发证（件）',
  'volumes.received': '收件',
  'volumes.issued': '办结发证',
  'unit.files': '件',
  'unit.working_days': '工作日',
  'unit.day': '日',
  'processing.title': '从提交到发证的办理时长（工作日）',
  'processing.median': '中位数',
  'processing.p90': '90百分位',
  'processing.promised': '承诺时限',
  'processing.none': '无',
  'on_time.title': '按时办结率（承诺时限内作出决定）',
  'on_time.total': '合计',
  'on_time.no_decisions': '本月无决定',
  'on_time.value': '{percent}%（{onTime}/{decided}）',
  'daily.title': '每日收件与发证（件）',
  'daily.received': '收件',
  'daily.issued': '发证',
  'daily.day_off': '非工作日',
  'trend.title': '近30天每日收件与发证（件）',
  'ratings.title': '好差评（件）',
  'ratings.level_5': '非常满意',
  'ratings.level_4': '满意',
  'ratings.level_3': '基本满意',
  'ratings.level_2': '不满意',
  'ratings.level_1': '非常不满意',
  'ratings.note': '共{count}条，满意率{share}，待回访{open}件',
  'ratings.unavailable': '评价功能尚未启用，本月无评价数据',
  'service.business-license': '营业执照',
  'service.food-business': '食品经营',
  'service.investment-filing': '投资备案',
  'service.land-planning': '用地规划',
  'service.engineering-planning': '工程规划',
  'service.construction': '施工许可',
  'service.non-enterprise': '民非登记',
  'service.social-group': '社团登记',
} as const;
export type ChartWordKey = keyof typeof CHART_WORDS_ZH;
export type ChartWords = Record<ChartWordKey, string>;

const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
const shortName = (words: ChartWords, serviceCode: string, fallback: string) => words[`service.${serviceCode}` as ChartWordKey] ?? fallback;

/** Roughly how wide a label is drawn: a CJK character is about one em, Latin letters and digits about half. */
export function labelWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : ch === ' ' ? size * 0.3 : size * 0.56;
  return width;
}

export const CHART_IDS = ['volumes', 'processing', 'on-time', 'daily', 'ratings'] as const;
export type ChartId = (typeof CHART_IDS)[number];

const COLORS = { received: '#3b6ea8', issued: '#4f9a6b', median: '#c77d3a', p90: '#5b3a1e', promised: '#c8161d', grid: '#e3ddd6', axis: '#8a8178', ink: '#1a1a1a', muted: '#6b645d', shade: '#f1ede8' };
const WIDTH = 520;
const HEIGHT = 250;
const PLOT = { left: 46, right: WIDTH - 14, top: 40, bottom: HEIGHT - 34 };

/** A round axis maximum above `value` with its tick step (1, 2 or 5 × 10ⁿ). */
export function niceScale(value: number, ticks = 5): { max: number; step: number } {
  // Small counts keep a few whole-number steps, so one file is not drawn as a full bar.
  if (!(value > ticks)) return { max: ticks, step: 1 };
  const raw = value / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const wholeStep = Math.max(1, step);
  return { max: Math.ceil(value / wholeStep) * wholeStep, step: wholeStep };
}

const text = (x: number, y: number, value: string, size: number, extra: Partial<Extract<ChartShape, { type: 'text' }>> = {}): ChartShape => ({
  type: 'text',
  x,
  y,
  text: value,
  size,
  ...extra,
});

function legend(items: Array<{ label: string; color: string; kind?: 'box' | 'line' | 'dash' }>): ChartShape[] {
  const shapes: ChartShape[] = [];
  let x = PLOT.right;
  for (const item of [...items].reverse()) {
    x -= labelWidth(item.label, 10) + 4;
    shapes.push(text(x, 22, item.label, 9.5, { fill: COLORS.muted }));
    x -= 14;
    if (item.kind === 'line' || item.kind === 'dash') shapes.push({ type: 'line', x1: x, y1: 18.5, x2: x + 11, y2: 18.5, stroke: item.color, width: 2, ...(item.kind === 'dash' ? { dash: 3 } : {}) });
    else shapes.push({ type: 'rect', x, y: 13, width: 10, height: 10, fill: item.color });
    x -= 12;
  }
  return shapes;
}

/** Horizontal grid lines and value labels of a vertical axis from 0 to max. */
function valueAxis(max: number, step: number, format: (v: number) => string = String): ChartShape[] {
  const shapes: ChartShape[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) {
    const y = PLOT.bottom - (v / max) * (PLOT.bottom - PLOT.top);
    shapes.push({ type: 'line', x1: PLOT.left, y1: y, x2: PLOT.right, y2: y, stroke: v === 0 ? COLORS.axis : COLORS.grid, width: v === 0 ? 1 : 0.6 });
    shapes.push(text(PLOT.left - 6, y + 3, format(v), 8.5, { anchor: 'end', fill: COLORS.muted }));
  }
  return shapes;
}

function scene(id: string, title: string, shapes: ChartShape[]): ChartScene {
  return { id, title, width: WIDTH, height: HEIGHT, shapes };
}

/** 各事项收件与发证: received and issued per service, side by side. */
export function volumesChart(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  const max = Math.max(1, ...report.services.flatMap((s) => [s.received, s.issued]));
  const { max: top, step } = niceScale(max);
  const shapes: ChartShape[] = [...valueAxis(top, step)];
  const band = (PLOT.right - PLOT.left) / report.services.length;
  const barWidth = Math.min(18, band * 0.32);
  const yOf = (v: number) => PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top);
  report.services.forEach((s, i) => {
    const centre = PLOT.left + band * (i + 0.5);
    for (const [value, color, offset] of [
      [s.received, COLORS.received, -barWidth - 1],
      [s.issued, COLORS.issued, 1],
    ] as const) {
      const y = yOf(value);
      shapes.push({ type: 'rect', x: centre + offset, y, width: barWidth, height: PLOT.bottom - y, fill: color });
      shapes.push(text(centre + offset + barWidth / 2, y - 3, String(value), 8, { anchor: 'middle', fill: COLORS.ink }));
    }
    shapes.push(text(centre, PLOT.bottom + 15, shortName(words, s.serviceCode, s.serviceName), 9, { anchor: 'middle' }));
  });
  shapes.push(...legend([{ label: words['volumes.received'], color: COLORS.received }, { label: words['volumes.issued'], color: COLORS.issued }]));
  shapes.push(text(PLOT.left - 38, 22, words['unit.files'], 9, { fill: COLORS.muted }));
  return scene('volumes', words['volumes.title'], shapes);
}

/** 办理时长: median and 90th percentile of working days from submission to issue, against the promise. */
export function processingChart(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  const promised = (s: MonthlyReport['services'][number]) => (s.promisedLimit?.unit === 'working' ? s.promisedLimit.days : null);
  const max = Math.max(1, ...report.services.flatMap((s) => [s.processingDays.p90 ?? 0, s.processingDays.median ?? 0, promised(s) ?? 0]));
  const { max: top, step } = niceScale(max);
  const shapes: ChartShape[] = [...valueAxis(top, step)];
  const band = (PLOT.right - PLOT.left) / report.services.length;
  const barWidth = Math.min(22, band * 0.4);
  const yOf = (v: number) => PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top);
  report.services.forEach((s, i) => {
    const centre = PLOT.left + band * (i + 0.5);
    const { median, p90 } = s.processingDays;
    if (median !== null && p90 !== null) {
      const y = yOf(median);
      shapes.push({ type: 'rect', x: centre - barWidth / 2, y, width: barWidth, height: PLOT.bottom - y, fill: COLORS.median });
      const yP90 = yOf(p90);
      shapes.push({ type: 'line', x1: centre, y1: y, x2: centre, y2: yP90, stroke: COLORS.p90, width: 1.2 });
      shapes.push({ type: 'line', x1: centre - 5, y1: yP90, x2: centre + 5, y2: yP90, stroke: COLORS.p90, width: 1.6 });
      shapes.push(text(centre, Math.min(y, yP90) - 4, p90 === median ? String(median) : `${median}～${p90}`, 8, { anchor: 'middle', fill: COLORS.ink }));
    } else {
      shapes.push(text(centre, PLOT.bottom - 4, words['processing.none'], 8, { anchor: 'middle', fill: COLORS.muted }));
    }
    const limit = promised(s);
    if (limit !== null) {
      const y = yOf(limit);
      shapes.push({ type: 'line', x1: centre - band * 0.42, y1: y, x2: centre + band * 0.42, y2: y, stroke: COLORS.promised, width: 1.4, dash: 3 });
    }
    shapes.push(text(centre, PLOT.bottom + 15, shortName(words, s.serviceCode, s.serviceName), 9, { anchor: 'middle' }));
  });
  shapes.push(
    ...legend([
      { label: words['processing.median'], color: COLORS.median },
      { label: words['processing.p90'], color: COLORS.p90, kind: 'line' },
      { label: words['processing.promised'], color: COLORS.promised, kind: 'dash' },
    ]),
  );
  shapes.push(text(PLOT.left - 38, 22, words['unit.working_days'], 9, { fill: COLORS.muted }));
  return scene('processing', words['processing.title'], shapes);
}

/** 按时办结率 per service as horizontal bars, with the total. */
export function onTimeChart(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  const rows = [...report.services, report.total];
  const shapes: ChartShape[] = [];
  const labelSpace = 70;
  const left = PLOT.left + labelSpace - 40;
  const right = PLOT.right - 60;
  const top = 12;
  const rowHeight = (PLOT.bottom + 6 - top) / rows.length;
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = left + (pct / 100) * (right - left);
    shapes.push({ type: 'line', x1: x, y1: top, x2: x, y2: PLOT.bottom + 10, stroke: pct === 0 ? COLORS.axis : COLORS.grid, width: pct === 0 ? 1 : 0.6 });
    shapes.push(text(x, PLOT.bottom + 24, `${pct}%`, 8.5, { anchor: 'middle', fill: COLORS.muted }));
  }
  rows.forEach((s, i) => {
    const y = top + rowHeight * i + rowHeight * 0.2;
    const h = rowHeight * 0.6;
    const isTotal = s.serviceCode === 'total';
    shapes.push(text(left - 6, y + h / 2 + 3.5, isTotal ? words['on_time.total'] : shortName(words, s.serviceCode, s.serviceName), 9, { anchor: 'end', bold: isTotal }));
    if (s.onTimeRate === null) {
      shapes.push(text(left + 4, y + h / 2 + 3.5, words['on_time.no_decisions'], 8, { fill: COLORS.muted }));
      return;
    }
    const width = s.onTimeRate * (right - left);
    shapes.push({ type: 'rect', x: left, y, width, height: h, fill: isTotal ? COLORS.promised : COLORS.issued });
    const percent = (Math.round(s.onTimeRate * 1000) / 10).toFixed(1);
    shapes.push(text(left + width + 4, y + h / 2 + 3.5, fill(words['on_time.value'], { percent, onTime: s.decidedOnTime, decided: s.decided }), 8, { fill: COLORS.ink }));
  });
  return scene('on-time', words['on_time.title'], shapes);
}

/** Submissions per day as columns and issues as a line, days off shaded when known. */
function dayColumnsChart(id: string, title: string, days: ReadonlyArray<{ date: string; working?: boolean; submitted: number; issued: number }>, words: ChartWords): ChartScene {
  const max = Math.max(1, ...days.flatMap((d) => [d.submitted, d.issued]));
  const { max: top, step } = niceScale(max);
  const shapes: ChartShape[] = [];
  const band = (PLOT.right - PLOT.left) / Math.max(1, days.length);
  days.forEach((d, i) => {
    if (d.working === false) shapes.push({ type: 'rect', x: PLOT.left + band * i, y: PLOT.top, width: band, height: PLOT.bottom - PLOT.top, fill: COLORS.shade });
  });
  shapes.push(...valueAxis(top, step));
  const yOf = (v: number) => PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top);
  const points: Array<[number, number]> = [];
  days.forEach((d, i) => {
    const centre = PLOT.left + band * (i + 0.5);
    const y = yOf(d.submitted);
    shapes.push({ type: 'rect', x: centre - band * 0.32, y, width: band * 0.64, height: PLOT.bottom - y, fill: COLORS.received });
    points.push([centre, yOf(d.issued)]);
    const dayOfMonth = Number(d.date.slice(8));
    if (dayOfMonth === 1 || dayOfMonth % 5 === 0) shapes.push(text(centre, PLOT.bottom + 13, String(dayOfMonth), 8.5, { anchor: 'middle', fill: COLORS.muted }));
  });
  shapes.push({ type: 'polyline', points, stroke: COLORS.issued, width: 1.6 });
  days.forEach((d, i) => {
    if (d.issued > 0) shapes.push({ type: 'circle', cx: points[i][0], cy: points[i][1], r: 2.2, fill: COLORS.issued });
  });
  shapes.push(
    ...legend([
      { label: words['daily.received'], color: COLORS.received },
      { label: words['daily.issued'], color: COLORS.issued, kind: 'line' },
      ...(days.some((d) => d.working === false) || id === 'daily' ? [{ label: words['daily.day_off'], color: COLORS.shade }] : []),
    ]),
  );
  shapes.push(text(PLOT.left - 38, 22, words['unit.files'], 9, { fill: COLORS.muted }));
  shapes.push(text(PLOT.right, PLOT.bottom + 27, words['unit.day'], 8.5, { anchor: 'end', fill: COLORS.muted }));
  return scene(id, title, shapes);
}

/** 每日收件与发证: submissions per day as columns, issues as a line; days off shaded. */
export function dailyChart(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  return dayColumnsChart('daily', words['daily.title'], report.daily, words);
}

/** The dashboard's trend: submissions and issues per day over the last 30 days (the day numbers label the axis). */
export function submissionsTrendChart(days: ReadonlyArray<{ date: string; submitted: number; issued: number; working?: boolean }>, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  return dayColumnsChart('trend', words['trend.title'], days, words);
}

const RATING_COLORS: Array<[keyof MonthlyReport['ratings']['distribution'], string]> = [
  ['5', '#4f9a6b'],
  ['4', '#7fb48a'],
  ['3', '#c9b458'],
  ['2', '#d98545'],
  ['1', '#c8161d'],
];

/** 好差评: how many ratings of each level. */
export function ratingsChart(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  const { ratings } = report;
  const shapes: ChartShape[] = [];
  const left = PLOT.left + 40;
  const right = PLOT.right - 40;
  const max = Math.max(1, ...Object.values(ratings.distribution));
  const { max: top, step } = niceScale(max, 4);
  for (let v = 0; v <= top; v += step) {
    const x = left + (v / top) * (right - left);
    shapes.push({ type: 'line', x1: x, y1: PLOT.top - 4, x2: x, y2: PLOT.bottom, stroke: v === 0 ? COLORS.axis : COLORS.grid, width: v === 0 ? 1 : 0.6 });
    shapes.push(text(x, PLOT.bottom + 14, String(v), 8.5, { anchor: 'middle', fill: COLORS.muted }));
  }
  const rowHeight = (PLOT.bottom - PLOT.top) / RATING_COLORS.length;
  RATING_COLORS.forEach(([level, color], i) => {
    const y = PLOT.top + rowHeight * i + rowHeight * 0.18;
    const h = rowHeight * 0.64;
    const count = ratings.distribution[level];
    shapes.push(text(left - 6, y + h / 2 + 3.5, words[`ratings.level_${level}`], 9, { anchor: 'end' }));
    const width = (count / top) * (right - left);
    shapes.push({ type: 'rect', x: left, y, width, height: h, fill: color });
    shapes.push(text(left + width + 4, y + h / 2 + 3.5, String(count), 8.5));
  });
  const share = ratings.satisfiedShare === null ? '—' : `${(Math.round(ratings.satisfiedShare * 1000) / 10).toFixed(1)}%`;
  const note = ratings.available ? fill(words['ratings.note'], { count: ratings.count, share, open: ratings.openFollowUps }) : words['ratings.unavailable'];
  shapes.push(text(PLOT.right, 22, note, 9, { anchor: 'end', fill: COLORS.muted }));
  return scene('ratings', words['ratings.title'], shapes);
}

export function reportCharts(report: MonthlyReport, words: ChartWords = CHART_WORDS_ZH): ChartScene[] {
  return [volumesChart(report, words), onTimeChart(report, words), processingChart(report, words), dailyChart(report, words), ratingsChart(report, words)];
}

export function reportChart(report: MonthlyReport, id: ChartId, words: ChartWords = CHART_WORDS_ZH): ChartScene {
  return reportCharts(report, words).find((c) => c.id === id)!;
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The scene as a standalone SVG document (presentation attributes only, so a strict CSP shows it). */
export function chartSvg(scene: ChartScene): string {
  const parts = scene.shapes.map((s) => {
    switch (s.type) {
      case 'rect':
        return s.width > 0 && s.height > 0 ? `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}" fill="${s.fill}"/>` : '';
      case 'line':
        return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="${s.stroke}" stroke-width="${num(s.width ?? 1)}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
      case 'polyline':
        return `<polyline points="${s.points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${num(s.width ?? 1.5)}" stroke-linejoin="round"/>`;
      case 'circle':
        return `<circle cx="${num(s.cx)}" cy="${num(s.cy)}" r="${num(s.r)}" fill="${s.fill}"/>`;
      case 'text':
        return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}"${s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''} fill="${s.fill ?? COLORS.ink}"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" role="img" aria-label="${escapeXml(scene.title)}" font-family="'Noto Serif SC', 'Noto Serif CJK SC', 'Source Han Serif SC', serif">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
    ...parts.filter(Boolean),
    '</svg>',
  ].join('\n');
}
