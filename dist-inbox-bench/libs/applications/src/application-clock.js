"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUREAU_CALENDAR = void 0;
exports.bureauCalendar = bureauCalendar;
exports.useBureauCalendar = useBureauCalendar;
exports.promisedLimitOf = promisedLimitOf;
exports.clockOf = clockOf;
exports.queueDueAt = queueDueAt;
const domain_1 = require("../../domain/src/index.js");
exports.BUREAU_CALENDAR = new domain_1.WorkingCalendar([...domain_1.SEED_CALENDAR_DAYS]);
let current = exports.BUREAU_CALENDAR;
function bureauCalendar() {
    return current;
}
function useBureauCalendar(calendar) {
    current = calendar;
}
const FINISHED_STATES = new Set(['not_accepted', 'denied', 'withdrawn', 'issued', 'revoked', 'issuing', 'awaiting_seal']);
function promisedLimitOf(app, service) {
    return app.greenChannel && service.greenChannelPromisedLimit ? service.greenChannelPromisedLimit : service.promisedLimit;
}
function clockOf(app, pauses, service, now, calendar = bureauCalendar()) {
    const finished = FINISHED_STATES.has(app.state);
    return (0, domain_1.computeClock)({
        submittedAt: app.submittedAt,
        acceptedAt: app.acceptedAt,
        promisedLimit: promisedLimitOf(app, service),
        legalLimit: service.legalLimit,
        pauses: pauses.map((p) => ({ from: p.startedAt, to: p.endedAt, reason: p.reason })),
        extensionWorkingDays: app.extensionWorkingDays,
        paused: pauses.some((p) => p.endedAt === null),
        finishedAt: finished ? (app.decidedAt ?? app.updatedAt) : null,
    }, calendar, now);
}
function queueDueAt(clock) {
    const due = clock.promisedDueAt ?? clock.acceptanceDueAt;
    return due ? new Date(due) : null;
}
