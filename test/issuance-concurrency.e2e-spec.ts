import { randomUUID } from 'node:crypto';
import { IssuanceService } from '@onewindow/applications';
import { allocateUscc, isValidUscc } from '@onewindow/domain';
import { businessLicenseForm } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';

describe('issuing many licences at once', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('50 concurrent issuances of one service produce 50 distinct, consecutive numbers, each once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const id = randomUUID();
      ids.push(id);
      await h.db.query(
        `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone)
         VALUES ($1, $2, 'business-license', 'issuing', $3, $3, $4, '13800000000')`,
        [id, `T${id.replace(/-/g, '').slice(0, 19)}`, randomUUID(), JSON.stringify(businessLicenseForm())],
      );
    }
    const [before] = await h.db.query(`SELECT COALESCE((SELECT value FROM number_counters WHERE scope = 'uscc:91'), 0)::int AS value`);
    // All 50 queued at once, as 50 seals in one morning would be: the worker takes them concurrently.
    for (const id of ids) {
      await h.db.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('issuance', 'issue', $1)`, [JSON.stringify({ applicationId: id })]);
    }
    await h.db.query(`SELECT pg_notify('onewindow_outbox', '')`);
    await eventually(async () => {
      const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM applications WHERE id = ANY($1) AND state = 'issued'`, [ids]);
      return n === 50 ? true : undefined;
    }, 120000, '50 issued');
    // Replayed jobs find the work done.
    const issuance = h.worker!.get(IssuanceService);
    expect(await Promise.all(ids.slice(0, 10).map((id) => issuance.issue(id)))).toEqual(Array(10).fill('skipped'));

    const rows: Array<{ number: string }> = await h.db.query(`SELECT number FROM licenses WHERE application_id = ANY($1)`, [ids]);
    expect(rows).toHaveLength(50);
    const numbers = rows.map((r) => r.number).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.every(isValidUscc)).toBe(true);
    const expected = Array.from({ length: 50 }, (_, i) => allocateUscc({ prefix: '91', divisionCode: '140603', sequence: before.value + 1 + i })).sort();
    expect(numbers).toEqual(expected);
    const states = await h.db.query(`SELECT DISTINCT state FROM applications WHERE id = ANY($1)`, [ids]);
    expect(states).toEqual([{ state: 'issued' }]);
  }, 180_000);
});
