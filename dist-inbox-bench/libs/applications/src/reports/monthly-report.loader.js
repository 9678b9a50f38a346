"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.calendarSnapshot = calendarSnapshot;
exports.loadMonthlyReportInput = loadMonthlyReportInput;
const decision_timing_1 = require("./decision-timing");
const monthly_report_1 = require("./monthly-report");
async function calendarSnapshot(em) {
    const rows = await em.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days ORDER BY date`);
    return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, ...(r.provisional ? { provisional: true } : {}) }));
}
async function loadMonthlyReportInput(em, period, calendar, generatedAt) {
    const eventRows = await em.query(`SELECT application_id, action, to_state, at FROM audit_events
      WHERE at >= $1 AND at < $2 AND application_id IS NOT NULL AND action = ANY($3::text[])
      ORDER BY at, id`, [period.from, period.to, [...monthly_report_1.REPORT_ACTIONS]]);
    const ids = [...new Set(eventRows.map((e) => e.application_id))];
    const records = await (0, decision_timing_1.loadClockRecords)(em, ids);
    const clerk = ids.length
        ? await em.query(`SELECT application_id, at FROM audit_events WHERE application_id = ANY($1::uuid[]) AND action = 'request_correction' AND at < $2`, [ids, period.to])
        : [];
    const pauses = await em.query(`SELECT p.application_id, a.service_code, p.reason, p.started_at, p.ended_at
       FROM application_pauses p JOIN applications a ON a.id = p.application_id
      WHERE p.ended_at >= $1 AND p.ended_at < $2`, [period.from, period.to]);
    const orders = await em.query(`SELECT opened_at, delivered_at FROM seal_carving_orders WHERE opened_at < $2 AND (delivered_at IS NULL OR delivered_at >= $1)`, [period.from, period.to]);
    return {
        period,
        generatedAt,
        calendar,
        events: eventRows.map((e) => ({ applicationId: e.application_id, action: e.action, toState: e.to_state, at: e.at })),
        records,
        clerkCorrections: clerk.map((c) => ({ applicationId: c.application_id, at: c.at })),
        pausesEnded: pauses.map((p) => ({ applicationId: p.application_id, serviceCode: p.service_code, reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at })),
        sealOrders: orders.map((o) => ({ openedAt: o.opened_at, deliveredAt: o.delivered_at })),
        ratings: await loadRatings(em, period),
    };
}
async function loadRatings(em, period) {
    const [{ exists }] = await em.query(`SELECT to_regclass('ratings') IS NOT NULL AS exists`);
    if (!exists)
        return null;
    const rows = await em.query(`SELECT level, created_at, follow_up_status, responded_at FROM ratings
      WHERE created_at < $2 AND (created_at >= $1 OR (follow_up_status IS NOT NULL AND (responded_at IS NULL OR responded_at >= $2)))`, [period.from, period.to]);
    return rows.map((r) => ({ level: Number(r.level), createdAt: r.created_at, followUpStatus: r.follow_up_status, respondedAt: r.responded_at }));
}
