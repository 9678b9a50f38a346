import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per day (Asia/Shanghai) and service: submissions, acceptances, decisions (and how many on time)
 * and issues. Kept in the transaction of each transition (recordDailyAggregates), and rebuilt from
 * the audit events for a closed day, so the dashboard never counts over the applications.
 */
@Entity('daily_service_stats')
export class DailyServiceStatEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ type: 'int', default: 0 })
  submitted: number;

  @Column({ type: 'int', default: 0 })
  accepted: number;

  @Column({ type: 'int', default: 0 })
  decided: number;

  @Column({ name: 'decided_on_time', type: 'int', default: 0 })
  decidedOnTime: number;

  @Column({ type: 'int', default: 0 })
  issued: number;
}
