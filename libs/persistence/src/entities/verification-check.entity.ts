import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One public verification of a licence: when, which licence number, and the answer. Nothing about who asked. */
@Entity('verification_checks')
@Index('verification_checks_at_idx', ['at'])
export class VerificationCheckEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'license_number', type: 'text' })
  licenseNumber: string;

  @Column({ type: 'text' })
  result: 'valid' | 'revoked' | 'expired' | 'not_genuine';
}
