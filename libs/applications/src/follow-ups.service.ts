import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getService, toShanghaiIso } from '@onewindow/domain';
import { ConflictError, ForbiddenError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import type { FollowUpStatus } from '@onewindow/persistence';
import { isUuid } from './applicant-applications.service';
import { appendAuditEvent } from './audit-log';
import { CalendarService } from './calendar.service';
import { catalogueMessage, messageApplicantIn } from './notifications';
import type { StaffAccount } from './staff-workflow.service';

/** A poor rating is answered in writing within this many working days of the rating (the day of the rating not counted). */
export const FOLLOW_UP_WORKING_DAYS = 5;
export const FOLLOW_UP_RESPONSE_MAX_LENGTH = 1000;
/** Who reads follow-ups; of them, who answers (leadership reads only). */
export const FOLLOW_UP_READERS = ['section_head', 'administrator', 'leadership'] as const;
export const FOLLOW_UP_RESPONDERS = ['section_head', 'administrator'] as const;

export interface FollowUpView {
  id: string;
  applicationId: string;
  number: string;
  serviceCode: string;
  entityName: string | null;
  level: number;
  comment: string | null;
  ratedAt: string;
  /** Close of business on the FOLLOW_UP_WORKING_DAYS-th working day after the rating. */
  dueAt: string;
  /** Open past its due time. */
  overdue: boolean;
  /** Working days from today to the due date (negative: overdue by that many); absent once answered. */
  workingDaysLeft?: number;
  status: FollowUpStatus;
  response: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  /** Whether the caller may write the response (open, and their role and section allow it). */
  canRespond: boolean;
}

interface Row {
  id: string;
  application_id: string;
  number: string;
  service_code: string;
  entity_name: string | null;
  level: number;
  comment: string | null;
  created_at: Date;
  follow_up_status: FollowUpStatus;
  response: string | null;
  responded_at: Date | null;
  responder_name: string | null;
}

const SELECT = `SELECT r.id, r.application_id, a.number, a.service_code, a.entity_name, r.level, r.comment, r.created_at,
                       r.follow_up_status, r.response, r.responded_at, s.name AS responder_name
                  FROM ratings r JOIN applications a ON a.id = r.application_id LEFT JOIN accounts s ON s.id = r.responded_by`;

/**
 * 好差评 follow-ups: a poor rating (RatingService, level ≤ POOR_RATING_MAX_LEVEL) must get a
 * written response within FOLLOW_UP_WORKING_DAYS working days by the bureau's calendar. Section
 * heads answer those of their sections' services, administrators any; leadership reads. The
 * response closes the follow-up and is shown to the applicant with their rating.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** Open ones first, soonest due first; then the answered ones, latest first. */
  async list(staff: StaffAccount, status: 'open' | 'closed' | 'all' = 'all', now = new Date()): Promise<{ items: FollowUpView[]; counts: { open: number; overdue: number; closed: number } }> {
    assertReader(staff);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} WHERE r.follow_up_status IS NOT NULL ${status === 'all' ? '' : 'AND r.follow_up_status = $1'}
        ORDER BY (r.follow_up_status = 'open') DESC, CASE WHEN r.follow_up_status = 'open' THEN r.created_at END ASC, r.responded_at DESC NULLS LAST, r.id
        LIMIT 500`,
      status === 'all' ? [] : [status],
    );
    const items = rows.map((r) => this.toView(r, staff, now));
    const [counts]: Array<{ open: number; closed: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE follow_up_status = 'open')::int AS open, count(*) FILTER (WHERE follow_up_status = 'closed')::int AS closed FROM ratings WHERE follow_up_status IS NOT NULL`,
    );
    const overdue = status === 'closed' ? await this.countOverdue(now) : items.filter((i) => i.overdue).length;
    return { items, counts: { open: counts.open, closed: counts.closed, overdue } };
  }

  async get(staff: StaffAccount, id: string, now = new Date()): Promise<FollowUpView> {
    assertReader(staff);
    const [row]: Row[] = isUuid(id) ? await this.dataSource.query(`${SELECT} WHERE r.id = $1 AND r.follow_up_status IS NOT NULL`, [id]) : [];
    if (!row) throw new NotFoundError();
    return this.toView(row, staff, now);
  }

  /** The written response: non-empty, stored with who and when; closes the follow-up. A second answer is 409. */
  async respond(staff: StaffAccount, id: string, input: { response: unknown }): Promise<FollowUpView> {
    if (!FOLLOW_UP_RESPONDERS.some((r) => staff.roles.includes(r))) throw new ForbiddenError();
    const text = typeof input.response === 'string' ? input.response.trim() : '';
    if (!text) throw new ValidationFailedError({ response: 'followup.response_required' });
    if ([...text].length > FOLLOW_UP_RESPONSE_MAX_LENGTH) throw new ValidationFailedError({ response: 'fields.text_too_long' });
    if (!isUuid(id)) throw new NotFoundError();
    await this.dataSource.transaction(async (em) => {
      // The file's row lock orders the audit event with the file's others (audit-log.ts).
      const [row]: Array<{ application_id: string; follow_up_status: FollowUpStatus | null; service_code: string; owner_account_id: string; contact_phone: string; number: string; state: string }> =
        await em.query(
          `SELECT r.application_id, r.follow_up_status, a.service_code, a.owner_account_id, a.contact_phone, a.number, a.state
             FROM ratings r JOIN applications a ON a.id = r.application_id WHERE r.id = $1 FOR UPDATE OF r, a`,
          [id],
        );
      if (!row || !row.follow_up_status) throw new NotFoundError();
      if (!mayAnswer(staff, row.service_code)) throw new TransitionRefusedError('other_section');
      if (row.follow_up_status !== 'open') throw new ConflictError('followup.already_answered');
      await em.query(`UPDATE ratings SET follow_up_status = 'closed', response = $2, responded_by = $3, responded_at = now() WHERE id = $1`, [id, text, staff.id]);
      await appendAuditEvent(em, { applicationId: row.application_id, actor: staff, action: 'follow_up_response', fromState: row.state, toState: row.state, note: text });
      const file = { id: row.application_id, ownerAccountId: row.owner_account_id, contactPhone: row.contact_phone };
      await messageApplicantIn(em, file, { template: 'follow-up-response', ...catalogueMessage('follow_up_response', { number: row.number }) });
    });
    return this.get(staff, id);
  }

  private toView(row: Row, staff: StaffAccount, now: Date): FollowUpView {
    const calendar = this.calendars.current;
    const due = calendar.addWorkingDays(row.created_at, FOLLOW_UP_WORKING_DAYS);
    const open = row.follow_up_status === 'open';
    return {
      id: row.id,
      applicationId: row.application_id,
      number: row.number,
      serviceCode: row.service_code,
      entityName: row.entity_name,
      level: row.level,
      comment: row.comment,
      ratedAt: toShanghaiIso(row.created_at),
      dueAt: toShanghaiIso(due),
      overdue: open && now.getTime() > due.getTime(),
      ...(open ? { workingDaysLeft: calendar.workingDaysBetween(now, due) } : {}),
      status: row.follow_up_status,
      response: row.response,
      respondedAt: row.responded_at ? toShanghaiIso(row.responded_at) : null,
      respondedBy: row.responder_name,
      canRespond: open && mayAnswer(staff, row.service_code),
    };
  }

  private async countOverdue(now: Date): Promise<number> {
    const rows: Array<{ created_at: Date }> = await this.dataSource.query(`SELECT created_at FROM ratings WHERE follow_up_status = 'open'`);
    return rows.filter((r) => now.getTime() > this.calendars.current.addWorkingDays(r.created_at, FOLLOW_UP_WORKING_DAYS).getTime()).length;
  }
}

function assertReader(staff: StaffAccount): void {
  if (!FOLLOW_UP_READERS.some((r) => staff.roles.includes(r))) throw new ForbiddenError();
}

/** Administrators answer any follow-up; a section head those of their sections' services. */
function mayAnswer(staff: StaffAccount, serviceCode: string): boolean {
  if (staff.roles.includes('administrator')) return true;
  const section = getService(serviceCode)?.section;
  return staff.roles.includes('section_head') && !!section && staff.sections.includes(section);
}
