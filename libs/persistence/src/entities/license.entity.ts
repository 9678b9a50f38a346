import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An issued licence: its number, the signed payload, and the immutable PDF's hash. The row is
 * written when the number is allocated, so the number is bound to its file from then on.
 */
@Entity('licenses')
export class LicenseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One licence per application: a replayed issuance job finds this row and does nothing. */
  @Index('licenses_application_key', { unique: true })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Index('licenses_number_key', { unique: true })
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ name: 'holder_name', type: 'text' })
  holderName: string;

  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  /** base64url of the canonical signed payload, and its Ed25519 signature. */
  @Column({ name: 'signed_payload', type: 'text' })
  signedPayload: string;

  @Column({ type: 'text' })
  signature: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  /** Null between reserving the number and storing the PDF (issuance's two steps). */
  @Column({ name: 'pdf_sha256', type: 'text', nullable: true })
  pdfSha256: string | null;

  @Column({ name: 'pdf_size_bytes', type: 'int', nullable: true })
  pdfSizeBytes: number | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
