import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { ApplicationEntity, FollowUpStatus, RatingEntity } from '@onewindow/persistence';
import type { ApplicantAccount } from './applicant-applications.service';
import { isUuid } from './applicant-applications.service';
import { appendAuditEvent } from './audit-log';

/** 好差评 levels: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
/** At or below this level a rating is poor and opens a follow-up for staff. */
export const POOR_RATING_MAX_LEVEL = 2;
export const RATING_COMMENT_MAX_LENGTH = 500;
/** A case can be rated once it is finished with a decision: issued (even if later revoked) or denied. */
export const RATABLE_STATES: readonly string[] = ['issued', 'denied', 'revoked'];

export interface RatingView {
  level: number;
  comment?: string;
  createdAt: string;
  followUp?: { status: FollowUpStatus; response?: string; respondedAt?: string };
}

export function toRatingView(row: RatingEntity): RatingView {
  return {
    level: row.level,
    ...(row.comment ? { comment: row.comment } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.followUpStatus
      ? {
          followUp: {
            status: row.followUpStatus,
            ...(row.response ? { response: row.response } : {}),
            ...(row.respondedAt ? { respondedAt: row.respondedAt.toISOString() } : {}),
          },
        }
      : {}),
  };
}

/** The applicant's one rating of a finished case, and the follow-up a poor one opens. */
@Injectable()
export class RatingService {
  constructor(private readonly dataSource: DataSource) {}

  async rate(account: ApplicantAccount, applicationId: string, input: { level: unknown; comment?: unknown }): Promise<RatingView> {
    const level = input.level;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) throw new ValidationFailedError({ level: 'fields.rating_level' });
    const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
    if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') throw new ValidationFailedError({ comment: 'fields.invalid' });
    if (comment.length > RATING_COMMENT_MAX_LENGTH) throw new ValidationFailedError({ comment: 'fields.text_too_long' });
    try {
      return await this.dataSource.transaction(async (em) => {
        // The row lock orders this with the file's other audit events (audit-log.ts).
        const app = isUuid(applicationId)
          ? await em.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id: applicationId }).setLock('pessimistic_write').getOne()
          : null;
        if (!app || app.ownerAccountId !== account.id) throw new NotFoundError();
        if (!RATABLE_STATES.includes(app.state)) throw new TransitionRefusedError('rating_not_allowed', { state: app.state });
        if (await em.getRepository(RatingEntity).existsBy({ applicationId: app.id })) throw new ConflictError('errors.already_rated');
        const row = await em.getRepository(RatingEntity).save(
          em.getRepository(RatingEntity).create({
            applicationId: app.id,
            accountId: account.id,
            level,
            comment: comment || null,
            followUpStatus: level <= POOR_RATING_MAX_LEVEL ? 'open' : null,
          }),
        );
        await appendAuditEvent(em, { applicationId: app.id, actor: account, action: 'rate', fromState: app.state, toState: app.state, data: { level } });
        return toRatingView(row);
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'ratings_application_key') throw new ConflictError('errors.already_rated');
      throw error;
    }
  }

  /** The rating of an application the caller owns, or null when there is none yet. */
  async ofApplication(account: ApplicantAccount, applicationId: string): Promise<RatingView | null> {
    if (!isUuid(applicationId)) return null;
    const row = await this.dataSource
      .getRepository(RatingEntity)
      .createQueryBuilder('r')
      .innerJoin(ApplicationEntity, 'a', 'a.id = r.application_id')
      .where('r.application_id = :id AND a.owner_account_id = :owner', { id: applicationId, owner: account.id })
      .getOne();
    return row ? toRatingView(row) : null;
  }
}
