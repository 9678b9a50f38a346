import { BusinessLicenseForm } from '../forms/business-license.form';
import { exampleForm } from '../forms/examples';
import { formJsonSchema } from '../forms/json-schema';
import { checkFormComplete } from '../forms/validate';
import { numberScope } from '../numbering';
import { SERVICE_CODES, SERVICES, getService, isMaterialRequired, isServiceCode, missingMaterials, type MaterialDefinition } from './index';

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
      license: { title: '营业执照', titleEn: 'Business Licence', layout: 'business-license', validityYears: null, numberFormat: 'uscc' },
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

describe('the eight services in the catalogue', () => {
  const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'];

  it('holds every service code, in the order of DESIGN.md', () => {
    expect(SERVICES.map((service) => service.code)).toEqual([...SERVICE_CODES]);
  });

  // DOMAIN.md's time limits; DESIGN.md's sections and family queues.
  it.each([
    ['business-license', { days: 3, unit: 'working' }, { days: 1, unit: 'working' }, 3, 'market_registration', 'business-license', true],
    ['food-business', { days: 10, unit: 'working' }, { days: 5, unit: 'working' }, 5, 'food_drug', 'food-permit', true],
    ['investment-filing', { days: 1, unit: 'working' }, { days: 1, unit: 'working' }, 0, 'investment', 'planning-permit', false],
    ['land-planning', { days: 20, unit: 'working' }, { days: 5, unit: 'working' }, 10, 'planning', 'planning-permit', true],
    ['engineering-planning', { days: 20, unit: 'working' }, { days: 5, unit: 'working' }, 10, 'planning', 'planning-permit', true],
    ['construction', { days: 7, unit: 'working' }, { days: 3, unit: 'working' }, 0, 'construction', 'planning-permit', true],
    ['non-enterprise', { days: 60, unit: 'calendar' }, { days: 15, unit: 'calendar' }, 0, 'social_organizations', 'social-org', true],
    ['social-group', { days: 30, unit: 'calendar' }, { days: 15, unit: 'calendar' }, 0, 'social_organizations', 'social-org', true],
  ])('%s: legal %j, promised %j, extension %i, section %s, queue %s, review %s', (code, legalLimit, promisedLimit, extensionDays, section, queue, hasReviewStep) => {
    expect(getService(code)).toMatchObject({ legalLimit, promisedLimit, extensionDays, section, queue, hasReviewStep });
  });

  it.each([
    ['food-business', '食品经营许可证', '食品药品科', 5, 'food-permit'],
    ['investment-filing', '企业投资项目备案证明', '投资项目科', null, 'project-code'],
    ['land-planning', '建设用地规划许可证', '规划科', null, 'land-planning-permit'],
    ['engineering-planning', '建设工程规划许可证', '规划科', null, 'engineering-planning-permit'],
    ['construction', '建筑工程施工许可证', '建设科', null, 'construction-permit'],
    ['non-enterprise', '民办非企业单位登记证书', '社会组织科', 5, 'uscc'],
    ['social-group', '社会团体法人登记证书', '社会组织科', 5, 'uscc'],
  ])('%s issues %s, reviewed by %s, valid %p years, numbered %s', (code, title, sectionName, validityYears, numberFormat) => {
    const service = getService(code)!;
    expect(service.license).toMatchObject({ title, layout: code, validityYears, numberFormat });
    expect(service.sectionName).toBe(sectionName);
  });

  it('notes what limits a construction permit instead of a term', () => {
    const { license } = getService('construction')!;
    expect(license.validityNote).toContain('三个月内应当开工');
    expect(license.validityNoteEn).toContain('3 months');
  });

  describe.each(SERVICES.map((service) => [service.code, service] as const))('%s', (code, service) => {
    it('has names, a section and a guide in both languages', () => {
      for (const text of [service.name, service.nameEn, service.sectionName, service.sectionNameEn, service.license.title, service.license.titleEn]) {
        expect(text.trim()).not.toBe('');
      }
      expect(service.guide).toMatchObject({ fee: '不收费', feeEn: 'Free of charge' });
      expect(service.guide.who && service.guide.whoEn).toBeTruthy();
      expect(service.promisedLimit.unit).toBe(service.legalLimit.unit);
      expect(service.promisedLimit.days).toBeLessThanOrEqual(service.legalLimit.days);
    });

    it('promises the green channel a shorter limit: about half the promise, at least 1 day, same unit', () => {
      const green = service.greenChannelPromisedLimit;
      expect(green.unit).toBe(service.promisedLimit.unit);
      expect(green.days).toBeGreaterThanOrEqual(1);
      expect(green.days).toBeLessThanOrEqual(service.promisedLimit.days);
      expect(green.days).toBe(Math.max(1, Math.ceil(service.promisedLimit.days / 2)));
    });

    it('has a form class with a JSON Schema that lists properties and required fields', () => {
      expect(typeof service.form).toBe('function');
      const schema = formJsonSchema(code) as Record<string, any>;
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false, title: service.name });
      expect(Object.keys(schema.properties).length).toBeGreaterThan(3);
      expect(schema.required.length).toBeGreaterThan(3);
      for (const field of schema.required) expect(Object.keys(schema.properties)).toContain(field);
    });

    it('has materials with unique codes, names in both languages and accepted types', () => {
      const codes = service.materials.map((material) => material.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes).size).toBe(codes.length);
      for (const material of service.materials) {
        expect(material.code).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(material.name && material.nameEn).toBeTruthy();
        expect(material.accept.length).toBeGreaterThan(0);
        for (const type of material.accept) expect(ACCEPTED_TYPES).toContain(type);
        // A conditional material says when, in words and as a rule; an always-required one has neither.
        if (material.requiredWhen) expect([material.required, !!material.condition, !!material.conditionEn]).toEqual([false, true, true]);
        else expect(material.required).toBe(true);
      }
    });

    it('has an example form that is complete, names its holder and numbers from a scope', () => {
      const form = exampleForm(code);
      expect(form).toBeDefined();
      expect(checkFormComplete(code, form, 'en')).toEqual({ ok: true });
      expect(service.holderName(form as never).trim()).not.toBe('');
      expect(numberScope(code, '2026-11-28', form)).toMatch(/^[a-z0-9-]+(:[0-9-]+)?$/);
    });
  });
});

describe('conditional materials', () => {
  const codesMissing = (code: string, form?: object) => missingMaterials(getService(code)!, [], form).map((m) => m.code);

  it('asks for the land-sale contract for sold land and the site-selection opinion for allocated land', () => {
    expect(codesMissing('land-planning', { acquisitionMethod: 'sale' })).toEqual([
      'application_form',
      'applicant_id_or_authorization',
      'project_filing',
      'land_sale_contract',
      'red_line_map',
    ]);
    expect(codesMissing('land-planning', { acquisitionMethod: 'allocation' })).toContain('site_selection_opinion');
    expect(codesMissing('land-planning', { acquisitionMethod: 'allocation' })).not.toContain('land_sale_contract');
  });

  it('asks for a letter of authorisation only when an agent files for a food business', () => {
    expect(codesMissing('food-business', exampleForm('food-business'))).not.toContain('authorization_letter');
    const withAgent = { ...exampleForm('food-business'), agent: { name: '李娜', idNumber: '33012219900101123X', phone: '13600000000' } };
    expect(codesMissing('food-business', withAgent)).toContain('authorization_letter');
  });

  it.each(['non-enterprise', 'social-group'])("asks %s for the sponsor's approval only when there is a sponsoring unit", (code) => {
    expect(codesMissing(code, { sponsoringUnit: '朔州市平鲁区民政局' })).toContain('sponsor_approval');
    expect(codesMissing(code, {})).not.toContain('sponsor_approval');
    expect(codesMissing(code, { sponsoringUnit: '  ' })).not.toContain('sponsor_approval');
    expect(codesMissing(code, { sponsoringUnit: 42 })).not.toContain('sponsor_approval');
  });

  it('without a form, asks only for the always-required materials (the old call shape)', () => {
    expect(codesMissing('land-planning')).toEqual(['application_form', 'applicant_id_or_authorization', 'project_filing', 'red_line_map']);
    expect(codesMissing('land-planning', null as never)).toEqual(codesMissing('land-planning'));
  });

  it('counts an uploaded conditional material as present', () => {
    const service = getService('land-planning')!;
    const all = service.materials.map((m) => m.code);
    expect(missingMaterials(service, all, { acquisitionMethod: 'sale' })).toEqual([]);
  });

  it('falls back to `required` when the rule cannot read the form', () => {
    const material: MaterialDefinition = {
      code: 'x',
      name: '某材料',
      nameEn: 'Something',
      required: false,
      accept: ['application/pdf'],
      requiredWhen: () => {
        throw new TypeError('odd form');
      },
    };
    expect(isMaterialRequired(material, {})).toBe(false);
    expect(isMaterialRequired({ ...material, required: true }, {})).toBe(true);
  });
});
