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
exports.ReportsProcessor = exports.REPORT_SCHEDULERS = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const errors_1 = require("../../../libs/domain/src/errors.js");
const queues_1 = require("../../../libs/queues/src/index.js");
exports.REPORT_SCHEDULERS = { monthlyReport: 'monthly-report-daily', dailyStats: 'daily-stats-rollup' };
let ReportsProcessor = class ReportsProcessor extends bullmq_1.WorkerHost {
    reports;
    queue;
    constructor(reports, queue) {
        super();
        this.reports = reports;
        this.queue = queue;
    }
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler(exports.REPORT_SCHEDULERS.monthlyReport, { pattern: '30 7 * * *', tz: 'Asia/Shanghai' }, { name: 'monthly-report', data: {} });
        await this.queue.upsertJobScheduler(exports.REPORT_SCHEDULERS.dailyStats, { pattern: '20 0 * * *', tz: 'Asia/Shanghai' }, { name: 'daily-stats', data: {} });
    }
    async process(job) {
        try {
            return await this.run(job);
        }
        catch (error) {
            if (error instanceof errors_1.DomainError)
                throw new bullmq_2.UnrecoverableError(`${job.name}: ${error.messageKey} ${JSON.stringify(error.fields ?? {})}`);
            throw error;
        }
    }
    async run(job) {
        if (job.name === 'monthly-report') {
            const payload = parse('monthly-report', job.data);
            const progress = (percent) => job.updateProgress(percent);
            if (!payload.month)
                return this.reports.scheduledRun(new Date(), progress);
            const { row, created } = await this.reports.generateAndStore(payload.month, payload.requestedBy ?? 'scheduler', progress);
            return { month: row.month, created, reportSha256: row.reportSha256, pdfSha256: row.pdfSha256 };
        }
        if (job.name === 'daily-stats')
            return this.reports.rebuildDay(parse('daily-stats', job.data).day);
        throw new bullmq_2.UnrecoverableError(`reports has no job named ${job.name}`);
    }
};
exports.ReportsProcessor = ReportsProcessor;
exports.ReportsProcessor = ReportsProcessor = __decorate([
    (0, bullmq_1.Processor)(queues_1.QUEUES.reports),
    __param(1, (0, bullmq_1.InjectQueue)(queues_1.QUEUES.reports)),
    __metadata("design:paramtypes", [applications_1.ReportsService,
        bullmq_2.Queue])
], ReportsProcessor);
function parse(name, data) {
    try {
        return (0, queues_1.parseJobPayload)(name, data);
    }
    catch (error) {
        if (error instanceof queues_1.MalformedJobError)
            throw new bullmq_2.UnrecoverableError(error.message);
        throw error;
    }
}
