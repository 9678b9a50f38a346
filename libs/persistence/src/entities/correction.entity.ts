import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface CorrectionItem {
  field?: string;
  materialCode?: string;
  reason: string;
}

/** One complete correction list (一次性告知): automatic from precheck, or from a clerk. */
@Entity('corrections')
export class CorrectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('corrections_application_idx')
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  source: 'precheck' | 'clerk';

  /** Staff account that asked; null for the automatic precheck list. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'jsonb' })
  items: CorrectionItem[];

  /** Why a second clerk correction was needed. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
