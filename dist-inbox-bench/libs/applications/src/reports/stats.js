"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.round2 = round2;
exports.distributionOf = distributionOf;
exports.rateOf = rateOf;
exports.percentText = percentText;
function round2(value) {
    return Math.round(value * 100) / 100;
}
function distributionOf(values) {
    if (values.length === 0)
        return { count: 0, mean: null, median: null, p90: null, max: null };
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    const sum = sorted.reduce((acc, v) => acc + v, 0);
    const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return { count: n, mean: round2(sum / n), median: round2(median), p90: sorted[Math.ceil(0.9 * n) - 1], max: sorted[n - 1] };
}
function rateOf(part, whole) {
    return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
function percentText(part, whole) {
    return whole === 0 ? '—' : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)} %`;
}
