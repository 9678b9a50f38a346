import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The person or entity an application is filed for, whether or not they have a login. */
@Entity('applicants')
export class ApplicantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: 'person' | 'entity';

  @Column({ type: 'text' })
  name: string;

  @Index('applicants_id_number_key', { unique: true, where: 'id_number IS NOT NULL' })
  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Index('applicants_credit_code_key', { unique: true, where: 'credit_code IS NOT NULL' })
  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode: string | null;

  @Column({ type: 'text' })
  phone: string;

  /** The login that acts for this applicant, once there is one. */
  @Index('applicants_account_id_idx')
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
