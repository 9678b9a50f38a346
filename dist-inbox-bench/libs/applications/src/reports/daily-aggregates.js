"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countsOfTransition = countsOfTransition;
exports.recordDailyAggregates = recordDailyAggregates;
exports.computeDailyCounts = computeDailyCounts;
exports.rebuildDailyAggregates = rebuildDailyAggregates;
const domain_1 = require("../../../domain/src/index.js");
const decision_timing_1 = require("./decision-timing");
const ZERO = { submitted: 0, accepted: 0, decided: 0, decidedOnTime: 0, issued: 0 };
function countsOfTransition(facts) {
    const decided = (0, decision_timing_1.isDecision)(facts.action, facts.toState);
    return {
        submitted: facts.action === 'submit' && !facts.application.submittedAt ? 1 : 0,
        accepted: facts.action === 'accept' ? 1 : 0,
        decided: decided ? 1 : 0,
        decidedOnTime: decided && facts.dueAt !== null && facts.at.getTime() <= facts.dueAt.getTime() ? 1 : 0,
        issued: facts.action === 'issued' ? 1 : 0,
    };
}
async function recordDailyAggregates(em, facts) {
    const c = countsOfTransition(facts);
    if (c.submitted + c.accepted + c.decided + c.issued === 0)
        return;
    await em.query(`INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (day, service_code) DO UPDATE SET
       submitted = daily_service_stats.submitted + EXCLUDED.submitted,
       accepted = daily_service_stats.accepted + EXCLUDED.accepted,
       decided = daily_service_stats.decided + EXCLUDED.decided,
       decided_on_time = daily_service_stats.decided_on_time + EXCLUDED.decided_on_time,
       issued = daily_service_stats.issued + EXCLUDED.issued`, [(0, domain_1.shanghaiLocalDate)(facts.at), facts.application.serviceCode, c.submitted, c.accepted, c.decided, c.decidedOnTime, c.issued]);
}
async function computeDailyCounts(em, day, calendar) {
    if (!(0, domain_1.isLocalDate)(day))
        throw new RangeError(`not a date: ${day}`);
    const events = await em.query(`SELECT e.application_id, e.action, e.to_state, e.at, a.service_code
       FROM audit_events e JOIN applications a ON a.id = e.application_id
      WHERE e.at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND e.at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND e.action IN ('submit', 'accept', 'approve', 'deny', 'refuse', 'issued')`, [day]);
    const decisions = events.filter((e) => (0, decision_timing_1.isDecision)(e.action, e.to_state));
    const records = await (0, decision_timing_1.loadClockRecords)(em, decisions.map((e) => e.application_id));
    const counts = new Map();
    for (const e of events) {
        const c = counts.get(e.service_code) ?? { ...ZERO };
        if (e.action === 'submit')
            c.submitted++;
        if (e.action === 'accept')
            c.accepted++;
        if (e.action === 'issued')
            c.issued++;
        if ((0, decision_timing_1.isDecision)(e.action, e.to_state)) {
            c.decided++;
            const record = records.get(e.application_id);
            if (record && (0, decision_timing_1.decidedOnTime)(record, e.at, calendar))
                c.decidedOnTime++;
        }
        counts.set(e.service_code, c);
    }
    return counts;
}
async function rebuildDailyAggregates(em, day, calendar) {
    const counts = await computeDailyCounts(em, day, calendar);
    await em.query('DELETE FROM daily_service_stats WHERE day = $1', [day]);
    for (const [serviceCode, c] of counts) {
        await em.query(`INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [day, serviceCode, c.submitted, c.accepted, c.decided, c.decidedOnTime, c.issued]);
    }
    return counts;
}
