import { SERVICES } from '../catalogue';
import { formJsonSchema } from './json-schema';

type Schema = Record<string, any>;

describe('formJsonSchema', () => {
  const schema = formJsonSchema('business-license') as Schema;

  it('is undefined for an unknown service', () => {
    expect(formJsonSchema('no-such-service')).toBeUndefined();
  });

  it('describes the business-licence form', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['businessScope', 'domicile', 'entityType', 'legalRepresentative', 'name', 'registeredCapital', 'shareholders', 'term'].sort(),
    );
    expect(schema.required.sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.properties.name).toMatchObject({ type: 'string', maxLength: 50 });
    expect(schema.properties.entityType.enum).toEqual(['limited_company', 'sole_proprietorship', 'partnership', 'individual_business']);
    expect(schema.properties.shareholders).toMatchObject({ type: 'array', minItems: 1, items: { $ref: '#/definitions/BusinessLicenseShareholder' } });
  });

  it('embeds every nested definition it refers to, closed to unknown fields', () => {
    const refs = JSON.stringify(schema).match(/#\/definitions\/[A-Za-z]+/g) ?? [];
    const names = [...new Set(refs.map((ref) => ref.replace('#/definitions/', '')))].sort();
    expect(names).toEqual(
      ['BusinessLicenseLegalRepresentative', 'BusinessLicenseScope', 'BusinessLicenseShareholder', 'BusinessLicenseTerm'].sort(),
    );
    expect(Object.keys(schema.definitions).sort()).toEqual(names);
    for (const name of names) {
      expect(schema.definitions[name]).toMatchObject({ type: 'object', additionalProperties: false });
      expect(Array.isArray(schema.definitions[name].required)).toBe(true);
    }
  });

  it('says what the nested forms hold', () => {
    const { BusinessLicenseShareholder, BusinessLicenseTerm, BusinessLicenseLegalRepresentative, BusinessLicenseScope } = schema.definitions;
    expect(BusinessLicenseShareholder.required.sort()).toEqual(['contribution', 'name']);
    expect(BusinessLicenseShareholder.oneOf).toEqual([{ required: ['idNumber'] }, { required: ['creditCode'] }]);
    expect(BusinessLicenseTerm.required.sort()).toEqual(['from', 'to']);
    expect(BusinessLicenseTerm.properties.to.type).toEqual(['string', 'null']);
    expect(BusinessLicenseLegalRepresentative.properties.idNumber).toMatchObject({ type: 'string', maxLength: 18 });
    expect(BusinessLicenseScope.properties.general).toMatchObject({ type: 'array', items: { type: 'string', maxLength: 100 } });
  });

  it('gives every string a maxLength', () => {
    const strings: Array<[string, Schema]> = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const s = node as Schema;
      const types = [s.type].flat();
      if (types.includes('string')) strings.push([path, s]);
      for (const [key, child] of Object.entries(s)) visit(child, `${path}/${key}`);
    };
    visit(schema, '#');
    expect(strings.length).toBeGreaterThan(10);
    for (const [path, s] of strings) expect([path, typeof s.maxLength]).toEqual([path, 'number']);
  });

  it('returns a copy each time', () => {
    const first = formJsonSchema('business-license') as Schema;
    first.properties.name = 'changed';
    expect((formJsonSchema('business-license') as Schema).properties.name).not.toBe('changed');
  });
});

describe('formJsonSchema for every service', () => {
  it.each(SERVICES.map((service) => service.code))('%s: closed objects, every definition embedded, every string bounded', (code) => {
    const schema = formJsonSchema(code) as Schema;
    const refs = JSON.stringify(schema).match(/#\/definitions\/[A-Za-z]+/g) ?? [];
    const names = [...new Set(refs.map((ref) => ref.replace('#/definitions/', '')))].sort();
    expect(Object.keys(schema.definitions).sort()).toEqual(names);
    for (const name of names) expect(schema.definitions[name]).toMatchObject({ type: 'object', additionalProperties: false });

    const unbounded: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const s = node as Schema;
      if ([s.type].flat().includes('string') && typeof s.maxLength !== 'number') unbounded.push(path);
      for (const [key, child] of Object.entries(s)) visit(child, `${path}/${key}`);
    };
    visit(schema, '#');
    expect(unbounded).toEqual([]);
  });
});
