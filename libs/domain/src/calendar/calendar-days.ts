/**
 * The bureau's holiday calendar as data. An administrator maintains it; these rows seed it.
 * Days not listed follow the week: Monday to Friday work, Saturday and Sunday off.
 */
export type CalendarDayKind = 'holiday' | 'workday';

export type CalendarDay = {
  /** Local (Asia/Shanghai) date, 'YYYY-MM-DD'. */
  date: string;
  /** 'holiday': a day off in a holiday period; 'workday': a weekend day worked to make up for one (调休上班). */
  kind: CalendarDayKind;
  name: string;
  /** Entered before the State Council published the year's arrangement. */
  provisional?: boolean;
};

function holidays(name: string, dates: readonly string[], provisional?: true): CalendarDay[] {
  return dates.map((date) => ({ date, kind: 'holiday' as const, name, ...(provisional ? { provisional } : {}) }));
}

function makeUpWorkdays(holidayName: string, dates: readonly string[]): CalendarDay[] {
  return dates.map((date) => ({ date, kind: 'workday' as const, name: `${holidayName}调休上班` }));
}

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). */
const ARRANGEMENT_2026: readonly CalendarDay[] = [
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

/**
 * 2027 holds only the holidays whose dates the 全国年节及纪念日放假办法 (2024 revision) fixes:
 * 元旦 Jan 1, 劳动节 May 1–2, 国庆节 Oct 1–3. The State Council publishes the real arrangement
 * (lunar holidays, bridging days, make-up workdays) each November, and an administrator
 * then enters it in place of these rows.
 */
const PROVISIONAL_2027: readonly CalendarDay[] = [
  ...holidays('元旦', ['2027-01-01'], true),
  ...holidays('劳动节', ['2027-05-01', '2027-05-02'], true),
  ...holidays('国庆节', ['2027-10-01', '2027-10-02', '2027-10-03'], true),
];

export const SEED_CALENDAR_DAYS: readonly CalendarDay[] = Object.freeze(
  [...ARRANGEMENT_2026, ...PROVISIONAL_2027].map((day) => Object.freeze(day)),
);
