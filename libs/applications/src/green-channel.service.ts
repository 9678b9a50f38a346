import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { isProjectCode } from '@onewindow/domain';
import { AccountEntity, ApplicationEntity, KeyProjectEntity, queryReturning } from '@onewindow/persistence';
import { DeadlinesService } from './deadlines.service';
import { ActingAccount } from './acting-account';
import { isUuid } from './applicant-applications.service';
import { appendAuditEvent } from './audit-log';

type Staff = Extract<ActingAccount, { kind: 'staff' }>;

/** Roles that may put a file or a project into the green channel (绿色通道). */
const MARKING_ROLES = ['window_clerk', 'section_head', 'administrator'];

/**
 * The green channel: a marked file sorts first in every queue and runs on the service's shorter
 * green-channel promised limit; a key project (重点项目) marks all its files, present and future,
 * and may have 帮办 helpers assigned who see and work all of them.
 */
@Injectable()
export class GreenChannelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** The shorter green-channel limit moves the due time and the reminders (the row is locked by the caller's update). */
  private async refreshClock(em: EntityManager, id: string): Promise<void> {
    const app = await em.getRepository(ApplicationEntity).findOneBy({ id });
    if (app) await this.deadlines.refreshIn(em, app, new Date(), { schedule: 'if-changed' });
  }

  async markFile(staff: Staff, id: string, reason: string): Promise<{ id: string; greenChannel: true }> {
    this.assertMayMark(staff);
    if (!isUuid(id)) throw new NotFoundError();
    return this.dataSource.transaction(async (em) => {
      const rows = await queryReturning<{ state: string }>(
        em,
        `UPDATE applications SET green_channel = true, green_channel_reason = $2 WHERE id = $1 AND state <> 'draft' RETURNING state`,
        [id, reason],
      );
      if (rows.length === 0) throw new NotFoundError();
      await appendAuditEvent(em, { applicationId: id, actor: staff, action: 'green_channel', fromState: rows[0].state, toState: rows[0].state, note: reason });
      await this.refreshClock(em, id);
      return { id, greenChannel: true as const };
    });
  }

  /** Marks a project as key, with its helpers; every file of it, now and later, goes green. */
  async markProject(staff: Staff, input: { projectCode: string; name: string; reason: string; helperUsernames?: string[] }): Promise<KeyProjectEntity & { files: number }> {
    this.assertMayMark(staff);
    if (!isProjectCode(input.projectCode)) throw new ValidationFailedError({ projectCode: 'fields.invalid' });
    return this.dataSource.transaction(async (em) => {
      const helpers = input.helperUsernames?.length
        ? await em.getRepository(AccountEntity).find({ where: input.helperUsernames.map((username) => ({ username, kind: 'staff' as const })) })
        : [];
      const unknown = (input.helperUsernames ?? []).filter((u) => !helpers.some((h) => h.username === u && h.roles.includes('helper')));
      if (unknown.length) throw new ValidationFailedError({ helperUsernames: 'fields.invalid' });
      const project = em.getRepository(KeyProjectEntity).create({
        projectCode: input.projectCode,
        name: input.name,
        reason: input.reason,
        markedBy: staff.id,
        helperIds: helpers.map((h) => h.id),
      });
      await em.getRepository(KeyProjectEntity).save(project);
      const files = await queryReturning<{ id: string; state: string }>(
        em,
        `UPDATE applications SET green_channel = true, green_channel_reason = $2 WHERE project_code = $1 RETURNING id, state`,
        [input.projectCode, input.reason],
      );
      for (const file of files) {
        await this.refreshClock(em, file.id);
        await appendAuditEvent(em, { applicationId: file.id, actor: staff, action: 'green_channel', fromState: file.state, toState: file.state, note: input.reason, data: { keyProject: input.projectCode } });
      }
      await appendAuditEvent(em, { applicationId: null, actor: staff, action: 'key_project', note: input.reason, data: { projectCode: input.projectCode, helpers: helpers.map((h) => h.username) } });
      return { ...project, files: files.length };
    });
  }

  private assertMayMark(staff: Staff): void {
    if (!staff.roles.some((role) => MARKING_ROLES.includes(role))) throw new ForbiddenError();
  }
}

