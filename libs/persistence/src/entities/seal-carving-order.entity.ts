import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 免费刻章: the new entity's first seal set, carved at no cost to the applicant. One order per business licence. */
@Entity('seal_carving_orders')
@Index('seal_carving_orders_status_idx', ['status', 'openedAt'])
export class SealCarvingOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('seal_carving_orders_application_key', { unique: true })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'entity_name', type: 'text' })
  entityName: string;

  @Column({ name: 'credit_code', type: 'text' })
  creditCode: string;

  /** 公章、财务专用章、发票专用章、法定代表人名章 (local settings may add 合同专用章). */
  @Column({ type: 'text', array: true })
  seals: string[];

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'made' | 'delivered';

  @Column({ name: 'vendor_id', type: 'uuid', nullable: true })
  vendorId: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'made_at', type: 'timestamptz', nullable: true })
  madeAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
