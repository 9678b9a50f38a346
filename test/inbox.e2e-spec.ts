import { randomUUID } from 'node:crypto';
import { AccountEntity, dropDatabase, ensureDatabase, runMigrations } from '@onewindow/persistence';
import { BUREAU_CALENDAR, clockOf, queueDueAt } from '@onewindow/applications';
import { buildInboxQuery, InboxFilters, InboxStaff } from '@onewindow/applications/inbox-query';
import { getService, SERVICE_CODES } from '@onewindow/domain';
import { rebuildQueueCounters, seedApplications } from '../bench/seed';
import { Api } from './support/api';
import { createStaff, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * The unified inbox over 100k files, checked against plain SQL written here.
 *
 * Isolation: the 100k rows go into a database of this file's own (the run's test database name
 * + `_inbox`, made with the same migrations and dropped at the end). Other test files run in
 * parallel and page through the same inbox: 40k seeded queue files, many green or overdue,
 * would push their own freshly filed application off their first page, and their files would
 * make this file's reference queries race with their transitions. A separate database keeps
 * both sides exact without marking rows or weakening a comparison.
 */

const ROWS = 100_000;
const PAGE = 200;
const PAGES = 3;
const ORDER = 'green_channel DESC, due_at ASC NULLS LAST, id ASC';

interface Staff extends InboxStaff {
  username: string;
  api: Api;
}

interface RefRow {
  id: string;
  number: string;
  service_code: string;
  state: string;
  entity_name: string | null;
  green_channel: boolean;
  claim_holder_id: string | null;
  due_at: Date | null;
}

describe('inbox at 100k applications', () => {
  const database = `${process.env.ONEWINDOW_TEST_DATABASE ?? 'onewindow_test'}_inbox`;
  let h: Harness;
  const staff: Record<'clerk' | 'otherClerk' | 'reviewer' | 'sealer' | 'chief' | 'vendor', Staff> = {} as never;

  beforeAll(async () => {
    const own = (url: string) => {
      const u = new URL(url);
      u.pathname = `/${database}`;
      return u.toString();
    };
    process.env.DATABASE_URL = own(process.env.DATABASE_URL!);
    process.env.DATABASE_OWNER_URL = own(process.env.DATABASE_OWNER_URL!);
    const urls = { adminUrl: process.env.DATABASE_ADMIN_URL!, ownerUrl: process.env.DATABASE_OWNER_URL, appUrl: process.env.DATABASE_URL };
    await dropDatabase(urls.adminUrl, database);
    await ensureDatabase(urls);
    await runMigrations(urls);
    h = await startHarness({ worker: false });

    const accounts: Array<[keyof typeof staff, string[], string[]]> = [
      ['clerk', ['window_clerk'], []],
      ['otherClerk', ['window_clerk'], []],
      ['reviewer', ['reviewer'], ['planning', 'food_drug']],
      ['sealer', ['seal_officer'], []],
      ['chief', ['window_clerk', 'reviewer', 'seal_officer'], ['market_registration', 'food_drug', 'investment', 'planning', 'construction', 'social_organizations']],
      ['vendor', ['seal_vendor'], []],
    ];
    const backoffice = new Api(h.backoffice);
    for (const [key, roles, sections] of accounts) {
      const username = await createStaff(h.db, { username: `inbox-${key}`, roles, sections });
      const { id } = await h.db.getRepository(AccountEntity).findOneByOrFail({ username });
      const login = await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD });
      expect(login.status).toBe(200);
      staff[key] = { id, username, roles, sections, api: backoffice.as(login.body.token) };
    }

    // Due times sit on whole days from 37 minutes ahead, so none crosses "now" while this file runs.
    const dueBase = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 37 * 60_000);
    await seedApplications(h.db, {
      count: ROWS,
      claimHolders: [staff.clerk.id, staff.otherClerk.id, staff.chief.id, staff.reviewer.id],
      dueBase,
      applicantId: randomUUID(),
      ownerAccountId: randomUUID(),
      batchSize: 50_000,
    });
    await rebuildQueueCounters(h.db);
    await h.db.query('VACUUM ANALYZE applications');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (process.env.DATABASE_ADMIN_URL) await dropDatabase(process.env.DATABASE_ADMIN_URL, database);
  });

  /** The reference: plain SQL over the whole table, written without the product's builder. */
  async function reference(who: Staff, where: string[], params: unknown[], limit: number): Promise<RefRow[]> {
    const scope: string[] = [];
    if (who.roles.includes('window_clerk')) scope.push(`state = 'awaiting_acceptance'`);
    if (who.roles.includes('seal_officer')) scope.push(`state = 'awaiting_seal'`);
    if (who.roles.includes('reviewer')) {
      const services = SERVICE_CODES.filter((code) => who.sections.includes(getService(code)!.section));
      scope.push(`(state = 'under_review' AND service_code IN (${services.map((s) => `'${s}'`).join(', ') || 'NULL'}))`);
    }
    if (scope.length === 0) return [];
    return h.db.query(
      `SELECT id, number, service_code, state, entity_name, green_channel, claim_holder_id, due_at
         FROM applications
        WHERE (${scope.join(' OR ')}) ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY ${ORDER}
        LIMIT ${limit} OFFSET 0`,
      params,
    );
  }

  /** Pages through the API: up to `pages` pages of `limit`. */
  async function pages(who: Staff, query: string, limit = PAGE, max = PAGES) {
    const result: Array<{ items: any[]; nextCursor: string | null }> = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/inbox?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response: { status: number; body: any } = await who.api.get(url);
      expect(response.status).toBe(200);
      result.push(response.body);
      cursor = response.body.nextCursor;
    } while (cursor && result.length < max);
    return result;
  }

  /** The first PAGES pages through the API are exactly the reference's first rows, in order, and the last says whether more follow. */
  async function expectSameAsReference(who: Staff, query: string, where: string[], params: unknown[] = []) {
    const got = await pages(who, query);
    const ids = got.flatMap((p) => p.items.map((i: { id: string }) => i.id));
    const ref = await reference(who, where, params, PAGE * PAGES + 1);
    expect(ids).toEqual(ref.slice(0, ids.length).map((r) => r.id));
    const more = got[got.length - 1].nextCursor !== null;
    expect(more).toBe(ref.length > ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    // Every field of the first page, against the row.
    const now = Date.now();
    got[0].items.forEach((item, k) => {
      const row = ref[k];
      expect(item).toMatchObject({
        id: row.id,
        number: row.number,
        serviceCode: row.service_code,
        state: row.state,
        entityName: row.entity_name,
        greenChannel: row.green_channel,
      });
      expect(item.claimedBy ?? null).toBe(row.claim_holder_id);
      expect(item.dueAt === null ? null : Date.parse(item.dueAt)).toBe(row.due_at ? row.due_at.getTime() : null);
      if (row.due_at) {
        expect(item.clock.status === 'overdue').toBe(row.state !== 'awaiting_seal' && row.due_at.getTime() < now);
        expect(Date.parse(row.state === 'awaiting_acceptance' ? item.clock.acceptanceDueAt : item.clock.promisedDueAt)).toBe(row.due_at.getTime());
      }
    });
    return { ids, ref };
  }

  describe('each filter, and some together, answer exactly what plain SQL answers', () => {
    const now = () => new Date();
    const cases: Array<[string, keyof typeof staff, string, () => [string[], unknown[]]]> = [
      ['no filter (clerk)', 'clerk', '', () => [[], []]],
      ['no filter (reviewer of two sections)', 'reviewer', '', () => [[], []]],
      ['no filter (seal officer)', 'sealer', '', () => [[], []]],
      ['no filter (three queues at once)', 'chief', '', () => [[], []]],
      ['service', 'clerk', 'service=food-business', () => [[`service_code = 'food-business'`], []]],
      ['service in the reviewer’s sections', 'reviewer', 'service=land-planning', () => [[`service_code = 'land-planning'`], []]],
      ['state', 'chief', 'state=under_review', () => [[`state = 'under_review'`], []]],
      ['green channel', 'clerk', 'greenChannel=true', () => [['green_channel'], []]],
      ['not green channel', 'chief', 'greenChannel=false', () => [['NOT green_channel'], []]],
      ['claimed by me', 'clerk', 'claimedBy=me', () => [[`claim_holder_id = '${staff.clerk.id}'`], []]],
      ['claimed by me (three queues)', 'chief', 'claimedBy=me', () => [[`claim_holder_id = '${staff.chief.id}'`], []]],
      ['unclaimed', 'sealer', 'claimedBy=none', () => [['claim_holder_id IS NULL'], []]],
      ['overdue', 'clerk', 'overdue=true', () => [['due_at < $1'], [now()]]],
      ['not overdue', 'chief', 'overdue=false', () => [['(due_at >= $1 OR due_at IS NULL)'], [now()]]],
      ['due within 3 working days', 'clerk', 'dueWithinWorkingDays=3', () => [['due_at <= $1'], [BUREAU_CALENDAR.addWorkingDays(now(), 3)]]],
      ['due today', 'chief', 'dueWithinWorkingDays=0', () => [['due_at <= $1'], [BUREAU_CALENDAR.addWorkingDays(now(), 0)]]],
      ['service + unclaimed + overdue', 'chief', 'service=construction&claimedBy=none&overdue=true', () => [[`service_code = 'construction'`, 'claim_holder_id IS NULL', 'due_at < $1'], [now()]]],
      ['green + due within 5 working days + state', 'chief', 'greenChannel=true&dueWithinWorkingDays=5&state=awaiting_seal', () => [['green_channel', `state = 'awaiting_seal'`, 'due_at <= $1'], [BUREAU_CALENDAR.addWorkingDays(now(), 5)]]],
      ['not green + not overdue + claimed by me', 'clerk', 'greenChannel=false&overdue=false&claimedBy=me', () => [['NOT green_channel', '(due_at >= $1 OR due_at IS NULL)', `claim_holder_id = '${staff.clerk.id}'`], [now()]]],
    ];
    it.each(cases)('%s', async (_what, who, query, where) => {
      const [conditions, params] = where();
      await expectSameAsReference(staff[who], query, conditions, params);
    });
  });

  describe('text search', () => {
    let sample: { number: string; entity_name: string; applicant_name: string };
    beforeAll(async () => {
      [sample] = await h.db.query(
        `SELECT number, entity_name, applicant_name FROM applications WHERE state IN ('awaiting_acceptance', 'under_review', 'awaiting_seal') AND char_length(applicant_name) = 3 ORDER BY number LIMIT 1 OFFSET 777`,
      );
    });
    const byName = (q: string) => [[`(entity_name ILIKE $1 OR applicant_name ILIKE $1)`], [`%${q}%`]] as [string[], unknown[]];
    const byNumber = (q: string) => [[`number LIKE $1`], [`${q}%`]] as [string[], unknown[]];

    it('an exact application number finds that file', async () => {
      const { ids } = await expectSameAsReference(staff.chief, `q=${sample.number}`, ...byNumber(sample.number));
      expect(ids).toHaveLength(1);
    });
    it.each([
      ['one day’s numbers (14 digits)', 14],
      ['one month’s numbers (12 digits)', 12],
      ['the division code (every file)', 6],
    ])('a number prefix: %s', async (_what, digits) => {
      const q = sample.number.slice(0, digits);
      await expectSameAsReference(staff.chief, `q=${q}`, ...byNumber(q));
      await expectSameAsReference(staff.clerk, `q=${q}&claimedBy=none`, ...(([w, p]) => [[...w, 'claim_holder_id IS NULL'], p] as [string[], unknown[]])(byNumber(q)));
    });
    it('part of an entity name (three characters: the trigram index)', async () => {
      const q = sample.entity_name.slice(6, 9);
      const { ids } = await expectSameAsReference(staff.chief, `q=${encodeURIComponent(q)}`, ...byName(q));
      expect(ids.length).toBeGreaterThan(0);
    });
    it('an applicant’s full name', async () => {
      const { ids } = await expectSameAsReference(staff.chief, `q=${encodeURIComponent(sample.applicant_name)}`, ...byName(sample.applicant_name));
      expect(ids.length).toBeGreaterThan(0);
    });
    it('a common fragment with filters (many matches, several pages)', async () => {
      const q = sample.entity_name.slice(-4);
      const [w, p] = byName(q);
      await expectSameAsReference(staff.chief, `q=${encodeURIComponent(q)}&greenChannel=false&overdue=true`, [...w, 'NOT green_channel', 'due_at < $2'], [...p, new Date()]);
    });
    it.each([
      ['two characters: applicants whose name starts so (the trigram index)', 'chief', (s: typeof sample) => s.applicant_name.slice(0, 2)],
      ['one character: a surname (walking the queue)', 'clerk', (s: typeof sample) => s.applicant_name.slice(0, 1)],
    ] as const)('%s', async (_what, who, pick) => {
      const q = pick(sample);
      const { ids } = await expectSameAsReference(staff[who], `q=${encodeURIComponent(q)}`, ['applicant_name LIKE $1'], [`${q}%`]);
      expect(ids.length).toBeGreaterThan(0);
    });
    it('LIKE wildcards in q are plain characters', async () => {
      const response = await staff.chief.api.get(`/api/inbox?q=${encodeURIComponent('%_%')}`);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });
  });

  describe('keyset pagination', () => {
    /** Reads exactly `at` items (pages of PAGE, then the rest), then one more page from the cursor there. */
    async function cutAt(who: Staff, query: string, at: number) {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let remaining = at; remaining > 0; ) {
        const limit = Math.min(PAGE, remaining);
        const page: { status: number; body: any } = await who.api.get(`/api/inbox?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.body.items).toHaveLength(limit);
        ids.push(...page.body.items.map((i: { id: string }) => i.id));
        cursor = page.body.nextCursor;
        remaining -= limit;
      }
      const next = await who.api.get(`/api/inbox?limit=${PAGE}${query ? `&${query}` : ''}&cursor=${encodeURIComponent(cursor!)}`);
      expect(next.status).toBe(200);
      return [...ids, ...next.body.items.map((i: { id: string }) => i.id)];
    }

    it('a page boundary inside a run of equal due times loses and repeats nothing', async () => {
      const ref = await reference(staff.clerk, [], [], 1000);
      const tie = ref.findIndex((r, k) => k > 20 && k < 190 && r.green_channel === ref[k - 1].green_channel && r.due_at?.getTime() === ref[k - 1].due_at?.getTime());
      expect(tie).toBeGreaterThan(0);
      expect(await cutAt(staff.clerk, '', tie)).toEqual(ref.slice(0, tie + PAGE).map((r) => r.id));
    });

    it('from the green channel into the rest, and through files with no due time (sorted last)', async () => {
      const query = 'service=social-group';
      const ref = await reference(staff.chief, [`service_code = 'social-group'`], [], 100_000);
      const greenEnd = ref.findIndex((r) => !r.green_channel);
      const firstNull = ref.findIndex((r) => !r.green_channel && r.due_at === null);
      expect(greenEnd).toBeGreaterThan(0);
      expect(firstNull).toBeGreaterThan(greenEnd);
      expect(ref[firstNull + 1]?.due_at).toBeNull();
      // Three kinds of cursor: the last green file, the last file with a due time, a file without one.
      for (const at of [greenEnd, firstNull, firstNull + 1]) {
        expect(await cutAt(staff.chief, query, at)).toEqual(ref.slice(0, at + PAGE).map((r) => r.id));
      }
      // The whole list, page by page, ends with the files without a due time.
      const all = await pages(staff.chief, query, PAGE, 1000);
      expect(all.flatMap((p) => p.items.map((i: { id: string }) => i.id))).toEqual(ref.map((r) => r.id));
      expect(all[all.length - 1].nextCursor).toBeNull();
    });

    it('a cursor deep in the queue costs an index range, not a walk from the start', async () => {
      const all = await pages(staff.clerk, '', PAGE, 10);
      const cursor = all[all.length - 1].nextCursor!;
      const plan = await explain(staff.clerk, { cursor });
      const conds = indexConds(plan);
      expect(conds.some((c) => c.includes('ROW(a.due_at, a.id) >') || c.includes('ROW(due_at, id) >'))).toBe(true);
    });
  });

  describe('counts', () => {
    it('per service and state of the caller’s queues, read from queue_counters', async () => {
      const response = await staff.reviewer.api.get('/api/inbox?limit=1');
      const expected = await h.db.query(
        `SELECT service_code AS "serviceCode", state, count(*)::int AS count FROM applications
          WHERE state = 'under_review' AND service_code IN ('food-business', 'land-planning', 'engineering-planning')
          GROUP BY 1, 2`,
      );
      expect(response.body.counts).toHaveLength(3);
      expect(response.body.counts).toEqual(expect.arrayContaining(expected));

      // The counter, not count(*): move it and the answer moves with it.
      await h.db.query(`UPDATE queue_counters SET count = count + 1000 WHERE service_code = 'land-planning' AND state = 'under_review'`);
      try {
        const moved = await staff.reviewer.api.get('/api/inbox?limit=1');
        const land = (rows: Array<{ serviceCode: string; count: number }>) => rows.find((c) => c.serviceCode === 'land-planning')!.count;
        expect(land(moved.body.counts)).toBe(land(response.body.counts) + 1000);
      } finally {
        await h.db.query(`UPDATE queue_counters SET count = count - 1000 WHERE service_code = 'land-planning' AND state = 'under_review'`);
      }
    });

    it('three queues give every service in each; a role with no queue gets nothing', async () => {
      const chief = await staff.chief.api.get('/api/inbox?limit=1');
      expect(chief.body.counts).toHaveLength(SERVICE_CODES.length * 3);
      const vendor = await staff.vendor.api.get('/api/inbox');
      expect(vendor.status).toBe(200);
      expect(vendor.body).toEqual({ items: [], nextCursor: null, counts: [] });
    });
  });

  describe('the query plan', () => {
    const plans: Array<[string, keyof typeof staff, InboxFilters, 'walk' | 'range' | 'search']> = [
      ['no filter', 'clerk', {}, 'walk'],
      ['three queues', 'chief', {}, 'walk'],
      ['reviewer', 'reviewer', {}, 'walk'],
      ['service + green', 'chief', { service: 'food-business', greenChannel: true }, 'walk'],
      ['overdue', 'chief', { overdue: true }, 'walk'],
      ['not overdue', 'clerk', { overdue: false }, 'walk'],
      ['due within 2 working days', 'chief', { dueWithinWorkingDays: 2 }, 'walk'],
      ['unclaimed', 'clerk', { claimedBy: 'none' }, 'walk'],
      ['claimed by me', 'clerk', { claimedBy: 'me' }, 'walk'],
      // A surname keeps 1 file in 30: at 100k the planner may read a branch's whole (small) range
      // by bitmap and sort it rather than walk it; at 1M it walks (bench/RESULTS.md).
      ['one character', 'clerk', { q: '王' }, 'range'],
      ['two characters', 'chief', { q: '王建' }, 'search'],
      ['a number', 'chief', { q: '14060320250301000012' }, 'search'],
      ['a day’s numbers', 'chief', { q: '14060320250301' }, 'search'],
      ['a name', 'chief', { q: '王建国' }, 'search'],
    ];
    it.each(plans)('%s: no OFFSET, no sequential scan, the right index', async (_what, who, filters, shape) => {
      const sql = buildInboxQuery(staff[who], { ...filters, limit: PAGE }, new Date())!;
      expect(sql.text).not.toMatch(/\bOFFSET\b/i);
      const plan = await explain(staff[who], filters);
      const scans = nodes(plan).filter((n) => n['Relation Name'] === 'applications');
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      const indexes = nodes(plan).map((n) => n['Index Name']).filter(Boolean);
      if (shape !== 'search') {
        // Each branch reads its range of applications_inbox_idx: an ordered walk under its LIMIT, or,
        // for a range the planner knows to be small, a bitmap over that same index.
        for (const scan of scans) {
          const used = scan['Node Type'] === 'Bitmap Heap Scan' ? nodes(scan).slice(1).map((n) => n['Index Name']) : [scan['Index Name']];
          expect([scan['Node Type'], ...new Set(used)]).toEqual([expect.stringMatching(/^(Index Scan|Bitmap Heap Scan)$/), expect.stringMatching(/^applications_(claimed_)?inbox_idx$/)]);
        }
        // A clerk's own claims are an exact range of the partial index led by the holder, not a walk
        // of the whole queue past everyone else's files.
        if (filters.claimedBy === 'me') expect(new Set(indexes)).toEqual(new Set(['applications_claimed_inbox_idx']));
        if (shape === 'walk') expect(scans.map((n) => n['Node Type'])).toContain('Index Scan');
      } else {
        expect(indexes.some((name) => ['applications_search_name_idx', 'applications_search_applicant_idx', 'applications_number_key', 'applications_inbox_idx'].includes(name))).toBe(true);
        expect(indexes.some((name) => name !== 'applications_inbox_idx')).toBe(true);
      }
    });
  });

  describe('the clock of each item', () => {
    it('matches the domain clock for files without pauses', async () => {
      const [row] = await h.db.query(`SELECT id, service_code FROM applications WHERE state = 'under_review' AND NOT green_channel ORDER BY number LIMIT 1`);
      // Give the file real instants, as a transition would, so clockOf and the stored due time agree.
      const acceptedAt = new Date(Date.now() - 4 * 86_400_000);
      const app = { state: 'under_review' as const, submittedAt: new Date(acceptedAt.getTime() - 86_400_000), acceptedAt, decidedAt: null, extensionWorkingDays: 0, updatedAt: acceptedAt };
      const exact = clockOf(app, [], getService(row.service_code)!, new Date());
      await h.db.query('UPDATE applications SET submitted_at = $2, accepted_at = $3, due_at = $4 WHERE id = $1', [row.id, app.submittedAt, acceptedAt, queueDueAt(exact)]);
      const response = await staff.chief.api.get(`/api/inbox?state=under_review&greenChannel=false&q=${(await h.db.query('SELECT number FROM applications WHERE id = $1', [row.id]))[0].number}`);
      expect(response.body.items).toHaveLength(1);
      // The legal due time needs the pauses; the inbox leaves it to the file's own view.
      const { legalDueAt, ...shown } = exact;
      expect(legalDueAt).toBeDefined();
      expect(response.body.items[0].clock).toEqual(shown);
    });

    it('an open pause shows as paused', async () => {
      const [row] = await h.db.query(`SELECT id, number FROM applications WHERE state = 'under_review' ORDER BY number LIMIT 1 OFFSET 5`);
      await h.db.query(`INSERT INTO application_pauses (application_id, reason, started_at) VALUES ($1, 'expert_review', now())`, [row.id]);
      const response = await staff.chief.api.get(`/api/inbox?q=${row.number}`);
      expect(response.body.items[0].clock.status).toBe('paused');
    });
  });

  describe('bad parameters are a 400 naming the field', () => {
    it.each([
      ['service=fishing-licence', 'service'],
      ['state=issued', 'state'],
      ['greenChannel=yes', 'greenChannel'],
      ['claimedBy=someone', 'claimedBy'],
      ['overdue=1', 'overdue'],
      ['dueWithinWorkingDays=-1', 'dueWithinWorkingDays'],
      ['dueWithinWorkingDays=2.5', 'dueWithinWorkingDays'],
      ['dueWithinWorkingDays=61', 'dueWithinWorkingDays'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify({ g: true, d: 'yesterday', i: 'x' })).toString('base64url')}`, 'cursor'],
      [`q=${'长'.repeat(101)}`, 'q'],
      ['q=%20%20', 'q'],
      ['sort=due', 'sort'],
    ])('%s → %s', async (query, field) => {
      const response = await staff.clerk.api.get(`/api/inbox?${query.replace(/长+/, (s) => encodeURIComponent(s))}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(Object.keys(response.body.fields)).toContain(field);
    });
  });

  async function explain(who: Staff, filters: InboxFilters) {
    const sql = buildInboxQuery(who, { ...filters, limit: filters.limit ?? PAGE }, new Date())!;
    const [{ 'QUERY PLAN': plan }] = await h.db.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
    return plan[0].Plan as PlanNode;
  }
});

type PlanNode = Record<string, any> & { Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

function indexConds(plan: PlanNode): string[] {
  return nodes(plan)
    .map((n) => n['Index Cond'] as string | undefined)
    .filter((c): c is string => typeof c === 'string');
}
