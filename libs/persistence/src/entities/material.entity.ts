import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file for one checklist item; the bytes live in FileStorage under their SHA-256. */
@Entity('materials')
@Index('materials_application_idx', ['applicationId', 'materialCode'])
export class MaterialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for an authorisation scan uploaded before its assisted filing exists. */
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ name: 'material_code', type: 'text' })
  materialCode: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
