import { BusinessLicenseForm } from '../forms/business-license.form';
import { SERVICE_CODES, SERVICES, getService, isServiceCode, missingMaterials } from './index';

describe('service catalogue', () => {
  it('knows the eight service codes of DESIGN.md', () => {
    expect([...SERVICE_CODES].sort()).toEqual(
      [
        'business-license',
        'food-business',
        'investment-filing',
        'land-planning',
        'engineering-planning',
        'construction',
        'non-enterprise',
        'social-group',
      ].sort(),
    );
    expect(isServiceCode('construction')).toBe(true);
    expect(isServiceCode('driving-licence')).toBe(false);
    expect(isServiceCode(42)).toBe(false);
  });

  it('has one entry per code, each with a known code', () => {
    const codes = SERVICES.map((service) => service.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every(isServiceCode)).toBe(true);
  });

  it('describes 营业执照 with the facts of DOMAIN.md', () => {
    const service = getService('business-license');
    expect(service).toMatchObject({
      code: 'business-license',
      name: '营业执照',
      section: 'market_registration',
      sectionName: '市场主体登记科',
      queue: 'business-license',
      legalLimit: { days: 3, unit: 'working' },
      promisedLimit: { days: 1, unit: 'working' },
      extensionDays: 3,
      hasReviewStep: true,
      license: { title: '营业执照', titleEn: 'Business License', layout: 'business-license', validityYears: null, numberFormat: 'uscc' },
    });
    expect(service?.form).toBe(BusinessLicenseForm);
    expect(service?.materials.map((m) => m.code)).toEqual(['application_form', 'legal_rep_id', 'domicile_proof', 'articles']);
    for (const material of service?.materials ?? []) {
      expect(material.required).toBe(true);
      expect(material.accept).toEqual(expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png']));
      expect(material.name && material.nameEn).toBeTruthy();
    }
    expect(service?.materials.find((m) => m.code === 'articles')?.accept).toContain('application/ofd');
  });

  it('names the licence holder from the form', () => {
    const service = getService('business-license')!;
    expect(service.holderName({ name: '朔州市平鲁区晋北新材料有限公司' } as BusinessLicenseForm)).toBe('朔州市平鲁区晋北新材料有限公司');
  });

  it('returns undefined for codes it does not hold', () => {
    expect(getService('no-such-service')).toBeUndefined();
  });

  it('lists the required materials not yet uploaded', () => {
    const service = getService('business-license')!;
    expect(missingMaterials(service, []).map((m) => m.code)).toEqual(['application_form', 'legal_rep_id', 'domicile_proof', 'articles']);
    expect(missingMaterials(service, ['articles', 'application_form', 'unrelated']).map((m) => m.code)).toEqual(['legal_rep_id', 'domicile_proof']);
    expect(missingMaterials(service, service.materials.map((m) => m.code))).toEqual([]);
  });

  it('does not count optional materials as missing', () => {
    const service = { ...getService('business-license')!, materials: [{ code: 'authorization', name: '授权委托书', nameEn: 'Letter of authorisation', required: false, accept: ['application/pdf'] }] };
    expect(missingMaterials(service, [])).toEqual([]);
  });
});
