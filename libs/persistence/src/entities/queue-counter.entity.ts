import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Files per service and state, kept in the same transaction as each transition (no count(*) on the hot path). */
@Entity('queue_counters')
export class QueueCounterEntity {
  @PrimaryColumn({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @PrimaryColumn({ type: 'text' })
  state: string;

  @Column({ type: 'bigint', default: 0 })
  count: string;
}
