import {
  ApplicationClock,
  computeClock,
  SEED_CALENDAR_DAYS,
  ServiceDefinition,
  WorkingCalendar,
} from '@onewindow/domain';
import { ApplicationEntity, ApplicationPauseEntity } from '@onewindow/persistence';

/** The bureau's working-day calendar. Seeded data for now; administrators maintain it once the calendar table lands. */
export const BUREAU_CALENDAR = new WorkingCalendar([...SEED_CALENDAR_DAYS]);

const FINISHED_STATES = new Set(['not_accepted', 'denied', 'withdrawn', 'issued', 'revoked', 'issuing', 'awaiting_seal']);

/** The file's clock, derived from its stored instants: never edited by hand. */
export function clockOf(
  app: Pick<ApplicationEntity, 'state' | 'submittedAt' | 'acceptedAt' | 'decidedAt' | 'extensionWorkingDays' | 'updatedAt'>,
  pauses: Pick<ApplicationPauseEntity, 'startedAt' | 'endedAt' | 'reason'>[],
  service: Pick<ServiceDefinition, 'promisedLimit' | 'legalLimit'>,
  now: Date,
  calendar: WorkingCalendar = BUREAU_CALENDAR,
): ApplicationClock {
  const finished = FINISHED_STATES.has(app.state);
  return computeClock(
    {
      submittedAt: app.submittedAt,
      acceptedAt: app.acceptedAt,
      promisedLimit: service.promisedLimit,
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
