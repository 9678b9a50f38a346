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
exports.DeadlinesService = void 0;
exports.deterministicUuid = deterministicUuid;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const access_policy_1 = require("./access-policy");
const application_clock_1 = require("./application-clock");
const calendar_service_1 = require("./calendar.service");
const outbox_1 = require("./outbox");
const service_of_1 = require("./service-of");
const CLOCKED_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review'];
const RECOMPUTE_BATCH = 200;
const EARLY_TOLERANCE_MS = 1000;
const TEMPLATE = {
    remind50: 'deadline-reminder-50',
    remind80: 'deadline-reminder-80',
    escalate: 'deadline-escalation',
};
let DeadlinesService = class DeadlinesService {
    dataSource;
    calendars;
    logger = new common_1.Logger('DeadlinesService');
    constructor(dataSource, calendars) {
        this.dataSource = dataSource;
        this.calendars = calendars;
    }
    plan(app, pauses, now = new Date()) {
        if (app.state !== 'under_review' || !app.acceptedAt || pauses.some((p) => p.endedAt === null))
            return [];
        const calendar = this.calendars.current;
        const clock = (0, application_clock_1.clockOf)(app, pauses, (0, service_of_1.serviceOf)(app), now, calendar);
        if (!clock.promisedDueAt)
            return [];
        const dueAt = new Date(clock.promisedDueAt);
        const closed = pauses.map((p) => ({ from: p.startedAt, to: p.endedAt }));
        const { half, eightyPercent } = (0, domain_1.reminderInstants)(app.acceptedAt, dueAt, calendar, closed);
        const dueEpoch = Math.floor(dueAt.getTime() / 1000);
        const planned = (kind, fireAt) => ({
            kind,
            fireAt,
            dueAt,
            jobId: (0, queues_1.deadlineJobId)({ applicationId: app.id, kind, dueAt: dueEpoch }),
        });
        return [planned('remind50', half), planned('remind80', eightyPercent), planned('escalate', dueAt)];
    }
    async refreshIn(em, app, now = new Date(), options = { schedule: 'always' }) {
        const pauses = await em.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id });
        const dueAt = (0, application_clock_1.queueDueAt)((0, application_clock_1.clockOf)(app, pauses, (0, service_of_1.serviceOf)(app), now, this.calendars.current));
        const changed = (dueAt?.getTime() ?? null) !== (app.dueAt?.getTime() ?? null);
        if (changed) {
            await em.query('UPDATE applications SET due_at = $2 WHERE id = $1', [app.id, dueAt]);
            app.dueAt = dueAt;
        }
        if (options.schedule === 'always' || changed)
            await this.scheduleIn(em, app, pauses, now);
        return dueAt;
    }
    async scheduleIn(em, app, pauses, now) {
        const ahead = this.plan(app, pauses, now).filter((p) => p.fireAt.getTime() >= now.getTime());
        for (const p of ahead) {
            const job = { applicationId: app.id, kind: p.kind, dueAt: Math.floor(p.dueAt.getTime() / 1000), fireAt: p.fireAt.getTime() };
            await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.deadlines, p.kind === 'escalate' ? 'escalate' : 'remind', job);
        }
        return ahead;
    }
    async planFor(applicationId, now = new Date()) {
        const app = await this.dataSource.getRepository(persistence_1.ApplicationEntity).findOneBy({ id: applicationId });
        if (!app)
            return [];
        const pauses = await this.dataSource.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId });
        return this.plan(app, pauses, now);
    }
    async fire(job, now = new Date()) {
        return this.dataSource.transaction(async (em) => {
            const locked = await em.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [job.applicationId]);
            if (locked.length === 0)
                return { outcome: 'stale' };
            const app = (await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id: job.applicationId }));
            const pauses = await em.getRepository(persistence_1.ApplicationPauseEntity).findBy({ applicationId: app.id });
            const planned = this.plan(app, pauses, now).find((p) => p.kind === job.kind);
            if (!planned || Math.floor(planned.dueAt.getTime() / 1000) !== job.dueAt)
                return { outcome: 'stale' };
            if (now.getTime() < planned.fireAt.getTime() - EARLY_TOLERANCE_MS)
                return { outcome: 'early', fireAt: planned.fireAt };
            const recipients = await this.recipientsOf(em, app, job.kind);
            if (recipients.length === 0)
                this.logger.warn(`no one to notify for ${planned.jobId}`);
            const body = await this.bodyOf(em, app, job.kind, planned.dueAt);
            let notified = 0;
            for (const recipient of recipients) {
                const inserted = await em.query(`INSERT INTO notifications (id, account_id, application_id, channel, recipient, template, body, created_at)
           VALUES ($1, $2, $3, 'sms', $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`, [deterministicUuid(`${planned.jobId}/${recipient.id}`), recipient.id, app.id, recipient.phone ?? recipient.username ?? recipient.name, TEMPLATE[job.kind], body, now]);
                notified += inserted.length;
            }
            return { outcome: 'sent', recipients: recipients.map((r) => r.id), notified };
        });
    }
    async recomputeFrom(fromDate, now = new Date()) {
        const from = (await this.calendars.reload()).instantAt(fromDate, '00:00');
        let after = '00000000-0000-0000-0000-000000000000';
        let changed = 0;
        for (;;) {
            const batch = await this.dataSource.query(`SELECT id FROM applications WHERE state = ANY($1) AND (due_at IS NULL OR due_at >= $2) AND id > $3 ORDER BY id LIMIT ${RECOMPUTE_BATCH}`, [CLOCKED_STATES, from, after]);
            if (batch.length === 0)
                return changed;
            after = batch[batch.length - 1].id;
            await this.dataSource.transaction(async (em) => {
                for (const { id } of batch) {
                    const locked = await em.query('SELECT id FROM applications WHERE id = $1 AND state = ANY($2) FOR UPDATE', [id, CLOCKED_STATES]);
                    if (locked.length === 0)
                        continue;
                    const app = (await em.getRepository(persistence_1.ApplicationEntity).findOneBy({ id }));
                    const before = app.dueAt?.getTime() ?? null;
                    const dueAt = await this.refreshIn(em, app, now, { schedule: 'if-changed' });
                    if ((dueAt?.getTime() ?? null) !== before)
                        changed++;
                }
            });
        }
    }
    async recipientsOf(em, app, kind) {
        const section = (0, service_of_1.serviceOf)(app).section;
        const staff = (where, params) => em.query(`SELECT id, name, username, phone FROM accounts WHERE kind = 'staff' AND disabled_at IS NULL AND ${where} ORDER BY username`, params);
        if (kind === 'escalate') {
            const heads = await staff(`'section_head' = ANY(roles) AND $1 = ANY(sections)`, [section]);
            return heads.length > 0 ? heads : staff(`'administrator' = ANY(roles)`, []);
        }
        if (app.claimHolderId) {
            const holder = await staff('id = $1', [app.claimHolderId]);
            if (holder.length > 0)
                return holder;
        }
        const role = Object.entries(access_policy_1.QUEUE_OF_ROLE).find(([, state]) => state === app.state)?.[0];
        if (!role)
            return [];
        return role === 'reviewer' ? staff(`$1 = ANY(roles) AND $2 = ANY(sections)`, [role, section]) : staff(`$1 = ANY(roles)`, [role]);
    }
    async bodyOf(em, app, kind, dueAt) {
        const service = (0, service_of_1.serviceOf)(app);
        const subject = `${app.greenChannel ? '【绿色通道】' : ''}办件${app.number}（${service.name}${app.entityName ? `，${app.entityName}` : ''}）`;
        const due = chineseDateTime(dueAt);
        switch (kind) {
            case 'remind50':
                return `【一窗通办】${subject}承诺办理时限已过半，请于${due}前办结。`;
            case 'remind80':
                return `【一窗通办】${subject}承诺办理时限已用去百分之八十，将于${due}到期，请抓紧办理。`;
            case 'escalate': {
                const [holder] = app.claimHolderId ? await em.query('SELECT name FROM accounts WHERE id = $1', [app.claimHolderId]) : [];
                return `【一窗通办】${subject}已到承诺办结时间${due}仍未办结（${holder ? `经办人：${holder.name}` : '尚无人认领'}），请督办。`;
            }
        }
    }
};
exports.DeadlinesService = DeadlinesService;
exports.DeadlinesService = DeadlinesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        calendar_service_1.CalendarService])
], DeadlinesService);
function chineseDateTime(instant) {
    const iso = (0, domain_1.toShanghaiIso)(instant);
    return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日${iso.slice(11, 16)}`;
}
function deterministicUuid(name) {
    const hex = (0, node_crypto_1.createHash)('sha256').update(name).digest('hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
