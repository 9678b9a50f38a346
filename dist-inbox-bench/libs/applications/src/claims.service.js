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
exports.ClaimsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const access_policy_1 = require("./access-policy");
const acting_account_1 = require("./acting-account");
const audit_log_1 = require("./audit-log");
const calendar_service_1 = require("./calendar.service");
const HOUR_MS = 60 * 60 * 1000;
let ClaimsService = class ClaimsService {
    dataSource;
    calendars;
    config;
    logger = new common_1.Logger('ClaimsService');
    constructor(dataSource, calendars, config) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.config = config;
    }
    async takeNext(staff) {
        if (!(0, access_policy_1.staffMayEverClaim)(staff))
            throw new errors_1.ForbiddenError();
        const states = (0, access_policy_1.queueStatesOf)(staff);
        const params = [staff.id];
        const param = (value) => {
            params.push(value);
            return `$${params.length}`;
        };
        const clauses = states.map((state) => {
            if (state !== 'under_review')
                return `a.state = ${param(state)}`;
            const services = domain_1.SERVICES.filter((s) => staff.sections.includes(s.section)).map((s) => s.code);
            return `(a.state = ${param(state)} AND a.service_code = ANY(${param(services)}))`;
        });
        if (clauses.length === 0)
            throw new errors_1.NotFoundError('errors.nothing_waiting');
        return this.dataSource.transaction(async (em) => {
            const [taken] = await (0, persistence_1.queryReturning)(em, `WITH next AS (
           SELECT a.id FROM applications a
            WHERE (${clauses.join(' OR ')}) AND a.claim_holder_id IS NULL
            ORDER BY a.green_channel DESC, a.due_at ASC NULLS LAST, a.id ASC
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE applications a SET claim_holder_id = $1, claimed_at = now()
           FROM next WHERE a.id = next.id
         RETURNING a.id, a.number, a.service_code, a.state, a.green_channel, a.due_at`, params);
            if (!taken)
                throw new errors_1.NotFoundError('errors.nothing_waiting');
            await (0, audit_log_1.appendAuditEvent)(em, {
                applicationId: taken.id,
                actor: staff,
                action: 'claim',
                fromState: taken.state,
                toState: taken.state,
                data: { via: 'take_next' },
            });
            return {
                id: taken.id,
                number: taken.number,
                serviceCode: taken.service_code,
                state: taken.state,
                greenChannel: taken.green_channel,
                dueAt: taken.due_at ? taken.due_at.toISOString() : null,
                claimedBy: staff.id,
            };
        });
    }
    async releaseIdle(now = new Date()) {
        const idleMs = this.config.CLAIM_IDLE_OFFICE_HOURS * HOUR_MS;
        const calendar = this.calendars.current;
        const isIdle = (claimedAt) => calendar.officeMillisBetween(claimedAt, now) >= idleMs;
        const candidates = await this.dataSource.query(`SELECT id, claimed_at FROM applications WHERE claim_holder_id IS NOT NULL AND claimed_at <= $1 ORDER BY claimed_at`, [new Date(now.getTime() - idleMs)]);
        const released = [];
        for (const candidate of candidates.filter((c) => isIdle(c.claimed_at))) {
            const done = await this.dataSource.transaction(async (em) => {
                const [row] = await em.query('SELECT state, claim_holder_id, claimed_at FROM applications WHERE id = $1 FOR UPDATE', [candidate.id]);
                if (!row?.claim_holder_id || !row.claimed_at || !isIdle(row.claimed_at))
                    return false;
                await em.query('UPDATE applications SET claim_holder_id = NULL, claimed_at = NULL WHERE id = $1', [candidate.id]);
                await (0, audit_log_1.appendAuditEvent)(em, {
                    applicationId: candidate.id,
                    actor: acting_account_1.SYSTEM,
                    action: 'claim_expired',
                    fromState: row.state,
                    toState: row.state,
                    data: { claimHolderId: row.claim_holder_id, claimedAt: row.claimed_at.toISOString(), idleOfficeHours: this.config.CLAIM_IDLE_OFFICE_HOURS },
                });
                return true;
            });
            if (done)
                released.push(candidate.id);
        }
        if (released.length > 0)
            this.logger.log(`released ${released.length} idle claim(s)`);
        return released;
    }
};
exports.ClaimsService = ClaimsService;
exports.ClaimsService = ClaimsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        calendar_service_1.CalendarService,
        config_1.AppConfig])
], ClaimsService);
