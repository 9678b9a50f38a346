import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Work to hand to BullMQ, written in the same transaction as the change that caused it. */
@Entity('outbox')
@Index('outbox_unsent_idx', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
