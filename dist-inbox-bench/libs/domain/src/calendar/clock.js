"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOCK_THRESHOLDS = exports.ACCEPTANCE_TIME_LIMIT = void 0;
exports.elapsedFraction = elapsedFraction;
exports.reminderInstants = reminderInstants;
exports.computeClock = computeClock;
exports.estimateDueDates = estimateDueDates;
const intervals_1 = require("./intervals");
const local_time_1 = require("./local-time");
exports.ACCEPTANCE_TIME_LIMIT = Object.freeze({ days: 5, unit: 'working' });
exports.CLOCK_THRESHOLDS = Object.freeze({ yellow: 0.5, red: 0.8 });
function pauseSpans(pauses, start, end) {
    const [from, to] = [start.getTime(), end.getTime()];
    const clipped = (0, intervals_1.closePauses)(pauses, end)
        .map(([f, t]) => [Math.max(f, from), Math.min(t, to)])
        .filter(([f, t]) => t > f);
    return (0, intervals_1.mergeIntervals)(clipped);
}
function asIntervals(spans) {
    return spans.map(([from, to]) => ({ from: new Date(from), to: new Date(to) }));
}
function runningMillis(calendar, a, b, spans) {
    let paused = 0;
    for (const [from, to] of spans) {
        paused += calendar.officeMillisBetween(new Date(Math.max(from, a.getTime())), new Date(Math.min(to, b.getTime())));
    }
    return calendar.officeMillisBetween(a, b) - paused;
}
function instantAfterRunning(calendar, start, target, spans) {
    let cursor = start;
    let remaining = target;
    for (const [from, to] of spans) {
        if (to <= cursor.getTime())
            continue;
        if (from > cursor.getTime()) {
            const available = calendar.officeMillisBetween(cursor, new Date(from));
            if (remaining <= available)
                return calendar.addOfficeMillis(cursor, remaining);
            remaining -= available;
        }
        cursor = new Date(Math.max(cursor.getTime(), to));
    }
    return calendar.addOfficeMillis(cursor, remaining);
}
function elapsedFraction(startInstant, at, dueAt, calendar, pauses = []) {
    const spans = pauseSpans(pauses, startInstant, new Date(Math.max(at.getTime(), dueAt.getTime())));
    const total = runningMillis(calendar, startInstant, dueAt, spans);
    if (total <= 0)
        return at.getTime() >= dueAt.getTime() ? 1 : 0;
    return runningMillis(calendar, startInstant, at, spans) / total;
}
function reminderInstants(startInstant, dueAt, calendar, pauses = []) {
    const spans = pauseSpans(pauses, startInstant, dueAt);
    const total = Math.max(0, runningMillis(calendar, startInstant, dueAt, spans));
    return {
        half: instantAfterRunning(calendar, startInstant, Math.ceil(exports.CLOCK_THRESHOLDS.yellow * total), spans),
        eightyPercent: instantAfterRunning(calendar, startInstant, Math.ceil(exports.CLOCK_THRESHOLDS.red * total), spans),
    };
}
function statusAt(calendar, start, at, dueAt, spans) {
    if (at.getTime() > dueAt.getTime())
        return 'overdue';
    const total = runningMillis(calendar, start, dueAt, spans);
    const elapsed = runningMillis(calendar, start, at, spans);
    if (elapsed >= exports.CLOCK_THRESHOLDS.red * total)
        return 'red';
    if (elapsed >= exports.CLOCK_THRESHOLDS.yellow * total)
        return 'yellow';
    return 'green';
}
function computeClock(input, calendar, now) {
    const { extensionWorkingDays } = input;
    if (!Number.isSafeInteger(extensionWorkingDays) || extensionWorkingDays < 0) {
        throw new RangeError(`extensionWorkingDays must be a whole number ≥ 0, got ${extensionWorkingDays}`);
    }
    const start = input.acceptedAt ?? input.submittedAt;
    if (!start)
        return { status: 'green' };
    const finishedAt = input.finishedAt ?? null;
    const readAt = finishedAt ?? now;
    const spans = pauseSpans(input.pauses, start, readAt);
    const pauses = asIntervals(spans);
    const shifted = (dueAt) => calendar.shiftByPauses(dueAt, pauses, readAt);
    let dueAt;
    let dueTimes;
    if (input.acceptedAt) {
        dueAt = shifted(calendar.addLimit(start, input.promisedLimit));
        const legalBase = calendar.addLimit(start, input.legalLimit);
        const legalDueAt = shifted(extensionWorkingDays ? calendar.addWorkingDays(legalBase, extensionWorkingDays) : legalBase);
        dueTimes = { promisedDueAt: (0, local_time_1.toShanghaiIso)(dueAt), legalDueAt: (0, local_time_1.toShanghaiIso)(legalDueAt) };
    }
    else {
        dueAt = shifted(calendar.addLimit(start, exports.ACCEPTANCE_TIME_LIMIT));
        dueTimes = { acceptanceDueAt: (0, local_time_1.toShanghaiIso)(dueAt) };
    }
    const status = input.paused && !finishedAt ? 'paused' : statusAt(calendar, start, readAt, dueAt, spans);
    return finishedAt ? { status, ...dueTimes } : { status, ...dueTimes, workingDaysLeft: calendar.workingDaysBetween(now, dueAt) };
}
function estimateDueDates(acceptedOn, limits, calendar) {
    const acceptedAt = calendar.instantAt(acceptedOn, calendar.officeHours.morning[0]);
    return {
        promisedDueAt: (0, local_time_1.toShanghaiIso)(calendar.addLimit(acceptedAt, limits.promisedLimit)),
        legalDueAt: (0, local_time_1.toShanghaiIso)(calendar.addLimit(acceptedAt, limits.legalLimit)),
    };
}
