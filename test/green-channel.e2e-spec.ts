import { exampleForm } from '@onewindow/domain';
import { Api, SAMPLE_FILES } from './support/api';
import { entityName } from './support/factories';
import { createStaff, eventually, Harness, STAFF_PASSWORD, startHarness } from './support/harness';
import { signedInApplicant } from './support/journeys';

describe('green channel (绿色通道) and key projects (重点项目)', () => {
  let h: Harness;
  let me: Api;
  let clerk: Api;
  let backoffice: Api;

  beforeAll(async () => {
    h = await startHarness();
    me = (await signedInApplicant(h)).api;
    backoffice = new Api(h.backoffice);
    await createStaff(h.db, { username: 'gc-clerk', roles: ['window_clerk'] });
    await createStaff(h.db, { username: 'gc-helper', roles: ['helper'] });
    clerk = backoffice.as((await backoffice.post('/api/auth/login', { username: 'gc-clerk', password: STAFF_PASSWORD })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function submitted(serviceCode: string, form: Record<string, unknown>): Promise<string> {
    const draft = await me.post('/api/applications', { serviceCode, form });
    const id = draft.body.id;
    const first = await me.post(`/api/applications/${id}/submit`);
    if (first.status === 422) {
      for (const field of Object.keys(first.body.fields)) {
        await me.upload(`/api/applications/${id}/materials`, { materialCode: field.slice('materials.'.length) }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
      }
      await me.post(`/api/applications/${id}/submit`);
    }
    await eventually(async () => ((await me.get(`/api/applications/${id}`)).body.state === 'awaiting_acceptance' ? true : undefined));
    return id;
  }

  it('a file marked with a reason sorts first in the queue, with the mark on its timeline', async () => {
    const id = await submitted('food-business', exampleForm('food-business')!);
    expect((await clerk.post(`/api/applications/${id}/green-channel`, {})).status).toBe(400);
    const marked = await clerk.post(`/api/applications/${id}/green-channel`, { reason: '省级重点招商项目配套' });
    expect(marked.status).toBe(200);
    const inbox = await clerk.get('/api/inbox?limit=5');
    expect(inbox.body.items[0].greenChannel).toBe(true);
    const after = (await clerk.get(`/api/applications/${id}`)).body;
    expect(after.greenChannel).toBe(true);
    expect(after.timeline.map((t: { action: string }) => t.action)).toContain('green_channel');
  });

  it('a key project puts every file of the project in the green channel, and its helper sees them all', async () => {
    const projectCode = `2026-140603-02-01-${String(Math.floor(Math.random() * 900000) + 100000)}`;
    const id = await submitted('land-planning', { ...exampleForm('land-planning')!, projectCode, landUser: entityName() });
    const marked = await clerk.post('/api/key-projects', { projectCode, name: '年产5万吨新型建材生产线项目', reason: '全区重点项目', helperUsernames: ['gc-helper'] });
    expect(marked.status).toBe(201);
    expect(marked.body.files).toBe(1);
    expect((await clerk.get(`/api/applications/${id}`)).body.greenChannel).toBe(true);
    const helper = backoffice.as((await backoffice.post('/api/auth/login', { username: 'gc-helper', password: STAFF_PASSWORD })).body.token);
    const list = await helper.get('/api/assisted-filings');
    expect(list.body.map((f: { id: string }) => f.id)).toContain(id);
    // Marking needs the right role: a helper may not.
    expect((await helper.post('/api/key-projects', { projectCode, name: 'x', reason: 'y' })).status).toBe(403);
  });
});
