"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.monthPeriod = monthPeriod;
exports.quarterPeriod = quarterPeriod;
exports.isoWeekOf = isoWeekOf;
exports.addDays = addDays;
exports.monthOf = monthOf;
exports.quarterOf = quarterOf;
exports.previousMonth = previousMonth;
exports.daysOf = daysOf;
exports.firstWorkingDayOfMonth = firstWorkingDayOfMonth;
exports.isoOf = isoOf;
const domain_1 = require("../../../domain/src/index.js");
const local_time_1 = require("../../../domain/src/calendar/local-time.js");
const errors_1 = require("../../../domain/src/errors.js");
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
function periodOf(label, firstDay, dayAfter) {
    return {
        label,
        firstDay,
        lastDay: (0, local_time_1.addDaysToLocalDate)(dayAfter, -1),
        from: new Date(`${firstDay}T00:00:00+08:00`),
        to: new Date(`${dayAfter}T00:00:00+08:00`),
    };
}
function nextMonthStart(year, month) {
    return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
function monthPeriod(month, field = 'month') {
    const match = typeof month === 'string' ? MONTH.exec(month) : null;
    if (!match)
        throw new errors_1.ValidationFailedError({ [field]: 'fields.invalid' });
    const [year, m] = [Number(match[1]), Number(match[2])];
    if (year < 2000 || year > 2100)
        throw new errors_1.ValidationFailedError({ [field]: 'fields.invalid' });
    return periodOf(month, `${month}-01`, nextMonthStart(year, m));
}
function quarterPeriod(quarter, field = 'quarter') {
    const match = typeof quarter === 'string' ? QUARTER.exec(quarter) : null;
    if (!match)
        throw new errors_1.ValidationFailedError({ [field]: 'fields.invalid' });
    const [year, q] = [Number(match[1]), Number(match[2])];
    if (year < 2000 || year > 2100)
        throw new errors_1.ValidationFailedError({ [field]: 'fields.invalid' });
    const firstMonth = (q - 1) * 3 + 1;
    return periodOf(quarter, `${year}-${String(firstMonth).padStart(2, '0')}-01`, nextMonthStart(year, firstMonth + 2));
}
function isoWeekOf(localDate) {
    if (!(0, domain_1.isLocalDate)(localDate))
        throw new RangeError(`not a date: ${localDate}`);
    const weekday = (new Date(`${localDate}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = (0, local_time_1.addDaysToLocalDate)(localDate, -weekday);
    const thursday = (0, local_time_1.addDaysToLocalDate)(monday, 3);
    const year = Number(thursday.slice(0, 4));
    const jan1 = `${year}-01-01`;
    const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
    const week = Math.floor(dayOfYear / 7) + 1;
    return periodOf(`${year}-W${String(week).padStart(2, '0')}`, monday, (0, local_time_1.addDaysToLocalDate)(monday, 7));
}
function addDays(localDate, days) {
    return (0, local_time_1.addDaysToLocalDate)(localDate, days);
}
function monthOf(instant) {
    return (0, domain_1.shanghaiLocalDate)(instant).slice(0, 7);
}
function quarterOf(instant) {
    const [year, month] = (0, domain_1.shanghaiLocalDate)(instant).split('-').map(Number);
    return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}
function previousMonth(month) {
    const [year, m] = month.split('-').map(Number);
    return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
function daysOf(period) {
    const days = [];
    for (let day = period.firstDay; day <= period.lastDay; day = (0, local_time_1.addDaysToLocalDate)(day, 1))
        days.push(day);
    return days;
}
function firstWorkingDayOfMonth(localDate, calendar) {
    return calendar.workingDayOnOrAfter(`${localDate.slice(0, 7)}-01`);
}
function isoOf(instant) {
    return instant ? (0, domain_1.toShanghaiIso)(instant) : null;
}
