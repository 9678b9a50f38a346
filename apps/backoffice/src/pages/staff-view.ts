import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { ApplicationClock, Limit, ServiceDefinition } from '@onewindow/domain';
import { ForbiddenError } from '@onewindow/domain/errors';
import { StaffAccount, staffMaySeeFiles } from '@onewindow/applications';
import { Locale, toApiError, translate } from '@onewindow/web';
import type { Translate } from '@onewindow/web/forms/form-fields';
import { staffOf } from './staff-pages';

/** Words shared by the workbench, the case page and assisted filing. */

export const translator = (locale: Locale): Translate => (key, params = {}) => translate(locale, key, params);

/** The first catalogue entry among the keys that exists, else the last resort. */
export function firstWords(t: Translate, keys: string[], fallback: string): string {
  for (const key of keys) {
    const text = t(key);
    if (text !== key) return text;
  }
  return fallback;
}

export function asStaff(request: FastifyRequest): StaffAccount {
  const account = staffOf(request);
  return { kind: 'staff', id: account.id, name: account.name, roles: account.roles, sections: account.sections };
}

/** A member of staff whose roles see files (access-policy.ts): the workbench and case pages are theirs. */
export function fileReaderOf(request: FastifyRequest): StaffAccount {
  const staff = asStaff(request);
  if (!staffMaySeeFiles(staff)) throw new ForbiddenError();
  return staff;
}

export const serviceNameOf = (service: Pick<ServiceDefinition, 'name' | 'nameEn'>, locale: Locale) => (locale === 'en' ? service.nameEn : service.name);

export function limitWords(limit: Limit, t: Translate): string {
  const key = limit.unit === 'working' ? 'limit.working_days' : 'limit.calendar_days';
  return t(limit.days === 1 ? `${key}_one` : key, { days: limit.days });
}

/**
 * A file's due date in words, never in colour alone: the status word (on time, half the time
 * used, nearly due, overdue, stopped), the date it is due by and the working days left.
 */
/** Working days left before the due time in words: so many left, due today, or so many overdue. */
export function daysLeftWords(days: number, t: Translate): string {
  if (days > 0) return t(days === 1 ? 'clock.days_left_one' : 'clock.days_left', { days });
  if (days === 0) return t('clock.due_today');
  return t(days === -1 ? 'clock.overdue_one' : 'clock.overdue', { days: -days });
}

export function dueWords(clock: ApplicationClock | undefined, t: Translate) {
  const status = clock?.status ?? 'green';
  const dueAt = clock?.promisedDueAt ?? clock?.acceptanceDueAt ?? null;
  const days = clock?.workingDaysLeft;
  const left = days === undefined || status === 'paused' ? '' : daysLeftWords(days, t);
  return {
    status,
    statusWords: t(`bo.due.${status}`),
    dueAt,
    dueLabel: clock?.promisedDueAt ? t('clock.due') : t('clock.due_accept'),
    left,
    legalDueAt: clock?.legalDueAt ?? null,
  };
}

/** Staff names by account id (claim holders, the staff member who filed), for "who holds this file". */
export async function staffNames(dataSource: DataSource, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows: Array<{ id: string; name: string }> = await dataSource.query('SELECT id, name FROM accounts WHERE id = ANY($1::uuid[])', [wanted]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A refusal the page can show beside the form (its status and words), or null for anything else. */
export function shownError(error: unknown, locale: Locale, codes: readonly string[]): { status: number; message: string; fields: Record<string, string> } | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !codes.includes(code)) return null;
  const body = toApiError(error, locale);
  return { status: body.statusCode, message: body.message, fields: body.fields ?? {} };
}

/** The error summary's entries: each message linked to the element that needs attention. */
export function summaryOf(errors: Record<string, string>, href: (key: string) => string = (key) => `#${key}`): Array<{ href: string; text: string }> {
  return Object.entries(errors).map(([key, text]) => ({ href: href(key), text }));
}
