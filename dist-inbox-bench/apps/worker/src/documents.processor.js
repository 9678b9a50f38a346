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
Object.defineProperty(exports, "__esModule", { value: true });
exports.DocumentsProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
let DocumentsProcessor = class DocumentsProcessor extends bullmq_1.WorkerHost {
    notices;
    constructor(notices) {
        super();
        this.notices = notices;
    }
    async process(job) {
        if (job.name !== 'render-notice')
            throw new bullmq_2.UnrecoverableError(`documents has no job named ${job.name}`);
        try {
            return await this.notices.render((0, queues_1.parseJobPayload)('render-notice', job.data).noticeId);
        }
        catch (error) {
            if (error instanceof queues_1.MalformedJobError)
                throw new bullmq_2.UnrecoverableError(error.message);
            throw error;
        }
    }
};
exports.DocumentsProcessor = DocumentsProcessor;
exports.DocumentsProcessor = DocumentsProcessor = __decorate([
    (0, bullmq_1.Processor)(queues_1.QUEUES.documents, { concurrency: 4 }),
    __metadata("design:paramtypes", [applications_1.NoticeService])
], DocumentsProcessor);
