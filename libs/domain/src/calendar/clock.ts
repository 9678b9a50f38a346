import { closePauses, mergeIntervals } from './intervals';
import { toShanghaiIso } from './local-time';
import type { ClosedInterval, PauseInterval, TimeLimit } from './types';
import type { WorkingCalendar } from './working-calendar';

export type ClockStatus = 'green' | 'yellow' | 'red' | 'overdue' | 'paused';

/** API.md's `clock`. Times are ISO-8601 with +08:00. */
export type ApplicationClock = {
  status: ClockStatus;
  acceptanceDueAt?: string;
  promisedDueAt?: string;
  legalDueAt?: string;
  /** Working days from today to the running due date (0: due today; negative: overdue by that many). Absent once finished. */
  workingDaysLeft?: number;
};

export type ClockPause = PauseInterval & { reason: string };

export type ClockInput = {
  /** The submission the acceptance deadline runs from. */
  submittedAt: Date | null;
  acceptedAt: Date | null;
  promisedLimit: TimeLimit;
  legalLimit: TimeLimit;
  /** Correction and special-procedure pauses; an open pause has `to: null`. */
  pauses: readonly ClockPause[];
  /** The one approved extension of the legal limit, 0 when none. */
  extensionWorkingDays: number;
  paused: boolean;
  /** When the file left the clock (decided, refused, withdrawn); the clock is read as of then. */
  finishedAt?: Date | null;
};

export type ServiceTimeLimits = { promisedLimit: TimeLimit; legalLimit: TimeLimit };

/** 行政许可法 §32: accept or refuse within 5 days of submission (DESIGN.md: working days). */
export const ACCEPTANCE_TIME_LIMIT: Readonly<TimeLimit> = Object.freeze({ days: 5, unit: 'working' });

/** Share of the period elapsed from which the clock turns yellow and red; past the due time it is overdue. */
export const CLOCK_THRESHOLDS = Object.freeze({ yellow: 0.5, red: 0.8 });

type Span = [number, number];

/** Pauses cut to [start, end], open ones running to `end`, merged. */
function pauseSpans(pauses: readonly PauseInterval[], start: Date, end: Date): Span[] {
  const [from, to] = [start.getTime(), end.getTime()];
  const clipped = closePauses(pauses, end)
    .map(([f, t]): Span => [Math.max(f, from), Math.min(t, to)])
    .filter(([f, t]) => t > f);
  return mergeIntervals(clipped);
}

function asIntervals(spans: readonly Span[]): ClosedInterval[] {
  return spans.map(([from, to]) => ({ from: new Date(from), to: new Date(to) }));
}

/**
 * Office time between a and b during which the clock ran. Elapsed time is office time, not
 * wall-clock time, so that a weekend or the 国庆 week does not turn a file red by itself.
 */
function runningMillis(calendar: WorkingCalendar, a: Date, b: Date, spans: readonly Span[]): number {
  let paused = 0;
  for (const [from, to] of spans) {
    paused += calendar.officeMillisBetween(new Date(Math.max(from, a.getTime())), new Date(Math.min(to, b.getTime())));
  }
  return calendar.officeMillisBetween(a, b) - paused;
}

/** The earliest instant at which the clock has run `target` office milliseconds since the start. */
function instantAfterRunning(calendar: WorkingCalendar, start: Date, target: number, spans: readonly Span[]): Date {
  let cursor = start;
  let remaining = target;
  for (const [from, to] of spans) {
    if (to <= cursor.getTime()) continue;
    if (from > cursor.getTime()) {
      const available = calendar.officeMillisBetween(cursor, new Date(from));
      if (remaining <= available) return calendar.addOfficeMillis(cursor, remaining);
      remaining -= available;
    }
    cursor = new Date(Math.max(cursor.getTime(), to));
  }
  return calendar.addOfficeMillis(cursor, remaining);
}

/**
 * Share of the period from `startInstant` to `dueAt` that has elapsed at `at`, in office time with
 * paused time left out of both sides: 0.5 half-way, 1 at the due time, above 1 after it.
 */
export function elapsedFraction(
  startInstant: Date,
  at: Date,
  dueAt: Date,
  calendar: WorkingCalendar,
  pauses: readonly ClosedInterval[] = [],
): number {
  const spans = pauseSpans(pauses, startInstant, new Date(Math.max(at.getTime(), dueAt.getTime())));
  const total = runningMillis(calendar, startInstant, dueAt, spans);
  if (total <= 0) return at.getTime() >= dueAt.getTime() ? 1 : 0;
  return runningMillis(calendar, startInstant, at, spans) / total;
}

/**
 * When the deadline jobs fire: the instants the clock turns yellow (50 %) and red (80 %), by the
 * same measure `computeClock` colours with. After a pause ends, schedule again with the shifted
 * due time and the pauses so far.
 */
export function reminderInstants(
  startInstant: Date,
  dueAt: Date,
  calendar: WorkingCalendar,
  pauses: readonly ClosedInterval[] = [],
): { half: Date; eightyPercent: Date } {
  const spans = pauseSpans(pauses, startInstant, dueAt);
  const total = Math.max(0, runningMillis(calendar, startInstant, dueAt, spans));
  return {
    half: instantAfterRunning(calendar, startInstant, Math.ceil(CLOCK_THRESHOLDS.yellow * total), spans),
    eightyPercent: instantAfterRunning(calendar, startInstant, Math.ceil(CLOCK_THRESHOLDS.red * total), spans),
  };
}

function statusAt(calendar: WorkingCalendar, start: Date, at: Date, dueAt: Date, spans: readonly Span[]): ClockStatus {
  if (at.getTime() > dueAt.getTime()) return 'overdue';
  const total = runningMillis(calendar, start, dueAt, spans);
  const elapsed = runningMillis(calendar, start, at, spans);
  // Compared as products, not as a quotient, so the instant reminderInstants returns is exactly where the colour changes.
  if (elapsed >= CLOCK_THRESHOLDS.red * total) return 'red';
  if (elapsed >= CLOCK_THRESHOLDS.yellow * total) return 'yellow';
  return 'green';
}

/**
 * The clock of one application as of `now`. Before acceptance it runs from submission to the
 * acceptance deadline; after, from acceptance to the promised due time, with the legal due time
 * (plus any extension) beside it. Both due times are pushed later by the working days lost to
 * pauses inside the running period (`WorkingCalendar.pausedWorkingDays`). No submission: nothing
 * is due yet, so only `{ status: 'green' }`.
 */
export function computeClock(input: ClockInput, calendar: WorkingCalendar, now: Date): ApplicationClock {
  const { extensionWorkingDays } = input;
  if (!Number.isSafeInteger(extensionWorkingDays) || extensionWorkingDays < 0) {
    throw new RangeError(`extensionWorkingDays must be a whole number ≥ 0, got ${extensionWorkingDays}`);
  }
  const start = input.acceptedAt ?? input.submittedAt;
  if (!start) return { status: 'green' };
  const finishedAt = input.finishedAt ?? null;
  const readAt = finishedAt ?? now;
  const spans = pauseSpans(input.pauses, start, readAt);
  const pauses = asIntervals(spans);
  const shifted = (dueAt: Date) => calendar.shiftByPauses(dueAt, pauses, readAt);

  let dueAt: Date;
  let dueTimes: Pick<ApplicationClock, 'acceptanceDueAt' | 'promisedDueAt' | 'legalDueAt'>;
  if (input.acceptedAt) {
    dueAt = shifted(calendar.addLimit(start, input.promisedLimit));
    const legalBase = calendar.addLimit(start, input.legalLimit);
    const legalDueAt = shifted(extensionWorkingDays ? calendar.addWorkingDays(legalBase, extensionWorkingDays) : legalBase);
    dueTimes = { promisedDueAt: toShanghaiIso(dueAt), legalDueAt: toShanghaiIso(legalDueAt) };
  } else {
    dueAt = shifted(calendar.addLimit(start, ACCEPTANCE_TIME_LIMIT));
    dueTimes = { acceptanceDueAt: toShanghaiIso(dueAt) };
  }

  const status = input.paused && !finishedAt ? 'paused' : statusAt(calendar, start, readAt, dueAt, spans);
  return finishedAt ? { status, ...dueTimes } : { status, ...dueTimes, workingDaysLeft: calendar.workingDaysBetween(now, dueAt) };
}

/**
 * Due times for a file accepted during `acceptedOn` (a local date), for the service guide's
 * "accepted today → decided by …". The hour of acceptance does not matter, as the start day is
 * never counted; a limit of 0 days gives close of business that day (or the next working day).
 */
export function estimateDueDates(
  acceptedOn: string,
  limits: ServiceTimeLimits,
  calendar: WorkingCalendar,
): { promisedDueAt: string; legalDueAt: string } {
  const acceptedAt = calendar.instantAt(acceptedOn, calendar.officeHours.morning[0]);
  return {
    promisedDueAt: toShanghaiIso(calendar.addLimit(acceptedAt, limits.promisedLimit)),
    legalDueAt: toShanghaiIso(calendar.addLimit(acceptedAt, limits.legalLimit)),
  };
}
