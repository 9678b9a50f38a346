import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationAction, ApplicationState, getService, SERVICES } from '@onewindow/domain';
import { ConflictError, ForbiddenError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { ApplicationEntity, CorrectionItem, queryReturning } from '@onewindow/persistence';
import { ActingAccount } from './acting-account';
import { queueStatesOf, staffMayEverClaim, staffMaySeeFiles, staffMayWork } from './access-policy';
import { appendAuditEvent } from './audit-log';
import { isUuid, loadApplicationView } from './applicant-applications.service';
import { ApplicationView } from './application-view';
import { serviceOf, TransitionService } from './transition.service';

export type StaffAccount = Extract<ActingAccount, { kind: 'staff' }>;

export interface InboxFilters {
  service?: string;
  state?: ApplicationState;
  greenChannel?: boolean;
  claimedBy?: 'me' | 'none';
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

export interface InboxItem {
  id: string;
  number: string;
  serviceCode: string;
  state: string;
  entityName: string | null;
  greenChannel: boolean;
  claimedBy?: string;
  dueAt: string | null;
}

interface Cursor {
  g: boolean;
  d: string | null;
  i: string;
}

/** The back office's work on files: the unified queue, claims and the staff transitions. */
@Injectable()
export class StaffWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The unified queue: files in the states this person's roles work (reviewers: their sections'
   * services), green channel first, then by due time; keyset pagination, never OFFSET.
   */
  async inbox(staff: StaffAccount, filters: InboxFilters): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
    let states = queueStatesOf(staff);
    if (filters.state) states = states.filter((s) => s === filters.state);
    if (states.length === 0) return { items: [], nextCursor: null };

    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Reviewers see only their sections' services; other roles see every service.
    const stateClauses = states.map((state) => {
      if (state !== 'under_review') return `a.state = ${param(state)}`;
      const services = SERVICES.filter((s) => staff.sections.includes(s.section)).map((s) => s.code);
      return `(a.state = ${param(state)} AND a.service_code = ANY(${param(services)}))`;
    });
    where.push(`(${stateClauses.join(' OR ')})`);
    if (filters.service) where.push(`a.service_code = ${param(filters.service)}`);
    if (filters.greenChannel !== undefined) where.push(`a.green_channel = ${param(filters.greenChannel)}`);
    if (filters.claimedBy === 'me') where.push(`a.claim_holder_id = ${param(staff.id)}`);
    if (filters.claimedBy === 'none') where.push('a.claim_holder_id IS NULL');
    if (filters.overdue) where.push('a.due_at < now()');
    if (filters.cursor) {
      const c = decodeCursor(filters.cursor);
      // (green DESC, due ASC NULLS LAST, id ASC) as one row comparison per branch.
      const g = param(c.g);
      const i = param(c.i);
      if (c.d === null) {
        where.push(`(a.green_channel < ${g} OR (a.green_channel = ${g} AND a.due_at IS NULL AND a.id > ${i}))`);
      } else {
        const d = param(c.d);
        where.push(
          `(a.green_channel < ${g} OR (a.green_channel = ${g} AND (a.due_at > ${d} OR a.due_at IS NULL OR (a.due_at = ${d} AND a.id > ${i}))))`,
        );
      }
    }
    const rows: Array<{
      id: string;
      number: string;
      service_code: string;
      state: string;
      entity_name: string | null;
      green_channel: boolean;
      claim_holder_id: string | null;
      due_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT a.id, a.number, a.service_code, a.state, a.entity_name, a.green_channel, a.claim_holder_id, a.due_at
         FROM applications a
        WHERE ${where.join(' AND ')}
        ORDER BY a.green_channel DESC, a.due_at ASC NULLS LAST, a.id ASC
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        serviceCode: r.service_code,
        state: r.state,
        entityName: r.entity_name,
        greenChannel: r.green_channel,
        ...(r.claim_holder_id ? { claimedBy: r.claim_holder_id } : {}),
        dueAt: r.due_at ? r.due_at.toISOString() : null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ g: last.green_channel, d: last.due_at?.toISOString() ?? null, i: last.id }) : null,
    };
  }

  /** Takes a file: 200 when already yours, 409 when someone else holds it. */
  async claim(staff: StaffAccount, id: string): Promise<{ id: string; claimedBy: string }> {
    if (!staffMayEverClaim(staff)) throw new ForbiddenError();
    return this.dataSource.transaction(async (em) => {
      const app = await this.findVisible(staff, id);
      if (!staffMayWork(staff, app.state, serviceOf(app).section)) {
        throw new TransitionRefusedError(app.state === 'under_review' ? 'other_section' : 'not_allowed_from_' + app.state, { state: app.state });
      }
      // The row lock makes two clerks claiming at once queue up: the second sees the first's claim.
      const [current]: Array<{ state: string; claim_holder_id: string | null }> = await em.query(
        'SELECT state, claim_holder_id FROM applications WHERE id = $1 FOR UPDATE',
        [app.id],
      );
      if (current.state !== app.state) throw new ConflictError();
      if (current.claim_holder_id === staff.id) return { id: app.id, claimedBy: staff.id };
      if (current.claim_holder_id) throw new ConflictError('errors.claimed_by_other');
      await em.query('UPDATE applications SET claim_holder_id = $2, claimed_at = now() WHERE id = $1', [app.id, staff.id]);
      await appendAuditEvent(em, { applicationId: app.id, actor: staff, action: 'claim', fromState: app.state, toState: app.state });
      return { id: app.id, claimedBy: staff.id };
    });
  }

  async release(staff: StaffAccount, id: string): Promise<{ id: string }> {
    return this.dataSource.transaction(async (em) => {
      const app = await this.findVisible(staff, id);
      const rows = await queryReturning<{ id: string }>(
        em,
        `UPDATE applications SET claim_holder_id = NULL, claimed_at = NULL WHERE id = $1 AND claim_holder_id = $2 RETURNING id`,
        [app.id, staff.id],
      );
      if (rows.length === 0) throw new ConflictError('errors.claimed_by_other');
      await appendAuditEvent(em, { applicationId: app.id, actor: staff, action: 'release', fromState: app.state, toState: app.state });
      return { id: app.id };
    });
  }

  async act(
    staff: StaffAccount,
    id: string,
    action: Extract<ApplicationAction, 'accept' | 'request_correction' | 'refuse' | 'approve' | 'deny' | 'seal' | 'revoke'>,
    input: { reason?: string | null; items?: CorrectionItem[] } = {},
  ): Promise<{ id: string; state: string }> {
    if (action === 'request_correction' && input.items) this.checkCorrectionItems(input.items, serviceOf(await this.findVisible(staff, id)).code);
    return this.dataSource.transaction(async (em) => {
      const app = await this.findVisible(staff, id);
      const updated = await this.transitions.applyIn(em, app.id, { action, actor: staff, reason: input.reason ?? null, correctionItems: input.items }, app);
      return { id: updated.id, state: updated.state };
    });
  }

  async view(staff: StaffAccount, id: string): Promise<ApplicationView> {
    const app = await this.findVisible(staff, id);
    return loadApplicationView(this.dataSource.manager, app, 'staff', this.config.PORTAL_PUBLIC_URL);
  }

  private async findVisible(staff: StaffAccount, id: string): Promise<ApplicationEntity> {
    if (!staffMaySeeFiles(staff)) throw new ForbiddenError();
    if (!isUuid(id)) throw new NotFoundError();
    const app = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
    // Drafts are the applicant's own until submitted.
    if (!app || app.state === 'draft') throw new NotFoundError();
    return app;
  }

  private checkCorrectionItems(items: CorrectionItem[], serviceCode: string): void {
    const service = getService(serviceCode);
    const fields: Record<string, string> = {};
    items.forEach((item, i) => {
      if (item.materialCode && !service?.materials.some((m) => m.code === item.materialCode)) fields[`items.${i}.materialCode`] = 'rules.unknown_material';
    });
    if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.g === 'boolean' && (c.d === null || !Number.isNaN(Date.parse(c.d))) && isUuid(c.i)) return c;
  } catch {
    // fall through
  }
  throw new ValidationFailedError({ cursor: 'fields.invalid' });
}
