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
exports.DeadlinesProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
const RELEASE_IDLE_CLAIMS_EVERY_MS = 5 * 60 * 1000;
function payloadOf(name, job) {
    try {
        return (0, queues_1.parseJobPayload)(name, job.data);
    }
    catch (error) {
        if (error instanceof queues_1.MalformedJobError)
            throw new bullmq_2.UnrecoverableError(error.message);
        throw error;
    }
}
let DeadlinesProcessor = class DeadlinesProcessor extends bullmq_1.WorkerHost {
    deadlines;
    claims;
    queue;
    constructor(deadlines, claims, queue) {
        super();
        this.deadlines = deadlines;
        this.claims = claims;
        this.queue = queue;
    }
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler('release-idle-claims', { every: RELEASE_IDLE_CLAIMS_EVERY_MS }, { name: 'release-idle-claims', data: {} });
    }
    async process(job, token) {
        switch (job.name) {
            case 'remind':
            case 'escalate': {
                const result = await this.deadlines.fire(payloadOf(job.name, job));
                if (result.outcome === 'early') {
                    await job.moveToDelayed(result.fireAt.getTime(), token);
                    throw new bullmq_2.DelayedError();
                }
                return result.outcome;
            }
            case 'release-idle-claims':
                payloadOf('release-idle-claims', job);
                return { released: (await this.claims.releaseIdle()).length };
            case 'recompute-due':
                return { changed: await this.deadlines.recomputeFrom(payloadOf('recompute-due', job).fromDate) };
            default:
                throw new bullmq_2.UnrecoverableError(`deadlines has no job named ${job.name}`);
        }
    }
};
exports.DeadlinesProcessor = DeadlinesProcessor;
exports.DeadlinesProcessor = DeadlinesProcessor = __decorate([
    (0, bullmq_1.Processor)(queues_1.QUEUES.deadlines, { concurrency: 4 }),
    __param(2, (0, bullmq_1.InjectQueue)(queues_1.QUEUES.deadlines)),
    __metadata("design:paramtypes", [applications_1.DeadlinesService,
        applications_1.ClaimsService,
        bullmq_2.Queue])
], DeadlinesProcessor);
