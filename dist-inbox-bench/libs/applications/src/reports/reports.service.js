"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
const errors_1 = require("../../../domain/src/errors.js");
const config_1 = require("../../../config/src/index.js");
const documents_1 = require("../../../documents/src/index.js");
const report_pdf_renderer_1 = require("../../../documents/src/report-pdf.renderer.js");
const persistence_1 = require("../../../persistence/src/index.js");
const queues_1 = require("../../../queues/src/index.js");
const calendar_service_1 = require("../calendar.service");
const charts_1 = require("./charts");
const daily_aggregates_1 = require("./daily-aggregates");
const monthly_report_1 = require("./monthly-report");
const monthly_report_csv_1 = require("./monthly-report.csv");
const monthly_report_loader_1 = require("./monthly-report.loader");
const monthly_report_pdf_1 = require("./monthly-report.pdf");
const period_1 = require("./period");
const sha256 = (text) => (0, node_crypto_1.createHash)('sha256').update(text).digest('hex');
const runJobId = (month) => `monthly-report-${month}`;
let ReportsService = class ReportsService {
    dataSource;
    config;
    storage;
    calendars;
    logger = new common_1.Logger('ReportsService');
    renderer = null;
    queues = null;
    constructor(dataSource, config, storage, calendars) {
        this.dataSource = dataSource;
        this.config = config;
        this.storage = storage;
        this.calendars = calendars;
    }
    async onModuleDestroy() {
        await this.queues?.close();
        this.queues = null;
    }
    async monthly(month, requestedBy, now = new Date()) {
        const period = this.reportablePeriod(month, now);
        const stored = await this.findStored(period.label);
        if (stored)
            return this.viewOfStored(stored);
        if (now.getTime() < period.to.getTime()) {
            const days = await (0, monthly_report_loader_1.calendarSnapshot)(this.dataSource.manager);
            const report = await this.compute(period, days, now);
            return this.view(report, false, days);
        }
        return this.viewOfStored((await this.generateAndStore(period.label, requestedBy, undefined, now)).row);
    }
    async csv(month, requestedBy) {
        const view = await this.monthly(month, requestedBy);
        return { body: (0, monthly_report_csv_1.monthlyReportCsv)(view), fileName: `monthly-report-${view.month}.csv` };
    }
    async pdf(month, requestedBy, now = new Date()) {
        const period = this.reportablePeriod(month, now);
        const fileName = `monthly-report-${period.label}.pdf`;
        const stored = (await this.findStored(period.label)) ?? (now >= period.to ? (await this.generateAndStore(period.label, requestedBy, undefined, now)).row : null);
        if (stored)
            return { body: await this.storage.read(stored.pdfSha256), fileName };
        const view = await this.monthly(month, requestedBy, now);
        return { body: await this.renderPdf(view), fileName };
    }
    async chart(month, chart, requestedBy) {
        if (!charts_1.CHART_IDS.includes(chart))
            throw new errors_1.NotFoundError();
        return (0, charts_1.chartSvg)((0, charts_1.reportChart)(await this.monthly(month, requestedBy), chart));
    }
    async generateAndStore(month, generatedBy, onProgress, now = new Date()) {
        const period = (0, period_1.monthPeriod)(month);
        if (now.getTime() < period.to.getTime())
            throw new errors_1.ValidationFailedError({ month: 'fields.month_not_over' });
        const existing = await this.findStored(month);
        if (existing) {
            await onProgress?.(100);
            return { row: existing, created: false };
        }
        await onProgress?.(5);
        const days = await (0, monthly_report_loader_1.calendarSnapshot)(this.dataSource.manager);
        await onProgress?.(10);
        const report = await this.compute(period, days, now);
        await onProgress?.(60);
        const pdf = await this.renderPdf(report);
        await onProgress?.(80);
        const stored = await this.storage.put(pdf);
        await onProgress?.(90);
        const inserted = await this.dataSource.query(`INSERT INTO monthly_reports (month, generated_at, generated_by, calendar, report, report_sha256, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (month) DO NOTHING RETURNING month`, [month, now, generatedBy, JSON.stringify(days), JSON.stringify(report), sha256((0, documents_1.canonicalJson)(report)), stored.sha256]);
        const row = (await this.findStored(month));
        await onProgress?.(100);
        if (inserted.length > 0)
            this.logger.log(`monthly report ${month} stored (${generatedBy})`);
        return { row, created: inserted.length > 0 };
    }
    async verify(month) {
        const stored = await this.findStored((0, period_1.monthPeriod)(month).label);
        if (!stored)
            throw new errors_1.NotFoundError();
        const report = stored.report;
        const recomputed = await this.compute((0, period_1.monthPeriod)(month), stored.calendar, new Date(report.generatedAt));
        const recomputedSha256 = sha256((0, documents_1.canonicalJson)(recomputed));
        return { month, matches: recomputedSha256 === stored.reportSha256, reportSha256: stored.reportSha256, recomputedSha256 };
    }
    async scheduledRun(now = new Date(), onProgress) {
        const today = (0, domain_1.shanghaiLocalDate)(now);
        const firstWorkingDay = (0, period_1.firstWorkingDayOfMonth)(today, this.calendars.current);
        if (today < firstWorkingDay)
            return { skipped: `waiting for the first working day of the month (${firstWorkingDay})` };
        const month = (0, period_1.previousMonth)(today.slice(0, 7));
        const { created } = await this.generateAndStore(month, 'scheduler', onProgress, now);
        return { month, created };
    }
    async rebuildDay(day, now = new Date()) {
        const target = day ?? (0, period_1.addDays)((0, domain_1.shanghaiLocalDate)(now), -1);
        const counts = await this.dataSource.transaction((em) => (0, daily_aggregates_1.rebuildDailyAggregates)(em, target, this.calendars.current));
        return { day: target, services: counts.size };
    }
    async requestRun(month, requestedBy, now = new Date()) {
        const period = (0, period_1.monthPeriod)(month);
        if (now.getTime() < period.to.getTime())
            throw new errors_1.ValidationFailedError({ month: 'fields.month_not_over' });
        const queue = this.queue();
        const id = runJobId(period.label);
        const existing = await queue.getJob(id);
        if (existing) {
            const state = await existing.getState();
            if (state !== 'completed' && state !== 'failed')
                return this.runStatus(period.label);
            await existing.remove();
        }
        await queue.add('monthly-report', { month: period.label, requestedBy }, { ...queues_1.DEFAULT_JOB_OPTIONS, jobId: id });
        return this.runStatus(period.label);
    }
    async runStatus(month) {
        const period = (0, period_1.monthPeriod)(month);
        const job = await this.queue().getJob(runJobId(period.label));
        if (!job)
            throw new errors_1.NotFoundError();
        const state = await job.getState();
        return {
            jobId: job.id ?? runJobId(period.label),
            month: period.label,
            state,
            progress: typeof job.progress === 'number' ? job.progress : 0,
            ...(state === 'completed' ? { result: job.returnvalue } : {}),
            ...(state === 'failed' && job.failedReason ? { failedReason: job.failedReason } : {}),
        };
    }
    queue() {
        this.queues ??= new queues_1.QueueRegistry(this.config.REDIS_URL, this.config.QUEUE_PREFIX);
        return this.queues.get(queues_1.QUEUES.reports);
    }
    reportablePeriod(month, now) {
        const period = (0, period_1.monthPeriod)(month);
        if (period.from.getTime() > now.getTime())
            throw new errors_1.ValidationFailedError({ month: 'fields.month_in_future' });
        return period;
    }
    async compute(period, days, generatedAt) {
        const calendar = new domain_1.WorkingCalendar(days, this.calendars.current.officeHours);
        return (0, monthly_report_1.computeMonthlyReport)(await (0, monthly_report_loader_1.loadMonthlyReportInput)(this.dataSource.manager, period, calendar, generatedAt));
    }
    async renderPdf(report) {
        this.renderer ??= new report_pdf_renderer_1.ReportPdfRenderer();
        return this.renderer.render((0, monthly_report_pdf_1.monthlyReportPdfDocument)(report, this.config.BUREAU_NAME));
    }
    findStored(month) {
        return this.dataSource.getRepository(persistence_1.MonthlyReportEntity).findOneBy({ month });
    }
    viewOfStored(row) {
        const view = this.view(row.report, true, row.calendar);
        return { ...view, reportSha256: row.reportSha256 };
    }
    view(report, stored, days) {
        return {
            ...report,
            stored,
            reportSha256: sha256((0, documents_1.canonicalJson)(report)),
            calendarSha256: sha256((0, documents_1.canonicalJson)(days)),
            charts: charts_1.CHART_IDS.map((id) => ({ id, url: `/api/reports/monthly/charts/${id}.svg?month=${report.month}` })),
        };
    }
};
exports.ReportsService = ReportsService;
exports.ReportsService = ReportsService = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(persistence_1.FILE_STORAGE)),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        config_1.AppConfig, Object, calendar_service_1.CalendarService])
], ReportsService);
