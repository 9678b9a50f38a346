import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { canonicalJson } from '@onewindow/documents';
import { AuditEventEntity, queryReturning } from '@onewindow/persistence';

export interface AuditActor {
  kind: 'applicant' | 'staff' | 'system';
  id?: string | null;
  name?: string | null;
}

export interface AuditEntry {
  applicationId: string | null;
  actor: AuditActor;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  at?: Date;
}

/** The canonical JSON of an event's own fields: what its hash covers after the previous hash. */
export function auditEventBody(event: Omit<AuditEventEntity, 'id' | 'hash' | 'prevHash'>): string {
  return canonicalJson({
    applicationId: event.applicationId,
    at: event.at.toISOString(),
    actorKind: event.actorKind,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    note: event.note,
    data: event.data,
  });
}

/** The bytes an event's hash covers: the previous hash of the same file, then the event's own fields. */
export function auditEventHash(prevHash: string | null, event: Omit<AuditEventEntity, 'id' | 'hash' | 'prevHash'>): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(auditEventBody(event))
    .digest('hex');
}

/**
 * Appends one audit event, chained to the previous event of the same file. Callers hold the
 * application's row lock (the transition's conditional UPDATE, or SELECT … FOR UPDATE), so two
 * events of one file never read the same predecessor; different files never wait on each other.
 * One round trip: the INSERT reads the predecessor's hash and computes the new one itself, over
 * the same bytes as auditEventHash (checked here on the row it returns).
 */
export async function appendAuditEvent(em: EntityManager, entry: AuditEntry): Promise<AuditEventEntity> {
  const event = {
    applicationId: entry.applicationId,
    at: entry.at ?? new Date(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    actorName: entry.actor.name ?? null,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    note: entry.note ?? null,
    data: entry.data ?? null,
  };
  const [row] = await queryReturning<{ id: string; prev_hash: string | null; hash: string }>(
    em,
    `INSERT INTO audit_events (application_id, at, actor_kind, actor_id, actor_name, action, from_state, to_state, note, data, prev_hash, hash)
     SELECT $1::uuid, $2::timestamptz, $3::text, $4::uuid, $5::text, $6::text, $7::text, $8::text, $9::text, $10::jsonb, previous.hash,
            encode(sha256(convert_to(coalesce(previous.hash, '') || E'\\n' || $11::text, 'UTF8')), 'hex')
       FROM (SELECT (SELECT hash FROM audit_events WHERE application_id = $1::uuid ORDER BY id DESC LIMIT 1) AS hash) previous
     RETURNING id, prev_hash, hash`,
    [
      event.applicationId,
      event.at,
      event.actorKind,
      event.actorId,
      event.actorName,
      event.action,
      event.fromState,
      event.toState,
      event.note,
      event.data === null ? null : JSON.stringify(event.data),
      auditEventBody(event),
    ],
  );
  if (row.hash !== auditEventHash(row.prev_hash, event)) throw new Error(`audit event ${row.id}: the database's hash differs from auditEventHash`);
  return Object.assign(new AuditEventEntity(), event, { id: row.id, prevHash: row.prev_hash, hash: row.hash });
}

/** Re-computes a file's chain; returns the id of the first event that does not match, or null when intact. */
export async function verifyAuditChain(em: EntityManager, applicationId: string): Promise<string | null> {
  const events = await em.getRepository(AuditEventEntity).find({ where: { applicationId }, order: { id: 'ASC' } });
  let prevHash: string | null = null;
  for (const event of events) {
    if (event.prevHash !== prevHash || auditEventHash(prevHash, event) !== event.hash) return event.id;
    prevHash = event.hash;
  }
  return null;
}

/**
 * The digest of one Asia/Shanghai day: a hash over every event's hash in id order. Stored daily,
 * it catches the deletion of a whole file's events, which no per-file chain can.
 */
export async function computeDailyDigest(em: EntityManager, day: string): Promise<{ eventCount: number; digest: string }> {
  const rows: Array<{ hash: string }> = await em.query(
    `SELECT hash FROM audit_events
      WHERE at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      ORDER BY id`,
    [day],
  );
  const digest = createHash('sha256');
  for (const row of rows) digest.update(row.hash).update('\n');
  return { eventCount: rows.length, digest: digest.digest('hex') };
}

export interface AuditTrailReport {
  filesChecked: number;
  daysChecked: number;
  /** Files whose chain breaks, with the first event that does not match. */
  brokenChains: Array<{ applicationId: string; eventId: string }>;
  /** Days whose stored digest no longer matches their events. */
  tamperedDays: Array<{ day: string; stored: string; actual: string }>;
}

/** Walks every file's chain and every stored daily digest (`npm run audit:verify`). */
export async function verifyAuditTrail(em: EntityManager): Promise<AuditTrailReport> {
  const report: AuditTrailReport = { filesChecked: 0, daysChecked: 0, brokenChains: [], tamperedDays: [] };
  const files: Array<{ application_id: string }> = await em.query('SELECT DISTINCT application_id FROM audit_events WHERE application_id IS NOT NULL');
  for (const { application_id } of files) {
    const broken = await verifyAuditChain(em, application_id);
    if (broken) report.brokenChains.push({ applicationId: application_id, eventId: broken });
  }
  report.filesChecked = files.length;
  const days: Array<{ day: string; digest: string }> = await em.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, digest FROM audit_daily_digests ORDER BY day`);
  for (const { day, digest } of days) {
    const actual = await computeDailyDigest(em, day);
    if (actual.digest !== digest) report.tamperedDays.push({ day, stored: digest, actual: actual.digest });
  }
  report.daysChecked = days.length;
  return report;
}
