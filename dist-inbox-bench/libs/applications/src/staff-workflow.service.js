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
exports.StaffWorkflowService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const access_policy_1 = require("./access-policy");
const audit_log_1 = require("./audit-log");
const applicant_applications_service_1 = require("./applicant-applications.service");
const transition_service_1 = require("./transition.service");
const inbox_query_1 = require("./inbox-query");
const revocation_1 = require("./revocation");
let StaffWorkflowService = class StaffWorkflowService {
    dataSource;
    transitions;
    config;
    constructor(dataSource, transitions, config) {
        this.dataSource = dataSource;
        this.transitions = transitions;
        this.config = config;
    }
    async inbox(staff, filters) {
        const now = new Date();
        const limit = (0, inbox_query_1.inboxLimit)(filters);
        const page = (0, inbox_query_1.buildInboxQuery)(staff, filters, now);
        const counts = (0, inbox_query_1.buildInboxCountsQuery)(staff);
        const [rows, counted] = await Promise.all([
            page ? this.dataSource.query(page.text, page.values) : Promise.resolve([]),
            counts ? this.dataSource.query(counts.text, counts.values) : Promise.resolve([]),
        ]);
        const shown = rows.slice(0, limit);
        const last = shown[shown.length - 1];
        const clockOf = (0, inbox_query_1.inboxClockReader)(now);
        return {
            items: shown.map((r) => ({
                id: r.id,
                number: r.number,
                serviceCode: r.service_code,
                state: r.state,
                entityName: r.entity_name,
                greenChannel: r.green_channel,
                ...(r.claim_holder_id ? { claimedBy: r.claim_holder_id } : {}),
                dueAt: r.due_at ? (0, domain_1.toShanghaiIso)(r.due_at) : null,
                clock: clockOf(r),
            })),
            nextCursor: rows.length > limit && last ? (0, inbox_query_1.inboxCursorOf)(last) : null,
            counts: (0, inbox_query_1.inboxCounts)(staff, counted),
        };
    }
    async claim(staff, id) {
        if (!(0, access_policy_1.staffMayEverClaim)(staff))
            throw new errors_1.ForbiddenError();
        const app = await this.findVisible(staff, id);
        return this.dataSource.transaction(async (em) => {
            if (!(0, access_policy_1.staffMayWork)(staff, app.state, (0, transition_service_1.serviceOf)(app).section)) {
                throw new errors_1.TransitionRefusedError(app.state === 'under_review' ? 'other_section' : 'not_allowed_from_' + app.state, { state: app.state });
            }
            const [current] = await em.query('SELECT state, claim_holder_id FROM applications WHERE id = $1 FOR UPDATE', [app.id]);
            if (current.state !== app.state)
                throw new errors_1.ConflictError();
            if (current.claim_holder_id === staff.id) {
                await em.query('UPDATE applications SET claimed_at = now() WHERE id = $1', [app.id]);
                return { id: app.id, claimedBy: staff.id };
            }
            if (current.claim_holder_id)
                throw new errors_1.ConflictError('errors.claimed_by_other');
            await em.query('UPDATE applications SET claim_holder_id = $2, claimed_at = now() WHERE id = $1', [app.id, staff.id]);
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: staff, action: 'claim', fromState: app.state, toState: app.state });
            return { id: app.id, claimedBy: staff.id };
        });
    }
    async release(staff, id) {
        return this.dataSource.transaction(async (em) => {
            const app = await this.findVisible(staff, id);
            const rows = await (0, persistence_1.queryReturning)(em, `UPDATE applications SET claim_holder_id = NULL, claimed_at = NULL WHERE id = $1 AND claim_holder_id = $2 RETURNING id`, [app.id, staff.id]);
            if (rows.length === 0)
                throw new errors_1.ConflictError('errors.claimed_by_other');
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: app.id, actor: staff, action: 'release', fromState: app.state, toState: app.state });
            return { id: app.id };
        });
    }
    async act(staff, id, action, input = {}) {
        if (action === 'request_correction' && input.items)
            this.checkCorrectionItems(input.items, (0, transition_service_1.serviceOf)(await this.findVisible(staff, id)).code);
        return this.dataSource.transaction(async (em) => {
            const app = await this.findVisible(staff, id);
            const updated = await this.transitions.applyIn(em, app.id, { action, actor: staff, reason: input.reason ?? null, correctionItems: input.items }, app);
            if (action === 'revoke')
                await (0, revocation_1.revokeLicenseIn)(em, app, input.reason ?? '');
            return { id: updated.id, state: updated.state };
        });
    }
    async view(staff, id) {
        const app = await this.findVisible(staff, id);
        return (0, applicant_applications_service_1.loadApplicationView)(this.dataSource.manager, app, 'staff', this.config.PORTAL_PUBLIC_URL);
    }
    async findVisible(staff, id) {
        if (!(0, access_policy_1.staffMaySeeFiles)(staff))
            throw new errors_1.ForbiddenError();
        if (!(0, applicant_applications_service_1.isUuid)(id))
            throw new errors_1.NotFoundError();
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneBy({ id });
        if (!app || app.state === 'draft')
            throw new errors_1.NotFoundError();
        return app;
    }
    checkCorrectionItems(items, serviceCode) {
        const service = (0, domain_1.getService)(serviceCode);
        const fields = {};
        items.forEach((item, i) => {
            if (item.materialCode && !service?.materials.some((m) => m.code === item.materialCode))
                fields[`items.${i}.materialCode`] = 'rules.unknown_material';
        });
        if (Object.keys(fields).length > 0)
            throw new errors_1.ValidationFailedError(fields);
    }
};
exports.StaffWorkflowService = StaffWorkflowService;
exports.StaffWorkflowService = StaffWorkflowService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        transition_service_1.TransitionService,
        config_1.AppConfig])
], StaffWorkflowService);
