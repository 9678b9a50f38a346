"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const config_1 = require("../../../libs/config/src/index.js");
const applications_1 = require("../../../libs/applications/src/index.js");
const queues_1 = require("../../../libs/queues/src/index.js");
const documents_processor_1 = require("./documents.processor");
const deadlines_processor_1 = require("./deadlines.processor");
const seal_carving_processor_1 = require("./seal-carving.processor");
const issuance_processor_1 = require("./issuance.processor");
const maintenance_processor_1 = require("./maintenance.processor");
const outbox_relay_service_1 = require("./outbox-relay.service");
const precheck_processor_1 = require("./precheck.processor");
const reports_processor_1 = require("./reports.processor");
let WorkerModule = class WorkerModule {
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = __decorate([
    (0, common_1.Module)({
        imports: [
            config_1.ConfigModule,
            applications_1.ApplicationsModule,
            bullmq_1.BullModule.forRootAsync({
                inject: [config_1.AppConfig],
                useFactory: (config) => ({
                    connection: (0, queues_1.redisConnectionOptions)(config.REDIS_URL),
                    prefix: config.QUEUE_PREFIX,
                    defaultJobOptions: queues_1.DEFAULT_JOB_OPTIONS,
                }),
            }),
            bullmq_1.BullModule.registerQueue(...[...queues_1.FAMILY_QUEUES, queues_1.QUEUES.issuance, queues_1.QUEUES.maintenance, queues_1.QUEUES.documents, queues_1.QUEUES.sealCarving, queues_1.QUEUES.deadlines, queues_1.QUEUES.reports].map((name) => ({ name }))),
        ],
        providers: [...precheck_processor_1.PRECHECK_PROCESSORS, issuance_processor_1.IssuanceProcessor, documents_processor_1.DocumentsProcessor, seal_carving_processor_1.SealCarvingProcessor, maintenance_processor_1.MaintenanceProcessor, deadlines_processor_1.DeadlinesProcessor, reports_processor_1.ReportsProcessor, outbox_relay_service_1.OutboxRelayService],
    })
], WorkerModule);
