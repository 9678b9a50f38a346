import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A digest over every audit event of one (Asia/Shanghai) day: deleting a whole file's events changes it. */
@Entity('audit_daily_digests')
export class AuditDailyDigestEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ name: 'event_count', type: 'int' })
  eventCount: number;

  @Column({ type: 'text' })
  digest: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
