import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getService, shanghaiDateOf, type TimeLimit } from '@onewindow/domain';
import { DomainError, NotFoundError } from '@onewindow/domain/errors';
import {
  CalendarService,
  CHART_WORDS_ZH,
  ChartWordKey,
  ChartWords,
  chartSvg,
  DashboardService,
  MonthlyReportView,
  monthPeriod,
  OPEN_STATES,
  percentCell,
  previousMonth,
  ReportRunStatus,
  reportCharts,
  ReportsService,
  ServiceFigures,
  SlowFile,
  submissionsTrendChart,
} from '@onewindow/applications';
import { Roles } from '@onewindow/auth';
import { Locale, toApiError, translate } from '@onewindow/web';
import { PageExceptionFilter, redirectTo, renderPage } from '@onewindow/web/views';
import { staffOf } from './staff-pages';

type FormBody = Record<string, unknown>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Job states in which the report is still being made: the page keeps refreshing itself. */
const RUNNING = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];
/** The page refreshes every few seconds while the job runs (a report takes seconds, not minutes). */
const REFRESH_SECONDS = 3;

const translator = (locale: Locale): Translate => (key, params = {}) => translate(locale, key, params);

/** The charts' words in the page's language, from the catalogue's `report.chart.*` keys. */
export function chartWords(t: Translate): ChartWords {
  return Object.fromEntries((Object.keys(CHART_WORDS_ZH) as ChartWordKey[]).map((key) => [key, t(`report.chart.${key}`)])) as ChartWords;
}

export function serviceNameOf(code: string, locale: Locale, fallback = code): string {
  const service = getService(code);
  return service ? (locale === 'en' ? service.nameEn : service.name) : fallback;
}

export function limitWords(limit: TimeLimit | null, t: Translate): string {
  if (!limit) return '—';
  const key = limit.unit === 'working' ? 'limit.working_days' : 'limit.calendar_days';
  return t(limit.days === 1 ? `${key}_one` : key, { days: limit.days });
}

/** A figure that may be missing (nothing decided, nothing issued) as the page shows it. */
const figure = (value: number | null) => (value === null ? '—' : String(value));
const percent = (rate: number | null) => percentCell(rate) || '—';

/** 'YYYY-MM' as a reader names it: 2026年5月, May 2026. */
export function monthTitle(month: string, locale: Locale): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 15)));
}

/** A slow file's reason in the page's language, from the facts the report keeps beside its Chinese words. */
export function reasonText(reason: SlowFile['reasons'][number], t: Translate): string {
  const days = reason.workingDays ?? 0;
  switch (reason.kind) {
    case 'correction':
      return reason.count === undefined ? reason.text : t('report.reason.correction', { count: reason.count, days });
    case 'special_procedure':
      return reason.procedure === undefined ? reason.text : t('report.reason.special_procedure', { procedure: t(`report.pause.${reason.procedure}`), days });
    case 'extension':
      return reason.note ? t('report.reason.extension_because', { days, reason: reason.note }) : t('report.reason.extension', { days });
    case 'late_decision':
      return t('report.reason.late_decision', { days });
    case 'issue_wait':
      return t('report.reason.issue_wait', { days });
    default:
      return t('report.reason.none');
  }
}

function serviceRow(s: ServiceFigures, locale: Locale, t: Translate) {
  const total = s.serviceCode === 'total';
  return {
    code: s.serviceCode,
    total,
    name: total ? t('report.total') : serviceNameOf(s.serviceCode, locale, s.serviceName),
    received: s.received,
    accepted: s.accepted,
    corrected: s.corrected,
    correctedTwice: s.correctedTwice,
    refused: s.refused,
    approved: s.approved,
    denied: s.denied,
    issued: s.issued,
    withdrawn: s.withdrawn,
    assisted: s.assisted,
    greenChannel: s.greenChannel,
    decided: s.decided,
    decidedOnTime: s.decidedOnTime,
    onTimeRate: percent(s.onTimeRate),
    mean: figure(s.processingDays.mean),
    median: figure(s.processingDays.median),
    p90: figure(s.processingDays.p90),
    promisedLimit: total ? '' : limitWords(s.promisedLimit, t),
    pausedWorkingDays: s.pausedWorkingDays,
    extensions: s.extensions,
  };
}

/** Everything the monthly page shows of a report, in the reader's language. */
function monthlyView(report: MonthlyReportView, locale: Locale, t: Translate) {
  const words = chartWords(t);
  const total = report.total;
  return {
    month: report.month,
    final: report.final,
    stored: report.stored,
    generatedAt: report.generatedAt,
    reportSha256: report.reportSha256,
    workingDays: report.period.workingDays,
    lastDay: report.daily[report.daily.length - 1]?.date,
    highlights: [
      { key: 'received', label: t('report.highlight.received'), value: String(total.received) },
      { key: 'issued', label: t('report.highlight.issued'), value: String(total.issued) },
      { key: 'on-time', label: t('report.highlight.on_time', { onTime: total.decidedOnTime, decided: total.decided }), value: percent(total.onTimeRate) },
      { key: 'median', label: t('report.highlight.median'), value: figure(total.processingDays.median) },
      { key: 'assisted', label: t('report.highlight.assisted_green'), value: `${total.assisted} / ${total.greenChannel}` },
    ],
    rows: [...report.services, total].map((s) => serviceRow(s, locale, t)),
    pauses: (['correction', 'expert_review', 'hearing', 'public_notice'] as const).map((kind) => ({ kind, label: t(`report.pause.${kind}`), ...report.pauses[kind] })),
    ratings: {
      ...report.ratings,
      levels: (['5', '4', '3', '2', '1'] as const).map((level) => ({ level, label: t(`report.chart.ratings.level_${level}`), count: report.ratings.distribution[level] })),
      satisfiedShare: percent(report.ratings.satisfiedShare),
    },
    seal: {
      ...report.sealCarving,
      mean: figure(report.sealCarving.daysToDelivery.mean),
      median: figure(report.sealCarving.daysToDelivery.median),
      max: figure(report.sealCarving.daysToDelivery.max),
    },
    slowest: report.slowest.map((f, i) => ({
      rank: i + 1,
      number: f.number,
      applicationId: f.applicationId,
      serviceName: serviceNameOf(f.serviceCode, locale, f.serviceName),
      entityName: f.entityName,
      submittedAt: f.submittedAt,
      issuedAt: f.issuedAt,
      workingDays: f.workingDays,
      promisedLimit: limitWords(f.promisedLimit, t),
      reasons: f.reasons.map((r) => reasonText(r, t)),
    })),
    daily: report.daily,
    charts: reportCharts(report, words).map((scene) => ({ id: scene.id, title: scene.title, svg: chartSvg(scene) })),
    csvUrl: `/api/reports/monthly?month=${report.month}&format=csv`,
    pdfUrl: `/api/reports/monthly?month=${report.month}&format=pdf`,
  };
}

function runView(status: ReportRunStatus | null) {
  if (!status) return null;
  const running = RUNNING.includes(status.state);
  const result = (status.result ?? null) as { created?: boolean } | null;
  return {
    state: status.state,
    running,
    progress: Math.max(0, Math.min(100, Math.round(status.progress))),
    completed: status.state === 'completed',
    created: result?.created === true,
    failed: status.state === 'failed',
  };
}

/**
 * Leadership's pages: the live dashboard (their start page) and the monthly business-environment
 * report with its charts drawn on the server, its downloads and the job that stores it. Pages
 * never store a report by being looked at; the "generate" button queues the report job.
 */
@ApiExcludeController()
@UseFilters(new PageExceptionFilter('/login'))
@Roles('leadership', 'administrator')
@Controller('reports')
export class ReportsPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly dashboard: DashboardService,
    private readonly calendars: CalendarService,
  ) {}

  @Get('dashboard')
  async dashboardPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const d = await this.dashboard.get();
    const clockOf = new Map(d.clock.byService.map((c) => [c.serviceCode, c]));
    const calendar = this.calendars.current;
    const trend = d.submissions.map((day) => ({ ...day, working: calendar.isWorkingDay(day.date) }));
    await renderPage(request, reply, 'backoffice/reports/dashboard.njk', {
      asOf: d.asOf,
      states: OPEN_STATES.map((state) => ({ state, label: t(`state.${state}`) })),
      rows: d.queue.map((q) => ({
        code: q.serviceCode,
        name: serviceNameOf(q.serviceCode, locale, q.serviceName),
        states: OPEN_STATES.map((state) => q.states[state] ?? 0),
        open: q.open,
        red: clockOf.get(q.serviceCode)?.red ?? 0,
        overdue: clockOf.get(q.serviceCode)?.overdue ?? 0,
      })),
      totals: {
        states: OPEN_STATES.map((state) => d.queueTotals[state] ?? 0),
        open: Object.values(d.queueTotals).reduce((a, b) => a + b, 0),
        red: d.clock.red,
        overdue: d.clock.overdue,
      },
      onTime: { ...d.onTime, percent: percent(d.onTime.rate) },
      trend,
      trendSubmitted: trend.reduce((sum, day) => sum + day.submitted, 0),
      trendIssued: trend.reduce((sum, day) => sum + day.issued, 0),
      trendSvg: chartSvg(submissionsTrendChart(trend, chartWords(t))),
      monthlyUrl: `/reports/monthly?month=${previousMonth(shanghaiDateOf(new Date()).slice(0, 7))}`,
    });
  }

  @Get('monthly')
  async monthly(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    staffOf(request);
    const locale = request.locale;
    const t = translator(locale);
    const month = query.month === undefined || query.month === '' ? previousMonth(shanghaiDateOf(new Date()).slice(0, 7)) : query.month;
    const fail = (message: string, status: number) =>
      renderPage(request, reply, 'backoffice/reports/monthly.njk', { picker: { value: typeof month === 'string' ? month.slice(0, 7) : '', error: message }, errorList: [{ href: '#month', text: message }], hasErrors: true }, status);
    if (typeof month !== 'string' || !MONTH.test(month)) return fail(t('report.month_invalid'), 400);
    let report: MonthlyReportView;
    let run: ReturnType<typeof runView> = null;
    try {
      monthPeriod(month);
      // The job's state before the report: a job seen completed has stored its month already, so the two agree.
      run = runView(await this.reports.runStatus(month).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))));
      report = await this.reports.current(month);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      const api = toApiError(error, locale);
      return fail(Object.values(api.fields ?? {})[0] ?? api.message, api.statusCode);
    }
    // Only after "generate" (run=1) is the job's outcome news; auto=0 is the reader's way to stop the refreshing.
    const following = query.run === '1';
    await renderPage(request, reply, 'backoffice/reports/monthly.njk', {
      picker: { value: month, error: '' },
      title: monthTitle(month, locale),
      report: monthlyView(report, locale, t),
      run: following || run?.running ? run : null,
      refreshSeconds: run?.running && query.auto !== '0' ? REFRESH_SECONDS : 0,
      stopRefreshUrl: `/reports/monthly?month=${month}&run=1&auto=0`,
      checkUrl: `/reports/monthly?month=${month}&run=1&auto=0`,
      canGenerate: report.final && !report.stored && !run?.running,
      flags: { generated: following && run?.completed === true },
    });
  }

  @Post('monthly/runs')
  async generate(@Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const account = staffOf(request);
    const month = typeof body.month === 'string' ? body.month : '';
    if (!MONTH.test(month)) return redirectTo(reply, '/reports/monthly');
    try {
      await this.reports.requestRun(month, account.name);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      // A month not over: the page says so where the button would be.
      return redirectTo(reply, `/reports/monthly?month=${month}`);
    }
    return redirectTo(reply, `/reports/monthly?month=${month}&run=1`);
  }
}
