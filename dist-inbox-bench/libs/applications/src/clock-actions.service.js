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
exports.ClockActionsService = exports.MAX_EXTENSION_WORKING_DAYS = exports.SPECIAL_PROCEDURES = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const errors_1 = require("../../domain/src/errors.js");
const persistence_1 = require("../../persistence/src/index.js");
const access_policy_1 = require("./access-policy");
const application_clock_1 = require("./application-clock");
const audit_log_1 = require("./audit-log");
const calendar_service_1 = require("./calendar.service");
const deadlines_service_1 = require("./deadlines.service");
const notices_1 = require("./notices");
const service_of_1 = require("./service-of");
exports.SPECIAL_PROCEDURES = ['expert_review', 'hearing', 'public_notice'];
exports.MAX_EXTENSION_WORKING_DAYS = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let ClockActionsService = class ClockActionsService {
    dataSource;
    calendars;
    deadlines;
    constructor(dataSource, calendars, deadlines) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.deadlines = deadlines;
    }
    async startSpecialProcedure(staff, id, input) {
        this.assertMayRunSpecialProcedures(staff);
        return this.dataSource.transaction(async (em) => {
            const app = await this.lockUnderReview(em, staff, id);
            this.assertHoldsOrHeads(staff, app);
            const pauses = await em.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id });
            if (pauses.some((p) => p.endedAt === null))
                throw new errors_1.TransitionRefusedError('special_procedure_open', { state: app.state });
            const now = new Date();
            await em.getRepository(persistence_1.ApplicationPauseEntity).insert({ applicationId: app.id, reason: input.kind, startedAt: now, endedAt: null });
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: app.id,
                actor: staff,
                action: 'special_procedure_start',
                fromState: app.state,
                toState: app.state,
                note: input.reason,
                data: { kind: input.kind },
                at: now,
            });
            return { id: app.id, kind: input.kind, startedAt: now.toISOString(), clock: await this.afterChange(em, app, now) };
        });
    }
    async endSpecialProcedure(staff, id) {
        this.assertMayRunSpecialProcedures(staff);
        return this.dataSource.transaction(async (em) => {
            const app = await this.lockUnderReview(em, staff, id);
            this.assertHoldsOrHeads(staff, app);
            const open = (await em.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id })).find((p) => p.endedAt === null && p.reason !== 'correction');
            if (!open)
                throw new errors_1.TransitionRefusedError('no_special_procedure', { state: app.state });
            const now = new Date();
            await em.query('UPDATE application_pauses SET ended_at = $2 WHERE id = $1', [open.id, now]);
            const lost = this.calendars.current.pausedWorkingDays([{ from: open.startedAt, to: now }], now);
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: app.id,
                actor: staff,
                action: 'special_procedure_end',
                fromState: app.state,
                toState: app.state,
                data: { kind: open.reason, startedAt: open.startedAt.toISOString(), pausedWorkingDays: lost },
                at: now,
            });
            return {
                id: app.id,
                kind: open.reason,
                startedAt: open.startedAt.toISOString(),
                endedAt: now.toISOString(),
                clock: await this.afterChange(em, app, now),
            };
        });
    }
    async extend(staff, id, input) {
        if (!staff.roles.includes('section_head'))
            throw new errors_1.ForbiddenError();
        return this.dataSource.transaction(async (em) => {
            const app = await this.lockUnderReview(em, staff, id);
            const service = (0, service_of_1.serviceOf)(app);
            if (!staff.sections.includes(service.section))
                throw new errors_1.TransitionRefusedError('other_section', { state: app.state });
            if (app.extensionWorkingDays > 0)
                throw new errors_1.TransitionRefusedError('extension_once', { state: app.state });
            const max = Math.min(exports.MAX_EXTENSION_WORKING_DAYS, service.legalLimit.unit === 'working' ? service.extensionDays : 0);
            if (max === 0)
                throw new errors_1.TransitionRefusedError('extension_not_allowed', { state: app.state });
            if (!Number.isSafeInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > max) {
                throw new errors_1.TransitionRefusedError('extension_too_long', { state: app.state, max });
            }
            const now = new Date();
            await em.query('UPDATE applications SET extension_working_days = $2, extension_reason = $3, updated_at = now() WHERE id = $1', [
                app.id,
                input.workingDays,
                input.reason,
            ]);
            app.extensionWorkingDays = input.workingDays;
            app.extensionReason = input.reason;
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: app.id,
                actor: staff,
                action: 'extend',
                fromState: app.state,
                toState: app.state,
                note: input.reason,
                data: { extensionWorkingDays: input.workingDays },
                at: now,
            });
            await (0, notices_1.issueNoticeIn)(em, app.id, 'extension', { reason: input.reason, extensionWorkingDays: input.workingDays });
            return { id: app.id, extensionWorkingDays: input.workingDays, clock: await this.afterChange(em, app, now) };
        });
    }
    assertMayRunSpecialProcedures(staff) {
        if (!staff.roles.includes('reviewer') && !staff.roles.includes('section_head'))
            throw new errors_1.ForbiddenError();
    }
    async lockUnderReview(em, staff, id) {
        if (!(0, access_policy_1.staffMaySeeFiles)(staff))
            throw new errors_1.ForbiddenError();
        if (!UUID.test(id))
            throw new errors_1.NotFoundError();
        const locked = await em.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [id]);
        const app = locked.length ? await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id }) : null;
        if (!app || app.state === 'draft')
            throw new errors_1.NotFoundError();
        if (app.state !== 'under_review')
            throw new errors_1.TransitionRefusedError(`not_allowed_from_${app.state}`, { state: app.state });
        if (!staff.sections.includes((0, service_of_1.serviceOf)(app).section))
            throw new errors_1.TransitionRefusedError('other_section', { state: app.state });
        return app;
    }
    assertHoldsOrHeads(staff, app) {
        if (staff.roles.includes('section_head'))
            return;
        if (app.claimHolderId !== staff.id)
            throw new errors_1.TransitionRefusedError('claim_required', { state: app.state });
    }
    async afterChange(em, app, now) {
        await this.deadlines.refreshIn(em, app, now);
        const pauses = await em.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id });
        return (0, application_clock_1.clockOf)(app, pauses, (0, service_of_1.serviceOf)(app), now, this.calendars.current);
    }
};
exports.ClockActionsService = ClockActionsService;
exports.ClockActionsService = ClockActionsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        calendar_service_1.CalendarService,
        deadlines_service_1.DeadlinesService])
], ClockActionsService);
