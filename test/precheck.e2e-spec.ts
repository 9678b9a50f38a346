import { Api, SAMPLE_FILES } from './support/api';
import { businessLicenseForm, mobile, residentId } from './support/factories';
import { eventually, Harness, startHarness } from './support/harness';

describe('precheck (预审) on the business-license queue', () => {
  let h: Harness;
  let me: Api;

  beforeAll(async () => {
    h = await startHarness();
    const portal = new Api(h.portal);
    const phone = mobile();
    await portal.post('/api/auth/register', { name: '预审人', phone, idNumber: residentId(), password: 'long-enough-password' });
    me = portal.as((await portal.post('/api/auth/login', { phone, password: 'long-enough-password' })).body.token);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function fileAndSubmit(form: Record<string, unknown>): Promise<string> {
    const draft = await me.post('/api/applications', { serviceCode: 'business-license', form });
    expect(draft.status).toBe(201);
    for (const materialCode of ['application_form', 'legal_rep_id', 'domicile_proof', 'articles']) {
      await me.upload(`/api/applications/${draft.body.id}/materials`, { materialCode }, { name: 'scan.pdf', content: SAMPLE_FILES.pdf() });
    }
    expect((await me.post(`/api/applications/${draft.body.id}/submit`)).status).toBe(202);
    return draft.body.id;
  }

  const settled = (id: string) =>
    eventually(async () => {
      const view = (await me.get(`/api/applications/${id}`)).body;
      return view.state === 'submitted' ? undefined : view;
    });

  it('a name already taken in the district (compared without the organisation form) goes back with a correction list', async () => {
    const first = businessLicenseForm({ name: '朔州市平鲁区雁门关新材料有限公司' });
    const firstId = await fileAndSubmit(first);
    expect((await settled(firstId)).state).toBe('awaiting_acceptance');

    const secondId = await fileAndSubmit(businessLicenseForm({ name: '朔州市平鲁区雁门关新材料有限责任公司' }));
    const second = await settled(secondId);
    expect(second.state).toBe('correction_required');
    expect(second.clock.status).toBe('paused');
    expect(second.corrections).toHaveLength(1);
    expect(second.corrections[0].requestedBy).toBe('system');
    expect(second.corrections[0].items).toEqual([expect.objectContaining({ field: 'name' })]);

    // The applicant renames and resubmits: precheck runs again and the file keeps its history.
    expect((await me.patch(`/api/applications/${secondId}`, { form: businessLicenseForm({ name: '朔州市平鲁区雁门新型材料有限公司' }) })).status).toBe(200);
    expect((await me.post(`/api/applications/${secondId}/submit`)).status).toBe(202);
    const resubmitted = await settled(secondId);
    expect(resubmitted.state).toBe('awaiting_acceptance');
    expect(resubmitted.corrections[0].resolvedAt).toBeDefined();
    expect(resubmitted.timeline.map((t: { action: string }) => t.action)).toEqual(
      expect.arrayContaining(['submit', 'precheck_fail', 'edit_form', 'resubmit', 'precheck_pass']),
    );
  });

  it('a withdrawn file frees its name', async () => {
    const name = '朔州市平鲁区桑干河新材料有限公司';
    const firstId = await fileAndSubmit(businessLicenseForm({ name }));
    await settled(firstId);
    expect((await me.post(`/api/applications/${firstId}/withdraw`)).status).toBe(200);
    const secondId = await fileAndSubmit(businessLicenseForm({ name }));
    expect((await settled(secondId)).state).toBe('awaiting_acceptance');
  });
});
