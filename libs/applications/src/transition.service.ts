import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationAction, ApplicationState, decide, Effect, StaffRole } from '@onewindow/domain';
import { ConflictError, ForbiddenError, NotFoundError, TransitionRefusedError } from '@onewindow/domain/errors';
import { ApplicationEntity, ApplicationPauseEntity, CorrectionEntity, CorrectionItem, queryReturning } from '@onewindow/persistence';
import { QUEUES } from '@onewindow/queues';
import { enqueueJob } from './outbox';
import { issueNoticeIn, NOTICE_OF_ACTION } from './notices';
import { ActingAccount, asDomainActor } from './acting-account';
import { appendAuditEvent } from './audit-log';
import { notifyApplicantIn } from './notifications';
import { DeadlinesService } from './deadlines.service';
import { serviceOf } from './service-of';
import { recordDailyAggregates } from './reports/daily-aggregates';

export { serviceOf };

export interface TransitionRequest {
  action: ApplicationAction;
  actor: ActingAccount;
  /** Reason, opinion or note the action carries. */
  reason?: string | null;
  correctionItems?: CorrectionItem[];
  /** Extra audit data. */
  data?: Record<string, unknown>;
}

/** Columns a transition may set beside the state. */
type ApplicationChanges = Partial<
  Pick<ApplicationEntity, 'state' | 'submittedAt' | 'acceptedAt' | 'decidedAt' | 'issuedAt' | 'clerkCorrections' | 'claimHolderId' | 'claimedAt' | 'dueAt'>
>;

const COLUMN: Record<keyof ApplicationChanges, string> = {
  state: 'state',
  submittedAt: 'submitted_at',
  acceptedAt: 'accepted_at',
  decidedAt: 'decided_at',
  issuedAt: 'issued_at',
  clerkCorrections: 'clerk_corrections',
  claimHolderId: 'claim_holder_id',
  claimedAt: 'claimed_at',
  dueAt: 'due_at',
};

/**
 * Applies the domain transition table to a file. Decides on the state the caller read, then locks
 * the row `WHERE state = :from AND claim_holder_id IS NOT DISTINCT FROM :claim`, so a file that
 * changed in between is a 409, never a silent overwrite. In the same transaction: the pause
 * records, the audit event, the outbox rows for the effects, the file's new columns, the counters
 * and the notice.
 */
@Injectable()
export class TransitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** Loads the file and applies the transition in a transaction of its own. */
  async apply(applicationId: string, request: TransitionRequest): Promise<ApplicationEntity> {
    return this.dataSource.transaction((em) => this.applyIn(em, applicationId, request));
  }

  /**
   * `read`: the file as the caller read it in this transaction; `rowLocked` when it was read
   * FOR UPDATE, so it cannot have moved on and the lock need not be taken again.
   */
  async applyIn(em: EntityManager, applicationId: string, request: TransitionRequest, read?: ApplicationEntity, options: { rowLocked?: boolean } = {}): Promise<ApplicationEntity> {
    const app = read ?? (await em.getRepository(ApplicationEntity).findOneBy({ id: applicationId }));
    if (!app) throw new NotFoundError();
    const service = serviceOf(app);
    const decision = decide(app.state, request.action, {
      actor: asDomainActor(request.actor),
      ownerId: app.ownerAccountId,
      claimHolderId: app.claimHolderId,
      section: service.section,
      hasReviewStep: service.hasReviewStep,
      clerkCorrections: app.clerkCorrections,
      reason: request.reason,
      correctionItemCount: request.correctionItems?.length ?? 0,
    });
    if (!decision.ok) {
      if (decision.kind === 'forbidden') throw new ForbiddenError();
      throw new TransitionRefusedError(decision.rule, { state: app.state });
    }

    const now = new Date();
    const effects = new Set<Effect>(decision.effects);
    const changes: ApplicationChanges = { state: decision.to };
    if (request.action === 'submit' && !app.submittedAt) changes.submittedAt = now;
    if (effects.has('start_decision_clock')) changes.acceptedAt = now;
    if (request.action === 'approve' || request.action === 'deny' || request.action === 'refuse') changes.decidedAt = now;
    if (request.action === 'issued') changes.issuedAt = now;
    if (effects.has('count_clerk_correction')) changes.clerkCorrections = app.clerkCorrections + 1;
    if (effects.has('release_claim')) {
      changes.claimHolderId = null;
      changes.claimedAt = null;
    }

    if (!(read && options.rowLocked)) await this.lockUnchanged(em, app);
    const updated = Object.assign(new ApplicationEntity(), app, changes);

    if (effects.has('pause_clock')) {
      await em.getRepository(ApplicationPauseEntity).insert({ applicationId: app.id, reason: 'correction', startedAt: now, endedAt: null });
    }
    if (effects.has('resume_clock')) {
      await em.query(
        `UPDATE application_pauses SET ended_at = $2 WHERE application_id = $1 AND reason = 'correction' AND ended_at IS NULL`,
        [app.id, now],
      );
      await em.query(`UPDATE corrections SET resolved_at = $2 WHERE application_id = $1 AND resolved_at IS NULL`, [app.id, now]);
    }
    if (app.state === 'under_review' && decision.to !== 'under_review') {
      // A decision ends any special procedure still open: the clock is read as of the decision.
      await em.query(`UPDATE application_pauses SET ended_at = $2 WHERE application_id = $1 AND reason <> 'correction' AND ended_at IS NULL`, [app.id, now]);
    }
    if (request.correctionItems?.length && (request.action === 'request_correction' || request.action === 'precheck_fail')) {
      await em.getRepository(CorrectionEntity).insert({
        applicationId: app.id,
        source: request.action === 'precheck_fail' ? 'precheck' : 'clerk',
        requestedBy: request.actor.kind === 'staff' ? request.actor.id : null,
        requestedAt: now,
        items: request.correctionItems,
        reason: request.action === 'request_correction' ? (request.reason ?? null) : null,
      });
    }

    // The derived due time, recomputed after the pauses changed, so queues sort by the truth; and
    // the reminder and escalation jobs of the clock as it now runs (acceptance starts them).
    // A draft was never submitted, so it has no pauses to read.
    const due = await this.deadlines.dueIn(em, updated, now, app.state === 'draft' ? [] : undefined);
    if (due.changed) changes.dueAt = updated.dueAt = due.dueAt;
    await this.deadlines.scheduleIn(em, updated, due.pauses, now);

    await appendAuditEvent(em, {
      applicationId: app.id,
      actor: request.actor,
      action: request.action,
      fromState: app.state,
      toState: decision.to,
      note: request.reason ?? null,
      data: { ...(request.correctionItems ? { items: request.correctionItems } : {}), ...(request.data ?? {}) },
      at: now,
    });
    // The applicant's text message, recorded and queued in this transaction (notifications.ts decides which changes).
    await notifyApplicantIn(em, updated, { action: request.action, from: app.state, to: decision.to, effects });
    if (effects.has('enqueue_precheck')) await enqueueJob(em, service.queue, 'precheck', { applicationId: app.id });
    if (effects.has('enqueue_issuance')) await enqueueJob(em, QUEUES.issuance, 'issue', { applicationId: app.id });

    // Last, the file's row and the rows every change of the service shares — the clock-due counter
    // (moved by the applications trigger), the day's figures, the queue counters, the notice's
    // number — so that each is held from its statement to COMMIT only and changes of one service
    // overlap until here. Always in this order, so two transitions never wait on each other crosswise.
    updated.updatedAt = await this.store(em, app.id, changes);
    await recordDailyAggregates(em, { application: app, action: request.action, toState: decision.to, dueAt: updated.dueAt, at: now });
    await this.moveCounter(em, app.serviceCode, app.state, decision.to);
    const notice = NOTICE_OF_ACTION[request.action];
    if (notice) await issueNoticeIn(em, app.id, notice, { items: request.correctionItems, reason: request.reason });
    return updated;
  }

  /**
   * Takes the file's row lock on the state and claim the decision was made on; a file that moved
   * on meanwhile is a 409 (under READ COMMITTED the lock re-reads the row once its holder commits).
   */
  private async lockUnchanged(em: EntityManager, app: ApplicationEntity): Promise<void> {
    const locked: unknown[] = await em.query(
      `SELECT 1 FROM applications WHERE id = $1 AND state = $2 AND claim_holder_id IS NOT DISTINCT FROM $3 FOR UPDATE`,
      [app.id, app.state, app.claimHolderId],
    );
    if (locked.length === 0) throw new ConflictError();
  }

  private async store(em: EntityManager, applicationId: string, changes: ApplicationChanges): Promise<Date> {
    const entries = Object.entries(changes) as Array<[keyof ApplicationChanges, unknown]>;
    const sets = entries.map(([key], i) => `${COLUMN[key]} = $${i + 2}`);
    const [row] = await queryReturning<{ updated_at: Date }>(
      em,
      `UPDATE applications SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING updated_at`,
      [applicationId, ...entries.map(([, value]) => value)],
    );
    return row.updated_at;
  }

  private async moveCounter(em: EntityManager, serviceCode: string, from: ApplicationState, to: ApplicationState): Promise<void> {
    await em.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ($1, $2, -1), ($1, $3, 1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + EXCLUDED.count`,
      [serviceCode, from, to],
    );
  }

  /** A counter for a file that enters the system (a new draft). */
  async countNew(em: EntityManager, serviceCode: string, state: ApplicationState): Promise<void> {
    await em.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ($1, $2, 1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + 1`,
      [serviceCode, state],
    );
  }
}

export type { StaffRole };
