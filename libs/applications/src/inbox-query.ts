import {
  ApplicationClock,
  ApplicationState,
  CLOCK_THRESHOLDS,
  SERVICES,
  toShanghaiIso,
  WorkingCalendar,
} from '@onewindow/domain';
import { ValidationFailedError } from '@onewindow/domain/errors';
import { ActingAccount } from './acting-account';
import { queueStatesOf } from './access-policy';
import { BUREAU_CALENDAR } from './application-clock';

/**
 * The unified inbox as SQL: one statement per page, never OFFSET. Usually a UNION ALL of one
 * branch per queue state × green channel × (due time set | not set), each an ordered walk of
 * applications_inbox_idx (state, green_channel DESC, due_at ASC NULLS LAST, id) that stops after
 * `limit + 1` rows, merged in the queue order (Merge Append). Splitting the branches keeps the
 * keyset cursor and the due-time filters index range bounds, so page 500 costs what page 1
 * costs. A text search that names few files (a number, three or more characters of a name)
 * reads them through the number or trigram index instead, and sorts them.
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
  /** An application number or its first digits; three or more characters of an entity's or applicant's name; one or two: the start of an applicant's name. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export const INBOX_DEFAULT_LIMIT = 50;
export const INBOX_MAX_LIMIT = 200;
/** Division code + date: a number prefix at least this long names one day's files or fewer. */
const DAY_PREFIX_DIGITS = 14;
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
  if (search) shared.push(search.condition);

  // Bounds on the due time. Files without a due time are never overdue nor due within N days.
  const dueBounds: string[] = [];
  let nullDueMatches = true;
  if (filters.overdue !== undefined) {
    dueBounds.push(`a.due_at ${filters.overdue ? '<' : '>='} ${param(now, '::timestamptz')}`);
    nullDueMatches = !filters.overdue;
  }
  if (filters.dueWithinWorkingDays !== undefined) {
    dueBounds.push(`a.due_at <= ${param(calendar.addWorkingDays(now, filters.dueWithinWorkingDays), '::timestamptz')}`);
    nullDueMatches = false;
  }

  const cursor = filters.cursor ? decodeInboxCursor(filters.cursor) : null;
  const limitParam = param(inboxLimit(filters) + 1, '::int');
  const scopeConds = scope.map(({ state, services }) => {
    const conds = [`a.state = ${param(state)}`];
    if (services) conds.push(services.length === 1 ? `a.service_code = ${param(services[0])}` : `a.service_code = ANY(${param(services, '::text[]')})`);
    return conds;
  });

  let body: string;
  if (search?.selective) {
    // A number or a name of three characters or more matches few files: read those through the
    // number or trigram index, then sort them; one statement, so the index is read once.
    const conds = [`(${scopeConds.map((c) => `(${c.join(' AND ')})`).join(' OR ')})`, ...shared];
    if (filters.greenChannel !== undefined) conds.push(`a.green_channel = ${filters.greenChannel}`);
    if (dueBounds.length) conds.push(nullDueMatches ? `((${dueBounds.join(' AND ')}) OR a.due_at IS NULL)` : dueBounds.join(' AND '));
    if (cursor) {
      const after =
        cursor.d === null
          ? `(a.due_at IS NULL AND a.id > ${param(cursor.i, '::uuid')})`
          : `((a.due_at, a.id) > (${param(cursor.d, '::timestamptz')}, ${param(cursor.i, '::uuid')}) OR a.due_at IS NULL)`;
      conds.push(cursor.g ? `(NOT a.green_channel OR ${after})` : `(NOT a.green_channel AND ${after})`);
    }
    body = branch(conds, limitParam);
  } else {
    const branches: string[] = [];
    const greens = filters.greenChannel === undefined ? [true, false] : [filters.greenChannel];
    for (const stateConds of scopeConds) {
      for (const green of greens) {
        // Green files sort first: a cursor in the non-green part leaves nothing green to read.
        if (cursor && cursor.g === false && green) continue;
        const atCursor = cursor !== null && cursor.g === green;
        const head = [...stateConds, `a.green_channel = ${green}`, ...shared];
        // Files with a due time, in due-time order; the cursor is a row comparison the index range starts from.
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
    body = branches.join('\n    UNION ALL\n');
  }

  // The open-pause probe runs only for the rows of the page, after the merge and limit.
  const text = `SELECT p.*, EXISTS (SELECT 1 FROM application_pauses ap WHERE ap.application_id = p.id AND ap.ended_at IS NULL) AS paused
  FROM (SELECT * FROM (
${body}
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
 * number index. Three characters or more are part of an entity's or an applicant's name:
 * ILIKE '%…%', served by the trigram GIN indexes. One or two characters give pg_trgm no trigram
 * inside a name, so a substring search could only scan every queue file (seconds at 1M files
 * when nothing matches); instead they match an applicant's name from its start — a surname, or
 * a two-character name such as 李四 — which the applicant trigram index serves (pg_trgm pads the
 * start of a string, so 'xy%' looks up '  x' and ' xy'). A single character matches so many
 * files (a surname) that walking the queue in order fills a page soonest.
 * Returns false when nothing can match, undefined when there is no search.
 */
function textSearch(raw: string | undefined, param: (value: unknown, cast?: string) => string): { condition: string; selective: boolean } | false | undefined {
  const q = raw?.trim();
  if (!q) return undefined;
  if (/^\d+$/.test(q)) {
    if (q.length > 20) return false;
    const p = param(q);
    const upper = nextPrefix(q);
    // Numbers are digits only, so [q, next) is exactly the numbers starting with q; starts_with re-checks it under any collation.
    return { condition: `(a.number >= ${p} AND ${upper ? `a.number < ${param(upper)} AND ` : ''}starts_with(a.number, ${p}))`, selective: q.length >= DAY_PREFIX_DIGITS };
  }
  const literal = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const length = [...q].length;
  if (length >= TRIGRAM_MIN_CHARS) {
    const pattern = param(`%${literal}%`);
    return { condition: `(a.entity_name ILIKE ${pattern} OR a.applicant_name ILIKE ${pattern})`, selective: true };
  }
  if (length === 2) return { condition: `a.applicant_name ILIKE ${param(`${literal}%`)}`, selective: true };
  // starts_with on the bare column: estimated from its statistics (a surname is common), and not a
  // pattern the trigram index takes, so each branch walks applications_inbox_idx.
  const cases = [...new Set([q, q.toLowerCase(), q.toUpperCase()])];
  return { condition: `(${cases.map((c) => `starts_with(a.applicant_name, ${param(c)})`).join(' OR ')})`, selective: false };
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
 * Reads the clocks of a page's rows without reading their pauses (the page is one query): the
 * stored due time is already shifted by every pause, and an open pause shows as `paused`. The
 * colour is the share of office time elapsed from submission (acceptance, once accepted) to the
 * due time, as the domain clock measures it, except that closed pauses count as elapsed, so a
 * file that was paused may change colour a little early; the file's own view has the exact
 * clock. Files awaiting the seal are decided: their clock is read as of the decision, as
 * `clockOf` does. Each local day's office hours are looked up once per page, which keeps a
 * 200-row page well under a millisecond.
 */
export function inboxClockReader(now: Date, calendar: WorkingCalendar = BUREAU_CALENDAR): (row: InboxRow) => ApplicationClock {
  const days = new Map<number, number[]>();
  const [morning, afternoon] = [calendar.officeHours.morning, calendar.officeHours.afternoon];
  const epochDayOf = (instant: number) => Date.parse(calendar.localDateOf(new Date(instant))) / DAY_MS;
  /** A local day's office windows as [open, close, open, close] epoch ms; empty on a day off. */
  const windowsOf = (day: number): number[] => {
    let windows = days.get(day);
    if (!windows) {
      const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      windows = calendar.isWorkingDay(date) ? [morning[0], morning[1], afternoon[0], afternoon[1]].map((t) => calendar.instantAt(date, t).getTime()) : [];
      days.set(day, windows);
    }
    return windows;
  };
  const officeMillisBetween = (a: number, b: number): number => {
    let total = 0;
    if (!(b > a)) return total;
    for (let day = epochDayOf(a), last = epochDayOf(b); day <= last; day++) {
      const w = windowsOf(day);
      for (let k = 0; k < w.length; k += 2) total += Math.max(0, Math.min(w[k + 1], b) - Math.max(w[k], a));
    }
    return total;
  };
  // WorkingCalendar.workingDaysBetween: working days after a's local date up to b's, negative when b is earlier.
  const workingDaysBetween = (a: number, b: number): number => {
    const [from, to] = [epochDayOf(a), epochDayOf(b)];
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (windowsOf(day).length) count++;
    return sign * count;
  };

  return (row) => {
    if (!row.due_at) return { status: 'green' };
    const due = row.due_at.getTime();
    const dueTimes = row.state === 'awaiting_acceptance' ? { acceptanceDueAt: toShanghaiIso(row.due_at) } : { promisedDueAt: toShanghaiIso(row.due_at) };
    const finishedAt = row.state === 'awaiting_seal' ? (row.decided_at ?? row.updated_at) : null;
    const readAt = (finishedAt ?? now).getTime();
    const start = (row.state === 'awaiting_acceptance' ? row.submitted_at : (row.accepted_at ?? row.submitted_at))?.getTime();
    let status: ApplicationClock['status'];
    if (row.paused && !finishedAt) status = 'paused';
    else if (readAt > due) status = 'overdue';
    else if (start === undefined) status = 'green';
    else {
      const total = officeMillisBetween(start, due);
      const elapsed = officeMillisBetween(start, readAt);
      status = elapsed >= CLOCK_THRESHOLDS.red * total ? 'red' : elapsed >= CLOCK_THRESHOLDS.yellow * total ? 'yellow' : 'green';
    }
    return finishedAt ? { status, ...dueTimes } : { status, ...dueTimes, workingDaysLeft: workingDaysBetween(now.getTime(), due) };
  };
}

const DAY_MS = 86_400_000;

export function inboxCursorOf(row: Pick<InboxRow, 'green_channel' | 'due_at' | 'id'>): string {
  return encodeInboxCursor({ g: row.green_channel, d: row.due_at ? row.due_at.toISOString() : null, i: row.id });
}

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As inboxCursorOf writes it; Date.parse alone takes strings ("0", "March 7") PostgreSQL cannot read as a timestamptz (a 500). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** The instant re-written as JavaScript prints it (2026-02-30 becomes 03-02), or null; year 0 does not exist for PostgreSQL. */
function cursorInstant(text: unknown): string | null {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text) || Number.isNaN(Date.parse(text))) return null;
  const iso = new Date(Date.parse(text)).toISOString();
  return iso.startsWith('0000-') ? null : iso;
}

export function decodeInboxCursor(text: string): InboxCursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as InboxCursor;
    const d = c.d === null ? null : cursorInstant(c.d);
    if (typeof c.g === 'boolean' && (c.d === null || d !== null) && typeof c.i === 'string' && UUID.test(c.i)) {
      return { g: c.g, d, i: c.i };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new ValidationFailedError({ cursor: 'fields.invalid' });
}
