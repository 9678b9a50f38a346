import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'social-group';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown) => {
  const result = validateFormDraft(SERVICE, form, 'en');
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown, lang: 'en' | 'zh-CN' = 'en') => {
  const result = checkFormComplete(SERVICE, form, lang);
  return result.ok ? {} : result.fields;
};

const TOO_FEW = 'A social group needs at least 50 individual members or at least 30 unit members';

describe('social-group form (社会团体登记)', () => {
  it('accepts the example', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(completeFields(valid())).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      ['areaOfActivity', 'businessScope', 'domicile', 'individualMembers', 'legalRepresentative', 'name', 'registeredFunds', 'unitMembers'].sort(),
    );
  });

  it.each([
    ['name', '平鲁区第2协会'],
    ['name', '协'],
    ['businessScope', ''],
    ['areaOfActivity', 5],
    ['registeredFunds', '-3'],
    ['registeredFunds', 3],
    ['individualMembers', '62'],
    ['individualMembers', 62.5],
    ['individualMembers', -1],
    ['unitMembers', 1_000_001],
    ['unitMembers', null],
  ])('refuses %s = %p', (field, value) => {
    const fields = field === 'unitMembers' && value === null ? completeFields({ ...valid(), [field]: value }) : draftFields({ ...valid(), [field]: value });
    expect(Object.keys(fields)).toEqual([field]);
  });

  describe('members and funds at submit', () => {
    it.each<[number, number, Record<string, string>]>([
      [50, 0, {}],
      [0, 30, {}],
      [49, 30, {}],
      [50, 29, {}],
      [120, 45, {}],
      [49, 29, { individualMembers: TOO_FEW }],
      [0, 0, { individualMembers: TOO_FEW }],
      [10, 25, { individualMembers: TOO_FEW }],
    ])('%i individual and %i unit members', (individualMembers, unitMembers, expected) => {
      expect(completeFields({ ...valid(), individualMembers, unitMembers })).toEqual(expected);
    });

    it.each<[string, Record<string, string>]>([
      ['3', {}],
      ['3.0000', {}],
      ['10', {}],
      ['2.9999', { registeredFunds: "A social group's registered funds must be at least 3 (10,000 yuan)" }],
      ['0.5', { registeredFunds: "A social group's registered funds must be at least 3 (10,000 yuan)" }],
    ])('registered funds of %s 万元', (registeredFunds, expected) => {
      expect(completeFields({ ...valid(), registeredFunds })).toEqual(expected);
    });

    it('says so in Chinese', () => {
      expect(completeFields({ ...valid(), individualMembers: 20, unitMembers: 10, registeredFunds: '1' }, 'zh-CN')).toEqual({
        individualMembers: '社会团体应有 50 个以上个人会员或 30 个以上单位会员',
        registeredFunds: '社会团体的注册资金不能少于 3 万元',
      });
    });

    it('does not run in a draft', () => {
      expect(draftFields({ ...valid(), individualMembers: 1, unitMembers: 1, registeredFunds: '1' })).toEqual({});
    });
  });
});
