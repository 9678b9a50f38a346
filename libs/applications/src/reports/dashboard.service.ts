import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCEPTANCE_TIME_LIMIT, CLOCK_THRESHOLDS, SERVICES, shanghaiDateOf, TimeLimit, toShanghaiIso, WorkingCalendar } from '@onewindow/domain';
import { promisedLimitOf } from '../application-clock';
import { CalendarService } from '../calendar.service';
import { addDays } from './period';
import { rateOf } from './stats';

/** States in which a file waits on the bureau (DESIGN.md's queues). */
export const OPEN_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing'] as const;
/** How far ahead a file can be due and already red: the last fifth of the longest promise, across a long holiday. */
const HORIZON_DAYS = 20;
const TREND_DAYS = 30;
const OFFICE_HOURS_PER_DAY = 7;
const HOUR = 3_600_000;

export interface Dashboard {
  asOf: string;
  /** Today's queue, from queue_counters (kept by every transition). */
  queue: Array<{ serviceCode: string; serviceName: string; open: number; states: Record<string, number> }>;
  queueTotals: Record<string, number>;
  /**
   * Files whose running clock is red (the last fifth of the period left) or past due, from clock_due_counters. A file
   * paused in a special procedure still counts by its due date; one waiting for the applicant's correction does not.
   */
  clock: {
    red: number;
    overdue: number;
    byService: Array<{ serviceCode: string; red: number; overdue: number }>;
  };
  /** Decisions of the last 30 closed days (yesterday back), and how many were on time. */
  onTime: { from: string; to: string; decided: number; decidedOnTime: number; rate: number | null };
  /** Submissions and issues per day for the last 30 days, today included, from daily_service_stats. */
  submissions: Array<{ date: string; submitted: number; issued: number }>;
}

export interface DashboardRead {
  text: string;
  values: unknown[];
}

/**
 * The dashboard's three reads of its aggregates for a local day, as the service sends them (the benchmark's raw
 * side sends the same): the queue, the clocks due by the horizon, the trend days.
 */
export function dashboardReads(today: string): { queue: DashboardRead; clock: DashboardRead; daily: DashboardRead } {
  return {
    queue: { text: `SELECT service_code, state, count::int AS count FROM queue_counters WHERE count <> 0`, values: [] },
    clock: {
      text: `SELECT service_code, state, green_channel, to_char(due_on, 'YYYY-MM-DD') AS due_on, count
               FROM clock_due_counters WHERE count <> 0 AND due_on <= $1`,
      values: [addDays(today, HORIZON_DAYS)],
    },
    daily: {
      text: `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(submitted)::int AS submitted, sum(issued)::int AS issued,
                    sum(decided)::int AS decided, sum(decided_on_time)::int AS decided_on_time
               FROM daily_service_stats WHERE day >= $1 AND day <= $2 GROUP BY day`,
      values: [addDays(today, -TREND_DAYS), today],
    },
  };
}

/** Office milliseconds of a period's nominal length: a calendar-day limit holds about five working days a week. */
function nominalOfficeMillis(limit: TimeLimit): number {
  const workingDays = limit.unit === 'working' ? limit.days : (limit.days * 5) / 7;
  return workingDays * OFFICE_HOURS_PER_DAY * HOUR;
}

/**
 * The leadership dashboard. Every figure comes from aggregates kept in the transactions that change
 * the files: the queue from queue_counters, red and overdue files from clock_due_counters, trends
 * and on-time rates from daily_service_stats. No query reads the applications themselves.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async get(now: Date = new Date()): Promise<Dashboard> {
    const calendar = this.calendars.current;
    const today = shanghaiDateOf(now);
    const first = addDays(today, -TREND_DAYS);
    const reads = dashboardReads(today);
    const [counters, clock, daily] = await Promise.all([
      this.dataSource.query(reads.queue.text, reads.queue.values) as Promise<Array<{ service_code: string; state: string; count: number }>>,
      this.clockCounts(calendar, now, reads.clock),
      this.dataSource.query(reads.daily.text, reads.daily.values) as Promise<Array<{ day: string; submitted: number; issued: number; decided: number; decided_on_time: number }>>,
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
   * Red and overdue files per service, from clock_due_counters (kept by triggers on applications):
   * files whose clock runs, by the local date they are due on. Due times are closes of business,
   * so a file due on D is overdue once 17:30 on D has passed, and red while no more than the last
   * fifth of its period's office time is left — the acceptance limit before acceptance, the
   * service's promised limit (the green channel's when marked) under review.
   */
  private async clockCounts(calendar: WorkingCalendar, now: Date, read: DashboardRead): Promise<Dashboard['clock']> {
    const rows: Array<{ service_code: string; state: string; green_channel: boolean; due_on: string; count: number }> = await this.dataSource.query(read.text, read.values);
    const byService = new Map<string, { serviceCode: string; red: number; overdue: number }>(SERVICES.map((s) => [s.code, { serviceCode: s.code, red: 0, overdue: 0 }]));
    // Office time left at which a file turns red, per service: before acceptance, under review, under review in the green channel.
    const redWithin = new Map<string, { before: number; review: number; green: number }>(
      SERVICES.map((service) => [
        service.code,
        {
          before: (1 - CLOCK_THRESHOLDS.red) * nominalOfficeMillis(ACCEPTANCE_TIME_LIMIT),
          review: (1 - CLOCK_THRESHOLDS.red) * nominalOfficeMillis(promisedLimitOf({ greenChannel: false }, service)),
          green: (1 - CLOCK_THRESHOLDS.red) * nominalOfficeMillis(promisedLimitOf({ greenChannel: true }, service)),
        },
      ]),
    );
    // Few distinct dates, worked out once each in date order; past the widest red window no later date can be red.
    const widest = Math.max(...[...redWithin.values()].flatMap((t) => [t.before, t.review, t.green]));
    const days = new Map<string, { overdue: boolean; officeLeft: number }>();
    let beyond = false;
    for (const date of [...new Set(rows.map((r) => r.due_on))].sort()) {
      const close = calendar.closeOfBusiness(date);
      if (close.getTime() < now.getTime()) days.set(date, { overdue: true, officeLeft: 0 });
      else if (beyond) days.set(date, { overdue: false, officeLeft: Number.POSITIVE_INFINITY });
      else {
        const officeLeft = calendar.officeMillisBetween(now, close);
        beyond = officeLeft > widest;
        days.set(date, { overdue: false, officeLeft });
      }
    }
    for (const row of rows) {
      const entry = byService.get(row.service_code);
      const within = redWithin.get(row.service_code);
      if (!entry || !within) continue;
      const day = days.get(row.due_on)!;
      if (day.overdue) entry.overdue += row.count;
      else if (day.officeLeft <= (row.state !== 'under_review' ? within.before : row.green_channel ? within.green : within.review)) entry.red += row.count;
    }
    const list = [...byService.values()];
    return { red: list.reduce((a, s) => a + s.red, 0), overdue: list.reduce((a, s) => a + s.overdue, 0), byService: list };
  }
}
