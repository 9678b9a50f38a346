import { randomInt, randomUUID } from 'node:crypto';
import { appendAuditEvent, AuditDigestService, verifyAuditChain, verifyAuditTrail } from '@onewindow/applications';
import { Api } from './support/api';
import { mobile, residentId } from './support/factories';
import { Harness, startHarness } from './support/harness';
import { runScript } from './support/worker-process';

describe('the audit log: append-only, chained per file, digested per day', () => {
  let h: Harness;
  let me: Api;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    const portal = new Api(h.portal);
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '审计员', phone, idNumber: residentId(), password: 'long-enough-password' });
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function fileWithEvents(): Promise<string> {
    const draft = await me.post('/api/applications', { serviceCode: 'business-license', form: { name: '朔州市平鲁区审计新材料有限公司' } });
    await me.patch(`/api/applications/${draft.body.id}`, { form: { name: '朔州市平鲁区审计新型材料有限公司' } });
    return draft.body.id;
  }

  // First in this file: the file's own database holds no edited event yet.
  it('npm run audit:verify (scripts/audit-verify.ts) exits 0 on an intact trail; after one edit it names that file and event and exits 1', async () => {
    const id = await fileWithEvents();
    const intact = await runScript('scripts/audit-verify.ts');
    expect({ code: intact.code, stderr: intact.stderr }).toEqual({ code: 0, stderr: '' });
    expect(intact.stdout).toMatch(/^checked [1-9]\d* files' chains and \d+ daily digests$/m);
    expect(intact.stdout).toContain('audit trail intact');

    const events: Array<{ id: string }> = await h.db.query(`SELECT id FROM audit_events WHERE application_id = $1 ORDER BY id`, [id]);
    await h.db.query(`UPDATE audit_events SET note = 'rewritten afterwards' WHERE id = $1`, [events[1].id]);
    const broken = await runScript('scripts/audit-verify.ts');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN chain of application ${id} at event ${events[1].id}`);
    expect(broken.stdout).not.toContain('audit trail intact');
  }, 120_000);

  it("the application's database role may append to the audit log but never rewrite or delete it", async () => {
    const id = await fileWithEvents();
    const app = h.portal.get(AuditDigestService)['dataSource'];
    await expect(app.query(`UPDATE audit_events SET note = 'x' WHERE application_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_events WHERE application_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_daily_digests`)).rejects.toThrow(/permission denied/);
  });

  it('editing one event breaks its file’s chain at that event', async () => {
    const id = await fileWithEvents();
    expect(await verifyAuditChain(h.db.manager, id)).toBeNull();
    const [event] = await h.db.query(`SELECT id FROM audit_events WHERE application_id = $1 ORDER BY id LIMIT 1`, [id]);
    await h.db.query(`UPDATE audit_events SET note = 'rewritten' WHERE id = $1`, [event.id]);
    expect(await verifyAuditChain(h.db.manager, id)).toBe(event.id);
  });

  it("the day's stored digest catches a file whose events were deleted whole", async () => {
    const digests = h.portal.get(AuditDigestService);
    // A past day of this run's own, so that other test files writing events today cannot disturb it.
    const day = `19${randomInt(10, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
    const at = new Date(`${day}T10:00:00+08:00`);
    const files = [randomUUID(), randomUUID()];
    for (const applicationId of files) {
      for (const action of ['create', 'edit_form']) {
        await appendAuditEvent(h.db.manager, { applicationId, actor: { kind: 'system' }, action, at });
      }
    }
    const stored = await digests.store(day);
    expect(stored.eventCount).toBe(4);
    expect((await digests.check(day)).status).toBe('intact');
    // An owner deletes a whole file's events: no per-file chain can notice, the digest does.
    await h.db.query(`DELETE FROM audit_events WHERE application_id = $1`, [files[0]]);
    expect((await digests.check(day)).status).toBe('tampered');
    // The whole-trail walk (npm run audit:verify) names both kinds of break.
    const trail = await verifyAuditTrail(h.db.manager);
    expect(trail.tamperedDays.map((d) => d.day)).toContain(day);
  });

  it('audit:verify names the first broken link of an edited file', async () => {
    const id = await fileWithEvents();
    const events = await h.db.query(`SELECT id FROM audit_events WHERE application_id = $1 ORDER BY id`, [id]);
    await h.db.query(`UPDATE audit_events SET actor_name = 'someone else' WHERE id = $1`, [events[1].id]);
    const trail = await verifyAuditTrail(h.db.manager);
    expect(trail.brokenChains).toContainEqual({ applicationId: id, eventId: events[1].id });
  });
});
