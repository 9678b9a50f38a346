import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login. Separate from the applicant it acts for (applicant.entity.ts): staff may file for a
 * walk-in applicant who has no account yet, and one account may later act for an entity.
 */
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: 'applicant' | 'staff';

  @Column({ type: 'text' })
  name: string;

  /** Staff sign in by username. */
  @Index('accounts_username_key', { unique: true, where: 'username IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  username: string | null;

  /** Applicants sign in by mobile number; one account per number. */
  @Index('accounts_phone_key', { unique: true, where: 'phone IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /**
   * Optional, set by the applicant: state changes are sent here by e-mail as well as by SMS.
   * Personal data: masked wherever it is shown outside the applicant's own pages, never logged.
   */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** One account per resident ID number. */
  @Index('accounts_id_number_key', { unique: true, where: 'id_number IS NOT NULL' })
  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  /** Null until the person sets a password (an account made by assisted filing). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  /** Reviewing sections a reviewer or section head works for. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sections: string[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
