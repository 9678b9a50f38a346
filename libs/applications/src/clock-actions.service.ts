import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationClock } from '@onewindow/domain';
import { ForbiddenError, NotFoundError, TransitionRefusedError } from '@onewindow/domain/errors';
import { ApplicationEntity, ApplicationPauseEntity } from '@onewindow/persistence';
import { staffMaySeeFiles } from './access-policy';
import { clockOf } from './application-clock';
import { appendAuditEvent } from './audit-log';
import { CalendarService } from './calendar.service';
import { DeadlinesService } from './deadlines.service';
import { issueNoticeIn } from './notices';
import { serviceOf } from './service-of';
import type { StaffAccount } from './staff-workflow.service';

/** 特别程序: the procedures during which the legal clock stands still (行政许可法 §45). */
export const SPECIAL_PROCEDURES = ['expert_review', 'hearing', 'public_notice'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

/** 行政许可法 §42: one extension of at most 10 working days, approved by the head. */
export const MAX_EXTENSION_WORKING_DAYS = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ClockChange {
  id: string;
  clock: ApplicationClock;
}

/**
 * What staff do to a file's clock beside its state: special procedures that pause it, and the one
 * extension of the legal limit. Records beside the state (pause rows, extension columns), each
 * with an audit event, applied under the file's row lock; the due time and the deadline jobs
 * follow in the same transaction.
 */
@Injectable()
export class ClockActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The reviewer holding the claim, or a head of the file's section, starts an expert review, hearing or public notice. */
  async startSpecialProcedure(staff: StaffAccount, id: string, input: { kind: SpecialProcedure; reason: string }): Promise<ClockChange & { kind: SpecialProcedure; startedAt: string }> {
    this.assertMayRunSpecialProcedures(staff);
    return this.dataSource.transaction(async (em) => {
      const app = await this.lockUnderReview(em, staff, id);
      this.assertHoldsOrHeads(staff, app);
      const pauses = await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id });
      if (pauses.some((p) => p.endedAt === null)) throw new TransitionRefusedError('special_procedure_open', { state: app.state });
      const now = new Date();
      await em.getRepository(ApplicationPauseEntity).insert({ applicationId: app.id, reason: input.kind, startedAt: now, endedAt: null });
      await appendAuditEvent(em, {
        applicationId: app.id,
        actor: staff,
        action: 'special_procedure_start',
        fromState: app.state,
        toState: app.state,
        note: input.reason,
        data: { kind: input.kind },
        at: now,
      });
      return { id: app.id, kind: input.kind, startedAt: now.toISOString(), clock: await this.afterChange(em, app, now) };
    });
  }

  /** Ends the open special procedure: the clock runs again, its due times pushed by the working days it lost. */
  async endSpecialProcedure(staff: StaffAccount, id: string): Promise<ClockChange & { kind: SpecialProcedure; startedAt: string; endedAt: string }> {
    this.assertMayRunSpecialProcedures(staff);
    return this.dataSource.transaction(async (em) => {
      const app = await this.lockUnderReview(em, staff, id);
      this.assertHoldsOrHeads(staff, app);
      const open = (await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id })).find((p) => p.endedAt === null && p.reason !== 'correction');
      if (!open) throw new TransitionRefusedError('no_special_procedure', { state: app.state });
      const now = new Date();
      await em.query('UPDATE application_pauses SET ended_at = $2 WHERE id = $1', [open.id, now]);
      const lost = this.calendars.current.pausedWorkingDays([{ from: open.startedAt, to: now }], now);
      await appendAuditEvent(em, {
        applicationId: app.id,
        actor: staff,
        action: 'special_procedure_end',
        fromState: app.state,
        toState: app.state,
        data: { kind: open.reason, startedAt: open.startedAt.toISOString(), pausedWorkingDays: lost },
        at: now,
      });
      return {
        id: app.id,
        kind: open.reason as SpecialProcedure,
        startedAt: open.startedAt.toISOString(),
        endedAt: now.toISOString(),
        clock: await this.afterChange(em, app, now),
      };
    });
  }

  /** A section head extends the legal limit once, by at most 10 working days (less where the service's law says so), with the extension notice. */
  async extend(staff: StaffAccount, id: string, input: { workingDays: number; reason: string }): Promise<ClockChange & { extensionWorkingDays: number }> {
    if (!staff.roles.includes('section_head')) throw new ForbiddenError();
    return this.dataSource.transaction(async (em) => {
      const app = await this.lockUnderReview(em, staff, id);
      const service = serviceOf(app);
      if (!staff.sections.includes(service.section)) throw new TransitionRefusedError('other_section', { state: app.state });
      if (app.extensionWorkingDays > 0) throw new TransitionRefusedError('extension_once', { state: app.state });
      const max = Math.min(MAX_EXTENSION_WORKING_DAYS, service.legalLimit.unit === 'working' ? service.extensionDays : 0);
      if (max === 0) throw new TransitionRefusedError('extension_not_allowed', { state: app.state });
      if (!Number.isSafeInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > max) {
        throw new TransitionRefusedError('extension_too_long', { state: app.state, max });
      }
      const now = new Date();
      await em.query('UPDATE applications SET extension_working_days = $2, extension_reason = $3, updated_at = now() WHERE id = $1', [
        app.id,
        input.workingDays,
        input.reason,
      ]);
      app.extensionWorkingDays = input.workingDays;
      app.extensionReason = input.reason;
      await appendAuditEvent(em, {
        applicationId: app.id,
        actor: staff,
        action: 'extend',
        fromState: app.state,
        toState: app.state,
        note: input.reason,
        data: { extensionWorkingDays: input.workingDays },
        at: now,
      });
      await issueNoticeIn(em, app.id, 'extension', { reason: input.reason, extensionWorkingDays: input.workingDays });
      return { id: app.id, extensionWorkingDays: input.workingDays, clock: await this.afterChange(em, app, now) };
    });
  }

  private assertMayRunSpecialProcedures(staff: StaffAccount): void {
    if (!staff.roles.includes('reviewer') && !staff.roles.includes('section_head')) throw new ForbiddenError();
  }

  /** The file under its row lock: 404 when the caller may not see it, 422 unless under review in the caller's section. */
  private async lockUnderReview(em: EntityManager, staff: StaffAccount, id: string): Promise<ApplicationEntity> {
    if (!staffMaySeeFiles(staff)) throw new ForbiddenError();
    if (!UUID.test(id)) throw new NotFoundError();
    const locked: unknown[] = await em.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [id]);
    const app = locked.length ? await em.getRepository(ApplicationEntity).findOneBy({ id }) : null;
    if (!app || app.state === 'draft') throw new NotFoundError();
    if (app.state !== 'under_review') throw new TransitionRefusedError(`not_allowed_from_${app.state}`, { state: app.state });
    if (!staff.sections.includes(serviceOf(app).section)) throw new TransitionRefusedError('other_section', { state: app.state });
    return app;
  }

  private assertHoldsOrHeads(staff: StaffAccount, app: ApplicationEntity): void {
    if (staff.roles.includes('section_head')) return;
    if (app.claimHolderId !== staff.id) throw new TransitionRefusedError('claim_required', { state: app.state });
  }

  private async afterChange(em: EntityManager, app: ApplicationEntity, now: Date): Promise<ApplicationClock> {
    await this.deadlines.refreshIn(em, app, now);
    const pauses = await em.getRepository(ApplicationPauseEntity).findBy({ applicationId: app.id });
    return clockOf(app, pauses, serviceOf(app), now, this.calendars.current);
  }
}
