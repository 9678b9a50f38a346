"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRIGRAM_MIN_CHARS = exports.INBOX_MAX_LIMIT = exports.INBOX_DEFAULT_LIMIT = void 0;
exports.inboxScopeOf = inboxScopeOf;
exports.inboxLimit = inboxLimit;
exports.buildInboxQuery = buildInboxQuery;
exports.buildInboxCountsQuery = buildInboxCountsQuery;
exports.inboxCounts = inboxCounts;
exports.inboxClockReader = inboxClockReader;
exports.inboxCursorOf = inboxCursorOf;
exports.encodeInboxCursor = encodeInboxCursor;
exports.decodeInboxCursor = decodeInboxCursor;
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const access_policy_1 = require("./access-policy");
const application_clock_1 = require("./application-clock");
exports.INBOX_DEFAULT_LIMIT = 50;
exports.INBOX_MAX_LIMIT = 200;
const DAY_PREFIX_DIGITS = 14;
exports.TRIGRAM_MIN_CHARS = 3;
function inboxScopeOf(staff) {
    return (0, access_policy_1.queueStatesOf)(staff).map((state) => state === 'under_review' ? { state, services: domain_1.SERVICES.filter((s) => staff.sections.includes(s.section)).map((s) => s.code) } : { state, services: null });
}
function inboxLimit(filters) {
    return Math.min(Math.max(filters.limit ?? exports.INBOX_DEFAULT_LIMIT, 1), exports.INBOX_MAX_LIMIT);
}
const COLUMNS = `a.id, a.number, a.service_code, a.state, a.entity_name, a.green_channel, a.claim_holder_id,
               a.due_at, a.submitted_at, a.accepted_at, a.decided_at, a.updated_at`;
const ORDER = 'green_channel DESC, due_at ASC NULLS LAST, id ASC';
function buildInboxQuery(staff, filters, now, calendar = application_clock_1.BUREAU_CALENDAR) {
    const values = [];
    const param = (value, cast = '') => {
        values.push(value);
        return `$${values.length}${cast}`;
    };
    const scope = inboxScopeOf(staff)
        .filter((s) => !filters.state || s.state === filters.state)
        .map((s) => ({ state: s.state, services: filters.service ? (s.services === null || s.services.includes(filters.service) ? [filters.service] : []) : s.services }))
        .filter((s) => s.services === null || s.services.length > 0);
    if (scope.length === 0)
        return null;
    const shared = [];
    if (filters.claimedBy === 'me')
        shared.push(`a.claim_holder_id = ${param(staff.id, '::uuid')}`);
    if (filters.claimedBy === 'none')
        shared.push('a.claim_holder_id IS NULL');
    const search = textSearch(filters.q, param);
    if (search === false)
        return null;
    if (search)
        shared.push(search.condition);
    const dueBounds = [];
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
        if (services)
            conds.push(services.length === 1 ? `a.service_code = ${param(services[0])}` : `a.service_code = ANY(${param(services, '::text[]')})`);
        return conds;
    });
    let body;
    if (search?.selective) {
        const conds = [`(${scopeConds.map((c) => `(${c.join(' AND ')})`).join(' OR ')})`, ...shared];
        if (filters.greenChannel !== undefined)
            conds.push(`a.green_channel = ${filters.greenChannel}`);
        if (dueBounds.length)
            conds.push(nullDueMatches ? `((${dueBounds.join(' AND ')}) OR a.due_at IS NULL)` : dueBounds.join(' AND '));
        if (cursor) {
            const after = cursor.d === null
                ? `(a.due_at IS NULL AND a.id > ${param(cursor.i, '::uuid')})`
                : `((a.due_at, a.id) > (${param(cursor.d, '::timestamptz')}, ${param(cursor.i, '::uuid')}) OR a.due_at IS NULL)`;
            conds.push(cursor.g ? `(NOT a.green_channel OR ${after})` : `(NOT a.green_channel AND ${after})`);
        }
        body = branch(conds, limitParam);
    }
    else {
        const branches = [];
        const greens = filters.greenChannel === undefined ? [true, false] : [filters.greenChannel];
        for (const stateConds of scopeConds) {
            for (const green of greens) {
                if (cursor && cursor.g === false && green)
                    continue;
                const atCursor = cursor !== null && cursor.g === green;
                const head = [...stateConds, `a.green_channel = ${green}`, ...shared];
                if (!(atCursor && cursor.d === null)) {
                    const conds = [...head, 'a.due_at IS NOT NULL', ...dueBounds];
                    if (atCursor)
                        conds.push(`(a.due_at, a.id) > (${param(cursor.d, '::timestamptz')}, ${param(cursor.i, '::uuid')})`);
                    branches.push(branch(conds, limitParam));
                }
                if (nullDueMatches) {
                    const conds = [...head, 'a.due_at IS NULL'];
                    if (atCursor && cursor.d === null)
                        conds.push(`a.id > ${param(cursor.i, '::uuid')}`);
                    branches.push(branch(conds, limitParam));
                }
            }
        }
        if (branches.length === 0)
            return null;
        body = branches.join('\n    UNION ALL\n');
    }
    const text = `SELECT p.*, EXISTS (SELECT 1 FROM application_pauses ap WHERE ap.application_id = p.id AND ap.ended_at IS NULL) AS paused
  FROM (SELECT * FROM (
${body}
  ) m ORDER BY ${ORDER} LIMIT ${limitParam}) p
 ORDER BY ${ORDER.split(', ').map((c) => `p.${c}`).join(', ')}`;
    return { text, values };
}
function branch(conds, limitParam) {
    return `    (SELECT ${COLUMNS}
       FROM applications a
      WHERE ${conds.join('\n        AND ')}
      ORDER BY a.${ORDER.split(', ').join(', a.')}
      LIMIT ${limitParam})`;
}
function textSearch(raw, param) {
    const q = raw?.trim();
    if (!q)
        return undefined;
    if (/^\d+$/.test(q)) {
        if (q.length > 20)
            return false;
        const p = param(q);
        const upper = nextPrefix(q);
        return { condition: `(a.number >= ${p} AND ${upper ? `a.number < ${param(upper)} AND ` : ''}starts_with(a.number, ${p}))`, selective: q.length >= DAY_PREFIX_DIGITS };
    }
    if ([...q].length >= exports.TRIGRAM_MIN_CHARS) {
        const pattern = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        return { condition: `(a.entity_name ILIKE ${pattern} OR a.applicant_name ILIKE ${pattern})`, selective: true };
    }
    const needle = param(q.toLowerCase());
    return { condition: `(strpos(lower(a.entity_name), ${needle}) > 0 OR strpos(lower(a.applicant_name), ${needle}) > 0)`, selective: false };
}
function nextPrefix(prefix) {
    const digits = prefix.split('');
    for (let i = digits.length - 1; i >= 0; i--) {
        if (digits[i] !== '9')
            return digits.slice(0, i).join('') + String(Number(digits[i]) + 1);
    }
    return null;
}
function buildInboxCountsQuery(staff) {
    const scope = inboxScopeOf(staff).filter((s) => s.services === null || s.services.length > 0);
    if (scope.length === 0)
        return null;
    const values = [];
    const conds = scope.map(({ state, services }) => {
        values.push(state);
        const stateCond = `state = $${values.length}`;
        if (!services)
            return stateCond;
        values.push(services);
        return `(${stateCond} AND service_code = ANY($${values.length}::text[]))`;
    });
    return { text: `SELECT service_code, state, count FROM queue_counters WHERE ${conds.join(' OR ')}`, values };
}
function inboxCounts(staff, rows) {
    const counted = new Map(rows.map((r) => [`${r.service_code}|${r.state}`, Number(r.count)]));
    return inboxScopeOf(staff).flatMap(({ state, services }) => domain_1.SERVICES.filter((s) => services === null || services.includes(s.code)).map((s) => ({
        serviceCode: s.code,
        state,
        count: Math.max(0, counted.get(`${s.code}|${state}`) ?? 0),
    })));
}
function inboxClockReader(now, calendar = application_clock_1.BUREAU_CALENDAR) {
    const days = new Map();
    const [morning, afternoon] = [calendar.officeHours.morning, calendar.officeHours.afternoon];
    const epochDayOf = (instant) => Date.parse(calendar.localDateOf(new Date(instant))) / DAY_MS;
    const windowsOf = (day) => {
        let windows = days.get(day);
        if (!windows) {
            const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
            windows = calendar.isWorkingDay(date) ? [morning[0], morning[1], afternoon[0], afternoon[1]].map((t) => calendar.instantAt(date, t).getTime()) : [];
            days.set(day, windows);
        }
        return windows;
    };
    const officeMillisBetween = (a, b) => {
        let total = 0;
        if (!(b > a))
            return total;
        for (let day = epochDayOf(a), last = epochDayOf(b); day <= last; day++) {
            const w = windowsOf(day);
            for (let k = 0; k < w.length; k += 2)
                total += Math.max(0, Math.min(w[k + 1], b) - Math.max(w[k], a));
        }
        return total;
    };
    const workingDaysBetween = (a, b) => {
        const [from, to] = [epochDayOf(a), epochDayOf(b)];
        const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
        let count = 0;
        for (let day = low + 1; day <= high; day++)
            if (windowsOf(day).length)
                count++;
        return sign * count;
    };
    return (row) => {
        if (!row.due_at)
            return { status: 'green' };
        const due = row.due_at.getTime();
        const dueTimes = row.state === 'awaiting_acceptance' ? { acceptanceDueAt: (0, domain_1.toShanghaiIso)(row.due_at) } : { promisedDueAt: (0, domain_1.toShanghaiIso)(row.due_at) };
        const finishedAt = row.state === 'awaiting_seal' ? (row.decided_at ?? row.updated_at) : null;
        const readAt = (finishedAt ?? now).getTime();
        const start = (row.state === 'awaiting_acceptance' ? row.submitted_at : (row.accepted_at ?? row.submitted_at))?.getTime();
        let status;
        if (row.paused && !finishedAt)
            status = 'paused';
        else if (readAt > due)
            status = 'overdue';
        else if (start === undefined)
            status = 'green';
        else {
            const total = officeMillisBetween(start, due);
            const elapsed = officeMillisBetween(start, readAt);
            status = elapsed >= domain_1.CLOCK_THRESHOLDS.red * total ? 'red' : elapsed >= domain_1.CLOCK_THRESHOLDS.yellow * total ? 'yellow' : 'green';
        }
        return finishedAt ? { status, ...dueTimes } : { status, ...dueTimes, workingDaysLeft: workingDaysBetween(now.getTime(), due) };
    };
}
const DAY_MS = 86_400_000;
function inboxCursorOf(row) {
    return encodeInboxCursor({ g: row.green_channel, d: row.due_at ? row.due_at.toISOString() : null, i: row.id });
}
function encodeInboxCursor(cursor) {
    return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function decodeInboxCursor(text) {
    try {
        const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
        if (typeof c.g === 'boolean' && (c.d === null || (typeof c.d === 'string' && !Number.isNaN(Date.parse(c.d)))) && typeof c.i === 'string' && UUID.test(c.i)) {
            return { g: c.g, d: c.d, i: c.i };
        }
    }
    catch {
    }
    throw new errors_1.ValidationFailedError({ cursor: 'fields.invalid' });
}
