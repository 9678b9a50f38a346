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
exports.TransitionService = exports.serviceOf = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const persistence_1 = require("../../persistence/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const outbox_1 = require("./outbox");
const notices_1 = require("./notices");
const acting_account_1 = require("./acting-account");
const audit_log_1 = require("./audit-log");
const deadlines_service_1 = require("./deadlines.service");
const service_of_1 = require("./service-of");
Object.defineProperty(exports, "serviceOf", { enumerable: true, get: function () { return service_of_1.serviceOf; } });
const COLUMN = {
    state: 'state',
    submittedAt: 'submitted_at',
    acceptedAt: 'accepted_at',
    decidedAt: 'decided_at',
    issuedAt: 'issued_at',
    clerkCorrections: 'clerk_corrections',
    claimHolderId: 'claim_holder_id',
    claimedAt: 'claimed_at',
    dueAt: 'due_at',
};
let TransitionService = class TransitionService {
    dataSource;
    deadlines;
    constructor(dataSource, deadlines) {
        this.dataSource = dataSource;
        this.deadlines = deadlines;
    }
    async apply(applicationId, request) {
        return this.dataSource.transaction((em) => this.applyIn(em, applicationId, request));
    }
    async applyIn(em, applicationId, request, read) {
        const app = read ?? (await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id: applicationId }));
        if (!app)
            throw new errors_1.NotFoundError();
        const service = (0, service_of_1.serviceOf)(app);
        const decision = (0, domain_1.decide)(app.state, request.action, {
            actor: (0, acting_account_1.asDomainActor)(request.actor),
            ownerId: app.ownerAccountId,
            claimHolderId: app.claimHolderId,
            section: service.section,
            hasReviewStep: service.hasReviewStep,
            clerkCorrections: app.clerkCorrections,
            reason: request.reason,
            correctionItemCount: request.correctionItems?.length ?? 0,
        });
        if (!decision.ok) {
            if (decision.kind === 'forbidden')
                throw new errors_1.ForbiddenError();
            throw new errors_1.TransitionRefusedError(decision.rule, { state: app.state });
        }
        const now = new Date();
        const effects = new Set(decision.effects);
        const changes = { state: decision.to };
        if (request.action === 'submit' && !app.submittedAt)
            changes.submittedAt = now;
        if (effects.has('start_decision_clock'))
            changes.acceptedAt = now;
        if (request.action === 'approve' || request.action === 'deny' || request.action === 'refuse')
            changes.decidedAt = now;
        if (request.action === 'issued')
            changes.issuedAt = now;
        if (effects.has('count_clerk_correction'))
            changes.clerkCorrections = app.clerkCorrections + 1;
        if (effects.has('release_claim')) {
            changes.claimHolderId = null;
            changes.claimedAt = null;
        }
        const updated = await this.conditionalUpdate(em, app, changes);
        if (effects.has('pause_clock')) {
            await em.getRepository(persistence_1.ApplicationPauseEntity).insert({ applicationId: app.id, reason: 'correction', startedAt: now, endedAt: null });
        }
        if (effects.has('resume_clock')) {
            await em.query(`UPDATE application_pauses SET ended_at = $2 WHERE application_id = $1 AND reason = 'correction' AND ended_at IS NULL`, [app.id, now]);
            await em.query(`UPDATE corrections SET resolved_at = $2 WHERE application_id = $1 AND resolved_at IS NULL`, [app.id, now]);
        }
        if (app.state === 'under_review' && decision.to !== 'under_review') {
            await em.query(`UPDATE application_pauses SET ended_at = $2 WHERE application_id = $1 AND reason <> 'correction' AND ended_at IS NULL`, [app.id, now]);
        }
        if (request.correctionItems?.length && (request.action === 'request_correction' || request.action === 'precheck_fail')) {
            await em.getRepository(persistence_1.CorrectionEntity).insert({
                applicationId: app.id,
                source: request.action === 'precheck_fail' ? 'precheck' : 'clerk',
                requestedBy: request.actor.kind === 'staff' ? request.actor.id : null,
                requestedAt: now,
                items: request.correctionItems,
                reason: request.action === 'request_correction' ? (request.reason ?? null) : null,
            });
        }
        await this.deadlines.refreshIn(em, updated, now);
        await this.moveCounter(em, app.serviceCode, app.state, decision.to);
        await (0, audit_log_1.appendAuditEvent)(em, {
            applicationId: app.id,
            actor: request.actor,
            action: request.action,
            fromState: app.state,
            toState: decision.to,
            note: request.reason ?? null,
            data: { ...(request.correctionItems ? { items: request.correctionItems } : {}), ...(request.data ?? {}) },
            at: now,
        });
        if (effects.has('enqueue_precheck'))
            await (0, outbox_1.enqueueJob)(em, service.queue, 'precheck', { applicationId: app.id });
        if (effects.has('enqueue_issuance'))
            await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.issuance, 'issue', { applicationId: app.id });
        const notice = notices_1.NOTICE_OF_ACTION[request.action];
        if (notice)
            await (0, notices_1.issueNoticeIn)(em, app.id, notice, { items: request.correctionItems, reason: request.reason });
        return updated;
    }
    async conditionalUpdate(em, app, changes) {
        const entries = Object.entries(changes);
        const sets = entries.map(([key], i) => `${COLUMN[key]} = $${i + 4}`);
        const returned = await (0, persistence_1.queryReturning)(em, `UPDATE applications SET ${sets.join(', ')}, updated_at = now()
        WHERE id = $1 AND state = $2 AND claim_holder_id IS NOT DISTINCT FROM $3
        RETURNING updated_at`, [app.id, app.state, app.claimHolderId, ...entries.map(([, value]) => value)]);
        if (returned.length === 0)
            throw new errors_1.ConflictError();
        return Object.assign(new persistence_1.ApplicationEntity(), app, changes, { updatedAt: returned[0].updated_at });
    }
    async moveCounter(em, serviceCode, from, to) {
        await em.query(`INSERT INTO queue_counters (service_code, state, count) VALUES ($1, $2, -1), ($1, $3, 1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + EXCLUDED.count`, [serviceCode, from, to]);
    }
    async countNew(em, serviceCode, state) {
        await em.query(`INSERT INTO queue_counters (service_code, state, count) VALUES ($1, $2, 1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + 1`, [serviceCode, state]);
    }
};
exports.TransitionService = TransitionService;
exports.TransitionService = TransitionService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        deadlines_service_1.DeadlinesService])
], TransitionService);
