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
exports.KeyProjectsService = exports.PERMIT_STEPS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
const errors_1 = require("../../../domain/src/errors.js");
const persistence_1 = require("../../../persistence/src/index.js");
const audit_log_1 = require("../audit-log");
const calendar_service_1 = require("../calendar.service");
const decision_timing_1 = require("./decision-timing");
const period_1 = require("./period");
const stats_1 = require("./stats");
exports.PERMIT_STEPS = ['investment-filing', 'land-planning', 'engineering-planning', 'construction'];
const REGISTER_ROLES = ['window_clerk', 'section_head', 'administrator'];
const RUNNING_STATES = ['submitted', 'awaiting_acceptance', 'under_review'];
const SECTIONS = [...new Map(domain_1.SERVICES.map((s) => [s.section, { code: s.section, name: s.sectionName }])).values()];
const amountText = (value) => (value === null ? null : (0, domain_1.formatTenThousandths)((0, domain_1.amountToTenThousandths)(value) ?? 0n));
let KeyProjectsService = class KeyProjectsService {
    dataSource;
    calendars;
    constructor(dataSource, calendars) {
        this.dataSource = dataSource;
        this.calendars = calendars;
    }
    async list(now = new Date()) {
        return this.views(this.dataSource.manager, null, now);
    }
    async get(projectCode, now = new Date()) {
        const [view] = await this.views(this.dataSource.manager, [projectCode], now);
        if (!view)
            throw new errors_1.NotFoundError();
        const files = await this.filesOf(this.dataSource.manager, [projectCode]);
        return {
            ...view,
            applications: files.map((f) => ({ id: f.id, number: f.number, serviceCode: f.service_code, state: f.state, submittedAt: f.submitted_at ? (0, domain_1.toShanghaiIso)(f.submitted_at) : null })),
        };
    }
    async update(staff, projectCode, input) {
        if (!staff.roles.some((role) => REGISTER_ROLES.includes(role)))
            throw new errors_1.ForbiddenError();
        const fields = {};
        if (input.investment !== undefined && input.investment !== null && (0, domain_1.amountToTenThousandths)(input.investment) === null)
            fields.investment = 'fields.invalid';
        if (input.plannedStart !== undefined && input.plannedStart !== null && !(0, domain_1.isLocalDate)(input.plannedStart))
            fields.plannedStart = 'fields.invalid';
        if (input.section !== undefined && input.section !== null && !SECTIONS.some((s) => s.code === input.section))
            fields.section = 'fields.invalid';
        if (Object.keys(fields).length)
            throw new errors_1.ValidationFailedError(fields);
        return this.dataSource.transaction(async (em) => {
            const project = await em.getRepository(persistence_1.KeyProjectEntity).findOne({ where: { projectCode }, lock: { mode: 'pessimistic_write' } });
            if (!project)
                throw new errors_1.NotFoundError();
            const changes = {};
            if (input.owner !== undefined)
                changes.owner = input.owner?.trim() || null;
            if (input.investment !== undefined)
                changes.investment = input.investment;
            if (input.plannedStart !== undefined)
                changes.plannedStart = input.plannedStart;
            if (input.section !== undefined)
                changes.section = input.section;
            if (Object.keys(changes).length)
                await em.getRepository(persistence_1.KeyProjectEntity).update({ projectCode }, changes);
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: null, actor: staff, action: 'key_project_updated', data: { projectCode, ...changes } });
            return (await this.views(em, [projectCode], new Date()))[0];
        });
    }
    async recordStart(staff, projectCode, input, now = new Date()) {
        if (!staff.roles.includes('helper') && !staff.roles.includes('administrator'))
            throw new errors_1.ForbiddenError();
        if (!(0, domain_1.isLocalDate)(input.startedOn) || input.startedOn > (0, domain_1.shanghaiLocalDate)(now))
            throw new errors_1.ValidationFailedError({ startedOn: 'fields.invalid' });
        return this.dataSource.transaction(async (em) => {
            const project = await em.getRepository(persistence_1.KeyProjectEntity).findOne({ where: { projectCode }, lock: { mode: 'pessimistic_write' } });
            if (!project)
                throw new errors_1.NotFoundError();
            if (!staff.roles.includes('administrator') && !project.helperIds.includes(staff.id))
                throw new errors_1.ForbiddenError('errors.not_project_helper');
            if (project.startedOn)
                throw new errors_1.TransitionRefusedError('project_already_started');
            const permit = (await this.filesOf(em, [projectCode])).find((f) => f.service_code === 'construction' && f.state === 'issued' && !f.revoked_at);
            if (!permit?.issued_at)
                throw new errors_1.TransitionRefusedError('construction_permit_not_issued');
            if (input.startedOn < (0, domain_1.shanghaiLocalDate)(permit.issued_at))
                throw new errors_1.TransitionRefusedError('start_before_permit');
            await em.getRepository(persistence_1.KeyProjectEntity).update({ projectCode }, { startedOn: input.startedOn, startRecordedBy: staff.id, startRecordedAt: now });
            await (0, audit_log_1.appendAuditEvent)(em, { applicationId: null, actor: staff, action: 'key_project_started', data: { projectCode, startedOn: input.startedOn }, at: now });
            return (await this.views(em, [projectCode], now))[0];
        });
    }
    async startRate(asOf) {
        const day = asOf ?? (0, domain_1.shanghaiLocalDate)(new Date());
        if (!(0, domain_1.isLocalDate)(day))
            throw new errors_1.ValidationFailedError({ asOf: 'fields.invalid' });
        const [row] = await this.dataSource.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE started_on <= $1)::int AS started
         FROM key_projects WHERE created_at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [day]);
        return { asOf: day, total: row.total, started: row.started, rate: (0, stats_1.rateOf)(row.started, row.total), percent: (0, stats_1.percentText)(row.started, row.total) };
    }
    async dispatch(now = new Date()) {
        const today = (0, domain_1.shanghaiLocalDate)(now);
        const week = (0, period_1.isoWeekOf)(today);
        const views = await this.list(now);
        const items = views
            .map((v) => {
            const problems = v.permits.filter((p) => p.problem).map((p) => ({ step: p.step, ...p.problem }));
            if (!v.started && v.plannedStart && v.plannedStart < today) {
                const late = this.calendars.current.workingDaysBetween(new Date(`${v.plannedStart}T12:00:00+08:00`), now);
                problems.push({ kind: 'overdue', severity: 'overdue', text: `计划${v.plannedStart}开工，已逾期${late}个工作日未开工`, since: v.plannedStart });
            }
            return { projectCode: v.projectCode, name: v.name, owner: v.owner, section: v.section, helpers: v.helpers, plannedStart: v.plannedStart, problems };
        })
            .filter((item) => item.problems.length > 0)
            .sort((a, b) => Number(b.problems.some((p) => p.severity === 'blocked')) - Number(a.problems.some((p) => p.severity === 'blocked')) || a.projectCode.localeCompare(b.projectCode));
        return { week: week.label, from: week.firstDay, to: week.lastDay, asOf: (0, domain_1.toShanghaiIso)(now), items };
    }
    async bulletin(month, now = new Date()) {
        const period = (0, period_1.monthPeriod)(month);
        if (period.from > now)
            throw new errors_1.ValidationFailedError({ month: 'fields.month_in_future' });
        const end = period.to < now ? period.lastDay : (0, domain_1.shanghaiLocalDate)(now);
        const views = (await this.list(now)).filter((v) => v.registeredAt < (0, domain_1.toShanghaiIso)(period.to));
        const startedBy = (v) => v.startedOn !== null && v.startedOn <= end;
        const files = await this.filesOf(this.dataSource.manager, views.map((v) => v.projectCode));
        const issuedInMonth = files.filter((f) => f.issued_at && f.issued_at >= period.from && f.issued_at < period.to);
        const decisions = await this.decisionsOf(period, files.map((f) => f.id));
        const total = views.reduce((sum, v) => sum + ((0, domain_1.amountToTenThousandths)(v.investment ?? '0') ?? 0n), 0n);
        return {
            month: period.label,
            asOf: end,
            final: now >= period.to,
            projects: views.length,
            investment: (0, domain_1.formatTenThousandths)(total),
            started: views.filter(startedBy).length,
            startRate: { rate: (0, stats_1.rateOf)(views.filter(startedBy).length, views.length), percent: (0, stats_1.percentText)(views.filter(startedBy).length, views.length) },
            startedThisMonth: views.filter((v) => v.startedOn && v.startedOn >= period.firstDay && v.startedOn <= end).map((v) => ({ projectCode: v.projectCode, name: v.name, startedOn: v.startedOn })),
            permitsIssued: Object.fromEntries(exports.PERMIT_STEPS.map((step) => [step, issuedInMonth.filter((f) => f.service_code === step).length])),
            decisions: { decided: decisions.decided, decidedOnTime: decisions.onTime, rate: (0, stats_1.rateOf)(decisions.onTime, decisions.decided) },
            notStartedPastPlan: views
                .filter((v) => v.plannedStart && v.plannedStart <= end && !startedBy(v))
                .map((v) => ({ projectCode: v.projectCode, name: v.name, plannedStart: v.plannedStart, section: v.section })),
            bySection: SECTIONS.map((s) => {
                const mine = views.filter((v) => v.section?.code === s.code);
                return { section: s, projects: mine.length, started: mine.filter(startedBy).length, percent: (0, stats_1.percentText)(mine.filter(startedBy).length, mine.length) };
            }).filter((s) => s.projects > 0),
            projectList: views.map((v) => ({
                projectCode: v.projectCode,
                name: v.name,
                owner: v.owner,
                investment: v.investment,
                section: v.section,
                startedOn: startedBy(v) ? v.startedOn : null,
                permits: v.permits.map((p) => ({ step: p.step, status: p.status })),
            })),
        };
    }
    async assessment(quarter, now = new Date()) {
        const period = (0, period_1.quarterPeriod)(quarter);
        if (period.from > now)
            throw new errors_1.ValidationFailedError({ quarter: 'fields.month_in_future' });
        const projects = await this.dataSource.getRepository(persistence_1.KeyProjectEntity).find();
        const codes = projects.map((p) => p.projectCode);
        const keyFiles = new Set((await this.filesOf(this.dataSource.manager, codes)).map((f) => f.id));
        const rows = await this.dataSource.query(`SELECT application_id, action, to_state, at FROM audit_events
        WHERE at >= $1 AND at < $2 AND application_id IS NOT NULL AND action IN ('approve', 'deny', 'refuse', 'accept') ORDER BY at, id`, [period.from, period.to]);
        const decisionRows = rows.filter((r) => (0, decision_timing_1.isDecision)(r.action, r.to_state));
        const records = await (0, decision_timing_1.loadClockRecords)(this.dataSource.manager, decisionRows.map((r) => r.application_id));
        const sectionOf = new Map(domain_1.SERVICES.map((s) => [s.code, s.section]));
        const tally = new Map(SECTIONS.map((s) => [s.code, { decided: 0, onTime: 0, keyDecided: 0, keyOnTime: 0 }]));
        const calendar = this.calendars.current;
        for (const r of decisionRows) {
            const record = records.get(r.application_id);
            const t = record && tally.get(sectionOf.get(record.serviceCode) ?? '');
            if (!record || !t)
                continue;
            const due = (0, decision_timing_1.dueAtDecision)(record, r.at, calendar);
            const onTime = due !== null && r.at.getTime() <= due.getTime();
            t.decided++;
            if (onTime)
                t.onTime++;
            if (keyFiles.has(record.id)) {
                t.keyDecided++;
                if (onTime)
                    t.keyOnTime++;
            }
        }
        const ranked = SECTIONS.map((s) => {
            const t = tally.get(s.code);
            const inCharge = projects.filter((p) => p.section === s.code);
            return {
                section: s,
                decided: t.decided,
                decidedOnTime: t.onTime,
                rate: (0, stats_1.rateOf)(t.onTime, t.decided),
                percent: (0, stats_1.percentText)(t.onTime, t.decided),
                keyProjects: { decided: t.keyDecided, decidedOnTime: t.keyOnTime, rate: (0, stats_1.rateOf)(t.keyOnTime, t.keyDecided), inCharge: inCharge.length, started: inCharge.filter((p) => p.startedOn && p.startedOn <= period.lastDay).length },
            };
        }).sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.decided - a.decided || a.section.code.localeCompare(b.section.code));
        let rank = 0;
        return {
            quarter: period.label,
            from: period.firstDay,
            to: period.lastDay,
            final: now >= period.to,
            sections: ranked.map((s, i) => {
                if (i === 0 || s.rate !== ranked[i - 1].rate)
                    rank = i + 1;
                return { rank: s.rate === null ? null : rank, ...s };
            }),
        };
    }
    async decisionsOf(period, ids) {
        if (ids.length === 0)
            return { decided: 0, onTime: 0 };
        const rows = await this.dataSource.query(`SELECT application_id, action, to_state, at FROM audit_events
        WHERE application_id = ANY($1::uuid[]) AND at >= $2 AND at < $3 AND action IN ('approve', 'deny', 'refuse', 'accept')`, [ids, period.from, period.to]);
        const decisions = rows.filter((r) => (0, decision_timing_1.isDecision)(r.action, r.to_state));
        const records = await (0, decision_timing_1.loadClockRecords)(this.dataSource.manager, decisions.map((r) => r.application_id));
        let onTime = 0;
        for (const r of decisions) {
            const record = records.get(r.application_id);
            const due = record ? (0, decision_timing_1.dueAtDecision)(record, r.at, this.calendars.current) : null;
            if (due && r.at.getTime() <= due.getTime())
                onTime++;
        }
        return { decided: decisions.length, onTime };
    }
    async filesOf(em, codes) {
        if (codes.length === 0)
            return [];
        const columns = `a.id, a.number, a.service_code, a.state, a.submitted_at, a.issued_at, a.due_at, a.created_at, a.updated_at, l.number AS license_number, l.revoked_at`;
        return em.query(`SELECT ${columns}, a.project_code FROM applications a LEFT JOIN licenses l ON l.application_id = a.id
        WHERE a.project_code = ANY($1::text[]) AND a.state <> 'draft'
       UNION
       SELECT ${columns}, l.number AS project_code FROM licenses l JOIN applications a ON a.id = l.application_id
        WHERE l.service_code = 'investment-filing' AND l.number = ANY($1::text[])
       ORDER BY created_at`, [codes]);
    }
    async views(em, codes, now) {
        const projects = await em.getRepository(persistence_1.KeyProjectEntity).find({ where: codes ? codes.map((projectCode) => ({ projectCode })) : {}, order: { createdAt: 'ASC', projectCode: 'ASC' } });
        if (projects.length === 0)
            return [];
        const files = await this.filesOf(em, projects.map((p) => p.projectCode));
        const staffIds = [...new Set(projects.flatMap((p) => [...p.helperIds, ...(p.startRecordedBy ? [p.startRecordedBy] : [])]))];
        const staff = staffIds.length
            ? await em.query(`SELECT id, name, username FROM accounts WHERE id = ANY($1::uuid[])`, [staffIds])
            : [];
        const openPauses = files.length
            ? await em.query(`SELECT application_id, reason, started_at FROM application_pauses WHERE ended_at IS NULL AND application_id = ANY($1::uuid[])`, [files.map((f) => f.id)])
            : [];
        const staffById = new Map(staff.map((s) => [s.id, s]));
        const pauseOf = new Map(openPauses.map((p) => [p.application_id, p]));
        return projects.map((p) => {
            const permits = exports.PERMIT_STEPS.map((step) => this.progressOf(step, files.filter((f) => f.project_code === p.projectCode && f.service_code === step), pauseOf, now));
            const section = SECTIONS.find((s) => s.code === p.section) ?? null;
            const recorder = p.startRecordedBy ? staffById.get(p.startRecordedBy) : undefined;
            return {
                projectCode: p.projectCode,
                name: p.name,
                owner: p.owner,
                investment: amountText(p.investment),
                plannedStart: p.plannedStart,
                section,
                helpers: p.helperIds.map((id) => staffById.get(id) ?? { id, name: '', username: null }),
                reason: p.reason,
                registeredAt: (0, domain_1.toShanghaiIso)(p.createdAt),
                started: p.startedOn !== null,
                startedOn: p.startedOn,
                startRecordedAt: p.startRecordedAt ? (0, domain_1.toShanghaiIso)(p.startRecordedAt) : null,
                startRecordedBy: recorder ? { id: recorder.id, name: recorder.name } : null,
                permits,
                permitsIssued: permits.filter((x) => x.status === 'issued').length,
            };
        });
    }
    progressOf(step, files, pauseOf, now) {
        const serviceName = domain_1.SERVICES.find((s) => s.code === step).name;
        const issued = files.find((f) => f.state === 'issued' && !f.revoked_at);
        const file = issued ?? files[files.length - 1];
        if (!file)
            return { step, serviceName, status: 'not_filed' };
        const progress = {
            step,
            serviceName,
            status: file.state,
            applicationId: file.id,
            number: file.number,
            ...(file.license_number ? { licenseNumber: file.license_number } : {}),
            ...(file.submitted_at ? { submittedAt: (0, domain_1.toShanghaiIso)(file.submitted_at) } : {}),
            ...(file.issued_at ? { issuedAt: (0, domain_1.toShanghaiIso)(file.issued_at) } : {}),
            ...(file.due_at && !issued ? { dueAt: (0, domain_1.toShanghaiIso)(file.due_at) } : {}),
        };
        const pause = pauseOf.get(file.id);
        const since = (at) => (0, domain_1.toShanghaiIso)(at);
        if (file.state === 'correction_required') {
            progress.problem = { kind: 'correction', severity: 'blocked', text: `${serviceName}待申请人补正`, ...(pause ? { since: since(pause.started_at) } : {}) };
        }
        else if (pause && file.state === 'under_review') {
            progress.problem = { kind: 'special_procedure', severity: 'blocked', text: `${serviceName}处于特别程序（${{ expert_review: '专家评审', hearing: '听证', public_notice: '公示' }[pause.reason] ?? pause.reason}）`, since: since(pause.started_at) };
        }
        else if (RUNNING_STATES.includes(file.state) && file.due_at && file.due_at < now) {
            const late = this.calendars.current.workingDaysBetween(file.due_at, now);
            progress.problem = { kind: 'overdue', severity: 'overdue', text: `${serviceName}已超期${late}个工作日`, since: since(file.due_at) };
        }
        else if (file.state === 'not_accepted' || file.state === 'denied') {
            progress.problem = {
                kind: file.state,
                severity: 'blocked',
                text: `${serviceName}${file.state === 'denied' ? '不予许可' : '不予受理'}，尚未重新申请`,
                since: since(file.updated_at),
            };
        }
        return progress;
    }
};
exports.KeyProjectsService = KeyProjectsService;
exports.KeyProjectsService = KeyProjectsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        calendar_service_1.CalendarService])
], KeyProjectsService);
