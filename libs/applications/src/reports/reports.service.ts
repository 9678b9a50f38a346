import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarDay, DEFAULT_OFFICE_HOURS, OfficeHours, shanghaiDateOf, WorkingCalendar } from '@onewindow/domain';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { canonicalJson } from '@onewindow/documents';
import { ReportPdfRenderer } from '@onewindow/documents/report-pdf.renderer';
import { FILE_STORAGE, FileStorage, MonthlyReportEntity, queryReturning } from '@onewindow/persistence';
import { DEFAULT_JOB_OPTIONS, QUEUES, QueueRegistry, redisEventsLoggedBy } from '@onewindow/queues';
import { CalendarService } from '../calendar.service';
import { CHART_IDS, ChartId, chartSvg, reportChart } from './charts';
import { rebuildDailyAggregates } from './daily-aggregates';
import { computeMonthlyReport, MonthlyReport } from './monthly-report';
import { monthlyReportCsv } from './monthly-report.csv';
import { calendarSnapshot, loadMonthlyReportInput } from './monthly-report.loader';
import { monthlyReportPdfDocument } from './monthly-report.pdf';
import { addDays, firstWorkingDayOfMonth, monthPeriod, Period, previousMonth } from './period';
import { readRunStatus, ReportRunStatus, runJobId } from './report-run-status';

/** The report as the API serves it: the figures, whether the month is stored for good, and where its charts are. */
export type MonthlyReportView = MonthlyReport & {
  stored: boolean;
  /** SHA-256 of the canonical JSON of the figures (the stored record's, once stored). */
  reportSha256: string;
  /** SHA-256 of the calendar the figures were computed with: its days and office hours. */
  calendarSha256: string;
  charts: Array<{ id: ChartId; url: string }>;
};

export type ProgressListener = (percent: number) => Promise<void> | void;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The calendar a month's figures were computed with: due times fall at the close of business, so the office hours count too. */
interface CalendarUsed {
  days: CalendarDay[];
  officeHours: OfficeHours;
}

/** A stored month's calendar; months stored before the office hours were kept hold the days alone, under the default hours. */
function calendarOfStored(value: unknown): CalendarUsed {
  return Array.isArray(value) ? { days: value as CalendarDay[], officeHours: DEFAULT_OFFICE_HOURS } : (value as CalendarUsed);
}

/**
 * The monthly business-environment report: computed on demand for any month that has begun, and
 * stored for good — figures, calendar and PDF — the first time a month that is over is asked for
 * or when the daily job produces it. A stored month is always served as stored, so editing the
 * holiday calendar later changes nothing in it; `verify` recomputes it with its stored calendar.
 */
@Injectable()
export class ReportsService implements OnModuleDestroy {
  private readonly logger = new Logger('ReportsService');
  private renderer: ReportPdfRenderer | null = null;
  private queues: QueueRegistry | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly calendars: CalendarService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.queues?.close();
    this.queues = null;
  }

  /** The month's report: the stored one, or computed now (and stored when the month is over). */
  async monthly(month: string, requestedBy: string, now: Date = new Date()): Promise<MonthlyReportView> {
    const period = this.reportablePeriod(month, now);
    const stored = await this.findStored(period.label);
    if (stored) return this.viewOfStored(stored);
    if (now.getTime() < period.to.getTime()) {
      const calendar = await this.calendarNow();
      const report = await this.compute(period, calendar, now);
      return this.view(report, false, calendar);
    }
    return this.viewOfStored((await this.generateAndStore(period.label, requestedBy, undefined, now)).row);
  }

  /**
   * The month's report as it stands, never storing anything (for pages: a GET changes nothing): the
   * stored one, or computed now with the calendar as it stands.
   */
  async current(month: string, now: Date = new Date()): Promise<MonthlyReportView> {
    const period = this.reportablePeriod(month, now);
    const stored = await this.findStored(period.label);
    if (stored) return this.viewOfStored(stored);
    const calendar = await this.calendarNow();
    return this.view(await this.compute(period, calendar, now), false, calendar);
  }

  async csv(month: string, requestedBy: string): Promise<{ body: string; fileName: string }> {
    const view = await this.monthly(month, requestedBy);
    return { body: monthlyReportCsv(view), fileName: `monthly-report-${view.month}.csv` };
  }

  async pdf(month: string, requestedBy: string, now: Date = new Date()): Promise<{ body: Buffer; fileName: string }> {
    const period = this.reportablePeriod(month, now);
    const fileName = `monthly-report-${period.label}.pdf`;
    const stored = (await this.findStored(period.label)) ?? (now >= period.to ? (await this.generateAndStore(period.label, requestedBy, undefined, now)).row : null);
    if (stored) return { body: await this.storage.read(stored.pdfSha256), fileName };
    const view = await this.monthly(month, requestedBy, now);
    return { body: await this.renderPdf(view), fileName };
  }

  async chart(month: string, chart: string, requestedBy: string): Promise<string> {
    if (!(CHART_IDS as readonly string[]).includes(chart)) throw new NotFoundError();
    return chartSvg(reportChart(await this.monthly(month, requestedBy), chart as ChartId));
  }

  /**
   * Computes the month with the calendar as it stands, renders its PDF and stores all three;
   * a month stored already (by another process in between) is left as it was.
   */
  async generateAndStore(month: string, generatedBy: string, onProgress?: ProgressListener, now: Date = new Date()): Promise<{ row: MonthlyReportEntity; created: boolean }> {
    const period = monthPeriod(month);
    if (now.getTime() < period.to.getTime()) throw new ValidationFailedError({ month: 'fields.month_not_over' });
    const existing = await this.findStored(month);
    if (existing) {
      await onProgress?.(100);
      return { row: existing, created: false };
    }
    await onProgress?.(5);
    const calendar = await this.calendarNow();
    await onProgress?.(10);
    const report = await this.compute(period, calendar, now);
    await onProgress?.(60);
    const pdf = await this.renderPdf(report);
    await onProgress?.(80);
    const stored = await this.storage.put(pdf);
    await onProgress?.(90);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO monthly_reports (month, generated_at, generated_by, calendar, report, report_sha256, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (month) DO NOTHING RETURNING month`,
      [month, now, generatedBy, JSON.stringify(calendar), JSON.stringify(report), sha256(canonicalJson(report)), stored.sha256],
    );
    const row = (await this.findStored(month))!;
    await onProgress?.(100);
    if (inserted.length > 0) this.logger.log(`monthly report ${month} stored (${generatedBy})`);
    return { row, created: inserted.length > 0 };
  }

  /** Recomputes a stored month with the calendar stored beside it: the figures must come out the same. */
  async verify(month: string): Promise<{ month: string; matches: boolean; reportSha256: string; recomputedSha256: string }> {
    const stored = await this.findStored(monthPeriod(month).label);
    if (!stored) throw new NotFoundError();
    const report = stored.report as MonthlyReport;
    const recomputed = await this.compute(monthPeriod(month), calendarOfStored(stored.calendar), new Date(report.generatedAt));
    const recomputedSha256 = sha256(canonicalJson(recomputed));
    return { month, matches: recomputedSha256 === stored.reportSha256, reportSha256: stored.reportSha256, recomputedSha256 };
  }

  /**
   * The daily job: on or after the first working day of a month, produces the previous month's
   * report unless it is stored already (a worker that was down on that day catches up).
   */
  async scheduledRun(now: Date = new Date(), onProgress?: ProgressListener): Promise<{ month: string; created: boolean } | { skipped: string }> {
    const today = shanghaiDateOf(now);
    const firstWorkingDay = firstWorkingDayOfMonth(today, this.calendars.current);
    if (today < firstWorkingDay) return { skipped: `waiting for the first working day of the month (${firstWorkingDay})` };
    const month = previousMonth(today.slice(0, 7));
    const { created } = await this.generateAndStore(month, 'scheduler', onProgress, now);
    return { month, created };
  }

  /**
   * Rebuilds a closed day's dashboard aggregates from its audit events (default: yesterday), and
   * drops the clock counters that have come down to zero.
   */
  async rebuildDay(day?: string, now: Date = new Date()): Promise<{ day: string; services: number; emptyCountersDropped: number }> {
    const target = day ?? addDays(shanghaiDateOf(now), -1);
    const counts = await this.dataSource.transaction((em) => rebuildDailyAggregates(em, target, this.calendars.current));
    const dropped = await queryReturning<{ due_on: string }>(this.dataSource, 'DELETE FROM clock_due_counters WHERE count = 0 RETURNING due_on', []);
    return { day: target, services: counts.size, emptyCountersDropped: dropped.length };
  }

  /** Queues a run of the report job for a month that is over; its progress shows in `runStatus`. */
  async requestRun(month: string, requestedBy: string, now: Date = new Date()): Promise<ReportRunStatus> {
    const period = monthPeriod(month);
    if (now.getTime() < period.to.getTime()) throw new ValidationFailedError({ month: 'fields.month_not_over' });
    const queue = this.queue();
    const id = runJobId(period.label);
    const existing = await queue.getJob(id);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return this.runStatus(period.label);
      await existing.remove();
    }
    await queue.add('monthly-report', { month: period.label, requestedBy }, { ...DEFAULT_JOB_OPTIONS, jobId: id });
    return this.runStatus(period.label);
  }

  async runStatus(month: string): Promise<ReportRunStatus> {
    const status = await readRunStatus(this.queue(), monthPeriod(month).label);
    if (!status) throw new NotFoundError();
    return status;
  }

  private queue() {
    this.queues ??= new QueueRegistry(this.config.REDIS_URL, this.config.QUEUE_PREFIX, redisEventsLoggedBy(this.logger, 'report jobs'));
    return this.queues.get(QUEUES.reports);
  }

  private reportablePeriod(month: string, now: Date): Period {
    const period = monthPeriod(month);
    if (period.from.getTime() > now.getTime()) throw new ValidationFailedError({ month: 'fields.month_in_future' });
    return period;
  }

  /** The calendar as it stands: calendar_days read afresh, and this process's office hours. */
  private async calendarNow(): Promise<CalendarUsed> {
    return { days: await calendarSnapshot(this.dataSource.manager), officeHours: this.calendars.current.officeHours };
  }

  private async compute(period: Period, used: CalendarUsed, generatedAt: Date): Promise<MonthlyReport> {
    const calendar = new WorkingCalendar(used.days, used.officeHours);
    return computeMonthlyReport(await loadMonthlyReportInput(this.dataSource.manager, period, calendar, generatedAt));
  }

  private async renderPdf(report: MonthlyReport): Promise<Buffer> {
    this.renderer ??= new ReportPdfRenderer();
    return this.renderer.render(monthlyReportPdfDocument(report, this.config.BUREAU_NAME));
  }

  private findStored(month: string): Promise<MonthlyReportEntity | null> {
    return this.dataSource.getRepository(MonthlyReportEntity).findOneBy({ month });
  }

  private viewOfStored(row: MonthlyReportEntity): MonthlyReportView {
    const view = this.view(row.report as MonthlyReport, true, calendarOfStored(row.calendar));
    return { ...view, reportSha256: row.reportSha256 };
  }

  private view(report: MonthlyReport, stored: boolean, calendar: CalendarUsed): MonthlyReportView {
    return {
      ...report,
      stored,
      reportSha256: sha256(canonicalJson(report)),
      calendarSha256: sha256(canonicalJson(calendar)),
      charts: CHART_IDS.map((id) => ({ id, url: `/api/reports/monthly/charts/${id}.svg?month=${report.month}` })),
    };
  }
}
