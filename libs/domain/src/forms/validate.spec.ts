import { checkFormComplete, findFormProblems, validateFormDraft } from './validate';

function validForm(): Record<string, any> {
  return {
    name: '朔州市平鲁区晋北新材料有限公司',
    entityType: 'limited_company',
    domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
    businessScope: { general: ['新材料技术研发'], licensed: [] },
    registeredCapital: '500',
    legalRepresentative: { name: '刘建海', idNumber: '11010519491231002X', phone: '13800000000' },
    shareholders: [{ name: '刘建海', idNumber: '11010519491231002X', contribution: '500' }],
    term: { from: '2026-12-01', to: null },
  };
}

function draftFields(form: unknown, lang: 'zh-CN' | 'en' = 'en'): Record<string, string> {
  const result = validateFormDraft('business-license', form, lang);
  return result.ok ? {} : result.fields;
}

function completeFields(form: unknown, lang: 'zh-CN' | 'en' = 'en'): Record<string, string> {
  const result = checkFormComplete('business-license', form, lang);
  return result.ok ? {} : result.fields;
}

describe('validateFormDraft (business-license)', () => {
  it("accepts API.md's example form and returns it as plain data", () => {
    const result = validateFormDraft('business-license', validForm(), 'zh-CN');
    expect(result).toEqual({ ok: true, form: validForm() });
    if (result.ok) expect(Object.getPrototypeOf(result.form)).toBe(Object.prototype);
  });

  it('accepts an empty draft and a partial one', () => {
    expect(validateFormDraft('business-license', {}, 'en').ok).toBe(true);
    expect(validateFormDraft('business-license', { name: '朔州市平鲁区晋北新材料有限公司', shareholders: [{ name: '刘建海' }] }, 'en').ok).toBe(true);
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'form', 42, [validForm()], true, undefined]) {
      expect(validateFormDraft('business-license', input, 'en')).toEqual({ ok: false, fields: { form: 'The form must be a JSON object' } });
    }
  });

  it('refuses an unknown service', () => {
    expect(validateFormDraft('no-such-service', validForm(), 'zh-CN')).toEqual({ ok: false, fields: { serviceCode: '没有这项服务' } });
  });

  it('checks identifier checksums, in the requested language', () => {
    const form = validForm();
    form.shareholders[0].idNumber = '110105194912310021';
    expect(draftFields(form, 'zh-CN')).toEqual({ 'shareholders.0.idNumber': '身份证号码校验位不正确' });
    expect(draftFields(form, 'en')).toEqual({ 'shareholders.0.idNumber': "The ID number's check digit is wrong" });
  });

  it('accepts a lowercase x in an ID number', () => {
    const form = validForm();
    form.legalRepresentative.idNumber = '11010519491231002x';
    expect(draftFields(form)).toEqual({});
  });

  it('names each format problem at its dotted path', () => {
    const form = validForm();
    form.name = 'Jinbei新材料有限公司';
    form.legalRepresentative.phone = '12800000000';
    form.registeredCapital = '500.12345';
    form.term.from = '2026-02-30';
    form.shareholders.push({ name: '朔州某公司', creditCode: '91350100M000100Y42', contribution: '1' });
    expect(draftFields(form)).toEqual({
      name: expect.stringContaining('standard Chinese characters'),
      'legalRepresentative.phone': expect.stringContaining('mobile number'),
      registeredCapital: expect.stringContaining('at most 4 decimals'),
      'term.from': 'The date must be a real date written YYYY-MM-DD',
      'shareholders.1.creditCode': "The unified social credit code's check character is wrong",
    });
  });

  it.each([
    ['registeredCapital', 500],
    ['registeredCapital', '0'],
    ['registeredCapital', '-5'],
    ['registeredCapital', '1e3'],
    ['entityType', 'company'],
    ['name', '平'],
    ['name', '晋北（新材料有限公司'],
    ['name', '晋北(新材料)有限公司'],
    ['domicile', '   '],
  ])('refuses %s = %p', (field, value) => {
    const form = validForm();
    form[field] = value;
    expect(Object.keys(draftFields(form))).toEqual([field]);
  });

  it('turns wrong JSON types into field errors, never exceptions', () => {
    const cases: Array<[string, unknown]> = [
      ['name', 42],
      ['name', ['朔州市平鲁区晋北新材料有限公司']],
      ['name', { zh: '晋北' }],
      ['businessScope', ['新材料技术研发']],
      ['businessScope', '新材料技术研发'],
      ['legalRepresentative', [{ name: '刘建海' }]],
      ['shareholders', { name: '刘建海' }],
      ['shareholders', '刘建海'],
      ['term', true],
    ];
    for (const [field, value] of cases) {
      const form = validForm();
      form[field] = value;
      const fields = draftFields(form);
      expect(Object.keys(fields)).toEqual([field]);
    }
    expect(draftFields({ ...validForm(), name: 42 })).toEqual({ name: 'Must be text' });
    expect(draftFields({ ...validForm(), businessScope: [] })).toEqual({ businessScope: 'Must be an object' });
    expect(draftFields({ ...validForm(), shareholders: {} })).toEqual({ shareholders: 'Must be a list' });
  });

  it('reports bad list items one by one', () => {
    const form = validForm();
    form.shareholders = [null, 'x', { name: '刘建海', idNumber: '110105194912310021', contribution: '1' }];
    form.businessScope.general = ['新材料技术研发', 7];
    expect(draftFields(form)).toEqual({
      shareholders: 'Every item of the list must be an object',
      'shareholders.1': 'Must be an object',
      'shareholders.2.idNumber': "The ID number's check digit is wrong",
      'businessScope.general': 'Every item of the list must be text',
    });
  });

  it('refuses unknown fields at any depth', () => {
    const form = validForm();
    form.nickname = '晋北';
    form.businessScope.other = [];
    form.legalRepresentative.email = 'liu@example.com';
    form.shareholders[0].share = '100%';
    form.term.renewable = true;
    expect(draftFields(form, 'zh-CN')).toEqual({
      nickname: '表单中没有这一项',
      'businessScope.other': '表单中没有这一项',
      'legalRepresentative.email': '表单中没有这一项',
      'shareholders.0.share': '表单中没有这一项',
      'term.renewable': '表单中没有这一项',
    });
  });

  it('refuses the keys class-transformer would silently drop', () => {
    const form = JSON.parse('{"__proto__": {"polluted": true}, "legalRepresentative": {"constructor": "x"}}');
    const fields = draftFields(form);
    expect(Object.keys(fields)).toEqual(['__proto__', 'legalRepresentative.constructor']);
    expect(JSON.parse(JSON.stringify(fields))).toEqual(
      JSON.parse('{"__proto__": "This form has no such field", "legalRepresentative.constructor": "This form has no such field"}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every string longer than its limit', () => {
    const long = '晋'.repeat(1000);
    const form = validForm();
    form.name = long;
    form.domicile = long;
    form.registeredCapital = '1'.repeat(1000);
    form.businessScope.general = [long];
    form.legalRepresentative = { name: long, idNumber: '1'.repeat(1000), phone: '1'.repeat(1000) };
    form.shareholders = [{ name: long, idNumber: '1'.repeat(1000), contribution: '1'.repeat(1000) }];
    form.term = { from: '2'.repeat(1000), to: '2'.repeat(1000) };
    expect(Object.keys(draftFields(form)).sort()).toEqual(
      [
        'name',
        'domicile',
        'registeredCapital',
        'businessScope.general',
        'legalRepresentative.name',
        'legalRepresentative.idNumber',
        'legalRepresentative.phone',
        'shareholders.0.name',
        'shareholders.0.idNumber',
        'shareholders.0.contribution',
        'term.from',
        'term.to',
      ].sort(),
    );
    expect(draftFields({ domicile: long })).toEqual({ domicile: 'Must be at most 200 characters long' });
  });

  it('refuses a shareholder with both an ID number and a credit code, even in a draft', () => {
    const form = validForm();
    form.shareholders[0].creditCode = '91330122MA2H00014X';
    expect(draftFields(form)).toEqual({ 'shareholders.0': expect.stringContaining('not both') });
  });

  it('does not apply the submit-only rules to drafts', () => {
    const form = validForm();
    form.shareholders = [];
    form.registeredCapital = '600';
    form.businessScope = { general: [], licensed: [] };
    form.term.to = '2020-01-01';
    expect(draftFields(form)).toEqual({});
  });

  it('survives pathological nesting', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20000; i++) deep = { x: deep };
    expect(validateFormDraft('business-license', { term: deep }, 'en').ok).toBe(false);
  });
});

describe('checkFormComplete (business-license)', () => {
  it("accepts API.md's example form", () => {
    expect(checkFormComplete('business-license', validForm(), 'en')).toEqual({ ok: true });
  });

  it('lists every missing field at once', () => {
    expect(completeFields({}, 'zh-CN')).toEqual({
      name: '必填',
      entityType: '必填',
      domicile: '必填',
      businessScope: '必填',
      registeredCapital: '必填',
      legalRepresentative: '必填',
      shareholders: '必填',
      term: '必填',
    });
    expect(completeFields({ ...validForm(), legalRepresentative: {}, term: {}, businessScope: {} })).toEqual({
      'legalRepresentative.name': 'Required',
      'legalRepresentative.idNumber': 'Required',
      'legalRepresentative.phone': 'Required',
      'term.from': 'Required',
      'term.to': 'Required',
      'businessScope.general': 'Required',
      'businessScope.licensed': 'Required',
    });
  });

  it('takes term.to: null as 长期 but requires the key', () => {
    expect(completeFields(validForm())).toEqual({});
    const form = validForm();
    delete form.term.to;
    expect(completeFields(form)).toEqual({ 'term.to': 'Required' });
  });

  it('needs the term to end after it starts', () => {
    const form = validForm();
    form.term.to = '2026-12-01';
    expect(completeFields(form, 'zh-CN')).toEqual({ 'term.to': '营业期限的截止日期应晚于起始日期' });
    form.term.to = '2046-11-30';
    expect(completeFields(form)).toEqual({});
  });

  it('needs contributions to add up exactly to the registered capital', () => {
    const form = validForm();
    form.registeredCapital = '0.3';
    form.shareholders = [
      { name: '刘建海', idNumber: '11010519491231002X', contribution: '0.1' },
      { name: '朔州某公司', creditCode: '91330122MA2H00014X', contribution: '0.2' },
    ];
    expect(completeFields(form)).toEqual({});

    form.registeredCapital = '12.3456';
    form.shareholders[0].contribution = '12.3455';
    form.shareholders[1].contribution = '0.0001';
    expect(completeFields(form)).toEqual({});

    form.shareholders[1].contribution = '0.0002';
    expect(completeFields(form, 'zh-CN')).toEqual({ shareholders: '股东出资额合计 12.3457 万元，与注册资本 12.3456 万元不一致' });
  });

  it('needs at least one shareholder', () => {
    expect(completeFields({ ...validForm(), shareholders: [] })).toEqual({ shareholders: 'Needs at least 1' });
  });

  it('needs each shareholder to be a person or an entity', () => {
    const form = validForm();
    delete form.shareholders[0].idNumber;
    expect(completeFields(form)).toEqual({ 'shareholders.0.idNumber': expect.stringContaining('ID number') });
  });

  it('needs at least one business-scope item', () => {
    const form = validForm();
    form.businessScope = { general: [], licensed: [] };
    expect(completeFields(form)).toEqual({ businessScope: 'The business scope needs at least one general or licensed item' });
    form.businessScope = { general: [], licensed: ['食品销售'] };
    expect(completeFields(form)).toEqual({});
  });

  it('reports field problems and cross-field problems together', () => {
    const form = validForm();
    form.legalRepresentative.phone = '123';
    form.term.to = '2026-01-01';
    delete form.domicile;
    expect(Object.keys(completeFields(form)).sort()).toEqual(['domicile', 'legalRepresentative.phone', 'term.to']);
  });

  it('also refuses unknown fields and wrong types', () => {
    expect(completeFields({ ...validForm(), extra: 1, name: 5 })).toEqual({ extra: 'This form has no such field', name: 'Must be text' });
  });
});

describe('findFormProblems', () => {
  it('gives stable codes and parameters instead of sentences', () => {
    const form = validForm();
    form.registeredCapital = '400';
    expect(findFormProblems('business-license', form, 'complete')).toEqual([
      { path: 'shareholders', code: 'contributions_mismatch', params: ['500', '400'] },
    ]);
  });
});
