import { EntityManager } from 'typeorm';
import { isLocalDate, shanghaiDateOf, WorkingCalendar } from '@onewindow/domain';
import { decidedOnTime, isDecision, loadClockRecords } from './decision-timing';

/** One day's figures of one service, as daily_service_stats holds them. */
export interface DailyCounts {
  submitted: number;
  accepted: number;
  decided: number;
  decidedOnTime: number;
  issued: number;
}

const ZERO: DailyCounts = { submitted: 0, accepted: 0, decided: 0, decidedOnTime: 0, issued: 0 };

/** What one transition adds to its day's figures. */
export interface TransitionFacts {
  /** The file as read before the transition (its submitted_at tells a first submission). */
  application: { serviceCode: string; submittedAt: Date | null };
  action: string;
  toState: string;
  /** The file's due time after the transition (DeadlinesService.refreshIn keeps it): what a decision ran against. */
  dueAt: Date | null;
  at: Date;
}

export function countsOfTransition(facts: TransitionFacts): DailyCounts {
  const decided = isDecision(facts.action, facts.toState);
  return {
    submitted: facts.action === 'submit' && !facts.application.submittedAt ? 1 : 0,
    accepted: facts.action === 'accept' ? 1 : 0,
    decided: decided ? 1 : 0,
    decidedOnTime: decided && facts.dueAt !== null && facts.at.getTime() <= facts.dueAt.getTime() ? 1 : 0,
    issued: facts.action === 'issued' ? 1 : 0,
  };
}

/**
 * Adds one transition to its day's row, in the transition's own transaction (call it from
 * TransitionService.applyIn after the due time has been refreshed). A no-op for transitions
 * that change no figure.
 */
export async function recordDailyAggregates(em: EntityManager, facts: TransitionFacts): Promise<void> {
  const c = countsOfTransition(facts);
  if (c.submitted + c.accepted + c.decided + c.issued === 0) return;
  await em.query(
    `INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (day, service_code) DO UPDATE SET
       submitted = daily_service_stats.submitted + EXCLUDED.submitted,
       accepted = daily_service_stats.accepted + EXCLUDED.accepted,
       decided = daily_service_stats.decided + EXCLUDED.decided,
       decided_on_time = daily_service_stats.decided_on_time + EXCLUDED.decided_on_time,
       issued = daily_service_stats.issued + EXCLUDED.issued`,
    [shanghaiDateOf(facts.at), facts.application.serviceCode, c.submitted, c.accepted, c.decided, c.decidedOnTime, c.issued],
  );
}

/**
 * One day's figures per service, computed afresh from that day's audit events and the files'
 * clock records: the same definitions as recordDailyAggregates, so rebuilding a day the hook
 * kept changes nothing.
 */
export async function computeDailyCounts(em: EntityManager, day: string, calendar: WorkingCalendar): Promise<Map<string, DailyCounts>> {
  if (!isLocalDate(day)) throw new RangeError(`not a date: ${day}`);
  const events: Array<{ application_id: string; action: string; to_state: string | null; at: Date; service_code: string }> = await em.query(
    `SELECT e.application_id, e.action, e.to_state, e.at, a.service_code
       FROM audit_events e JOIN applications a ON a.id = e.application_id
      WHERE e.at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND e.at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND e.action IN ('submit', 'accept', 'approve', 'deny', 'refuse', 'issued')`,
    [day],
  );
  const decisions = events.filter((e) => isDecision(e.action, e.to_state));
  const records = await loadClockRecords(em, decisions.map((e) => e.application_id));
  const counts = new Map<string, DailyCounts>();
  for (const e of events) {
    const c = counts.get(e.service_code) ?? { ...ZERO };
    if (e.action === 'submit') c.submitted++;
    if (e.action === 'accept') c.accepted++;
    if (e.action === 'issued') c.issued++;
    if (isDecision(e.action, e.to_state)) {
      c.decided++;
      const record = records.get(e.application_id);
      if (record && decidedOnTime(record, e.at, calendar)) c.decidedOnTime++;
    }
    counts.set(e.service_code, c);
  }
  return counts;
}

/** Replaces one closed day's rows with the figures rebuilt from its audit events (the daily job; back-fills). */
export async function rebuildDailyAggregates(em: EntityManager, day: string, calendar: WorkingCalendar): Promise<Map<string, DailyCounts>> {
  const counts = await computeDailyCounts(em, day, calendar);
  await em.query('DELETE FROM daily_service_stats WHERE day = $1', [day]);
  for (const [serviceCode, c] of counts) {
    await em.query(
      `INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [day, serviceCode, c.submitted, c.accepted, c.decided, c.decidedOnTime, c.issued],
    );
  }
  return counts;
}
