import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCEPTANCE_TIME_LIMIT, CLOCK_THRESHOLDS, SERVICES, shanghaiLocalDate, TimeLimit, toShanghaiIso, WorkingCalendar } from '@onewindow/domain';
import { CalendarService } from '../calendar.service';
import { addDays } from './period';
import { rateOf } from './stats';

/** States in which a file waits on the bureau (DESIGN.md's queues). */
export const OPEN_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing'] as const;
/** States whose clock runs against a due time kept in applications.due_at (correction_required is paused). */
const RUNNING_BEFORE_ACCEPTANCE = ['submitted', 'awaiting_acceptance'];
const TREND_DAYS = 30;
const OFFICE_HOURS_PER_DAY = 7;
const HOUR = 3_600_000;

export interface Dashboard {
  asOf: string;
  /** Today's queue, from queue_counters (kept by every transition). */
  queue: Array<{ serviceCode: string; serviceName: string; open: number; states: Record<string, number> }>;
  queueTotals: Record<string, number>;
  /** Files whose running clock is red (≥ 80 % of the period used) or past due, from the due times the transitions keep. */
  clock: {
    red: number;
    overdue: number;
    byService: Array<{ serviceCode: string; red: number; overdue: number }>;
  };
  /** Decisions of the last 30 closed days (yesterday back), and how many were on time. */
  onTime: { from: string; to: string; decided: number; decidedOnTime: number; rate: number | null };
  /** Submissions per day, today included, from daily_service_stats. */
  submissions: Array<{ date: string; submitted: number; issued: number }>;
}

/** Office milliseconds of a period's nominal length: a calendar-day limit holds about five working days a week. */
function nominalOfficeMillis(limit: TimeLimit): number {
  const workingDays = limit.unit === 'working' ? limit.days : (limit.days * 5) / 7;
  return workingDays * OFFICE_HOURS_PER_DAY * HOUR;
}

/**
 * The leadership dashboard. Every figure comes from what the transitions maintain: the queue from
 * queue_counters, the clock colours from the indexed due times (a file is red once no more than
 * the last fifth of its period's office time is left before its due time), trends and on-time
 * rates from daily_service_stats. No count runs over the applications as a whole.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async get(now: Date = new Date()): Promise<Dashboard> {
    const calendar = this.calendars.current;
    const today = shanghaiLocalDate(now);
    const first = addDays(today, -TREND_DAYS);
    const [counters, clock, daily] = await Promise.all([
      this.dataSource.query(`SELECT service_code, state, count::int AS count FROM queue_counters WHERE count <> 0`) as Promise<Array<{ service_code: string; state: string; count: number }>>,
      this.clockCounts(calendar, now),
      this.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(submitted)::int AS submitted, sum(issued)::int AS issued,
                sum(decided)::int AS decided, sum(decided_on_time)::int AS decided_on_time
           FROM daily_service_stats WHERE day >= $1 AND day <= $2 GROUP BY day`,
        [first, today],
      ) as Promise<Array<{ day: string; submitted: number; issued: number; decided: number; decided_on_time: number }>>,
    ]);

    const queueTotals: Record<string, number> = Object.fromEntries(OPEN_STATES.map((s) => [s, 0]));
    const queue = SERVICES.map((service) => {
      const states: Record<string, number> = Object.fromEntries(OPEN_STATES.map((s) => [s, 0]));
      for (const row of counters) {
        if (row.service_code === service.code && row.state in states) {
          states[row.state] = row.count;
          queueTotals[row.state] += row.count;
        }
      }
      return { serviceCode: service.code, serviceName: service.name, open: Object.values(states).reduce((a, b) => a + b, 0), states };
    });

    const byDay = new Map(daily.map((d) => [d.day, d]));
    const submissions: Dashboard['submissions'] = [];
    let decided = 0;
    let decidedOnTime = 0;
    for (let day = addDays(first, 1); day <= today; day = addDays(day, 1)) {
      const row = byDay.get(day);
      submissions.push({ date: day, submitted: row?.submitted ?? 0, issued: row?.issued ?? 0 });
    }
    for (const row of daily) {
      if (row.day >= first && row.day < today) {
        decided += row.decided;
        decidedOnTime += row.decided_on_time;
      }
    }

    return {
      asOf: toShanghaiIso(now),
      queue,
      queueTotals,
      clock,
      onTime: { from: first, to: addDays(today, -1), decided, decidedOnTime, rate: rateOf(decidedOnTime, decided) },
      submissions,
    };
  }

  /**
   * Red and overdue files per service. One index range per state over applications_inbox_idx
   * (state, green_channel, due_at): overdue is due before now; red is due within the last fifth
   * of the period it runs against (the acceptance limit before acceptance, the service's promised
   * limit — the green channel's when marked — under review).
   */
  private async clockCounts(calendar: WorkingCalendar, now: Date): Promise<Dashboard['clock']> {
    const redBefore = (limit: TimeLimit) => calendar.addOfficeMillis(now, (1 - CLOCK_THRESHOLDS.red) * nominalOfficeMillis(limit));
    const thresholds = SERVICES.flatMap((s) => [
      { service: s.code, state: 'before', green: false, until: redBefore(ACCEPTANCE_TIME_LIMIT) },
      { service: s.code, state: 'under_review', green: false, until: redBefore(s.promisedLimit) },
      { service: s.code, state: 'under_review', green: true, until: redBefore(s.greenChannelPromisedLimit) },
    ]);
    const latest = new Date(Math.max(...thresholds.map((t) => t.until.getTime())));
    const rows: Array<{ service_code: string; state: string; green_channel: boolean; due_at: Date }> = await this.dataSource.query(
      `SELECT service_code, state, green_channel, due_at FROM applications
        WHERE state = ANY($1::text[]) AND green_channel = ANY('{true,false}'::boolean[]) AND due_at >= $2 AND due_at <= $3`,
      [[...RUNNING_BEFORE_ACCEPTANCE, 'under_review'], now, latest],
    );
    const overdue: Array<{ service_code: string; count: number }> = await this.dataSource.query(
      `SELECT service_code, count(*)::int AS count FROM applications
        WHERE state = ANY($1::text[]) AND green_channel = ANY('{true,false}'::boolean[]) AND due_at < $2
        GROUP BY service_code`,
      [[...RUNNING_BEFORE_ACCEPTANCE, 'under_review'], now],
    );
    const byService = new Map<string, { serviceCode: string; red: number; overdue: number }>(SERVICES.map((s) => [s.code, { serviceCode: s.code, red: 0, overdue: 0 }]));
    for (const row of rows) {
      const kind = row.state === 'under_review' ? 'under_review' : 'before';
      const threshold = thresholds.find((t) => t.service === row.service_code && t.state === kind && (kind === 'before' || t.green === row.green_channel));
      if (threshold && row.due_at.getTime() <= threshold.until.getTime()) byService.get(row.service_code)!.red++;
    }
    for (const row of overdue) {
      const entry = byService.get(row.service_code);
      if (entry) entry.overdue = row.count;
    }
    const list = [...byService.values()];
    return { red: list.reduce((a, s) => a + s.red, 0), overdue: list.reduce((a, s) => a + s.overdue, 0), byService: list };
  }
}
