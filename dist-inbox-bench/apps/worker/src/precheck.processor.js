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
exports.PRECHECK_PROCESSORS = void 0;
exports.payloadOf = payloadOf;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
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
function precheckProcessorFor(queue) {
    let PrecheckProcessor = class PrecheckProcessor extends bullmq_1.WorkerHost {
        precheck;
        constructor(precheck) {
            super();
            this.precheck = precheck;
        }
        async process(job) {
            if (job.name !== 'precheck')
                throw new bullmq_2.UnrecoverableError(`${queue} has no job named ${job.name}`);
            return this.precheck.run(payloadOf('precheck', job).applicationId);
        }
    };
    PrecheckProcessor = __decorate([
        (0, bullmq_1.Processor)(queue, { concurrency: 8 }),
        __metadata("design:paramtypes", [applications_1.PrecheckService])
    ], PrecheckProcessor);
    Object.defineProperty(PrecheckProcessor, 'name', { value: `PrecheckProcessor(${queue})` });
    return PrecheckProcessor;
}
exports.PRECHECK_PROCESSORS = queues_1.FAMILY_QUEUES.map(precheckProcessorFor);
