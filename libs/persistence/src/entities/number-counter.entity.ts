import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per numbering scope (e.g. `application:2026-11-28`, `uscc:91`). Incremented with
 * a row-locking upsert inside the transaction that uses the number, so numbers are unique and
 * gap-free: a rolled-back transaction gives its number back.
 */
@Entity('number_counters')
export class NumberCounterEntity {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'bigint' })
  value: string;
}
