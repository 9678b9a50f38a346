import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The bureau's calendar exceptions, maintained by an administrator: public holidays and make-up
 * working days (调休). Any other weekday is a working day; any other weekend day is not.
 */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: 'holiday' | 'workday';

  @Column({ type: 'text' })
  name: string;

  /** A year whose arrangement is not yet published holds only the fixed-date holidays. */
  @Column({ type: 'boolean', default: false })
  provisional: boolean;
}
