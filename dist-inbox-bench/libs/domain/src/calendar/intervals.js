"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closePauses = closePauses;
exports.mergeIntervals = mergeIntervals;
function closePauses(pauses, now) {
    const closed = [];
    for (const pause of pauses) {
        const from = pause.from.getTime();
        const to = (pause.to ?? now).getTime();
        if (Number.isNaN(from) || Number.isNaN(to))
            throw new RangeError('pause with an invalid instant');
        if (pause.to && to < from)
            throw new RangeError(`pause ends before it begins: ${pause.from.toISOString()} → ${pause.to.toISOString()}`);
        if (to > from)
            closed.push([from, to]);
    }
    return closed;
}
function mergeIntervals(intervals) {
    const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [from, to] of sorted) {
        const last = merged[merged.length - 1];
        if (last && from <= last[1])
            last[1] = Math.max(last[1], to);
        else
            merged.push([from, to]);
    }
    return merged;
}
