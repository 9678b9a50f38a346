import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An interval in which the legal clock stopped: with the applicant (补正) or a special procedure. */
@Entity('application_pauses')
export class ApplicationPauseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('application_pauses_application_idx')
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  reason: 'correction' | 'expert_review' | 'hearing' | 'public_notice';

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
