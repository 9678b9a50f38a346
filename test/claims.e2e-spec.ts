import { randomUUID } from 'node:crypto';
import { ClaimsService } from '@onewindow/applications';
import { Api } from './support/api';
import { businessLicenseForm } from './support/factories';
import { createStaff, Harness, STAFF_PASSWORD, startHarness } from './support/harness';

/**
 * Claims against the real database: races between clerks, take-next and the release of idle
 * claims. Files waiting at the window are written straight into the table (with their queue
 * counters), dated so that they sort before anything other test files put in the queue.
 */
describe('claims: one holder per file, take-next, idle claims released', () => {
  let h: Harness;
  const clerks: Api[] = [];
  let clerkIds: string[] = [];
  const sh = (local: string) => new Date(`${local}+08:00`);

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    const backoffice = new Api(h.backoffice);
    const usernames = ['claims-clerk-a', 'claims-clerk-b', 'claims-clerk-c', 'claims-clerk-d'];
    for (const username of usernames) await createStaff(h.db, { username, roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'claims-reviewer', roles: ['reviewer'], sections: ['no_such_section'] });
    await createStaff(h.db, { username: 'claims-leader', roles: ['leadership'] });
    for (const username of usernames) {
      clerks.push(backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token));
    }
    const rows: Array<{ id: string; username: string }> = await h.db.query('SELECT id, username FROM accounts WHERE username = ANY($1)', [usernames]);
    clerkIds = usernames.map((u) => rows.find((r) => r.username === u)!.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  const login = async (username: string) => {
    const backoffice = new Api(h.backoffice);
    return backoffice.as((await backoffice.post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token);
  };

  /** Files awaiting acceptance, written directly; the queue counters move with them. */
  async function waitingFiles(count: number, options: { greenChannel?: boolean; dueAt?: (i: number) => Date | null } = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      await h.db.query(
        `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone, submitted_at, green_channel, due_at)
         VALUES ($1, $2, 'business-license', 'awaiting_acceptance', $3, $3, $4, '13800000000', $5, $6, $7)`,
        [id, `C${id.replace(/-/g, '').slice(0, 19)}`, randomUUID(), JSON.stringify(businessLicenseForm()), sh('2000-01-03T10:00'), options.greenChannel ?? false, options.dueAt?.(i) ?? null],
      );
      ids.push(id);
    }
    await h.db.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ('business-license', 'awaiting_acceptance', $1)
       ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + EXCLUDED.count`,
      [count],
    );
    return ids;
  }

  const holderOf = async (id: string): Promise<string | null> => (await h.db.query('SELECT claim_holder_id FROM applications WHERE id = $1', [id]))[0].claim_holder_id;

  it('two clerks claiming the same file at the same moment, 100 files at once: exactly one wins each, the other gets 409', async () => {
    const files = await waitingFiles(100);
    const [a, b] = clerks;
    const results = await Promise.all(files.map((id) => Promise.all([a.post(`/api/applications/${id}/claim`), b.post(`/api/applications/${id}/claim`)])));
    for (const [i, [first, second]] of results.entries()) {
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const winner = first.status === 200 ? clerkIds[0] : clerkIds[1];
      expect(first.status === 200 ? first.body.claimedBy : second.body.claimedBy).toBe(winner);
      expect((first.status === 409 ? first : second).body.error).toBe('conflict');
      expect(await holderOf(files[i])).toBe(winner);
    }
    const events: Array<{ application_id: string; n: number }> = await h.db.query(
      `SELECT application_id, count(*)::int AS n FROM audit_events WHERE application_id = ANY($1) AND action = 'claim' GROUP BY application_id`,
      [files],
    );
    expect(events).toHaveLength(100);
    expect(events.every((e) => e.n === 1)).toBe(true);
    // Re-claiming one's own file is 200, not a conflict.
    const mine = results[0][0].status === 200 ? a : b;
    expect((await mine.post(`/api/applications/${files[0]}/claim`)).status).toBe(200);
  });

  it('take-next gives the green-channel file first, even when another file is due earlier', async () => {
    const [ordinary] = await waitingFiles(1, { dueAt: () => sh('2000-01-04T17:30') });
    const [green] = await waitingFiles(1, { greenChannel: true, dueAt: () => sh('2000-01-10T17:30') });
    const taken = await clerks[2].post('/api/inbox/take-next');
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ id: green, greenChannel: true, claimedBy: clerkIds[2], state: 'awaiting_acceptance' });
    expect(await holderOf(green)).toBe(clerkIds[2]);
    expect(await holderOf(ordinary)).toBeNull();
    const [event] = await h.db.query(`SELECT actor_id, data FROM audit_events WHERE application_id = $1 AND action = 'claim'`, [green]);
    expect(event).toEqual({ actor_id: clerkIds[2], data: { via: 'take_next' } });
  });

  it('take-next never hands the same file to two clerks: 20 takes at once by four clerks get 20 different files, most urgent first', async () => {
    const files = await waitingFiles(20, { greenChannel: true, dueAt: (i) => new Date(sh('2000-01-03T17:30').getTime() + i * 60_000) });
    const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => clerks[i % 4].post('/api/inbox/take-next')));
    expect(takes.map((t) => t.status)).toEqual(Array(20).fill(200));
    const ids = takes.map((t) => t.body.id as string);
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort()).toEqual([...files].sort());
    for (const [i, take] of takes.entries()) expect(await holderOf(take.body.id)).toBe(clerkIds[i % 4]);
  });

  it('take-next: 404 when nothing in the caller’s queues waits, 403 for a role that never claims', async () => {
    const nothing = await (await login('claims-reviewer')).post('/api/inbox/take-next');
    expect(nothing.status).toBe(404);
    expect(nothing.body.error).toBe('not_found');
    expect((await (await login('claims-leader')).post('/api/inbox/take-next')).status).toBe(403);
  });

  it('a claim idle for 2 office hours is released by the job’s service method, with a claim_expired event; a re-claim restarts the count', async () => {
    const claims = h.backoffice.get(ClaimsService);
    const [id] = await waitingFiles(1);
    const [a, b] = clerks;
    expect((await a.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const claimedAt = (at: Date) => h.db.query('UPDATE applications SET claimed_at = $2 WHERE id = $1', [id, at]);

    // Claimed Tue 10:00: at 11:59 it has been idle 1 h 59 min of office time.
    await claimedAt(sh('2025-06-03T10:00'));
    expect(await claims.releaseIdle(sh('2025-06-03T11:59'))).not.toContain(id);
    expect(await holderOf(id)).toBe(clerkIds[0]);

    // Re-claiming refreshes the claim.
    expect((await a.post(`/api/applications/${id}/claim`)).status).toBe(200);
    const [{ claimed_at }] = await h.db.query('SELECT claimed_at FROM applications WHERE id = $1', [id]);
    expect(Date.now() - claimed_at.getTime()).toBeLessThan(60_000);

    // Three office hours later (10:00–12:00, lunch, 13:30–14:30) it is released.
    await claimedAt(sh('2025-06-03T10:00'));
    expect(await claims.releaseIdle(sh('2025-06-03T14:30'))).toContain(id);
    expect(await holderOf(id)).toBeNull();
    const events = await h.db.query(`SELECT actor_kind, from_state, to_state, data FROM audit_events WHERE application_id = $1 AND action = 'claim_expired'`, [id]);
    expect(events).toEqual([
      {
        actor_kind: 'system',
        from_state: 'awaiting_acceptance',
        to_state: 'awaiting_acceptance',
        data: { claimHolderId: clerkIds[0], claimedAt: sh('2025-06-03T10:00').toISOString(), idleOfficeHours: 2 },
      },
    ]);
    expect((await b.post(`/api/applications/${id}/claim`)).status).toBe(200);
  });

  it('idle time is office time: claimed Fri 16:30 is idle 2 office hours only at Mon 10:00', async () => {
    const claims = h.backoffice.get(ClaimsService);
    const [id] = await waitingFiles(1);
    expect((await clerks[3].post(`/api/applications/${id}/claim`)).status).toBe(200);
    await h.db.query('UPDATE applications SET claimed_at = $2 WHERE id = $1', [id, sh('2025-06-06T16:30')]);
    expect(await claims.releaseIdle(sh('2025-06-09T09:59'))).not.toContain(id);
    expect(await claims.releaseIdle(sh('2025-06-09T10:00'))).toContain(id);
    expect(await holderOf(id)).toBeNull();
  });
});
