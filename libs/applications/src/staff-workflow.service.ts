import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationAction, ApplicationClock, getService, toShanghaiIso } from '@onewindow/domain';
import { ConflictError, ForbiddenError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { ApplicationEntity, CorrectionItem, MaterialEntity, queryReturning } from '@onewindow/persistence';
import { ActingAccount } from './acting-account';
import { staffMayEverClaim, staffMaySeeFiles, staffMayWork } from './access-policy';
import { appendAuditEvent } from './audit-log';
import { isUuid, loadApplicationView } from './applicant-applications.service';
import { ApplicationView } from './application-view';
import { serviceOf, TransitionService } from './transition.service';
import { buildInboxCountsQuery, buildInboxQuery, inboxClockReader, inboxCounts, inboxCursorOf, InboxFilters, inboxLimit, InboxRow } from './inbox-query';
import { revokeLicenseIn } from './revocation';
import { CalendarService } from './calendar.service';

export type StaffAccount = Extract<ActingAccount, { kind: 'staff' }>;

export type { InboxFilters } from './inbox-query';

/** One file of the unified queue (API.md `inbox.items[]`). */
export interface InboxItem {
  id: string;
  number: string;
  serviceCode: string;
  state: string;
  entityName: string | null;
  greenChannel: boolean;
  claimedBy?: string;
  dueAt: string | null;
  clock: ApplicationClock;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  /** Files per service and state in the caller's queues, from the transition-kept counters. */
  counts: Array<{ serviceCode: string; state: string; count: number }>;
}

/** The back office's work on files: the unified queue, claims and the staff transitions. */
@Injectable()
export class StaffWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly config: AppConfig,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * The unified queue: files in the states this person's roles work (reviewers: their sections'
   * services), green channel first, then by due time; keyset pagination, never OFFSET. One
   * query for the page (see inbox-query.ts), one for the counters, run side by side.
   */
  async inbox(staff: StaffAccount, filters: InboxFilters): Promise<InboxPage> {
    const now = new Date();
    const limit = inboxLimit(filters);
    // The administrators' calendar as last loaded, so "due within N working days" and the lights follow their edits.
    const calendar = this.calendars.current;
    const page = buildInboxQuery(staff, filters, now, calendar);
    const counts = buildInboxCountsQuery(staff);
    const [rows, counted] = await Promise.all([
      page ? (this.dataSource.query(page.text, page.values) as Promise<InboxRow[]>) : Promise.resolve([]),
      counts ? (this.dataSource.query(counts.text, counts.values) as Promise<Array<{ service_code: string; state: string; count: string }>>) : Promise.resolve([]),
    ]);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    const clockOf = inboxClockReader(now, calendar);
    return {
      items: shown.map((r) => ({
        id: r.id,
        number: r.number,
        serviceCode: r.service_code,
        state: r.state,
        entityName: r.entity_name,
        greenChannel: r.green_channel,
        ...(r.claim_holder_id ? { claimedBy: r.claim_holder_id } : {}),
        dueAt: r.due_at ? toShanghaiIso(r.due_at) : null,
        clock: clockOf(r),
      })),
      nextCursor: rows.length > limit && last ? inboxCursorOf(last) : null,
      counts: inboxCounts(staff, counted),
    };
  }

  /** Takes a file: 200 when already yours, 409 when someone else holds it. */
  async claim(staff: StaffAccount, id: string): Promise<{ id: string; claimedBy: string }> {
    if (!staffMayEverClaim(staff)) throw new ForbiddenError();
    // Read before the transaction: a read on a second pooled connection while holding the first
    // deadlocks the pool under a burst of claims. The row lock below re-checks what matters.
    const app = await this.findVisible(staff, id);
    return this.dataSource.transaction(async (em) => {
      if (!staffMayWork(staff, app.state, serviceOf(app).section)) {
        throw new TransitionRefusedError(app.state === 'under_review' ? 'other_section' : 'not_allowed_from_' + app.state, { state: app.state });
      }
      // The row lock makes two clerks claiming at once queue up: the second sees the first's claim.
      const [current]: Array<{ state: string; claim_holder_id: string | null }> = await em.query(
        'SELECT state, claim_holder_id FROM applications WHERE id = $1 FOR UPDATE',
        [app.id],
      );
      if (current.state !== app.state) throw new ConflictError();
      if (current.claim_holder_id === staff.id) {
        // Re-claiming says "still working on it": the idle-claim release counts from here.
        await em.query('UPDATE applications SET claimed_at = now() WHERE id = $1', [app.id]);
        return { id: app.id, claimedBy: staff.id };
      }
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
    // Read before the transaction opens: a read on a second pooled connection inside it could
    // starve the pool under a burst. The conditional update still catches any change since.
    const app = await this.findVisible(staff, id);
    if (action === 'request_correction' && input.items) this.checkCorrectionItems(input.items, serviceOf(app).code);
    return this.dataSource.transaction(async (em) => {
      const updated = await this.transitions.applyIn(em, app.id, { action, actor: staff, reason: input.reason ?? null, correctionItems: input.items }, app);
      if (action === 'revoke') await revokeLicenseIn(em, app, input.reason ?? '');
      return { id: updated.id, state: updated.state };
    });
  }

  async view(staff: StaffAccount, id: string): Promise<ApplicationView> {
    const app = await this.findVisible(staff, id);
    return loadApplicationView(this.dataSource.manager, app, 'staff', this.config.PORTAL_PUBLIC_URL);
  }

  /**
   * One stored file of a material of a file the staff member may see (as in `view`, without loading
   * the rest of the view): the case page's images and previews each ask for one.
   */
  async material(staff: StaffAccount, id: string, materialId: string): Promise<MaterialEntity> {
    const app = await this.findVisible(staff, id);
    if (!isUuid(materialId)) throw new NotFoundError();
    const material = await this.dataSource.getRepository(MaterialEntity).findOneBy({ id: materialId, applicationId: app.id });
    // The view lists the materials of the service's checklist only.
    if (!material || !serviceOf(app).materials.some((m) => m.code === material.materialCode)) throw new NotFoundError();
    return material;
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
