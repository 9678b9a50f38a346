import { validateSync } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import {
  COMPLETE_FORM_GROUP,
  FORM_SCHEMA_CONVERTERS,
  IsAffirmed,
  IsArea,
  IsCount,
  IsDecimalAmount,
  IsIndustryCode,
  IsProjectCode,
  IsRealEstateUnitNumber,
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

class ServiceDecoratorSample {
  @IsDecimalAmount({ maxDecimals: 4, allowZero: true }) part: unknown;
  @IsArea({ unit: 'm2', maxDecimals: 2 }) floorArea: unknown;
  @IsArea({ unit: 'mu', maxDecimals: 4 }) landArea: unknown;
  @IsArea({ unit: 'mu', maxDecimals: 4, allowZero: true }) newLandArea: unknown;
  @IsProjectCode() projectCode: unknown;
  @IsRealEstateUnitNumber() unitNumber: unknown;
  @IsIndustryCode() industryCode: unknown;
  @IsCount(1000) members: unknown;
  @IsAffirmed('policy_compliance_required') statement: unknown;
}

const SERVICE_VALID: Record<string, unknown> = {
  part: '0',
  floorArea: '1200.5',
  landArea: '15.2567',
  newLandArea: '0',
  projectCode: '2026-140603-02-01-000001',
  unitNumber: '140603001001GB00001F00010001',
  industryCode: 'C3021',
  members: 50,
  statement: true,
};

function serviceProblemFor(property: string, value: unknown, options: { groups?: string[]; strictGroups?: boolean } = {}): string | null {
  const sample = Object.assign(new ServiceDecoratorSample(), SERVICE_VALID, { [property]: value });
  const error = validateSync(sample, options).find((e) => e.property === property);
  return error ? Object.values(error.constraints ?? {})[0] : null;
}

describe('service form decorators', () => {
  it('accept valid values', () => {
    for (const property of Object.keys(SERVICE_VALID)) expect(serviceProblemFor(property, SERVICE_VALID[property])).toBeNull();
  });

  it.each([
    ['part', '0.0', null],
    ['part', '12.3456', null],
    ['part', '00', 'amount_format_or_zero:4'],
    ['part', '-1', 'amount_format_or_zero:4'],
    ['part', '1.23456', 'amount_format_or_zero:4'],
    ['part', 0, 'not_string'],
    ['floorArea', '300', null],
    ['floorArea', '0.01', null],
    ['floorArea', '0', 'area_m2_format:2'],
    ['floorArea', '12.345', 'area_m2_format:2'],
    ['floorArea', '1,200', 'area_m2_format:2'],
    ['floorArea', 1200, 'not_string'],
    ['landArea', '0', 'area_mu_format:4'],
    ['landArea', '1.23456', 'area_mu_format:4'],
    ['newLandArea', '0', null],
    ['newLandArea', '-3', 'area_mu_format_or_zero:4'],
    ['projectCode', '2026-140603-02-01-000000', 'project_code_format'],
    ['projectCode', '2026-140603-02-01-00001', 'project_code_format'],
    ['projectCode', 20261406030201000001, 'not_string'],
    ['unitNumber', '140603001001GB00001F0001000', 'real_estate_unit_format'],
    ['unitNumber', '140603001001gb00001F00010001', 'real_estate_unit_format'],
    ['industryCode', 'C', 'industry_code_format'],
    ['industryCode', 'Z3021', 'industry_code_format'],
    ['members', 0, null],
    ['members', 1000, null],
    ['members', 1001, 'too_large:1000'],
    ['members', -1, 'too_small:0'],
    ['members', 2.5, 'not_integer'],
    ['members', '50', 'not_integer'],
    ['members', Number.NaN, 'not_integer'],
    ['statement', false, 'policy_compliance_required'],
    ['statement', 'true', 'not_boolean'],
  ])('%s = %p → %s', (property, value, problem) => {
    expect(serviceProblemFor(property, value)).toBe(problem);
  });

  it('lets a draft leave a declaration unticked, but not a complete form', () => {
    expect(serviceProblemFor('statement', false, { strictGroups: true })).toBeNull();
    expect(serviceProblemFor('statement', 'yes', { strictGroups: true })).toBe('not_boolean');
  });

  it('describes each new constraint in JSON Schema', () => {
    const schema = targetConstructorToSchema(ServiceDecoratorSample, { additionalConverters: FORM_SCHEMA_CONVERTERS });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.members).toMatchObject({ type: 'integer', minimum: 0, maximum: 1000 });
    expect(properties.projectCode).toMatchObject({ type: 'string', minLength: 24, maxLength: 24 });
    expect(properties.unitNumber).toMatchObject({ type: 'string', minLength: 28, maxLength: 28 });
    expect(properties.landArea).toMatchObject({ type: 'string', description: '亩 (mu)' });
    expect(properties.floorArea).toMatchObject({ type: 'string', description: '平方米 (m²)' });
    expect(properties.statement).toMatchObject({ type: 'boolean', enum: [true] });

    const patternOf = (property: string) => new RegExp(properties[property].pattern as string);
    for (const ok of ['0', '0.5', '12.3456', '100']) expect(patternOf('part').test(ok)).toBe(true);
    for (const bad of ['00', '-1', '.5', '1.23456']) expect(patternOf('part').test(bad)).toBe(false);
    expect(patternOf('floorArea').test('0')).toBe(false);
    expect(patternOf('newLandArea').test('0')).toBe(true);
    expect(patternOf('projectCode').test('2026-140603-02-01-000001')).toBe(true);
    expect(patternOf('unitNumber').test('140603001001GB00001F00010001')).toBe(true);
    expect(patternOf('industryCode').test('C3021')).toBe(true);
  });
});
