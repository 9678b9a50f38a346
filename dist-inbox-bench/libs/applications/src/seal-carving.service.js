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
exports.SealCarvingService = exports.FREE_SEAL_SET = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../domain/src/errors.js");
const persistence_1 = require("../../persistence/src/index.js");
const applicant_applications_service_1 = require("./applicant-applications.service");
const audit_log_1 = require("./audit-log");
const notifications_1 = require("./notifications");
exports.FREE_SEAL_SET = ['公章', '财务专用章', '发票专用章', '法定代表人名章'];
let SealCarvingService = class SealCarvingService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async open(applicationId) {
        return this.dataSource.transaction(async (em) => {
            const app = await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id: applicationId });
            const license = await em.getRepository(persistence_1.LicenseEntity).findOneBy({ applicationId });
            if (!app || !license || app.serviceCode !== 'business-license' || app.state !== 'issued')
                return 'skipped';
            const inserted = await (0, persistence_1.queryReturning)(em, `INSERT INTO seal_carving_orders (application_id, entity_name, credit_code, seals, opened_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (application_id) DO NOTHING RETURNING id`, [app.id, license.holderName, license.number, exports.FREE_SEAL_SET]);
            if (inserted.length === 0)
                return 'skipped';
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: { kind: 'system', name: 'OneWindow' }, action: 'seal_order_opened', fromState: app.state, toState: app.state, data: { seals: exports.FREE_SEAL_SET } });
            await (0, notifications_1.recordNotification)(em, {
                accountId: app.ownerAccountId,
                applicationId: app.id,
                channel: 'sms',
                recipient: app.contactPhone,
                template: 'seal-order-opened',
                body: `【平鲁区行政审批局】${license.holderName}的首套印章（${exports.FREE_SEAL_SET.join('、')}）由政府免费刻制，刻制完成后将通知您领取。`,
            });
            return 'opened';
        });
    }
    async listForVendor(vendor, status) {
        this.assertVendor(vendor);
        return this.dataSource.getRepository(persistence_1.SealCarvingOrderEntity).find({
            where: status ? { status: status } : {},
            order: { openedAt: 'ASC' },
            take: 200,
        });
    }
    async mark(vendor, orderId, step) {
        this.assertVendor(vendor);
        if (!(0, applicant_applications_service_1.isUuid)(orderId))
            throw new errors_1.NotFoundError();
        return this.dataSource.transaction(async (em) => {
            const order = await em.getRepository(persistence_1.SealCarvingOrderEntity).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
            if (!order)
                throw new errors_1.NotFoundError();
            const from = step === 'made' ? 'open' : 'made';
            if (order.status !== from)
                throw new errors_1.TransitionRefusedError('seal_order_step', { status: order.status });
            const changes = step === 'made' ? { status: 'made', madeAt: new Date(), vendorId: vendor.id } : { status: 'delivered', deliveredAt: new Date() };
            await em.getRepository(persistence_1.SealCarvingOrderEntity).update({ id: order.id }, changes);
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: order.applicationId, actor: vendor, action: `seal_order_${step}`, note: order.seals.join('、') });
            return { ...order, ...changes };
        });
    }
    assertVendor(staff) {
        if (!staff.roles.includes('seal_vendor') && !staff.roles.includes('administrator'))
            throw new errors_1.ForbiddenError();
    }
};
exports.SealCarvingService = SealCarvingService;
exports.SealCarvingService = SealCarvingService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], SealCarvingService);
