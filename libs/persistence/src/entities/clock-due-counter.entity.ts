import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Files whose clock runs (submitted, awaiting acceptance, under review) per service, state, green
 * channel and the local date they are due on. Kept by statement triggers on applications in the
 * same transaction as every change of state or due time (whoever makes it: a transition, the
 * deadline refresh, a calendar recomputation), so the dashboard counts red and overdue files
 * without reading the applications. Due times are closes of business (17:30), so the date says it all.
 */
@Entity('clock_due_counters')
export class ClockDueCounterEntity {
  @PrimaryColumn({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @PrimaryColumn({ type: 'text' })
  state: string;

  @PrimaryColumn({ name: 'green_channel', type: 'boolean' })
  greenChannel: boolean;

  @PrimaryColumn({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'int', default: 0 })
  count: number;
}
