import { EntityManager } from 'typeorm';
import { CalendarDay, WorkingCalendar } from '@onewindow/domain';
import { loadClockRecords } from './decision-timing';
import { MonthlyReportInput, REPORT_ACTIONS, ReportRating } from './monthly-report';
import { Period } from './period';

/** The bureau's calendar as the calendar_days table holds it now: what a report is computed with, and stored beside it. */
export async function calendarSnapshot(em: EntityManager): Promise<CalendarDay[]> {
  const rows: Array<{ date: string; kind: 'holiday' | 'workday'; name: string; provisional: boolean }> = await em.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days ORDER BY date`,
  );
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, ...(r.provisional ? { provisional: true } : {}) }));
}

/** Reads what a month's figures are computed from (see computeMonthlyReport). */
export async function loadMonthlyReportInput(em: EntityManager, period: Period, calendar: WorkingCalendar, generatedAt: Date): Promise<MonthlyReportInput> {
  const eventRows: Array<{ application_id: string; action: string; to_state: string | null; at: Date }> = await em.query(
    `SELECT application_id, action, to_state, at FROM audit_events
      WHERE at >= $1 AND at < $2 AND application_id IS NOT NULL AND action = ANY($3::text[])
      ORDER BY at, id`,
    [period.from, period.to, [...REPORT_ACTIONS]],
  );
  const ids = [...new Set(eventRows.map((e) => e.application_id))];
  const records = await loadClockRecords(em, ids);
  const clerk: Array<{ application_id: string; at: Date }> = ids.length
    ? await em.query(`SELECT application_id, at FROM audit_events WHERE application_id = ANY($1::uuid[]) AND action = 'request_correction' AND at < $2`, [ids, period.to])
    : [];
  const pauses: Array<{ application_id: string; service_code: string; reason: string; started_at: Date; ended_at: Date }> = await em.query(
    `SELECT p.application_id, a.service_code, p.reason, p.started_at, p.ended_at
       FROM application_pauses p JOIN applications a ON a.id = p.application_id
      WHERE p.ended_at >= $1 AND p.ended_at < $2`,
    [period.from, period.to],
  );
  const orders: Array<{ opened_at: Date; delivered_at: Date | null }> = await em.query(
    `SELECT opened_at, delivered_at FROM seal_carving_orders WHERE opened_at < $2 AND (delivered_at IS NULL OR delivered_at >= $1)`,
    [period.from, period.to],
  );
  return {
    period,
    generatedAt,
    calendar,
    events: eventRows.map((e) => ({ applicationId: e.application_id, action: e.action, toState: e.to_state, at: e.at })),
    records,
    clerkCorrections: clerk.map((c) => ({ applicationId: c.application_id, at: c.at })),
    pausesEnded: pauses.map((p) => ({ applicationId: p.application_id, serviceCode: p.service_code, reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at })),
    sealOrders: orders.map((o) => ({ openedAt: o.opened_at, deliveredAt: o.delivered_at })),
    ratings: await loadRatings(em, period),
  };
}

/** The month's ratings and the follow-ups still open at its end; null where the ratings table does not exist. */
async function loadRatings(em: EntityManager, period: Period): Promise<ReportRating[] | null> {
  const [{ exists }]: Array<{ exists: boolean }> = await em.query(`SELECT to_regclass('ratings') IS NOT NULL AS exists`);
  if (!exists) return null;
  const rows: Array<{ level: number; created_at: Date; follow_up_status: string | null; responded_at: Date | null }> = await em.query(
    `SELECT level, created_at, follow_up_status, responded_at FROM ratings
      WHERE created_at < $2 AND (created_at >= $1 OR (follow_up_status IS NOT NULL AND (responded_at IS NULL OR responded_at >= $2)))`,
    [period.from, period.to],
  );
  return rows.map((r) => ({ level: Number(r.level), createdAt: r.created_at, followUpStatus: r.follow_up_status, respondedAt: r.responded_at }));
}
