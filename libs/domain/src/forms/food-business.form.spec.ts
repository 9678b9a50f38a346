import { exampleForm } from './examples';
import { checkFormComplete, validateFormDraft } from './validate';

const SERVICE = 'food-business';
const valid = () => exampleForm(SERVICE) as Record<string, any>;
const draftFields = (form: unknown, lang: 'en' | 'zh-CN' = 'en') => {
  const result = validateFormDraft(SERVICE, form, lang);
  return result.ok ? {} : result.fields;
};
const completeFields = (form: unknown, lang: 'en' | 'zh-CN' = 'en') => {
  const result = checkFormComplete(SERVICE, form, lang);
  return result.ok ? {} : result.fields;
};

describe('food-business form (食品经营许可证)', () => {
  it('accepts the example, as a draft and as a complete form', () => {
    expect(validateFormDraft(SERVICE, valid(), 'en')).toEqual({ ok: true, form: valid() });
    expect(checkFormComplete(SERVICE, valid(), 'en')).toEqual({ ok: true });
  });

  it('accepts an individual operator with an ID number and an agent, without a warehouse', () => {
    const form = valid();
    delete form.creditCode;
    delete form.warehouseAddress;
    form.idNumber = '140603198502200045';
    form.agent = { name: '李娜', idNumber: '33012219900101123X', phone: '13600000000' };
    expect(completeFields(form)).toEqual({});
  });

  it('lists every missing required field at submit', () => {
    expect(Object.keys(completeFields({})).sort()).toEqual(
      ['businessForm', 'businessItems', 'creditCode', 'domicile', 'legalRepresentative', 'operatorName', 'premises'].sort(),
    );
    expect(draftFields({})).toEqual({});
  });

  it.each([
    ['operatorName', '  '],
    ['operatorName', 42],
    ['creditCode', '91350100M000100Y42'],
    ['idNumber', '110105194912310021'],
    ['legalRepresentative', { name: '王秀英' }],
    ['businessForm', 'retail'],
    ['businessForm', 2],
    ['businessItems', '热食类食品制售'],
    ['businessItems', ['']],
    ['warehouseAddress', ''],
    ['premises', 'x'.repeat(201)],
  ])('refuses %s = %p', (field, value) => {
    const form = valid();
    form[field] = value;
    // Replacing the credit code by a bad ID number would also make "both": test the field alone.
    if (field === 'idNumber') delete form.creditCode;
    expect(Object.keys(draftFields(form))).toEqual([field]);
  });

  it('checks the agent like any person', () => {
    const form = valid();
    form.agent = { name: '李娜', idNumber: '33012219900101123X', phone: '12600000000' };
    expect(draftFields(form)).toEqual({ 'agent.phone': expect.stringContaining('mobile number') });
  });

  it('needs at least one business item at submit, not in a draft', () => {
    const form = valid();
    form.businessItems = [];
    expect(draftFields(form)).toEqual({});
    expect(completeFields(form)).toEqual({ businessItems: 'Needs at least 1' });
  });

  describe('credit code or ID number, exactly one', () => {
    it.each([
      ['credit code only', { creditCode: '91140603MA00011F9G' }, {}, {}],
      ['ID number only', { idNumber: '140603198502200045' }, {}, {}],
      [
        'both',
        { creditCode: '91140603MA00011F9G', idNumber: '140603198502200045' },
        { creditCode: expect.stringContaining('not both') },
        { creditCode: expect.stringContaining('not both') },
      ],
      ['neither', {}, {}, { creditCode: 'Give the unified social credit code (an entity) or the ID number (a person)' }],
    ])('%s', (_, identity, draftExpected, completeExpected) => {
      const form = valid();
      delete form.creditCode;
      Object.assign(form, identity);
      expect(draftFields(form)).toEqual(draftExpected);
      expect(completeFields(form)).toEqual(completeExpected);
    });

    it('says so in Chinese', () => {
      const form = valid();
      form.idNumber = '140603198502200045';
      expect(completeFields(form, 'zh-CN')).toEqual({ creditCode: '统一社会信用代码和身份证号码只能填写一项：单位填信用代码，个人填身份证号码' });
    });
  });
});
