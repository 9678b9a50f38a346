import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A note between staff on a file (a clerk's hand-over to the reviewer, a reviewer's question to the
 * section head). Append-only: a trigger refuses every UPDATE and DELETE, so what was written
 * stays as it was, with its author and time. Not an audit event: it changes nothing on the file.
 */
@Entity('case_notes')
@Index('case_notes_application_idx', ['applicationId', 'createdAt'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'case_notes_pkey' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  /** The author's name as it was when writing: a later rename does not rewrite the note. */
  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
