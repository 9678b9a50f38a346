import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuanceService, SealCarvingService, VerificationService } from '@onewindow/applications';
import { base64urlDecode, base64urlEncode } from '@onewindow/documents';
import { exampleForm } from '@onewindow/domain';
import { Api } from './support/api';
import { businessLicenseForm, entityName } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { Desk, fileToIssue, qrOfPdf, signedInApplicant, staffDesk } from './support/journeys';

describe('one seal (一枚印章管审批): trusted licences, public verification, revocation, free seal carving', () => {
  let h: Harness;
  let me: Api;
  let desk: Desk;
  let portal: Api;
  let licence: { id: string; number: string; url: string };

  beforeAll(async () => {
    h = await startHarness();
    portal = new Api(h.portal);
    me = (await signedInApplicant(h)).api;
    desk = await staffDesk(h, 'seal');
    const issued = await fileToIssue(me, desk, 'business-license', businessLicenseForm({ name: entityName() }));
    licence = { id: issued.id, number: issued.number, url: qrOfPdf(issued.pdf) };
  });

  afterAll(async () => {
    await h?.close();
  });

  const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const apiPathOf = (url: string) => pathOf(url).replace(/^\/verify\//, '/api/verify/');

  it('the QR code, decoded from the PDF as an image, opens a page that says the licence is genuine and valid', async () => {
    expect(licence.url).toMatch(new RegExp(`/verify/${licence.number}\\?d=[A-Za-z0-9_-]+&sig=[A-Za-z0-9_-]+$`));
    const page = await portal.get(pathOf(licence.url));
    expect(page.status).toBe(200);
    const html = page.raw.toString('utf8');
    expect(html).toContain('真实有效');
    expect(html).toContain(licence.number);
    const json = await portal.get(apiPathOf(licence.url));
    expect(json.body).toMatchObject({ status: 'valid', licenseNumber: licence.number, service: 'business-license' });
    // Only what the certificate shows: no ID number, no phone.
    expect(JSON.stringify(json.body)).not.toMatch(/idNumber|phone|\d{17}[\dX]/);
    const keys = await portal.get('/.well-known/onewindow-verify-key');
    expect(keys.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });

  it('changing one character of the number, of the holder inside the payload, or of the signature: not genuine', async () => {
    const url = new URL(licence.url);
    const d = url.searchParams.get('d')!;
    const sig = url.searchParams.get('sig')!;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const otherNumber = flip(licence.number, 10);
    const payload = JSON.parse(base64urlDecode(d).toString('utf8'));
    const forged = base64urlEncode(JSON.stringify({ ...payload, holderName: payload.holderName.replace(/.$/, '司') === payload.holderName ? payload.holderName + '一' : payload.holderName.replace(/.$/, '司') }));
    for (const [number, dd, ss] of [
      [otherNumber, d, sig],
      [licence.number, forged, sig],
      [licence.number, d, flip(sig, 5)],
    ]) {
      const response = await portal.get(`/api/verify/${encodeURIComponent(number)}?d=${dd}&sig=${ss}`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('not_genuine');
      expect(response.body.holderName).toBeUndefined();
    }
    const page = await portal.get(`/verify/${licence.number}?d=${d}&sig=${flip(sig, 5)}`);
    expect(page.raw.toString('utf8')).toContain('无法核验');
  });

  it('every check is recorded with its answer and nothing about who asked', async () => {
    const rows = await h.db.query(`SELECT * FROM verification_checks WHERE license_number = $1`, [licence.number]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(rows[0]).sort()).toEqual(['at', 'id', 'license_number', 'result']);
  });

  it('only the seal officer can seal: every other role gets 403', async () => {
    const backoffice = new Api(h.backoffice);
    const someFile = licence.id;
    for (const role of ['window_clerk', 'reviewer', 'section_head', 'helper', 'seal_vendor', 'leadership', 'administrator']) {
      await createStaff(h.db, { username: `seal-role-${role}`, roles: [role], sections: ['market_registration'] });
      const token = (await backoffice.post('/api/auth/login', { username: `seal-role-${role}`, password: STAFF_PASSWORD })).body.token;
      expect((await backoffice.as(token).post(`/api/applications/${someFile}/seal`)).status).toBe(403);
    }
  });

  it("a business licence's issue opens exactly one free seal-carving order, even when the jobs run again; the vendor makes and delivers it", async () => {
    const order = await eventually(async () => (await me.get(`/api/applications/${licence.id}`)).body.sealOrder, 15000, 'seal order');
    expect(order.seals).toEqual(['公章', '财务专用章', '发票专用章', '法定代表人名章']);
    expect(await h.worker!.get(SealCarvingService).open(licence.id)).toBe('skipped');
    expect(await h.worker!.get(IssuanceService).issue(licence.id)).toBe('skipped');
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM seal_carving_orders WHERE application_id = $1`, [licence.id]);
    expect(n).toBe(1);

    await createStaff(h.db, { username: 'seal-vendor', roles: ['seal_vendor'] });
    const backoffice = new Api(h.backoffice);
    const vendor = backoffice.as((await backoffice.post('/api/auth/login', { username: 'seal-vendor', password: STAFF_PASSWORD })).body.token);
    const open = await vendor.get('/api/seal-carving/orders?status=open');
    const mine = open.body.find((o: { applicationId: string }) => o.applicationId === licence.id);
    expect(mine.creditCode).toBe(licence.number);
    expect((await vendor.post(`/api/seal-carving/orders/${mine.id}/delivered`)).status).toBe(422);
    expect((await vendor.post(`/api/seal-carving/orders/${mine.id}/made`)).status).toBe(200);
    expect((await vendor.post(`/api/seal-carving/orders/${mine.id}/delivered`)).status).toBe(200);
    expect((await me.get(`/api/applications/${licence.id}`)).body.sealOrder.status).toBe('delivered');
    expect((await desk.clerk.get('/api/seal-carving/orders')).status).toBe(403);
  });

  it('past its validity a licence verifies as expired', async () => {
    const food = await fileToIssue(me, desk, 'food-business', { ...exampleForm('food-business')!, creditCode: licence.number });
    const url = new URL(qrOfPdf(food.pdf));
    const verification = h.portal.get(VerificationService);
    const sixYearsOn = new Date(Date.now() + 6 * 365 * 24 * 3600_000);
    const answer = await verification.verify(food.number, url.searchParams.get('d'), url.searchParams.get('sig'), sixYearsOn);
    expect(answer.status).toBe('expired');
    expect((await portal.get(`/api/verify/${encodeURIComponent(food.number)}${url.search}`)).body.status).toBe('valid');
  });

  it('revoked by the seal officer with a reason: verification says revoked, the holder is told, the audit log records who and why', async () => {
    expect((await desk.sealer.post(`/api/applications/${licence.id}/revoke`, {})).status).toBe(400);
    const revoked = await desk.sealer.post(`/api/applications/${licence.id}/revoke`, { reason: '以欺骗手段取得登记' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    const json = await portal.get(apiPathOf(licence.url));
    expect(json.body.status).toBe('revoked');
    expect(json.body.revokedAt).toBeDefined();
    expect((await portal.get(pathOf(licence.url))).raw.toString('utf8')).toContain('已撤销');
    const [sms] = await h.db.query(`SELECT body FROM notifications WHERE application_id = $1 AND template = 'license-revoked'`, [licence.id]);
    expect(sms.body).toContain('以欺骗手段取得登记');
    const [audit] = await h.db.query(`SELECT actor_kind, actor_name, note FROM audit_events WHERE application_id = $1 AND action = 'revoke'`, [licence.id]);
    expect(audit).toMatchObject({ actor_kind: 'staff', note: '以欺骗手段取得登记' });
  });

  it('a failure after rendering, before commit, retried: one licence number, one signature, the same PDF', async () => {
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO applications (id, number, service_code, state, applicant_id, owner_account_id, form, contact_phone)
       VALUES ($1, $2, 'business-license', 'issuing', $3, $3, $4, '13800000000')`,
      [id, `F${id.replace(/-/g, '').slice(0, 19)}`, randomUUID(), JSON.stringify(businessLicenseForm())],
    );
    const issuance = h.worker!.get(IssuanceService);
    const storage = (issuance as unknown as { storage: { put: (...a: unknown[]) => Promise<unknown> } }).storage;
    const realPut = storage.put.bind(storage);
    const stored: string[] = [];
    let failures = 1;
    storage.put = async (...args: unknown[]) => {
      const result = (await realPut(...args)) as { sha256: string };
      stored.push(result.sha256);
      if (failures-- > 0) throw new Error('worker killed after rendering');
      return result;
    };
    try {
      await expect(issuance.issue(id)).rejects.toThrow('worker killed');
      const [reserved] = await h.db.query(`SELECT number, signature FROM licenses WHERE application_id = $1`, [id]);
      expect(await issuance.issue(id)).toBe('issued');
      const rows = await h.db.query(`SELECT number, signature, pdf_sha256 FROM licenses WHERE application_id = $1`, [id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].number).toBe(reserved.number);
      expect(rows[0].signature).toBe(reserved.signature);
      expect(new Set(stored)).toEqual(new Set([rows[0].pdf_sha256]));
    } finally {
      storage.put = realPut;
    }
  });
});

describe('immutable licence PDFs', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('every download returns the same bytes; a stored file that no longer matches its hash is never served and raises the alarm', async () => {
    const { api: me } = await signedInApplicant(h);
    const desk = await staffDesk(h, 'immutable');
    const issued = await fileToIssue(me, desk, 'business-license', businessLicenseForm({ name: entityName() }));
    const again = await me.get(`/api/applications/${issued.id}/license.pdf`);
    expect(again.raw.equals(issued.pdf)).toBe(true);
    const [row] = await h.db.query(`SELECT pdf_sha256 FROM licenses WHERE application_id = $1`, [issued.id]);
    expect(createHash('sha256').update(issued.pdf).digest('hex')).toBe(row.pdf_sha256);

    const file = join(h.config.STORAGE_DIR, row.pdf_sha256.slice(0, 2), row.pdf_sha256);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 100), Buffer.from('X'), bytes.subarray(101)]));
    const tampered = await me.get(`/api/applications/${issued.id}/license.pdf`);
    expect(tampered.status).toBe(500);
    expect(tampered.raw.subarray(0, 5).toString()).not.toBe('%PDF-');
    const alarms = await h.db.query(`SELECT action FROM audit_events WHERE application_id = $1 AND action = 'stored_file_corrupt'`, [issued.id]);
    expect(alarms).toHaveLength(1);
  });
});
