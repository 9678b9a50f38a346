import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationState, SERVICES } from '@onewindow/domain';
import { ForbiddenError, NotFoundError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { queryReturning } from '@onewindow/persistence';
import { queueStatesOf, staffMayEverClaim } from './access-policy';
import { SYSTEM } from './acting-account';
import { appendAuditEvent } from './audit-log';
import { CalendarService } from './calendar.service';
import type { StaffAccount } from './staff-workflow.service';

const HOUR_MS = 60 * 60 * 1000;

export interface TakenFile {
  id: string;
  number: string;
  serviceCode: string;
  state: ApplicationState;
  greenChannel: boolean;
  dueAt: string | null;
  claimedBy: string;
}

/**
 * Claims beyond the single-file claim of StaffWorkflowService: "take next" (the most urgent
 * unclaimed file the caller may work, taken with FOR UPDATE SKIP LOCKED so two people never get
 * the same one) and the release of claims idle for CLAIM_IDLE_OFFICE_HOURS office hours.
 */
@Injectable()
export class ClaimsService {
  private readonly logger = new Logger('ClaimsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly config: AppConfig,
  ) {}

  /** Claims the first unclaimed file of the caller's queues in inbox order: green channel first, then due time. 404 when none waits. */
  async takeNext(staff: StaffAccount): Promise<TakenFile> {
    if (!staffMayEverClaim(staff)) throw new ForbiddenError();
    const states = queueStatesOf(staff);
    const params: unknown[] = [staff.id];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The same queues as the inbox: reviewers only their sections' services.
    const clauses = states.map((state) => {
      if (state !== 'under_review') return `a.state = ${param(state)}`;
      const services = SERVICES.filter((s) => staff.sections.includes(s.section)).map((s) => s.code);
      return `(a.state = ${param(state)} AND a.service_code = ANY(${param(services)}))`;
    });
    if (clauses.length === 0) throw new NotFoundError('errors.nothing_waiting');
    return this.dataSource.transaction(async (em) => {
      // SKIP LOCKED: a file another person is taking right now is passed over, not waited for.
      const [taken] = await queryReturning<{ id: string; number: string; service_code: string; state: ApplicationState; green_channel: boolean; due_at: Date | null }>(
        em,
        `WITH next AS (
           SELECT a.id FROM applications a
            WHERE (${clauses.join(' OR ')}) AND a.claim_holder_id IS NULL
            ORDER BY a.green_channel DESC, a.due_at ASC NULLS LAST, a.id ASC
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE applications a SET claim_holder_id = $1, claimed_at = now()
           FROM next WHERE a.id = next.id
         RETURNING a.id, a.number, a.service_code, a.state, a.green_channel, a.due_at`,
        params,
      );
      if (!taken) throw new NotFoundError('errors.nothing_waiting');
      await appendAuditEvent(em, {
        applicationId: taken.id,
        actor: staff,
        action: 'claim',
        fromState: taken.state,
        toState: taken.state,
        data: { via: 'take_next' },
      });
      return {
        id: taken.id,
        number: taken.number,
        serviceCode: taken.service_code,
        state: taken.state,
        greenChannel: taken.green_channel,
        dueAt: taken.due_at ? taken.due_at.toISOString() : null,
        claimedBy: staff.id,
      };
    });
  }

  /**
   * Releases every claim idle (since it was taken or last re-claimed) for CLAIM_IDLE_OFFICE_HOURS
   * of office time as of `now`, each with a 'claim_expired' audit event. Returns the files released.
   */
  async releaseIdle(now: Date = new Date()): Promise<string[]> {
    const idleMs = this.config.CLAIM_IDLE_OFFICE_HOURS * HOUR_MS;
    const calendar = this.calendars.current;
    const isIdle = (claimedAt: Date) => calendar.officeMillisBetween(claimedAt, now) >= idleMs;
    // Office time never runs faster than wall time, so this bound loses no idle claim.
    const candidates: Array<{ id: string; claimed_at: Date }> = await this.dataSource.query(
      `SELECT id, claimed_at FROM applications WHERE claim_holder_id IS NOT NULL AND claimed_at <= $1 ORDER BY claimed_at`,
      [new Date(now.getTime() - idleMs)],
    );
    const released: string[] = [];
    for (const candidate of candidates.filter((c) => isIdle(c.claimed_at))) {
      const done = await this.dataSource.transaction(async (em) => {
        // Re-read under the row lock: the holder may have re-claimed (refreshing claimed_at) or acted meanwhile.
        const [row]: Array<{ state: string; claim_holder_id: string | null; claimed_at: Date | null }> = await em.query(
          'SELECT state, claim_holder_id, claimed_at FROM applications WHERE id = $1 FOR UPDATE',
          [candidate.id],
        );
        if (!row?.claim_holder_id || !row.claimed_at || !isIdle(row.claimed_at)) return false;
        await em.query('UPDATE applications SET claim_holder_id = NULL, claimed_at = NULL WHERE id = $1', [candidate.id]);
        await appendAuditEvent(em, {
          applicationId: candidate.id,
          actor: SYSTEM,
          action: 'claim_expired',
          fromState: row.state,
          toState: row.state,
          data: { claimHolderId: row.claim_holder_id, claimedAt: row.claimed_at.toISOString(), idleOfficeHours: this.config.CLAIM_IDLE_OFFICE_HOURS },
        });
        return true;
      });
      if (done) released.push(candidate.id);
    }
    if (released.length > 0) this.logger.log(`released ${released.length} idle claim(s)`);
    return released;
  }
}
