"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkingCalendar = exports.DEFAULT_OFFICE_HOURS = void 0;
const local_time_1 = require("./local-time");
const intervals_1 = require("./intervals");
exports.DEFAULT_OFFICE_HOURS = Object.freeze({
    morning: ['09:00', '12:00'],
    afternoon: ['13:30', '17:30'],
});
const MAX_DAYS_WITHOUT_WORK = 366;
function assertCount(n, what) {
    if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}
class WorkingCalendar {
    officeHours;
    days = new Map();
    yearsWithDays = new Set();
    provisionalYears = new Set();
    windows;
    constructor(days, officeHours = exports.DEFAULT_OFFICE_HOURS) {
        for (const day of days) {
            if (!(0, local_time_1.isLocalDate)(day.date))
                throw new RangeError(`calendar day has no valid date: ${String(day.date)}`);
            if (day.kind !== 'holiday' && day.kind !== 'workday')
                throw new RangeError(`calendar day ${day.date} has kind ${String(day.kind)}`);
            if (this.days.has(day.date))
                throw new RangeError(`calendar day ${day.date} is listed twice`);
            this.days.set(day.date, day);
            const year = Number(day.date.slice(0, 4));
            this.yearsWithDays.add(year);
            if (day.provisional)
                this.provisionalYears.add(year);
        }
        const [morningStart, morningEnd, afternoonStart, afternoonEnd] = [...officeHours.morning, ...officeHours.afternoon].map(local_time_1.minutesOf);
        if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd)) {
            throw new RangeError(`office hours out of order: ${officeHours.morning.join('–')}, ${officeHours.afternoon.join('–')}`);
        }
        this.officeHours = {
            morning: [officeHours.morning[0], officeHours.morning[1]],
            afternoon: [officeHours.afternoon[0], officeHours.afternoon[1]],
        };
        this.windows = [
            [morningStart, morningEnd],
            [afternoonStart, afternoonEnd],
        ];
    }
    isWorkingDay(localDate) {
        const listed = this.days.get(localDate);
        if (listed)
            return listed.kind === 'workday';
        const weekday = (0, local_time_1.weekdayOf)(localDate);
        return weekday !== 0 && weekday !== 6;
    }
    isProvisional(year) {
        return this.provisionalYears.has(year) || !this.yearsWithDays.has(year);
    }
    localDateOf(instant) {
        return (0, local_time_1.shanghaiDateOf)(instant);
    }
    instantAt(localDate, localTime) {
        return (0, local_time_1.shanghaiInstantAt)(localDate, localTime);
    }
    closeOfBusiness(localDate) {
        return this.instantAt(localDate, this.officeHours.afternoon[1]);
    }
    workingDayOnOrAfter(localDate) {
        let date = localDate;
        for (let scanned = 0; scanned <= MAX_DAYS_WITHOUT_WORK; scanned++) {
            if (this.isWorkingDay(date))
                return date;
            date = (0, local_time_1.addDaysToLocalDate)(date, 1);
        }
        throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${localDate}`);
    }
    addWorkingDays(startInstant, n) {
        assertCount(n, 'working days');
        const startDate = this.localDateOf(startInstant);
        if (n === 0) {
            const sameDay = this.isWorkingDay(startDate) && startInstant.getTime() <= this.closeOfBusiness(startDate).getTime();
            return this.closeOfBusiness(sameDay ? startDate : this.workingDayOnOrAfter((0, local_time_1.addDaysToLocalDate)(startDate, 1)));
        }
        let date = startDate;
        for (let counted = 0; counted < n; counted++)
            date = this.workingDayOnOrAfter((0, local_time_1.addDaysToLocalDate)(date, 1));
        return this.closeOfBusiness(date);
    }
    addCalendarDays(startInstant, n) {
        assertCount(n, 'calendar days');
        return this.closeOfBusiness(this.workingDayOnOrAfter((0, local_time_1.addDaysToLocalDate)(this.localDateOf(startInstant), n)));
    }
    addLimit(startInstant, limit) {
        switch (limit.unit) {
            case 'working':
                return this.addWorkingDays(startInstant, limit.days);
            case 'calendar':
                return this.addCalendarDays(startInstant, limit.days);
            default:
                throw new RangeError(`unknown time-limit unit: ${String(limit.unit)}`);
        }
    }
    workingDaysBetween(fromInstant, toInstant) {
        const from = (0, local_time_1.epochDayOf)(this.localDateOf(fromInstant));
        const to = (0, local_time_1.epochDayOf)(this.localDateOf(toInstant));
        const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
        let count = 0;
        for (let day = low + 1; day <= high; day++)
            if (this.isWorkingDay((0, local_time_1.localDateOfEpochDay)(day)))
                count++;
        return sign * count;
    }
    officeMillisBetween(a, b) {
        const start = a.getTime();
        const end = b.getTime();
        if (!(end > start))
            return 0;
        let total = 0;
        const lastDay = (0, local_time_1.epochDayOf)(this.localDateOf(b));
        for (let day = (0, local_time_1.epochDayOf)(this.localDateOf(a)); day <= lastDay; day++) {
            for (const [open, close] of this.windowsOn((0, local_time_1.localDateOfEpochDay)(day))) {
                total += Math.max(0, Math.min(close, end) - Math.max(open, start));
            }
        }
        return total;
    }
    addOfficeMillis(startInstant, millis) {
        if (!Number.isFinite(millis) || millis < 0)
            throw new RangeError(`office time must be ≥ 0 ms, got ${millis}`);
        const start = startInstant.getTime();
        if (millis === 0)
            return new Date(start);
        let remaining = millis;
        let day = (0, local_time_1.epochDayOf)(this.localDateOf(startInstant));
        for (let idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
            const windows = this.windowsOn((0, local_time_1.localDateOfEpochDay)(day));
            idle = windows.length ? 0 : idle + 1;
            for (const [open, close] of windows) {
                const from = Math.max(open, start);
                if (close <= from)
                    continue;
                if (remaining <= close - from)
                    return new Date(from + remaining);
                remaining -= close - from;
            }
        }
        throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days before ${(0, local_time_1.localDateOfEpochDay)(day)}`);
    }
    pausedWorkingDays(pauses, now) {
        return (0, intervals_1.mergeIntervals)((0, intervals_1.closePauses)(pauses, now)).reduce((sum, [from, to]) => sum + this.workingDaysBetween(new Date(from), new Date(to)), 0);
    }
    shiftByPauses(dueAt, pauses, now) {
        const lost = this.pausedWorkingDays(pauses, now);
        return lost === 0 ? dueAt : this.addWorkingDays(dueAt, lost);
    }
    windowsOn(localDate) {
        if (!this.isWorkingDay(localDate))
            return [];
        const midnight = this.instantAt(localDate, '00:00').getTime();
        return this.windows.map(([open, close]) => [midnight + open * 60_000, midnight + close * 60_000]);
    }
}
exports.WorkingCalendar = WorkingCalendar;
