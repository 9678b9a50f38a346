"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isLocalDate = isLocalDate;
exports.epochDayOf = epochDayOf;
exports.localDateOfEpochDay = localDateOfEpochDay;
exports.addDaysToLocalDate = addDaysToLocalDate;
exports.weekdayOf = weekdayOf;
exports.minutesOf = minutesOf;
exports.shanghaiDateOf = shanghaiDateOf;
exports.shanghaiInstantAt = shanghaiInstantAt;
exports.toShanghaiIso = toShanghaiIso;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
function isLocalDate(value) {
    if (typeof value !== 'string')
        return false;
    const match = LOCAL_DATE_PATTERN.exec(value);
    if (!match)
        return false;
    const [, y, m, d] = match.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
function epochDayOf(localDate) {
    if (!isLocalDate(localDate))
        throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(localDate)}`);
    const [y, m, d] = localDate.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / DAY_MS;
}
function localDateOfEpochDay(epochDay) {
    return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}
function addDaysToLocalDate(localDate, days) {
    return localDateOfEpochDay(epochDayOf(localDate) + days);
}
function weekdayOf(localDate) {
    return new Date(epochDayOf(localDate) * DAY_MS).getUTCDay();
}
function minutesOf(localTime) {
    const match = LOCAL_TIME_PATTERN.exec(localTime);
    if (!match)
        throw new RangeError(`not a time of day (HH:MM): ${String(localTime)}`);
    return Number(match[1]) * 60 + Number(match[2]);
}
function assertInstant(instant) {
    const ms = instant instanceof Date ? instant.getTime() : NaN;
    if (Number.isNaN(ms))
        throw new RangeError('not a valid instant');
    return ms;
}
function shanghaiDateOf(instant) {
    return localDateOfEpochDay(Math.floor((assertInstant(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}
function shanghaiInstantAt(localDate, localTime) {
    return new Date(epochDayOf(localDate) * DAY_MS + minutesOf(localTime) * 60_000 - SHANGHAI_OFFSET_MS);
}
function toShanghaiIso(instant) {
    const ms = assertInstant(instant);
    const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
    const fraction = ms % 1000 === 0 ? '' : shifted.slice(19, 23);
    return `${shifted.slice(0, 19)}${fraction}+08:00`;
}
