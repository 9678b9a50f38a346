import { EntityManager } from 'typeorm';
import { DomainError } from '@onewindow/domain/errors';

/** Files one application may hold (materials and the authorisation of an assisted filing). */
export const MAX_FILES_PER_APPLICATION = 50;

/** 413 `too_large` naming `file`: the application holds as many files as it may. */
export class TooManyFilesError extends DomainError {
  readonly code = 'too_large';
  constructor(max: number) {
    super('errors.too_many_files', { max }, { file: 'fields.too_many_files' });
  }
}

/** Refuses one more file when the application already holds the most it may; call it under the application's row lock to be exact. */
export async function assertRoomForAnotherFile(em: EntityManager, applicationId: string, max = MAX_FILES_PER_APPLICATION): Promise<void> {
  const [{ files }]: Array<{ files: number }> = await em.query('SELECT count(*)::int AS files FROM materials WHERE application_id = $1', [applicationId]);
  if (files >= max) throw new TooManyFilesError(max);
}
