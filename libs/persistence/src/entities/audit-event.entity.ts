import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit log. The application's database role may only INSERT and SELECT here
 * (granted by the migrate script). Each event of a file hashes the previous event of the
 * same file, so editing or deleting one breaks the chain; daily digests catch a file whose
 * events were deleted whole.
 */
@Entity('audit_events')
@Index('audit_events_application_idx', ['applicationId', 'id'])
@Index('audit_events_at_idx', ['at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: 'applicant' | 'staff' | 'system';

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash: string | null;

  @Column({ type: 'text' })
  hash: string;
}
