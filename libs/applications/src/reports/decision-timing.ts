import { EntityManager } from 'typeorm';
import { getService, WorkingCalendar } from '@onewindow/domain';
import { clockOf } from '../application-clock';

/** What a report needs of one file: its stored clock records, beside the audit events. */
export interface ClockRecord {
  id: string;
  number: string;
  serviceCode: string;
  entityName: string | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  issuedAt: Date | null;
  extensionWorkingDays: number;
  extensionReason: string | null;
  greenChannel: boolean;
  filedByAccountId: string | null;
  pauses: Array<{ reason: string; startedAt: Date; endedAt: Date | null }>;
  /** When staff marked the file (or its project) green; empty for a file that joined a key project when filed. */
  greenMarks: Date[];
}

/**
 * A decision ends the file's clock: approval or denial by the reviewer, refusal (不予受理) by the
 * window, or — for a service with no review step (investment filing) — acceptance itself.
 */
export function isDecision(action: string, toState: string | null): boolean {
  return action === 'approve' || action === 'deny' || action === 'refuse' || (action === 'accept' && toState === 'awaiting_seal');
}

/**
 * Whether the file ran in the green channel at an instant: its flag is set and it was marked by
 * then (a file that joined a key project when filed carries the flag with no mark).
 */
export function greenAt(record: Pick<ClockRecord, 'greenChannel' | 'greenMarks'>, at: Date): boolean {
  if (!record.greenChannel) return false;
  return record.greenMarks.length === 0 || record.greenMarks.some((mark) => mark.getTime() <= at.getTime());
}

/**
 * The due time the file ran against when it was decided at `at`: the promised due time once
 * accepted (the green channel's shorter one if it was green by then), the acceptance deadline for
 * a refusal; pauses push both, as the live clock does. Null for a file of an unknown service.
 */
export function dueAtDecision(record: ClockRecord, at: Date, calendar: WorkingCalendar): Date | null {
  const service = getService(record.serviceCode);
  if (!service || !record.submittedAt) return null;
  const acceptedAt = record.acceptedAt && record.acceptedAt.getTime() <= at.getTime() ? record.acceptedAt : null;
  const clock = clockOf(
    {
      state: 'denied',
      submittedAt: record.submittedAt,
      acceptedAt,
      decidedAt: at,
      updatedAt: at,
      extensionWorkingDays: record.extensionWorkingDays,
      greenChannel: greenAt(record, at),
    },
    record.pauses,
    service,
    at,
    calendar,
  );
  const due = clock.promisedDueAt ?? clock.acceptanceDueAt;
  return due ? new Date(due) : null;
}

/** "On time" (issue 8): decided no later than the due time it ran against. */
export function decidedOnTime(record: ClockRecord, at: Date, calendar: WorkingCalendar): boolean {
  const due = dueAtDecision(record, at, calendar);
  return due !== null && at.getTime() <= due.getTime();
}

interface ClockRow {
  id: string;
  number: string;
  service_code: string;
  entity_name: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  decided_at: Date | null;
  issued_at: Date | null;
  extension_working_days: number;
  extension_reason: string | null;
  green_channel: boolean;
  filed_by_account_id: string | null;
}

/** Loads the clock records of these files: the row, its pauses and its green-channel marks. */
export async function loadClockRecords(em: EntityManager, ids: readonly string[]): Promise<Map<string, ClockRecord>> {
  const records = new Map<string, ClockRecord>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    const batch = unique.slice(i, i + 5000);
    const rows: ClockRow[] = await em.query(
      `SELECT id, number, service_code, entity_name, submitted_at, accepted_at, decided_at, issued_at, extension_working_days,
              extension_reason, green_channel, filed_by_account_id
         FROM applications WHERE id = ANY($1::uuid[])`,
      [batch],
    );
    for (const r of rows) {
      records.set(r.id, {
        id: r.id,
        number: r.number,
        serviceCode: r.service_code,
        entityName: r.entity_name,
        submittedAt: r.submitted_at,
        acceptedAt: r.accepted_at,
        decidedAt: r.decided_at,
        issuedAt: r.issued_at,
        extensionWorkingDays: r.extension_working_days,
        extensionReason: r.extension_reason,
        greenChannel: r.green_channel,
        filedByAccountId: r.filed_by_account_id,
        pauses: [],
        greenMarks: [],
      });
    }
    const pauses: Array<{ application_id: string; reason: string; started_at: Date; ended_at: Date | null }> = await em.query(
      `SELECT application_id, reason, started_at, ended_at FROM application_pauses WHERE application_id = ANY($1::uuid[]) ORDER BY started_at`,
      [batch],
    );
    for (const p of pauses) records.get(p.application_id)?.pauses.push({ reason: p.reason, startedAt: p.started_at, endedAt: p.ended_at });
    const marks: Array<{ application_id: string; at: Date }> = await em.query(
      `SELECT application_id, at FROM audit_events WHERE application_id = ANY($1::uuid[]) AND action = 'green_channel' ORDER BY id`,
      [batch],
    );
    for (const m of marks) records.get(m.application_id)?.greenMarks.push(m.at);
  }
  return records;
}
