"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.auditEventHash = auditEventHash;
exports.appendAuditEvent = appendAuditEvent;
exports.verifyAuditChain = verifyAuditChain;
exports.computeDailyDigest = computeDailyDigest;
exports.verifyAuditTrail = verifyAuditTrail;
const node_crypto_1 = require("node:crypto");
const documents_1 = require("../../documents/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
function auditEventHash(prevHash, event) {
    const body = (0, documents_1.canonicalJson)({
        applicationId: event.applicationId,
        at: event.at.toISOString(),
        actorKind: event.actorKind,
        actorId: event.actorId,
        actorName: event.actorName,
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        note: event.note,
        data: event.data,
    });
    return (0, node_crypto_1.createHash)('sha256')
        .update(prevHash ?? '')
        .update('\n')
        .update(body)
        .digest('hex');
}
async function appendAuditEvent(em, entry) {
    const [previous] = entry.applicationId
        ? await em.query('SELECT hash FROM audit_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1', [entry.applicationId])
        : [];
    const event = {
        applicationId: entry.applicationId,
        at: entry.at ?? new Date(),
        actorKind: entry.actor.kind,
        actorId: entry.actor.id ?? null,
        actorName: entry.actor.name ?? null,
        action: entry.action,
        fromState: entry.fromState ?? null,
        toState: entry.toState ?? null,
        note: entry.note ?? null,
        data: entry.data ?? null,
    };
    const prevHash = previous?.hash ?? null;
    const row = em.getRepository(persistence_1.AuditEventEntity).create({ ...event, prevHash, hash: auditEventHash(prevHash, event) });
    return em.getRepository(persistence_1.AuditEventEntity).save(row);
}
async function verifyAuditChain(em, applicationId) {
    const events = await em.getRepository(persistence_1.AuditEventEntity).find({ where: { applicationId }, order: { id: 'ASC' } });
    let prevHash = null;
    for (const event of events) {
        if (event.prevHash !== prevHash || auditEventHash(prevHash, event) !== event.hash)
            return event.id;
        prevHash = event.hash;
    }
    return null;
}
async function computeDailyDigest(em, day) {
    const rows = await em.query(`SELECT hash FROM audit_events
      WHERE at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      ORDER BY id`, [day]);
    const digest = (0, node_crypto_1.createHash)('sha256');
    for (const row of rows)
        digest.update(row.hash).update('\n');
    return { eventCount: rows.length, digest: digest.digest('hex') };
}
async function verifyAuditTrail(em) {
    const report = { filesChecked: 0, daysChecked: 0, brokenChains: [], tamperedDays: [] };
    const files = await em.query('SELECT DISTINCT application_id FROM audit_events WHERE application_id IS NOT NULL');
    for (const { application_id } of files) {
        const broken = await verifyAuditChain(em, application_id);
        if (broken)
            report.brokenChains.push({ applicationId: application_id, eventId: broken });
    }
    report.filesChecked = files.length;
    const days = await em.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, digest FROM audit_daily_digests ORDER BY day`);
    for (const { day, digest } of days) {
        const actual = await computeDailyDigest(em, day);
        if (actual.digest !== digest)
            report.tamperedDays.push({ day, stored: digest, actual: actual.digest });
    }
    report.daysChecked = days.length;
    return report;
}
