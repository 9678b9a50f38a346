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
exports.SealCarvingProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
const precheck_processor_1 = require("./precheck.processor");
let SealCarvingProcessor = class SealCarvingProcessor extends bullmq_1.WorkerHost {
    sealCarving;
    constructor(sealCarving) {
        super();
        this.sealCarving = sealCarving;
    }
    async process(job) {
        if (job.name !== 'open-seal-order')
            throw new bullmq_2.UnrecoverableError(`seal-carving has no job named ${job.name}`);
        return this.sealCarving.open((0, precheck_processor_1.payloadOf)('open-seal-order', job).applicationId);
    }
};
exports.SealCarvingProcessor = SealCarvingProcessor;
exports.SealCarvingProcessor = SealCarvingProcessor = __decorate([
    (0, bullmq_1.Processor)(queues_1.QUEUES.sealCarving),
    __metadata("design:paramtypes", [applications_1.SealCarvingService])
], SealCarvingProcessor);
