import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FollowUpStatus = 'open' | 'closed';

/**
 * 好差评: the applicant's one rating of a finished case (issued or denied), 5 非常满意 … 1 非常不满意.
 * A poor rating (≤ 2) opens a follow-up that staff close with a written response.
 */
@Entity('ratings')
@Check('ratings_level_range', 'level BETWEEN 1 AND 5')
@Check('ratings_follow_up_status', "follow_up_status IS NULL OR follow_up_status IN ('open', 'closed')")
@Index('ratings_follow_up_idx', ['followUpStatus', 'createdAt'])
export class RatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One rating per application: the unique index is what makes a second one a conflict. */
  @Index('ratings_application_key', { unique: true })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** null for a good rating; 'open' for a poor one until staff respond. */
  @Column({ name: 'follow_up_status', type: 'text', nullable: true })
  followUpStatus: FollowUpStatus | null;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}
