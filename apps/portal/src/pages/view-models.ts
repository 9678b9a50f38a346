import type { FastifyRequest } from 'fastify';
import { isMaterialRequired, type ApplicationClock, type Limit, type MaterialDefinition, type ServiceCode, type ServiceDefinition } from '@onewindow/domain';
import type { ApplicantAccount } from '@onewindow/applications';
import { UnauthenticatedError } from '@onewindow/domain/errors';
import { Locale, translate } from '@onewindow/web';
import type { Translate } from '@onewindow/web/forms/form-fields';

/** The home page's grouping: what a person sets out to do, and the services it takes. */
export const LIFE_EVENTS: ReadonlyArray<{ key: string; services: ServiceCode[] }> = [
  { key: 'business', services: ['business-license'] },
  { key: 'restaurant', services: ['food-business'] },
  { key: 'construction', services: ['investment-filing', 'land-planning', 'engineering-planning', 'construction'] },
  { key: 'association', services: ['non-enterprise', 'social-group'] },
];

export const translator = (locale: Locale): Translate => (key, params = {}) => translate(locale, key, params);

/** The signed-in applicant, or the sign-in page (the page filter redirects there). */
export function applicantOf(request: FastifyRequest): ApplicantAccount {
  const account = request.account;
  if (!account || account.kind !== 'applicant') throw new UnauthenticatedError();
  return { kind: 'applicant', id: account.id, name: account.name };
}

export function limitText(limit: Limit, t: Translate): string {
  const key = limit.unit === 'working' ? 'limit.working_days' : 'limit.calendar_days';
  return t(limit.days === 1 ? `${key}_one` : key, { days: limit.days });
}

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/ofd': 'OFD' };
export function acceptedTypes(accept: readonly string[], t: Translate): string {
  return accept.map((m) => TYPE_NAMES[m] ?? m).join(t('answer.list_separator'));
}

export function serviceName(service: ServiceDefinition, locale: Locale): string {
  return locale === 'en' ? service.nameEn : service.name;
}

/** One checklist item in words: its name, when it applies, what it is and which files it takes. */
export function materialView(material: MaterialDefinition, locale: Locale, t: Translate, form?: object | null) {
  const hintKey = `material.${material.code}`;
  const hint = t(hintKey);
  return {
    code: material.code,
    name: locale === 'en' ? material.nameEn : material.name,
    condition: locale === 'en' ? material.conditionEn : material.condition,
    required: isMaterialRequired(material, form),
    hint: hint === hintKey ? undefined : hint,
    types: acceptedTypes(material.accept, t),
    accept: material.accept.join(','),
  };
}

/** The tag colour family of a state: the applicant must act, it is moving, finished well, or stopped. */
export function stateTone(state: string): string {
  switch (state) {
    case 'draft':
      return 'draft';
    case 'correction_required':
      return 'action';
    case 'issued':
      return 'done';
    case 'not_accepted':
    case 'denied':
    case 'withdrawn':
    case 'revoked':
      return 'stopped';
    default:
      return 'progress';
  }
}

/** The guide's picture of the way a file goes, from filing to the licence. */
export function flowSteps(service: ServiceDefinition, locale: Locale, t: Translate): Array<{ name: string; note: string }> {
  const steps = ['apply', 'precheck', 'accept', ...(service.hasReviewStep ? ['review'] : []), 'seal', 'collect'];
  return steps.map((key) => ({
    name: t(`flow.${key}`),
    note: key === 'review' ? t('flow.review_note', { section: locale === 'en' ? service.sectionNameEn : service.sectionName }) : t(`flow.${key}_note`),
  }));
}

/** A safe place to go after signing in: a path on this site, never another host. */
export function safeNext(next: unknown, fallback = '/applications'): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}

/** The due date of a running file in words: which deadline, when, and working days left (or overdue). */
export function clockView(clock: ApplicationClock | undefined, t: Translate): { label: string; dueAt: string; status: string; daysText: string; legalDueAt?: string } | null {
  if (!clock) return null;
  const dueAt = clock.promisedDueAt ?? clock.acceptanceDueAt;
  if (!dueAt || clock.workingDaysLeft === undefined) return null;
  const days = clock.workingDaysLeft;
  return {
    label: clock.promisedDueAt ? t('clock.due') : t('clock.due_accept'),
    dueAt,
    status: clock.status,
    daysText:
      clock.status === 'paused'
        ? t('clock.paused')
        : days > 0
          ? t(days === 1 ? 'clock.days_left_one' : 'clock.days_left', { days })
          : days === 0
            ? t('clock.due_today')
            : t(days === -1 ? 'clock.overdue_one' : 'clock.overdue', { days: -days }),
    ...(clock.legalDueAt ? { legalDueAt: clock.legalDueAt } : {}),
  };
}

/** Errors as the summary at the top of a page lists them, each a link to its field. */
export function errorList(errors: Record<string, string>, href: (path: string) => string = (p) => `#${p}`): Array<{ href: string; text: string }> {
  return Object.entries(errors).map(([path, text]) => ({ href: href(path), text }));
}
