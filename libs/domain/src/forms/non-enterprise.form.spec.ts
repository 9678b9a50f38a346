import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'non-enterprise';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown) => {
  const result = checkFormComplete(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};

describe('non-enterprise form (民办非企业单位登记)', () => {
  it('accepts the example, with or without a sponsoring unit', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(completeFields(valid())).toEqual({});
    const withoutSponsor = valid();
    delete withoutSponsor.sponsoringUnit;
    expect(completeFields(withoutSponsor)).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(['domicile', 'legalRepresentative', 'name', 'purposeAndScope', 'startupFunds'].sort());
  });

  it.each([
    ['name', '平鲁区第1职业培训学校', 'name'],
    ['name', 'Pinglu培训学校', 'name'],
    ['name', '阳光(平鲁)职业培训学校', 'name'],
    ['name', '阳光（平鲁职业培训学校', 'name'],
    ['domicile', '', 'domicile'],
    ['purposeAndScope', 'x'.repeat(2001), 'purposeAndScope'],
    ['legalRepresentative', { name: '张红梅', idNumber: '140603197511080028', phone: '1390000000' }, 'legalRepresentative.phone'],
    ['legalRepresentative', { name: '张红梅', idNumber: '140603197511080029', phone: '13900000002' }, 'legalRepresentative.idNumber'],
    ['startupFunds', '0', 'startupFunds'],
    ['startupFunds', 10, 'startupFunds'],
    ['sponsoringUnit', ' ', 'sponsoringUnit'],
  ])('refuses %s = %p at %s', (field, value, path) => {
    expect(Object.keys(draftFields({ ...valid(), [field]: value }))).toEqual([path]);
  });
});
