"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_ACTIONS = void 0;
exports.computeMonthlyReport = computeMonthlyReport;
const domain_1 = require("../../../domain/src/index.js");
const decision_timing_1 = require("./decision-timing");
const period_1 = require("./period");
const stats_1 = require("./stats");
exports.REPORT_ACTIONS = [
    'submit',
    'accept',
    'precheck_fail',
    'request_correction',
    'refuse',
    'approve',
    'deny',
    'issued',
    'withdraw',
    'extend',
];
const PAUSE_KINDS = ['correction', 'expert_review', 'hearing', 'public_notice'];
const PROCEDURE_NAMES = { expert_review: '专家评审', hearing: '听证', public_notice: '公示' };
const SLOWEST = 10;
function newTally() {
    return {
        received: new Set(),
        accepted: 0,
        corrected: new Set(),
        correctedTwice: new Set(),
        refused: 0,
        approved: 0,
        denied: 0,
        issued: 0,
        withdrawn: 0,
        decidedOnTime: 0,
        processing: [],
        pausedWorkingDays: 0,
        extensions: 0,
        assisted: 0,
        greenChannel: 0,
    };
}
function figuresOf(serviceCode, serviceName, t, promisedLimit) {
    const decided = t.refused + t.approved + t.denied;
    return {
        serviceCode,
        serviceName,
        received: t.received.size,
        accepted: t.accepted,
        corrected: t.corrected.size,
        correctedTwice: t.correctedTwice.size,
        refused: t.refused,
        approved: t.approved,
        denied: t.denied,
        issued: t.issued,
        withdrawn: t.withdrawn,
        decided,
        decidedOnTime: t.decidedOnTime,
        onTimeRate: (0, stats_1.rateOf)(t.decidedOnTime, decided),
        processingDays: (0, stats_1.distributionOf)(t.processing),
        promisedLimit,
        pausedWorkingDays: t.pausedWorkingDays,
        extensions: t.extensions,
        assisted: t.assisted,
        greenChannel: t.greenChannel,
    };
}
function computeMonthlyReport(input) {
    const { period, calendar, records } = input;
    const tallies = new Map(domain_1.SERVICES.map((s) => [s.code, newTally()]));
    const tallyOf = (serviceCode) => {
        let t = tallies.get(serviceCode);
        if (!t)
            tallies.set(serviceCode, (t = newTally()));
        return t;
    };
    const days = (0, period_1.daysOf)(period);
    const daily = new Map(days.map((date) => [date, { date, working: calendar.isWorkingDay(date), submitted: 0, issued: 0 }]));
    const dayOf = (at) => daily.get(calendar.localDateOf(at));
    const clerkOrder = new Map();
    for (const c of [...input.clerkCorrections].sort((a, b) => a.at.getTime() - b.at.getTime())) {
        const list = clerkOrder.get(c.applicationId) ?? [];
        list.push(c.at.getTime());
        clerkOrder.set(c.applicationId, list);
    }
    const issuedFiles = [];
    for (const e of input.events) {
        const record = records.get(e.applicationId);
        if (!record)
            continue;
        const t = tallyOf(record.serviceCode);
        switch (e.action) {
            case 'submit':
                if (!t.received.has(record.id)) {
                    t.received.add(record.id);
                    if (record.filedByAccountId)
                        t.assisted++;
                    if ((0, decision_timing_1.greenAt)(record, period.to))
                        t.greenChannel++;
                    const day = dayOf(e.at);
                    if (day)
                        day.submitted++;
                }
                break;
            case 'accept':
                t.accepted++;
                break;
            case 'precheck_fail':
                t.corrected.add(record.id);
                break;
            case 'request_correction': {
                t.corrected.add(record.id);
                const order = (clerkOrder.get(record.id) ?? []).filter((at) => at <= e.at.getTime()).length;
                if (order >= 2)
                    t.correctedTwice.add(record.id);
                break;
            }
            case 'refuse':
                t.refused++;
                break;
            case 'deny':
                t.denied++;
                break;
            case 'approve':
                t.approved++;
                break;
            case 'withdraw':
                t.withdrawn++;
                break;
            case 'extend':
                t.extensions++;
                break;
            case 'issued': {
                t.issued++;
                const day = dayOf(e.at);
                if (day)
                    day.issued++;
                if (record.submittedAt) {
                    t.processing.push(calendar.workingDaysBetween(record.submittedAt, e.at));
                    issuedFiles.push({ record, issuedAt: e.at });
                }
                break;
            }
        }
        if (e.action === 'accept' && (0, decision_timing_1.isDecision)(e.action, e.toState))
            t.approved++;
        if ((0, decision_timing_1.isDecision)(e.action, e.toState)) {
            const due = (0, decision_timing_1.dueAtDecision)(record, e.at, calendar);
            if (due && e.at.getTime() <= due.getTime())
                t.decidedOnTime++;
        }
    }
    const pauses = Object.fromEntries(PAUSE_KINDS.map((k) => [k, { count: 0, workingDays: 0 }]));
    for (const p of input.pausesEnded) {
        const lost = calendar.pausedWorkingDays([{ from: p.startedAt, to: p.endedAt }], p.endedAt);
        const kind = pauses[p.reason];
        if (kind) {
            kind.count++;
            kind.workingDays += lost;
        }
        tallyOf(p.serviceCode).pausedWorkingDays += lost;
    }
    const services = domain_1.SERVICES.map((s) => figuresOf(s.code, s.name, tallyOf(s.code), s.promisedLimit));
    const all = newTally();
    for (const t of tallies.values()) {
        for (const id of t.received)
            all.received.add(id);
        for (const id of t.corrected)
            all.corrected.add(id);
        for (const id of t.correctedTwice)
            all.correctedTwice.add(id);
        all.processing.push(...t.processing);
        for (const key of ['accepted', 'refused', 'approved', 'denied', 'issued', 'withdrawn', 'decidedOnTime', 'pausedWorkingDays', 'extensions', 'assisted', 'greenChannel']) {
            all[key] += t[key];
        }
    }
    return {
        month: period.label,
        period: { from: (0, domain_1.toShanghaiIso)(period.from), to: (0, domain_1.toShanghaiIso)(period.to), workingDays: days.filter((d) => calendar.isWorkingDay(d)).length },
        generatedAt: (0, domain_1.toShanghaiIso)(input.generatedAt),
        final: input.generatedAt.getTime() >= period.to.getTime(),
        services,
        total: figuresOf('total', '合计', all, null),
        daily: [...daily.values()],
        pauses,
        ratings: ratingsOf(input.ratings, period),
        sealCarving: sealCarvingOf(input.sealOrders, period, calendar),
        slowest: slowestOf(issuedFiles, input, clerkOrder),
    };
}
function ratingsOf(rows, period) {
    const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    if (!rows)
        return { available: false, count: 0, distribution, satisfiedShare: null, followUpsOpened: 0, openFollowUps: 0 };
    const inMonth = rows.filter((r) => r.createdAt >= period.from && r.createdAt < period.to);
    for (const r of inMonth)
        distribution[String(r.level)]++;
    const end = period.to.getTime();
    return {
        available: true,
        count: inMonth.length,
        distribution,
        satisfiedShare: (0, stats_1.rateOf)(inMonth.filter((r) => r.level >= 3).length, inMonth.length),
        followUpsOpened: inMonth.filter((r) => r.followUpStatus !== null).length,
        openFollowUps: rows.filter((r) => r.followUpStatus !== null && r.createdAt.getTime() < end && (!r.respondedAt || r.respondedAt.getTime() >= end)).length,
    };
}
function sealCarvingOf(orders, period, calendar) {
    const within = (at) => !!at && at >= period.from && at < period.to;
    const delivered = orders.filter((o) => within(o.deliveredAt));
    return {
        opened: orders.filter((o) => within(o.openedAt)).length,
        delivered: delivered.length,
        daysToDelivery: (0, stats_1.distributionOf)(delivered.map((o) => calendar.workingDaysBetween(o.openedAt, o.deliveredAt))),
        openAtMonthEnd: orders.filter((o) => o.openedAt < period.to && (!o.deliveredAt || o.deliveredAt >= period.to)).length,
    };
}
function slowestOf(issued, input, clerkOrder) {
    const { calendar } = input;
    const rows = issued.map(({ record, issuedAt }) => ({ record, issuedAt, workingDays: calendar.workingDaysBetween(record.submittedAt, issuedAt) }));
    rows.sort((a, b) => b.workingDays - a.workingDays || a.record.number.localeCompare(b.record.number));
    const precheckCorrections = new Map();
    for (const e of input.events)
        if (e.action === 'precheck_fail')
            precheckCorrections.set(e.applicationId, (precheckCorrections.get(e.applicationId) ?? 0) + 1);
    return rows.slice(0, SLOWEST).map(({ record, issuedAt, workingDays }) => {
        const service = domain_1.SERVICES.find((s) => s.code === record.serviceCode);
        const reasons = [];
        const closed = record.pauses.filter((p) => p.endedAt && p.endedAt <= issuedAt);
        const lostTo = (pauses) => calendar.pausedWorkingDays(pauses.map((p) => ({ from: p.startedAt, to: p.endedAt })), issuedAt);
        const corrections = (clerkOrder.get(record.id)?.filter((at) => at <= issuedAt.getTime()).length ?? 0) + (precheckCorrections.get(record.id) ?? 0);
        const correctionPauses = closed.filter((p) => p.reason === 'correction');
        if (corrections > 0 || correctionPauses.length > 0) {
            const lost = lostTo(correctionPauses);
            reasons.push({ kind: 'correction', text: `补正${Math.max(corrections, correctionPauses.length)}次，暂停${lost}个工作日`, workingDays: lost });
        }
        for (const kind of Object.keys(PROCEDURE_NAMES)) {
            const procedure = closed.filter((p) => p.reason === kind);
            if (procedure.length === 0)
                continue;
            const lost = lostTo(procedure);
            reasons.push({ kind: 'special_procedure', text: `${PROCEDURE_NAMES[kind]}${lost}个工作日`, workingDays: lost });
        }
        if (record.extensionWorkingDays > 0) {
            reasons.push({
                kind: 'extension',
                text: `延长审查期限${record.extensionWorkingDays}个工作日${record.extensionReason ? `（${record.extensionReason}）` : ''}`,
                workingDays: record.extensionWorkingDays,
            });
        }
        const decidedAt = record.decidedAt ?? record.acceptedAt;
        if (decidedAt) {
            const due = (0, decision_timing_1.dueAtDecision)(record, decidedAt, calendar);
            if (due && decidedAt > due) {
                const late = calendar.workingDaysBetween(due, decidedAt);
                reasons.push({ kind: 'late_decision', text: `超过承诺时限${late}个工作日作出决定`, workingDays: late });
            }
            const wait = calendar.workingDaysBetween(decidedAt, issuedAt);
            if (wait >= 2)
                reasons.push({ kind: 'issue_wait', text: `决定后${wait}个工作日才发证`, workingDays: wait });
        }
        if (reasons.length === 0)
            reasons.push({ kind: 'none', text: '无补正、暂停或延期，按时限正常办理' });
        return {
            applicationId: record.id,
            number: record.number,
            serviceCode: record.serviceCode,
            serviceName: service?.name ?? record.serviceCode,
            entityName: record.entityName,
            submittedAt: (0, domain_1.toShanghaiIso)(record.submittedAt),
            issuedAt: (0, domain_1.toShanghaiIso)(issuedAt),
            workingDays,
            promisedLimit: service?.promisedLimit ?? null,
            reasons,
        };
    });
}
