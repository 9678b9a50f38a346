"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEED_CALENDAR_DAYS = void 0;
function holidays(name, dates, provisional) {
    return dates.map((date) => ({ date, kind: 'holiday', name, ...(provisional ? { provisional } : {}) }));
}
function makeUpWorkdays(holidayName, dates) {
    return dates.map((date) => ({ date, kind: 'workday', name: `${holidayName}调休上班` }));
}
const ARRANGEMENT_2026 = [
    ...holidays('元旦', ['2026-01-01', '2026-01-02', '2026-01-03']),
    ...makeUpWorkdays('元旦', ['2026-01-04']),
    ...holidays('春节', [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
    ]),
    ...makeUpWorkdays('春节', ['2026-02-14', '2026-02-28']),
    ...holidays('清明节', ['2026-04-04', '2026-04-05', '2026-04-06']),
    ...holidays('劳动节', ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']),
    ...makeUpWorkdays('劳动节', ['2026-05-09']),
    ...holidays('端午节', ['2026-06-19', '2026-06-20', '2026-06-21']),
    ...holidays('中秋节', ['2026-09-25', '2026-09-26', '2026-09-27']),
    ...holidays('国庆节', [
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
    ]),
    ...makeUpWorkdays('国庆节', ['2026-09-20', '2026-10-10']),
];
const PROVISIONAL_2027 = [
    ...holidays('元旦', ['2027-01-01'], true),
    ...holidays('劳动节', ['2027-05-01', '2027-05-02'], true),
    ...holidays('国庆节', ['2027-10-01', '2027-10-02', '2027-10-03'], true),
];
exports.SEED_CALENDAR_DAYS = Object.freeze([...ARRANGEMENT_2026, ...PROVISIONAL_2027].map((day) => Object.freeze(day)));
