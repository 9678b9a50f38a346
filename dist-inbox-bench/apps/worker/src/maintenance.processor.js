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
exports.MaintenanceProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
let MaintenanceProcessor = class MaintenanceProcessor extends bullmq_1.WorkerHost {
    digests;
    reconciler;
    queue;
    constructor(digests, reconciler, queue) {
        super();
        this.digests = digests;
        this.reconciler = reconciler;
        this.queue = queue;
    }
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler('audit-digest-daily', { pattern: '10 0 * * *', tz: 'Asia/Shanghai' }, { name: 'audit-digest', data: {} });
        await this.queue.upsertJobScheduler('reconcile-every-minute', { every: 60_000 }, { name: 'reconcile', data: {} });
    }
    async process(job) {
        if (job.name === 'reconcile')
            return this.reconciler.reconcile();
        if (job.name !== 'audit-digest')
            throw new bullmq_2.UnrecoverableError(`maintenance has no job named ${job.name}`);
        let payload;
        try {
            payload = (0, queues_1.parseJobPayload)('audit-digest', job.data);
        }
        catch (error) {
            if (error instanceof queues_1.MalformedJobError)
                throw new bullmq_2.UnrecoverableError(error.message);
            throw error;
        }
        return this.digests.store(payload.day);
    }
};
exports.MaintenanceProcessor = MaintenanceProcessor;
exports.MaintenanceProcessor = MaintenanceProcessor = __decorate([
    (0, bullmq_1.Processor)(queues_1.QUEUES.maintenance),
    __param(2, (0, bullmq_1.InjectQueue)(queues_1.QUEUES.maintenance)),
    __metadata("design:paramtypes", [applications_1.AuditDigestService,
        applications_1.ReconcilerService,
        bullmq_2.Queue])
], MaintenanceProcessor);
