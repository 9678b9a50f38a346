import { SERVICE_CODES, STAFF_QUEUE_STATES, type ApplicationState } from '@onewindow/domain';
import type { InboxFilters } from '@onewindow/applications';
import type { Translate } from '@onewindow/web/forms/form-fields';

/**
 * The workbench's filters as a GET form: the inbox API's filters by the same names, read from the
 * query string, checked, and written back into links (next page, claim and release forms) so the
 * clerk's view survives every round trip.
 */
export const FILTER_NAMES = ['q', 'service', 'state', 'greenChannel', 'claimedBy', 'overdue', 'dueWithinWorkingDays'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Partial<Record<FilterName | 'cursor' | 'limit', string>>;

export const DUE_WITHIN_MAX = 60;
const Q_MAX = 100;
const CURSOR_MAX = 500;
const INBOX_MAX_LIMIT = 200;

export interface ParsedFilters {
  /** What the inbox is asked for. */
  filters: InboxFilters;
  /** The accepted values as the form shows them again (only valid ones are kept in links). */
  values: FilterValues;
  /** Per filter, why its value was refused. */
  errors: Partial<Record<FilterName | 'cursor' | 'limit', string>>;
}

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
};

export function parseFilters(query: Record<string, unknown> | URLSearchParams, t: Translate): ParsedFilters {
  const get = (name: string) => (query instanceof URLSearchParams ? (query.get(name) ?? undefined)?.trim() : first(query[name]));
  const filters: InboxFilters = {};
  const values: FilterValues = {};
  const errors: ParsedFilters['errors'] = {};
  const choice = <T extends string>(name: FilterName, allowed: readonly T[], apply: (value: T) => void) => {
    const raw = get(name);
    if (!raw) return;
    if ((allowed as readonly string[]).includes(raw)) {
      values[name] = raw;
      apply(raw as T);
    } else errors[name] = t('bo.filter.invalid_choice');
  };

  const q = get('q');
  if (q) {
    if ([...q].length > Q_MAX) errors.q = t('bo.filter.q_too_long', { max: Q_MAX });
    else {
      values.q = q;
      filters.q = q;
    }
  }
  choice('service', SERVICE_CODES, (v) => (filters.service = v));
  choice('state', STAFF_QUEUE_STATES, (v) => (filters.state = v as ApplicationState));
  choice('greenChannel', ['true', 'false'], (v) => (filters.greenChannel = v === 'true'));
  choice('claimedBy', ['me', 'none'], (v) => (filters.claimedBy = v));
  choice('overdue', ['true', 'false'], (v) => (filters.overdue = v === 'true'));
  const within = get('dueWithinWorkingDays');
  if (within) {
    if (/^\d{1,2}$/.test(within) && Number(within) <= DUE_WITHIN_MAX) {
      values.dueWithinWorkingDays = String(Number(within));
      filters.dueWithinWorkingDays = Number(within);
    } else errors.dueWithinWorkingDays = t('bo.filter.due_within_invalid', { max: DUE_WITHIN_MAX });
  }
  // The page size is no field of the form, but a link may carry it (as the API's `limit`).
  const limit = get('limit');
  if (limit) {
    if (/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= INBOX_MAX_LIMIT) {
      values.limit = String(Number(limit));
      filters.limit = Number(limit);
    } else errors.limit = t('fields.invalid');
  }
  const cursor = get('cursor');
  if (cursor) {
    if (cursor.length <= CURSOR_MAX && /^[A-Za-z0-9_-]+$/.test(cursor)) {
      values.cursor = cursor;
      filters.cursor = cursor;
    } else errors.cursor = t('fields.invalid');
  }
  return { filters, values, errors };
}

/** The query string of these filter values (and extra parameters), without empty ones; '' when none. */
export function queryOf(values: FilterValues, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters without the page position: what a new search, a count link or "first page" starts from. */
export function withoutCursor(values: FilterValues): FilterValues {
  const { cursor: _cursor, ...rest } = values;
  return rest;
}
