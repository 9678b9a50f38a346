import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationState } from '@onewindow/domain';

/**
 * One file (办件). The state changes only through the domain transition table, applied with a
 * conditional update on `state` (see TransitionService). Due dates are derived from the stored
 * instants (submitted, accepted, pauses, extension); `due_at` keeps the derived value only so
 * the queues can sort by it with an index.
 */
@Entity('applications')
// The queues' keyset order and the text search need index features TypeORM cannot describe
// (DESC columns, trigram GIN); they are created by hand in migrations and ignored by the diff.
@Index('applications_inbox_idx', { synchronize: false })
@Index('applications_claimed_inbox_idx', { synchronize: false })
@Index('applications_search_name_idx', { synchronize: false })
@Index('applications_search_applicant_idx', { synchronize: false })
@Index('applications_project_idx', ['projectCode'], { where: 'project_code IS NOT NULL' })
@Index('applications_name_key_idx', ['entityNameKey', 'serviceCode'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 办件编号: division code + YYYYMMDD + daily sequence. */
  @Index('applications_number_key', { unique: true })
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ type: 'text' })
  state: ApplicationState;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  /** The login that owns the file (the applicant's account). */
  @Index('applications_owner_idx')
  @Column({ name: 'owner_account_id', type: 'uuid' })
  ownerAccountId: string;

  /** Staff who filed on the applicant's behalf, if any. */
  @Column({ name: 'filed_by_account_id', type: 'uuid', nullable: true })
  filedByAccountId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  form: Record<string, unknown>;

  /** The entity's name as filed, and its normalised key for the duplicate-name rule. */
  @Column({ name: 'entity_name', type: 'text', nullable: true })
  entityName: string | null;

  @Column({ name: 'entity_name_key', type: 'text', nullable: true })
  entityNameKey: string | null;

  /** The applicant's name, kept here for the inbox's text search. */
  @Column({ name: 'applicant_name', type: 'text', default: '' })
  applicantName: string;

  /** The investment project's code, for the planning family and key projects. */
  @Column({ name: 'project_code', type: 'text', nullable: true })
  projectCode: string | null;

  /** Why the file is in the green channel. */
  @Column({ name: 'green_channel_reason', type: 'text', nullable: true })
  greenChannelReason: string | null;

  /** The written authorisation of an assisted filing (its number; the scan is a material). */
  @Column({ name: 'authorization_number', type: 'text', nullable: true })
  authorizationNumber: string | null;

  /** Applicant's phone, for the public look-up by number + phone. */
  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone: string;

  @Column({ name: 'claim_holder_id', type: 'uuid', nullable: true })
  claimHolderId: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'clerk_corrections', type: 'int', default: 0 })
  clerkCorrections: number;

  @Column({ name: 'green_channel', type: 'boolean', default: false })
  greenChannel: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'extension_working_days', type: 'int', default: 0 })
  extensionWorkingDays: number;

  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /**
   * The service settings in force at submission (service_settings, copied by a trigger): the
   * promised and green-channel days in the catalogue's unit, and the optional materials required.
   * NULL: the catalogue's defaults. A settings change never moves a file already submitted.
   */
  @Column({ name: 'promised_days', type: 'int', nullable: true })
  promisedDays: number | null;

  @Column({ name: 'green_channel_days', type: 'int', nullable: true })
  greenChannelDays: number | null;

  @Column({ name: 'required_materials', type: 'text', array: true, nullable: true })
  requiredMaterials: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
