import { validateSync } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import {
  COMPLETE_FORM_GROUP,
  FORM_SCHEMA_CONVERTERS,
  IsDecimalAmount,
  IsEntityName,
  IsIsoDate,
  IsMainlandMobile,
  IsResidentId,
  IsUscc,
  RequiredAtSubmit,
  decodeProblem,
  encodeProblem,
} from './decorators';

class DecoratorSample {
  @IsUscc() creditCode: unknown;
  @IsResidentId() idNumber: unknown;
  @IsMainlandMobile() phone: unknown;
  @IsEntityName() name: unknown;
  @IsDecimalAmount({ maxDecimals: 4 }) amount: unknown;
  @IsDecimalAmount({ maxDecimals: 2 }) price: unknown;
  @IsIsoDate() day: unknown;
  @IsIsoDate({ nullable: true }) until: unknown;
  @RequiredAtSubmit() requiredOnSubmit: unknown;
}

const VALID: Record<string, unknown> = {
  creditCode: '91350100M000100Y43',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  name: '朔州市平鲁区晋北新材料（平鲁）有限公司',
  amount: '12.3456',
  price: '0.01',
  day: '2028-02-29',
  until: null,
  requiredOnSubmit: 'yes',
};

function problemFor(property: string, value: unknown): string | null {
  const sample = Object.assign(new DecoratorSample(), VALID, { [property]: value });
  const error = validateSync(sample).find((e) => e.property === property);
  return error ? Object.values(error.constraints ?? {})[0] : null;
}

describe('form decorators', () => {
  it('accept valid values', () => {
    for (const property of Object.keys(VALID)) expect(problemFor(property, VALID[property])).toBeNull();
  });

  it.each([
    ['creditCode', '91350100M000100Y42', 'uscc_check'],
    ['creditCode', '91350100M000100Y4Z', 'uscc_format'],
    ['creditCode', 91350100, 'not_string'],
    ['idNumber', '110105194912310021', 'resident_id_check'],
    ['idNumber', '110105199002300012', 'resident_id_birth_date'],
    ['idNumber', '1101051949', 'resident_id_format'],
    ['phone', '1380000000', 'mobile_format'],
    ['name', '晋北新材料有限公司2', 'entity_name_format'],
    ['name', '晋北New材料有限公司', 'entity_name_format'],
    ['name', '晋北新材料(平鲁)有限公司', 'entity_name_format'],
    ['name', '晋北新材料）平鲁（有限公司', 'entity_name_brackets'],
    ['name', '晋'.repeat(51), 'entity_name_format'],
    ['amount', '12.34567', 'amount_format:4'],
    ['amount', '0.0000', 'amount_format:4'],
    ['amount', '012', 'amount_format:4'],
    ['amount', '12.', 'amount_format:4'],
    ['amount', 12, 'not_string'],
    ['price', '0.001', 'amount_format:2'],
    ['day', '2026-02-29', 'date_format'],
    ['day', '2026-2-1', 'date_format'],
    ['day', null, 'not_string'],
    ['until', '2026-13-01', 'date_format'],
    ['requiredOnSubmit', undefined, 'required'],
  ])('%s = %p → %s', (property, value, problem) => {
    expect(problemFor(property, value)).toBe(problem);
  });

  it('tags the required check with the complete-form group, so drafts can leave it out', () => {
    const sample = Object.assign(new DecoratorSample(), VALID, { requiredOnSubmit: undefined });
    expect(validateSync(sample, { strictGroups: true })).toEqual([]);
    expect(validateSync(sample, { groups: [COMPLETE_FORM_GROUP], always: true })).toHaveLength(1);
  });

  it('round-trips problem codes through the message string', () => {
    expect(decodeProblem(encodeProblem('too_long', 50))).toEqual({ code: 'too_long', params: ['50'] });
    expect(decodeProblem('property x should not exist')).toEqual({ code: 'invalid', params: [] });
  });

  it('turns every custom constraint into a JSON Schema with a pattern or format', () => {
    const schema = targetConstructorToSchema(DecoratorSample, { additionalConverters: FORM_SCHEMA_CONVERTERS });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.creditCode).toMatchObject({ type: 'string', maxLength: 18 });
    expect(properties.idNumber).toMatchObject({ type: 'string', maxLength: 18 });
    expect(properties.phone).toMatchObject({ type: 'string', pattern: '^1[3-9][0-9]{9}$' });
    expect(properties.name).toMatchObject({ type: 'string', maxLength: 50 });
    expect(properties.day).toMatchObject({ type: 'string', format: 'date' });
    expect(properties.until).toMatchObject({ type: ['string', 'null'], format: 'date' });

    const patternOf = (property: string) => new RegExp(properties[property].pattern as string);
    expect(patternOf('creditCode').test('91350100M000100Y43')).toBe(true);
    expect(patternOf('creditCode').test('91350100M000100Y4Z')).toBe(false);
    expect(patternOf('idNumber').test('11010519491231002x')).toBe(true);
    expect(patternOf('name').test('朔州市平鲁区晋北新材料（平鲁）有限公司')).toBe(true);
    expect(patternOf('name').test('晋北2号有限公司')).toBe(false);
    for (const ok of ['500', '12.3456', '0.0001', '100000000000']) expect(patternOf('amount').test(ok)).toBe(true);
    for (const bad of ['0', '0.0000', '12.34567', '-1', '01', '1e3', '1000000000000']) expect(patternOf('amount').test(bad)).toBe(false);
    expect(patternOf('price').test('1.234')).toBe(false);
  });
});
