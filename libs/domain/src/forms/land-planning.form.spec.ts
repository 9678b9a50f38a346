import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'land-planning';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown) => {
  const result = checkFormComplete(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};

describe('land-planning form (建设用地规划许可证)', () => {
  it('accepts the example, sold or allocated land', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(completeFields(valid())).toEqual({});
    expect(completeFields({ ...valid(), acquisitionMethod: 'allocation' })).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      [
        'acquisitionMethod',
        'approvalDocumentNumber',
        'approvingAuthority',
        'area',
        'constructionScale',
        'landUse',
        'landUser',
        'location',
        'projectCode',
        'projectName',
      ].sort(),
    );
  });

  it.each([
    ['landUser', ''],
    ['projectCode', '2026-140603-02-01-000000'],
    ['projectCode', '2026-140603-02-01-1'],
    ['approvalDocumentNumber', 15],
    ['area', '0'],
    ['area', '40000.123'],
    ['landUse', '   '],
    ['acquisitionMethod', 'lease'],
    ['acquisitionMethod', '出让'],
  ])('refuses %s = %p', (field, value) => {
    expect(Object.keys(draftFields({ ...valid(), [field]: value }))).toEqual([field]);
  });

  it('explains a bad project code', () => {
    expect(draftFields({ ...valid(), projectCode: '2026140603' })).toEqual({ projectCode: expect.stringContaining('2026-140603-02-01-000001') });
  });
});
