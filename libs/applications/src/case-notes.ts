import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { CaseNoteEntity } from '@onewindow/persistence';
import { staffMaySeeFiles } from './access-policy';
import { isUuid } from './applicant-applications.service';
import type { StaffAccount } from './staff-workflow.service';

export const CASE_NOTE_MAX_LENGTH = 2000;

export interface CaseNote {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/**
 * Notes between staff on a file: anyone who may see the file reads and adds them, nobody edits
 * or removes one (the table refuses it). The same reach as every staff read of a file: staff who
 * see files, and never an applicant's unsubmitted draft.
 */
export class CaseNotes {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first, as a conversation reads. */
  async list(staff: StaffAccount, applicationId: string): Promise<CaseNote[]> {
    await this.assertVisible(staff, applicationId);
    const rows = await this.dataSource.getRepository(CaseNoteEntity).find({ where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toCaseNote);
  }

  async add(staff: StaffAccount, applicationId: string, text: unknown): Promise<CaseNote> {
    await this.assertVisible(staff, applicationId);
    const body = typeof text === 'string' ? text.trim() : '';
    if (!body) throw new ValidationFailedError({ body: 'fields.required' });
    if (body.length > CASE_NOTE_MAX_LENGTH) throw new ValidationFailedError({ body: 'fields.text_too_long' });
    const repo = this.dataSource.getRepository(CaseNoteEntity);
    const saved = await repo.save(repo.create({ applicationId, authorId: staff.id, authorName: staff.name, body }));
    return toCaseNote(saved);
  }

  private async assertVisible(staff: StaffAccount, applicationId: string): Promise<void> {
    if (!staffMaySeeFiles(staff)) throw new ForbiddenError();
    if (!isUuid(applicationId)) throw new NotFoundError();
    const [app]: Array<{ state: string }> = await this.dataSource.query('SELECT state FROM applications WHERE id = $1', [applicationId]);
    if (!app || app.state === 'draft') throw new NotFoundError();
  }
}

function toCaseNote(row: CaseNoteEntity): CaseNote {
  return { id: row.id, authorId: row.authorId, authorName: row.authorName, body: row.body, createdAt: row.createdAt.toISOString() };
}
