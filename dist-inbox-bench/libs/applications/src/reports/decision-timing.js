"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isDecision = isDecision;
exports.greenAt = greenAt;
exports.dueAtDecision = dueAtDecision;
exports.decidedOnTime = decidedOnTime;
exports.loadClockRecords = loadClockRecords;
const domain_1 = require("../../../domain/src/index.js");
const application_clock_1 = require("../application-clock");
function isDecision(action, toState) {
    return action === 'approve' || action === 'deny' || action === 'refuse' || (action === 'accept' && toState === 'awaiting_seal');
}
function greenAt(record, at) {
    if (!record.greenChannel)
        return false;
    return record.greenMarks.length === 0 || record.greenMarks.some((mark) => mark.getTime() <= at.getTime());
}
function dueAtDecision(record, at, calendar) {
    const service = (0, domain_1.getService)(record.serviceCode);
    if (!service || !record.submittedAt)
        return null;
    const acceptedAt = record.acceptedAt && record.acceptedAt.getTime() <= at.getTime() ? record.acceptedAt : null;
    const clock = (0, application_clock_1.clockOf)({
        state: 'denied',
        submittedAt: record.submittedAt,
        acceptedAt,
        decidedAt: at,
        updatedAt: at,
        extensionWorkingDays: record.extensionWorkingDays,
        greenChannel: greenAt(record, at),
    }, record.pauses, service, at, calendar);
    const due = clock.promisedDueAt ?? clock.acceptanceDueAt;
    return due ? new Date(due) : null;
}
function decidedOnTime(record, at, calendar) {
    const due = dueAtDecision(record, at, calendar);
    return due !== null && at.getTime() <= due.getTime();
}
async function loadClockRecords(em, ids) {
    const records = new Map();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 5000) {
        const batch = unique.slice(i, i + 5000);
        const rows = await em.query(`SELECT id, number, service_code, entity_name, submitted_at, accepted_at, decided_at, issued_at, extension_working_days,
              extension_reason, green_channel, filed_by_account_id
         FROM applications WHERE id = ANY($1::uuid[])`, [batch]);
        for (const r of rows) {
            records.set(r.id, {
                id: r.id,
                number: r.number,
                serviceCode: r.service_code,
                entityName: r.entity_name,
                submittedAt: r.submitted_at,
                acceptedAt: r.accepted_at,
                decidedAt: r.decided_at,
                issuedAt: r.issued_at,
                extensionWorkingDays: r.extension_working_days,
                extensionReason: r.extension_reason,
                greenChannel: r.green_channel,
                filedByAccountId: r.filed_by_account_id,
                pauses: [],
                greenMarks: [],
            });
        }
        const pauses = await em.query(`SELECT application_id, reason, started_at, ended_at FROM application_pauses WHERE application_id = ANY($1::uuid[]) ORDER BY started_at`, [batch]);
        for (const p of pauses)
            records.get(p.application_id)?.pauses.push({ reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at });
        const marks = await em.query(`SELECT application_id, at FROM audit_events WHERE application_id = ANY($1::uuid[]) AND action = 'green_channel' ORDER BY id`, [batch]);
        for (const m of marks)
            records.get(m.application_id)?.greenMarks.push(m.at);
    }
    return records;
}
