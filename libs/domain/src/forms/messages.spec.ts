import { FORM_LANGUAGES, FORM_MESSAGES, formMessage, isFormProblemCode, type FormProblemCode } from './messages';

describe('form messages', () => {
  it('has every sentence in both languages', () => {
    for (const [code, texts] of Object.entries(FORM_MESSAGES)) {
      for (const lang of FORM_LANGUAGES) expect(`${code}: ${texts[lang].trim()}`).not.toBe(`${code}: `);
      expect(texts['zh-CN']).not.toBe(texts.en);
    }
  });

  it('fills in parameters', () => {
    expect(formMessage('too_long', 'zh-CN', ['50'])).toBe('不能超过 50 个字符');
    expect(formMessage('contributions_mismatch', 'en', ['450', '500'])).toContain('450');
  });

  it('gives the words the brief asks for', () => {
    expect(formMessage('required', 'zh-CN')).toBe('必填');
    expect(formMessage('required', 'en')).toBe('Required');
    expect(formMessage('resident_id_check', 'zh-CN')).toBe('身份证号码校验位不正确');
    expect(formMessage('resident_id_check', 'en')).toBe("The ID number's check digit is wrong");
  });

  it('recognises its own codes only', () => {
    expect(isFormProblemCode('required')).toBe(true);
    expect(isFormProblemCode('toString')).toBe(false);
    expect(isFormProblemCode('nope' as FormProblemCode)).toBe(false);
  });
});
