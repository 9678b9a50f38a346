import {
  ApplicationClock,
  ApplicationState,
  CLOCK_THRESHOLDS,
  elapsedFraction,
  SERVICES,
  toShanghaiIso,
  WorkingCalendar,
} from '@onewindow/domain';
import { ValidationFailedError } from '@onewindow/domain/errors';
import { ActingAccount } from './acting-account';
import { queueStatesOf } from './access-policy';
import { BUREAU_CALENDAR } from './application-clock';

/**
 * The unified inbox as SQL. One page is one statement: a UNION ALL of one branch per queue
 * state × green channel × (due time set | not set), each an ordered walk of
 * applications_inbox_idx (state, green_channel DESC, due_at ASC NULLS LAST, id) that stops after
 * `limit + 1` rows, merged in the queue order. Splitting the branches keeps every condition of
 * the keyset cursor and of the due-time filters an index range bound, so page 500 costs what
 * page 1 costs; no OFFSET anywhere.
 */

export type InboxStaff = Pick<Extract<ActingAccount, { kind: 'staff' }>, 'id' | 'roles' | 'sections'>;

export interface InboxFilters {
  service?: string;
  state?: ApplicationState;
  greenChannel?: boolean;
  claimedBy?: 'me' | 'none';
  /** true: due time passed; false: not passed (or no due time). */
  overdue?: boolean;
  /** Due by the close of business on the Nth working day from now (0: today's close), overdue files included. */
  dueWithinWorkingDays?: number;
  /** An application number or its prefix (digits only), or part of the entity's or the applicant's name. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export const INBOX_DEFAULT_LIMIT = 50;
export const INBOX_MAX_LIMIT = 200;
/** Below this many characters trigrams cannot serve a substring search (pg_trgm needs three). */
export const TRIGRAM_MIN_CHARS = 3;

/** The position after the last item of a page, in the queue order. */
export interface InboxCursor {
  g: boolean;
  d: string | null;
  i: string;
}

export interface InboxSql {
  text: string;
  values: unknown[];
}

export interface InboxRow {
  id: string;
  number: string;
  service_code: string;
  state: string;
  entity_name: string | null;
  green_channel: boolean;
  claim_holder_id: string | null;
  due_at: Date | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  decided_at: Date | null;
  updated_at: Date;
  paused: boolean;
}

/** The queue states a staff member works, each with the services they may see in it (null: every service). */
export function inboxScopeOf(staff: InboxStaff): Array<{ state: ApplicationState; services: string[] | null }> {
  return queueStatesOf(staff as Extract<ActingAccount, { kind: 'staff' }>).map((state) =>
    // Reviewers see only their sections' services; the other queues are bureau-wide.
    state === 'under_review' ? { state, services: SERVICES.filter((s) => staff.sections.includes(s.section)).map((s) => s.code) } : { state, services: null },
  );
}

export function inboxLimit(filters: Pick<InboxFilters, 'limit'>): number {
  return Math.min(Math.max(filters.limit ?? INBOX_DEFAULT_LIMIT, 1), INBOX_MAX_LIMIT);
}

const COLUMNS = `a.id, a.number, a.service_code, a.state, a.entity_name, a.green_channel, a.claim_holder_id,
               a.due_at, a.submitted_at, a.accepted_at, a.decided_at, a.updated_at`;
const ORDER = 'green_channel DESC, due_at ASC NULLS LAST, id ASC';

/**
 * The page query for a staff member and filters, or null when nothing can match (no queue, a
 * service outside the caller's sections). Exported so tests and benchmarks can EXPLAIN and time
 * exactly what the inbox runs.
 */
export function buildInboxQuery(
  staff: InboxStaff,
  filters: InboxFilters,
  now: Date,
  calendar: WorkingCalendar = BUREAU_CALENDAR,
): InboxSql | null {
  const values: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };

  const scope = inboxScopeOf(staff)
    .filter((s) => !filters.state || s.state === filters.state)
    .map((s) => ({ state: s.state, services: filters.service ? (s.services === null || s.services.includes(filters.service) ? [filters.service] : []) : s.services }))
    .filter((s) => s.services === null || s.services.length > 0);
  if (scope.length === 0) return null;

  // Conditions every branch shares.
  const shared: string[] = [];
  if (filters.claimedBy === 'me') shared.push(`a.claim_holder_id = ${param(staff.id, '::uuid')}`);
  if (filters.claimedBy === 'none') shared.push('a.claim_holder_id IS NULL');
  const search = textSearch(filters.q, param);
  if (search === false) return null;
  if (search) shared.push(search);

  // Bounds on the due time: each is an index range bound on the branches where due_at is set.
  const dueBounds: string[] = [];
  let nullDueMatches = true;
  if (filters.overdue === true) {
    dueBounds.push(`a.due_at < ${param(now, '::timestamptz')}`);
    nullDueMatches = false;
  } else if (filters.overdue === false) {
    dueBounds.push(`a.due_at >= ${param(now, '::timestamptz')}`);
  }
  if (filters.dueWithinWorkingDays !== undefined) {
    dueBounds.push(`a.due_at <= ${param(calendar.addWorkingDays(now, filters.dueWithinWorkingDays), '::timestamptz')}`);
    nullDueMatches = false;
  }

  const cursor = filters.cursor ? decodeInboxCursor(filters.cursor) : null;
  const greens = filters.greenChannel === undefined ? [true, false] : [filters.greenChannel];
  const limit = inboxLimit(filters);
  const limitParam = param(limit + 1, '::int');

  const branches: string[] = [];
  for (const { state, services } of scope) {
    const stateConds = [`a.state = ${param(state)}`];
    if (services) stateConds.push(services.length === 1 ? `a.service_code = ${param(services[0])}` : `a.service_code = ANY(${param(services, '::text[]')})`);
    for (const green of greens) {
      // Green files sort first: a cursor in the non-green part leaves nothing green to read.
      if (cursor && cursor.g === false && green) continue;
      const atCursor = cursor !== null && cursor.g === green;
      const head = [...stateConds, `a.green_channel = ${green}`, ...shared];

      // Files with a due time, in due-time order.
      if (!(atCursor && cursor.d === null)) {
        const conds = [...head, 'a.due_at IS NOT NULL', ...dueBounds];
        if (atCursor) conds.push(`(a.due_at, a.id) > (${param(cursor.d, '::timestamptz')}, ${param(cursor.i, '::uuid')})`);
        branches.push(branch(conds, limitParam));
      }
      // Files without one sort last, by id.
      if (nullDueMatches) {
        const conds = [...head, 'a.due_at IS NULL'];
        if (atCursor && cursor.d === null) conds.push(`a.id > ${param(cursor.i, '::uuid')}`);
        branches.push(branch(conds, limitParam));
      }
    }
  }
  if (branches.length === 0) return null;

  // The open-pause probe runs only for the rows of the page, after the merge and limit.
  const text = `SELECT p.*, EXISTS (SELECT 1 FROM application_pauses ap WHERE ap.application_id = p.id AND ap.ended_at IS NULL) AS paused
  FROM (SELECT * FROM (
${branches.join('\n    UNION ALL\n')}
  ) m ORDER BY ${ORDER} LIMIT ${limitParam}) p
 ORDER BY ${ORDER.split(', ').map((c) => `p.${c}`).join(', ')}`;
  return { text, values };
}

function branch(conds: string[], limitParam: string): string {
  return `    (SELECT ${COLUMNS}
       FROM applications a
      WHERE ${conds.join('\n        AND ')}
      ORDER BY a.${ORDER.split(', ').join(', a.')}
      LIMIT ${limitParam})`;
}

/**
 * The `q` condition. Digits are an application number or its prefix: a range on the unique
 * number index. Anything else is part of a name: ILIKE '%…%' on entity and applicant names,
 * which the trigram GIN indexes serve from three characters on. One or two characters give
 * pg_trgm no trigram to look up (an index scan would read the whole index), so they are
 * matched with strpos while walking the queue in order: fast while such short strings match
 * often (they do: a surname, a place name), a scan of the caller's queue when they match nothing.
 * Returns false when nothing can match, undefined when there is no search.
 */
function textSearch(raw: string | undefined, param: (value: unknown, cast?: string) => string): string | false | undefined {
  const q = raw?.trim();
  if (!q) return undefined;
  if (/^\d+$/.test(q)) {
    if (q.length > 20) return false;
    const p = param(q);
    const upper = nextPrefix(q);
    // Numbers are digits only, so [q, next) is exactly the numbers starting with q; starts_with re-checks it under any collation.
    return `(a.number >= ${p} AND ${upper ? `a.number < ${param(upper)} AND ` : ''}starts_with(a.number, ${p}))`;
  }
  if ([...q].length >= TRIGRAM_MIN_CHARS) {
    const pattern = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return `(a.entity_name ILIKE ${pattern} OR a.applicant_name ILIKE ${pattern})`;
  }
  const needle = param(q.toLowerCase());
  return `(strpos(lower(a.entity_name), ${needle}) > 0 OR strpos(lower(a.applicant_name), ${needle}) > 0)`;
}

/** The smallest digit string above every string that starts with `prefix` ('1299' → '13'); null for all nines. */
function nextPrefix(prefix: string): string | null {
  const digits = prefix.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== '9') return digits.slice(0, i).join('') + String(Number(digits[i]) + 1);
  }
  return null;
}

/** Files per service and state in the caller's queues, from the counters each transition keeps (never count(*)). */
export function buildInboxCountsQuery(staff: InboxStaff): InboxSql | null {
  const scope = inboxScopeOf(staff).filter((s) => s.services === null || s.services.length > 0);
  if (scope.length === 0) return null;
  const values: unknown[] = [];
  const conds = scope.map(({ state, services }) => {
    values.push(state);
    const stateCond = `state = $${values.length}`;
    if (!services) return stateCond;
    values.push(services);
    return `(${stateCond} AND service_code = ANY($${values.length}::text[]))`;
  });
  return { text: `SELECT service_code, state, count FROM queue_counters WHERE ${conds.join(' OR ')}`, values };
}

/** Every (service, state) pair of the caller's queues in catalogue order, with its counter (0 when it has none yet). */
export function inboxCounts(staff: InboxStaff, rows: Array<{ service_code: string; state: string; count: string | number }>) {
  const counted = new Map(rows.map((r) => [`${r.service_code}|${r.state}`, Number(r.count)]));
  return inboxScopeOf(staff).flatMap(({ state, services }) =>
    SERVICES.filter((s) => services === null || services.includes(s.code)).map((s) => ({
      serviceCode: s.code,
      state,
      count: Math.max(0, counted.get(`${s.code}|${state}`) ?? 0),
    })),
  );
}

/**
 * The clock of an inbox row without reading its pauses (the page is one query): the stored due
 * time is already shifted by every pause, and an open pause shows as `paused`. The colour
 * measures the office time elapsed from submission (acceptance, once accepted) to the due time,
 * counting closed pauses as elapsed, so a file that was paused may show its colour a little
 * early; the file's own view has the exact clock. Files awaiting the seal are decided: their
 * clock is read as of the decision, as `clockOf` does.
 */
export function inboxClock(row: InboxRow, now: Date, calendar: WorkingCalendar = BUREAU_CALENDAR): ApplicationClock {
  if (!row.due_at) return { status: 'green' };
  const due = row.due_at;
  const dueTimes = row.state === 'awaiting_acceptance' ? { acceptanceDueAt: toShanghaiIso(due) } : { promisedDueAt: toShanghaiIso(due) };
  const finishedAt = row.state === 'awaiting_seal' ? (row.decided_at ?? row.updated_at) : null;
  const readAt = finishedAt ?? now;
  const start = row.state === 'awaiting_acceptance' ? row.submitted_at : (row.accepted_at ?? row.submitted_at);
  let status: ApplicationClock['status'];
  if (row.paused && !finishedAt) status = 'paused';
  else if (readAt.getTime() > due.getTime()) status = 'overdue';
  else if (!start) status = 'green';
  else {
    const fraction = elapsedFraction(start, readAt, due, calendar);
    status = fraction >= CLOCK_THRESHOLDS.red ? 'red' : fraction >= CLOCK_THRESHOLDS.yellow ? 'yellow' : 'green';
  }
  return finishedAt ? { status, ...dueTimes } : { status, ...dueTimes, workingDaysLeft: calendar.workingDaysBetween(now, due) };
}

export function inboxCursorOf(row: Pick<InboxRow, 'green_channel' | 'due_at' | 'id'>): string {
  return encodeInboxCursor({ g: row.green_channel, d: row.due_at ? row.due_at.toISOString() : null, i: row.id });
}

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeInboxCursor(text: string): InboxCursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as InboxCursor;
    if (typeof c.g === 'boolean' && (c.d === null || (typeof c.d === 'string' && !Number.isNaN(Date.parse(c.d)))) && typeof c.i === 'string' && UUID.test(c.i)) {
      return { g: c.g, d: c.d, i: c.i };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new ValidationFailedError({ cursor: 'fields.invalid' });
}
