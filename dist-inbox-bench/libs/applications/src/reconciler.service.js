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
var ReconcilerService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReconcilerService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const outbox_1 = require("./outbox");
let ReconcilerService = ReconcilerService_1 = class ReconcilerService {
    dataSource;
    logger = new common_1.Logger(ReconcilerService_1.name);
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async reconcile(graceSeconds = 60) {
        return this.dataSource.transaction(async (em) => {
            const report = { precheck: 0, issue: 0, notices: 0, sealOrders: 0 };
            const stale = `now() - make_interval(secs => ${Number(graceSeconds)})`;
            const submitted = await em.query(`SELECT id, service_code FROM applications WHERE state = 'submitted' AND updated_at < ${stale} ORDER BY updated_at LIMIT 1000`);
            for (const app of submitted) {
                const service = (0, domain_1.getService)(app.service_code);
                if (service)
                    await (0, outbox_1.enqueueJob)(em, service.queue, 'precheck', { applicationId: app.id });
            }
            report.precheck = submitted.length;
            const issuing = await em.query(`SELECT id FROM applications WHERE state = 'issuing' AND updated_at < ${stale} ORDER BY updated_at LIMIT 1000`);
            for (const app of issuing)
                await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.issuance, 'issue', { applicationId: app.id });
            report.issue = issuing.length;
            const notices = await em.query(`SELECT id FROM notices WHERE pdf_sha256 IS NULL AND issued_at < ${stale} ORDER BY issued_at LIMIT 1000`);
            for (const notice of notices)
                await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.documents, 'render-notice', { noticeId: notice.id });
            report.notices = notices.length;
            const sealOrders = await em.query(`SELECT a.id FROM applications a
          WHERE a.service_code = 'business-license' AND a.state = 'issued' AND a.issued_at < ${stale}
            AND NOT EXISTS (SELECT 1 FROM seal_carving_orders o WHERE o.application_id = a.id)
          LIMIT 1000`);
            for (const app of sealOrders)
                await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.sealCarving, 'open-seal-order', { applicationId: app.id });
            report.sealOrders = sealOrders.length;
            const total = report.precheck + report.issue + report.notices + report.sealOrders;
            if (total > 0)
                this.logger.warn(`re-queued unfinished work: ${JSON.stringify(report)}`);
            return report;
        });
    }
};
exports.ReconcilerService = ReconcilerService;
exports.ReconcilerService = ReconcilerService = ReconcilerService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], ReconcilerService);
