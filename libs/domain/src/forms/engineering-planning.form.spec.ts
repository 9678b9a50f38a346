import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'engineering-planning';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown) => {
  const result = checkFormComplete(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};

describe('engineering-planning form (建设工程规划许可证)', () => {
  it('accepts the example', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(completeFields(valid())).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      ['builder', 'constructionScale', 'location', 'projectCode', 'projectName', 'realEstateUnitNumber'].sort(),
    );
  });

  it.each([
    ['builder', ['晋北']],
    ['projectCode', '2026-140603-02-01'],
    ['location', ''],
    ['realEstateUnitNumber', '140603001001GB00001F0001000'],
    ['realEstateUnitNumber', '140603001001GB00001F000100011'],
    ['realEstateUnitNumber', '140603001001gb00001f00010001'],
    ['realEstateUnitNumber', 140603001001],
  ])('refuses %s = %p', (field, value) => {
    expect(Object.keys(draftFields({ ...valid(), [field]: value }))).toEqual([field]);
  });

  it('explains a bad real estate unit number', () => {
    expect(draftFields({ ...valid(), realEstateUnitNumber: 'X' })).toEqual({ realEstateUnitNumber: expect.stringContaining('28 characters') });
  });
});
