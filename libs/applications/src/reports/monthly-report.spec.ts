import { SEED_CALENDAR_DAYS, WorkingCalendar } from '@onewindow/domain';
import { MalformedJobError, parseJobPayload } from '@onewindow/queues';
import zhWords from '../../../web/src/messages/reports.zh-CN.json';
import enWords from '../../../web/src/messages/reports.en.json';
import { CHART_WORDS_ZH, ChartWordKey, ChartWords, chartSvg, labelWidth, niceScale, reportCharts, submissionsTrendChart } from './charts';
import { countsOfTransition } from './daily-aggregates';
import { ClockRecord, decidedOnTime, dueAtDecision, greenAt, isDecision } from './decision-timing';
import { computeMonthlyReport, MonthlyReportInput } from './monthly-report';
import { readRunStatus, RunQueue } from './report-run-status';
import { monthlyReportCsv } from './monthly-report.csv';
import { isoWeekOf, monthPeriod, previousMonth, quarterPeriod } from './period';
import { distributionOf, percentText, rateOf } from './stats';

const calendar = new WorkingCalendar(SEED_CALENDAR_DAYS);
const sh = (local: string) => new Date(`${local}+08:00`);

function record(overrides: Partial<ClockRecord>): ClockRecord {
  return {
    id: 'a',
    number: '14060320261102000001',
    serviceCode: 'food-business',
    entityName: '朔州市平鲁区老城饭庄有限公司',
    submittedAt: sh('2026-11-02T09:00'),
    acceptedAt: sh('2026-11-02T10:00'),
    decidedAt: null,
    issuedAt: null,
    extensionWorkingDays: 0,
    extensionReason: null,
    greenChannel: false,
    filedByAccountId: null,
    pauses: [],
    greenMarks: [],
    ...overrides,
  };
}

describe('periods', () => {
  it('bound a month, a quarter and an ISO week in Shanghai time', () => {
    const october = monthPeriod('2026-10');
    expect([october.firstDay, october.lastDay, october.from.toISOString(), october.to.toISOString()]).toEqual([
      '2026-10-01',
      '2026-10-31',
      '2026-09-30T16:00:00.000Z',
      '2026-10-31T16:00:00.000Z',
    ]);
    expect(monthPeriod('2026-12').to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(quarterPeriod('2026-Q4')).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(isoWeekOf('2026-11-28')).toMatchObject({ label: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29' });
    expect(isoWeekOf('2027-01-01').label).toBe('2026-W53');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(() => monthPeriod('2026-13')).toThrow();
    expect(() => quarterPeriod('2026-Q5')).toThrow();
  });
});

describe('statistics', () => {
  it('give mean, median and the nearest-rank 90th percentile', () => {
    expect(distributionOf([9, 0, 14, 1, 9, 11])).toEqual({ count: 6, mean: 7.33, median: 9, p90: 14, max: 14 });
    expect(distributionOf([3])).toEqual({ count: 1, mean: 3, median: 3, p90: 3, max: 3 });
    expect(distributionOf([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
    expect(distributionOf(Array.from({ length: 10 }, (_, i) => i + 1)).p90).toBe(9);
  });

  it('read 161 started of 171 as 94.2 % without rounding twice', () => {
    expect(percentText(161, 171)).toBe('94.2 %');
    expect(rateOf(161, 171)).toBe(0.9415);
    expect(percentText(0, 0)).toBe('—');
  });
});

describe('decision timing', () => {
  it('counts approvals, denials, refusals and the acceptance of a service without review as decisions', () => {
    expect(['approve', 'deny', 'refuse'].every((a) => isDecision(a, 'x'))).toBe(true);
    expect(isDecision('accept', 'awaiting_seal')).toBe(true);
    expect(isDecision('accept', 'under_review')).toBe(false);
    expect(isDecision('issued', 'issued')).toBe(false);
  });

  it('holds a decision against the promised due time, pushed by the working days paused', () => {
    // Accepted Mon Nov 2, promised 5 → Mon Nov 9 17:30; a hearing Tue Nov 3 → Fri Nov 6 costs 3 → Thu Nov 12.
    const plain = record({});
    expect(dueAtDecision(plain, sh('2026-11-10T10:00'), calendar)!.toISOString()).toBe(sh('2026-11-09T17:30').toISOString());
    expect(decidedOnTime(plain, sh('2026-11-09T17:30'), calendar)).toBe(true);
    expect(decidedOnTime(plain, sh('2026-11-10T09:00'), calendar)).toBe(false);
    const paused = record({ pauses: [{ reason: 'hearing', startedAt: sh('2026-11-03T10:00'), endedAt: sh('2026-11-06T10:00') }] });
    expect(decidedOnTime(paused, sh('2026-11-12T16:00'), calendar)).toBe(true);
  });

  it('uses the green channel’s shorter promise only once the file was marked', () => {
    // Food permits promise 5 working days, 3 in the green channel: due Thu Nov 5.
    const marked = record({ greenChannel: true, greenMarks: [sh('2026-11-03T09:00')] });
    expect(greenAt(marked, sh('2026-11-02T12:00'))).toBe(false);
    expect(greenAt(marked, sh('2026-11-04T12:00'))).toBe(true);
    expect(decidedOnTime(marked, sh('2026-11-06T10:00'), calendar)).toBe(false);
    expect(decidedOnTime(record({ greenChannel: true, greenMarks: [sh('2026-11-20T09:00')] }), sh('2026-11-06T10:00'), calendar)).toBe(true);
    // A file that joined a key project when filed is green with no mark.
    expect(greenAt(record({ greenChannel: true }), sh('2026-11-02T12:00'))).toBe(true);
  });

  it('holds a refusal against the acceptance deadline', () => {
    const refused = record({ acceptedAt: null, submittedAt: sh('2026-11-02T09:00') });
    expect(dueAtDecision(refused, sh('2026-11-04T10:00'), calendar)!.toISOString()).toBe(sh('2026-11-09T17:30').toISOString());
  });
});

describe('daily aggregates of a transition', () => {
  const app = { serviceCode: 'construction', submittedAt: null };
  it('count a first submission, an acceptance, a decision on time or late, an issue', () => {
    expect(countsOfTransition({ application: app, action: 'submit', toState: 'submitted', dueAt: null, at: sh('2026-11-02T09:00') })).toMatchObject({ submitted: 1 });
    expect(countsOfTransition({ application: { ...app, submittedAt: sh('2026-11-01T09:00') }, action: 'submit', toState: 'submitted', dueAt: null, at: sh('2026-11-02T09:00') }).submitted).toBe(0);
    expect(countsOfTransition({ application: app, action: 'accept', toState: 'awaiting_seal', dueAt: sh('2026-11-03T17:30'), at: sh('2026-11-02T09:00') })).toEqual({
      submitted: 0,
      accepted: 1,
      decided: 1,
      decidedOnTime: 1,
      issued: 0,
    });
    expect(countsOfTransition({ application: app, action: 'deny', toState: 'denied', dueAt: sh('2026-11-03T17:30'), at: sh('2026-11-04T09:00') })).toMatchObject({ decided: 1, decidedOnTime: 0 });
    expect(countsOfTransition({ application: app, action: 'issued', toState: 'issued', dueAt: null, at: sh('2026-11-04T09:00') })).toMatchObject({ issued: 1 });
  });
});

describe('computeMonthlyReport', () => {
  const period = monthPeriod('2026-11');
  const issued = record({ id: 'b', acceptedAt: sh('2026-11-02T10:00'), decidedAt: sh('2026-11-05T15:00'), issuedAt: sh('2026-11-06T10:00') });
  const input = (overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput => ({
    period,
    generatedAt: sh('2026-12-01T07:30'),
    calendar,
    events: [
      { applicationId: 'b', action: 'submit', toState: 'submitted', at: sh('2026-11-02T09:00') },
      { applicationId: 'b', action: 'accept', toState: 'under_review', at: sh('2026-11-02T10:00') },
      { applicationId: 'b', action: 'approve', toState: 'awaiting_seal', at: sh('2026-11-05T15:00') },
      { applicationId: 'b', action: 'issued', toState: 'issued', at: sh('2026-11-06T10:00') },
    ],
    records: new Map([['b', issued]]),
    clerkCorrections: [],
    pausesEnded: [],
    sealOrders: [],
    ratings: null,
    ...overrides,
  });

  it('is the same for the same input, and marks a month not over as not final', () => {
    const report = computeMonthlyReport(input());
    expect(computeMonthlyReport(input())).toEqual(report);
    expect(report.final).toBe(true);
    expect(report.period.workingDays).toBe(21);
    expect(report.total).toMatchObject({ received: 1, accepted: 1, approved: 1, issued: 1, decided: 1, decidedOnTime: 1, processingDays: { count: 1, median: 4 } });
    expect(report.ratings.available).toBe(false);
    expect(computeMonthlyReport(input({ generatedAt: sh('2026-11-28T10:00') })).final).toBe(false);
  });

  it('lists the ten slowest issued files, slowest first and ties by number, when more were issued', () => {
    // Twelve files submitted Mon Nov 2, issued on Nov 3 … Nov 18 (two on the 18th): working days after the day of submission.
    const issuedOn = ['03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '18', '18'];
    const files = issuedOn.map((day, i) => record({ id: `f${i}`, number: `140603202611020001${String(i + 1).padStart(2, '0')}`, decidedAt: sh(`2026-11-${day}T09:00`), issuedAt: sh(`2026-11-${day}T10:00`) }));
    const report = computeMonthlyReport(
      input({
        events: files.flatMap((f) => [
          { applicationId: f.id, action: 'submit', toState: 'submitted', at: f.submittedAt! },
          { applicationId: f.id, action: 'issued', toState: 'issued', at: f.issuedAt! },
        ]),
        records: new Map(files.map((f) => [f.id, f])),
      }),
    );
    expect(report.total.issued).toBe(12);
    expect(report.slowest.map((f) => [f.number.slice(-3), f.workingDays])).toEqual([
      ['111', 12], ['112', 12], ['110', 10], ['109', 9], ['108', 8], ['107', 7], ['106', 6], ['105', 5], ['104', 4], ['103', 3],
    ]);
  });

  it('writes a CSV with a byte order mark and draws every chart as SVG', () => {
    const report = computeMonthlyReport(input());
    const csv = monthlyReportCsv(report);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n食品经营许可证,1,1,0,0,0,1,0,1,0,1,1,100.0%,4,4,4,5个工作日,0,0,0,0\r\n');
    const charts = reportCharts(report);
    expect(charts.map((c) => c.id)).toEqual(['volumes', 'on-time', 'processing', 'daily', 'ratings']);
    for (const chart of charts) {
      const svg = chartSvg(chart);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('style=');
    }
    expect(chartSvg({ id: 'x', title: 'a<b & "c"', width: 10, height: 10, shapes: [{ type: 'text', x: 1, y: 1, text: '<&>', size: 5 }] })).toContain('&lt;&amp;&gt;');
  });

  it('draws the same charts in English from the catalogue, and the catalogue holds the Chinese words of the PDF', () => {
    const keys = Object.keys(CHART_WORDS_ZH) as ChartWordKey[];
    const from = (catalogue: Record<string, string>) => Object.fromEntries(keys.map((k) => [k, catalogue[`report.chart.${k}`]])) as ChartWords;
    expect(from(zhWords)).toEqual(CHART_WORDS_ZH);
    const report = computeMonthlyReport(input());
    const english = reportCharts(report, from(enWords));
    expect(english.map((c) => c.title)).toEqual([
      'Files received and issued, by service',
      'Decided on time (within the promised limit)',
      'Working days from submission to issue',
      'Files received and issued per day',
      'Ratings',
    ]);
    const svg = english.map(chartSvg).join('\n');
    expect(svg).toContain('>100.0% (1/1)</text>');
    expect(svg).not.toMatch(/[\u4e00-\u9fff]/);
    // The Chinese drawing is the PDF's, unchanged by the words being passed in.
    expect(reportCharts(report, from(zhWords)).map(chartSvg)).toEqual(reportCharts(report).map(chartSvg));
    expect(labelWidth('收件', 10)).toBe(20);
    expect(labelWidth('Received', 10)).toBeLessThan(50);
    const trend = submissionsTrendChart([{ date: '2026-11-01', submitted: 3, issued: 1, working: false }, { date: '2026-11-02', submitted: 5, issued: 2, working: true }]);
    expect(trend).toMatchObject({ id: 'trend', title: '近30天每日收件与发证（件）' });
    expect(chartSvg(trend)).toContain('fill="#f1ede8"');
  });

  it('scales axes to round numbers, and at least a few whole steps', () => {
    expect(niceScale(1)).toEqual({ max: 5, step: 1 });
    expect(niceScale(13)).toEqual({ max: 15, step: 5 });
    expect(niceScale(128)).toEqual({ max: 150, step: 50 });
  });
});

describe('report jobs', () => {
  it('take a month (or none: the scheduler) and a day (or none: yesterday), and refuse anything else for good', () => {
    expect(parseJobPayload('monthly-report', {})).toEqual({});
    expect(parseJobPayload('monthly-report', { month: '2026-10', requestedBy: '局领导', extra: 1 })).toEqual({ month: '2026-10', requestedBy: '局领导' });
    expect(() => parseJobPayload('monthly-report', { month: '2026-13' })).toThrow(MalformedJobError);
    expect(parseJobPayload('daily-stats', { day: '2026-11-27' })).toEqual({ day: '2026-11-27' });
    expect(() => parseJobPayload('daily-stats', { day: 'yesterday' })).toThrow(MalformedJobError);
  });
});

describe("a report job's status", () => {
  /** A queue whose job finishes right after the first thing it is asked: the moment the old reading order lost the result. */
  function finishingQueue(): RunQueue {
    let done = false;
    const snapshot = () => (done ? { id: 'monthly-report-2026-04', progress: 100, returnvalue: { month: '2026-04', created: true }, failedReason: '' } : { id: 'monthly-report-2026-04', progress: 90, returnvalue: null, failedReason: '' });
    const finish = <T>(value: T): T => {
      done = true;
      return value;
    };
    return {
      getJobState: async () => finish(done ? 'completed' : 'active'),
      getJob: async () => finish(snapshot()) as never,
    };
  }

  it('never says completed without the result: the state is read before the job', async () => {
    const first = await readRunStatus(finishingQueue(), '2026-04');
    expect(first).toEqual({ jobId: 'monthly-report-2026-04', month: '2026-04', state: 'active', progress: 100 });
    const queue = finishingQueue();
    await readRunStatus(queue, '2026-04');
    expect(await readRunStatus(queue, '2026-04')).toEqual({ jobId: 'monthly-report-2026-04', month: '2026-04', state: 'completed', progress: 100, result: { month: '2026-04', created: true } });
  });

  it('is null for a month with no job', async () => {
    expect(await readRunStatus({ getJobState: async () => 'unknown', getJob: async () => undefined }, '2026-04')).toBeNull();
  });
});
