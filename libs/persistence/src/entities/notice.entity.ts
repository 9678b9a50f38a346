import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { NoticeKind } from '@onewindow/domain';

/**
 * An official notice (文书) the bureau issued on a file. The row and its number are written in
 * the transition's transaction; the worker renders and stores the PDF (`pdf_sha256` is null
 * until then).
 */
@Entity('notices')
@Index('notices_application_idx', ['applicationId', 'issuedAt'])
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  @Index('notices_number_key', { unique: true })
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  /** What the notice says beyond the file's own data: items, reason, days. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'pdf_sha256', type: 'text', nullable: true })
  pdfSha256: string | null;
}
