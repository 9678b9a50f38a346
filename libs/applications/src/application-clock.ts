import {
  ApplicationClock,
  computeClock,
  SEED_CALENDAR_DAYS,
  ServiceDefinition,
  TimeLimit,
  WorkingCalendar,
} from '@onewindow/domain';
import { ApplicationEntity, ApplicationPauseEntity } from '@onewindow/persistence';

/**
 * The seed calendar (2026 and the provisional 2027), as shipped. The bureau's live calendar is
 * the calendar_days table, which CalendarService loads; read it with `bureauCalendar()`.
 */
export const BUREAU_CALENDAR = new WorkingCalendar([...SEED_CALENDAR_DAYS]);

let current: WorkingCalendar = BUREAU_CALENDAR;

/**
 * The bureau's calendar as this process last loaded it from calendar_days (the seed until
 * CalendarService has started). Synchronous, so plain functions such as `clockOf` can use it.
 */
export function bureauCalendar(): WorkingCalendar {
  return current;
}

/** Called by CalendarService whenever it (re)loads the table. */
export function useBureauCalendar(calendar: WorkingCalendar): void {
  current = calendar;
}

const FINISHED_STATES = new Set(['not_accepted', 'denied', 'withdrawn', 'issued', 'revoked', 'issuing', 'awaiting_seal']);

type PromiseOfFile = Partial<Pick<ApplicationEntity, 'greenChannel' | 'promisedDays' | 'greenChannelDays'>>;
type ClockApplication = Pick<ApplicationEntity, 'state' | 'submittedAt' | 'acceptedAt' | 'decidedAt' | 'extensionWorkingDays' | 'updatedAt'> & PromiseOfFile;
type ClockService = Pick<ServiceDefinition, 'promisedLimit' | 'legalLimit'> & Partial<Pick<ServiceDefinition, 'greenChannelPromisedLimit'>>;

/**
 * The promise a file runs against: the green channel's shorter one when the file is in it; the
 * days the file recorded at submission (an administrator's service settings then), else the catalogue's.
 */
export function promisedLimitOf(app: PromiseOfFile, service: ClockService): TimeLimit {
  if (app.greenChannel && service.greenChannelPromisedLimit) {
    return app.greenChannelDays ? { ...service.greenChannelPromisedLimit, days: app.greenChannelDays } : service.greenChannelPromisedLimit;
  }
  return app.promisedDays ? { ...service.promisedLimit, days: app.promisedDays } : service.promisedLimit;
}

/** The file's clock, derived from its stored instants: never edited by hand. */
export function clockOf(
  app: ClockApplication,
  pauses: Array<Pick<ApplicationPauseEntity, 'startedAt' | 'endedAt'> & { reason: string }>,
  service: ClockService,
  now: Date,
  calendar: WorkingCalendar = bureauCalendar(),
): ApplicationClock {
  const finished = FINISHED_STATES.has(app.state);
  return computeClock(
    {
      submittedAt: app.submittedAt,
      acceptedAt: app.acceptedAt,
      promisedLimit: promisedLimitOf(app, service),
      legalLimit: service.legalLimit,
      pauses: pauses.map((p) => ({ from: p.startedAt, to: p.endedAt, reason: p.reason })),
      extensionWorkingDays: app.extensionWorkingDays,
      paused: pauses.some((p) => p.endedAt === null),
      finishedAt: finished ? (app.decidedAt ?? app.updatedAt) : null,
    },
    calendar,
    now,
  );
}

/** The due time queues sort by: the acceptance deadline before acceptance, the promised due time after. */
export function queueDueAt(clock: ApplicationClock): Date | null {
  const due = clock.promisedDueAt ?? clock.acceptanceDueAt;
  return due ? new Date(due) : null;
}
