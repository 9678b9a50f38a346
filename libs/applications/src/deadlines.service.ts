import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationState, reminderInstants, StaffRole, toShanghaiIso } from '@onewindow/domain';
import { ApplicationEntity, ApplicationPauseEntity } from '@onewindow/persistence';
import { DeadlineJob, DeadlineKind, deadlineJobId, QUEUES } from '@onewindow/queues';
import { QUEUE_OF_ROLE } from './access-policy';
import { clockOf, queueDueAt } from './application-clock';
import { CalendarService } from './calendar.service';
import { enqueueJob } from './outbox';
import { serviceOf } from './service-of';

/** One deadline job a file's clock calls for. */
export interface PlannedDeadline {
  kind: DeadlineKind;
  /** When it fires: 50 %, 80 % and 100 % of the promised period, paused time left out. */
  fireAt: Date;
  /** The promised due time it belongs to. */
  dueAt: Date;
  jobId: string;
}

export type DeadlineOutcome =
  | { outcome: 'sent'; recipients: string[]; notified: number }
  /** The file's state, due time or pauses moved on since the job was scheduled: nothing to do. */
  | { outcome: 'stale' }
  /** Fired before its instant (its due time is the same but a same-day pause moved the instant). */
  | { outcome: 'early'; fireAt: Date };

/** Files whose clock is running or paused (before acceptance: the acceptance deadline). */
const CLOCKED_STATES: readonly ApplicationState[] = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review'];
const RECOMPUTE_BATCH = 200;
/** Delayed jobs may run a little before the instant by the worker's clock. */
const EARLY_TOLERANCE_MS = 1000;

const TEMPLATE: Record<DeadlineKind, string> = {
  remind50: 'deadline-reminder-50',
  remind80: 'deadline-reminder-80',
  escalate: 'deadline-escalation',
};

interface Recipient {
  id: string;
  name: string;
  username: string | null;
  phone: string | null;
}

/**
 * The deadline side of the clock: keeps `due_at` (the queues' sort key) equal to the derived due
 * time, schedules the reminder (50 %, 80 %) and escalation (100 %) jobs whenever the clock changes,
 * and runs them. Jobs are delayed BullMQ jobs sent through the outbox with the id
 * `deadline-<applicationId>-<kind>-<dueEpochSeconds>`: rescheduling to the same due time adds
 * nothing, and a job whose due time has moved on finds so when it fires and does nothing.
 */
@Injectable()
export class DeadlinesService {
  private readonly logger = new Logger('DeadlinesService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** The deadline jobs the file's clock calls for: none unless it is under review with the clock running. */
  plan(app: ApplicationEntity, pauses: ApplicationPauseEntity[], now: Date = new Date()): PlannedDeadline[] {
    if (app.state !== 'under_review' || !app.acceptedAt || pauses.some((p) => p.endedAt === null)) return [];
    const calendar = this.calendars.current;
    const clock = clockOf(app, pauses, serviceOf(app), now, calendar);
    if (!clock.promisedDueAt) return [];
    const dueAt = new Date(clock.promisedDueAt);
    const closed = pauses.map((p) => ({ from: p.startedAt, to: p.endedAt as Date }));
    const { half, eightyPercent } = reminderInstants(app.acceptedAt, dueAt, calendar, closed);
    const dueEpoch = Math.floor(dueAt.getTime() / 1000);
    const planned = (kind: DeadlineKind, fireAt: Date): PlannedDeadline => ({
      kind,
      fireAt,
      dueAt,
      jobId: deadlineJobId({ applicationId: app.id, kind, dueAt: dueEpoch }),
    });
    return [planned('remind50', half), planned('remind80', eightyPercent), planned('escalate', dueAt)];
  }

  /**
   * After the clock changed (a transition, a pause, an extension, a calendar change): stores the
   * derived due time and schedules the deadline jobs still ahead. The caller holds the file's row
   * lock. `schedule: 'if-changed'` schedules only when the due time moved.
   */
  async refreshIn(
    em: EntityManager,
    app: ApplicationEntity,
    now: Date = new Date(),
    options: { schedule: 'always' | 'if-changed' } = { schedule: 'always' },
  ): Promise<Date | null> {
    const due = await this.dueIn(em, app, now);
    if (due.changed) {
      await em.query('UPDATE applications SET due_at = $2 WHERE id = $1', [app.id, due.dueAt]);
      app.dueAt = due.dueAt;
    }
    if (options.schedule === 'always' || due.changed) await this.scheduleIn(em, app, due.pauses, now);
    return due.dueAt;
  }

  /** The file's derived due time as its clock now runs (read, not stored); `known`: its pauses, when the caller knows them. */
  async dueIn(em: EntityManager, app: ApplicationEntity, now: Date, known?: ApplicationPauseEntity[]): Promise<{ dueAt: Date | null; changed: boolean; pauses: ApplicationPauseEntity[] }> {
    const pauses = known ?? (await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id }));
    const dueAt = queueDueAt(clockOf(app, pauses, serviceOf(app), now, this.calendars.current));
    return { dueAt, changed: (dueAt?.getTime() ?? null) !== (app.dueAt?.getTime() ?? null), pauses };
  }

  /** Writes outbox rows for the planned jobs whose instant is still ahead; those behind were sent for the earlier due time. */
  async scheduleIn(em: EntityManager, app: ApplicationEntity, pauses: ApplicationPauseEntity[], now: Date): Promise<PlannedDeadline[]> {
    const ahead = this.plan(app, pauses, now).filter((p) => p.fireAt.getTime() >= now.getTime());
    for (const p of ahead) {
      const job: DeadlineJob = { applicationId: app.id, kind: p.kind, dueAt: Math.floor(p.dueAt.getTime() / 1000), fireAt: p.fireAt.getTime() };
      await enqueueJob(em, QUEUES.deadlines, p.kind === 'escalate' ? 'escalate' : 'remind', job);
    }
    return ahead;
  }

  /** The jobs a file's clock calls for now (for the back office and tests). */
  async planFor(applicationId: string, now: Date = new Date()): Promise<PlannedDeadline[]> {
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id: applicationId });
    if (!app) return [];
    const pauses = await this.dataSource.getRepository(ApplicationPauseEntity).findBy({ applicationId });
    return this.plan(app, pauses, now);
  }

  /**
   * Runs a deadline job: re-reads the file under its row lock and, when the job still belongs to
   * the file's clock, records the SMS to the people it is for. Notification ids derive from the
   * job id and the recipient, so a job run twice notifies once.
   */
  async fire(job: DeadlineJob, now: Date = new Date()): Promise<DeadlineOutcome> {
    return this.dataSource.transaction(async (em) => {
      const locked: unknown[] = await em.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [job.applicationId]);
      if (locked.length === 0) return { outcome: 'stale' } as const;
      const app = (await em.getRepository(ApplicationEntity).findOneBy({ id: job.applicationId }))!;
      const pauses = await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id });
      const planned = this.plan(app, pauses, now).find((p) => p.kind === job.kind);
      if (!planned || Math.floor(planned.dueAt.getTime() / 1000) !== job.dueAt) return { outcome: 'stale' } as const;
      if (now.getTime() < planned.fireAt.getTime() - EARLY_TOLERANCE_MS) return { outcome: 'early', fireAt: planned.fireAt } as const;

      const recipients = await this.recipientsOf(em, app, job.kind);
      if (recipients.length === 0) this.logger.warn(`no one to notify for ${planned.jobId}`);
      const body = await this.bodyOf(em, app, job.kind, planned.dueAt);
      let notified = 0;
      for (const recipient of recipients) {
        const inserted: unknown[] = await em.query(
          `INSERT INTO notifications (id, account_id, application_id, channel, recipient, template, body, created_at)
           VALUES ($1, $2, $3, 'sms', $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [deterministicUuid(`${planned.jobId}/${recipient.id}`), recipient.id, app.id, recipient.phone ?? recipient.username ?? recipient.name, TEMPLATE[job.kind], body, now],
        );
        notified += inserted.length;
        // Sent at once by the notifications worker (the reconciler would otherwise pick the row up a minute later).
        for (const row of inserted as Array<{ id: string }>) await enqueueJob(em, QUEUES.notifications, 'notify', { notificationId: row.id });
      }
      return { outcome: 'sent', recipients: recipients.map((r) => r.id), notified } as const;
    });
  }

  /**
   * The calendar changed from `fromDate` on: re-derive the due time of every open file that may
   * run across that date (due on or after it, or not yet known) and reschedule the jobs of those
   * whose due time moved. Returns how many due times changed.
   */
  async recomputeFrom(fromDate: string, now: Date = new Date()): Promise<number> {
    const from = (await this.calendars.reload()).instantAt(fromDate, '00:00');
    return this.eachOpenFile('(due_at IS NULL OR due_at >= $2)', [from], async (em, app) => {
      const before = app.dueAt?.getTime() ?? null;
      const dueAt = await this.refreshIn(em, app, now, { schedule: 'if-changed' });
      return (dueAt?.getTime() ?? null) !== before;
    });
  }

  /**
   * After Redis lost its data (flushed, restarted without persistence) the delayed deadline jobs
   * are gone with it: schedules again, for every file under review, the jobs still ahead. Jobs
   * that already fired for a due time are recognised when they fire again and notify once.
   * Returns how many files got jobs.
   */
  async restoreSchedules(now: Date = new Date()): Promise<number> {
    return this.eachOpenFile(`state = 'under_review' AND $2::boolean`, [true], async (em, app) => {
      const pauses = await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id });
      return (await this.scheduleIn(em, app, pauses, now)).length > 0;
    });
  }

  /** Walks the clocked files matching `where` ($1 is the states, extra parameters from $2) in batches, each file under its row lock. */
  private async eachOpenFile(where: string, params: unknown[], visit: (em: EntityManager, app: ApplicationEntity) => Promise<boolean>): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let counted = 0;
    for (;;) {
      const batch: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM applications WHERE state = ANY($1) AND ${where} AND id > $${params.length + 2} ORDER BY id LIMIT ${RECOMPUTE_BATCH}`,
        [CLOCKED_STATES, ...params, after],
      );
      if (batch.length === 0) return counted;
      after = batch[batch.length - 1].id;
      await this.dataSource.transaction(async (em) => {
        for (const { id } of batch) {
          const locked: unknown[] = await em.query('SELECT id FROM applications WHERE id = $1 AND state = ANY($2) FOR UPDATE', [id, CLOCKED_STATES]);
          if (locked.length === 0) continue;
          const app = (await em.getRepository(ApplicationEntity).findOneBy({ id }))!;
          if (await visit(em, app)) counted++;
        }
      });
    }
  }

  /** Reminders go to the claim holder, or to the staff of the file's queue when nobody holds it; escalations to the section's heads. */
  private async recipientsOf(em: EntityManager, app: ApplicationEntity, kind: DeadlineKind): Promise<Recipient[]> {
    const section = serviceOf(app).section;
    const staff = (where: string, params: unknown[]): Promise<Recipient[]> =>
      em.query(`SELECT id, name, username, phone FROM accounts WHERE kind = 'staff' AND disabled_at IS NULL AND ${where} ORDER BY username`, params);
    if (kind === 'escalate') {
      const heads = await staff(`'section_head' = ANY(roles) AND $1 = ANY(sections)`, [section]);
      // A section without a head still has someone to answer to: nothing sits unseen.
      return heads.length > 0 ? heads : staff(`'administrator' = ANY(roles)`, []);
    }
    if (app.claimHolderId) {
      const holder = await staff('id = $1', [app.claimHolderId]);
      if (holder.length > 0) return holder;
    }
    const role = (Object.entries(QUEUE_OF_ROLE) as Array<[StaffRole, ApplicationState]>).find(([, state]) => state === app.state)?.[0];
    if (!role) return [];
    return role === 'reviewer' ? staff(`$1 = ANY(roles) AND $2 = ANY(sections)`, [role, section]) : staff(`$1 = ANY(roles)`, [role]);
  }

  /** The SMS text, in Chinese. */
  private async bodyOf(em: EntityManager, app: ApplicationEntity, kind: DeadlineKind, dueAt: Date): Promise<string> {
    const service = serviceOf(app);
    const subject = `${app.greenChannel ? '【绿色通道】' : ''}办件${app.number}（${service.name}${app.entityName ? `，${app.entityName}` : ''}）`;
    const due = chineseDateTime(dueAt);
    switch (kind) {
      case 'remind50':
        return `【一窗通办】${subject}承诺办理时限已过半，请于${due}前办结。`;
      case 'remind80':
        return `【一窗通办】${subject}承诺办理时限已用去百分之八十，将于${due}到期，请抓紧办理。`;
      case 'escalate': {
        const [holder]: Array<{ name: string }> = app.claimHolderId ? await em.query('SELECT name FROM accounts WHERE id = $1', [app.claimHolderId]) : [];
        return `【一窗通办】${subject}已到承诺办结时间${due}仍未办结（${holder ? `经办人：${holder.name}` : '尚无人认领'}），请督办。`;
      }
    }
  }
}

/** '2026-11-27T17:30:00+08:00' → '2026年11月27日17:30'. */
function chineseDateTime(instant: Date): string {
  const iso = toShanghaiIso(instant);
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日${iso.slice(11, 16)}`;
}

/** A UUID that is the same for the same name (SHA-256, shaped as version 5), so a replay inserts nothing. */
export function deterministicUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
