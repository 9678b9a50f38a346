import { amountInChineseCapital, formatChineseDate } from './chinese-format';

describe('formatChineseDate', () => {
  it('writes an ISO date the way certificates do', () => {
    expect(formatChineseDate('2026-11-28')).toBe('2026年11月28日');
    expect(formatChineseDate('2027-01-05')).toBe('2027年1月5日');
  });

  it('refuses what is not a date', () => {
    expect(() => formatChineseDate('2026/11/28')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-13-01')).toThrow(RangeError);
    expect(() => formatChineseDate('')).toThrow(RangeError);
  });
});

describe('amountInChineseCapital', () => {
  it.each([
    ['500', '伍佰万元整'],
    ['50', '伍拾万元整'],
    ['0.5', '伍仟元整'],
    ['1000.05', '壹仟万零伍佰元整'],
    ['12345.67', '壹亿贰仟叁佰肆拾伍万陆仟柒佰元整'],
    ['3', '叁万元整'],
    ['1,000', '壹仟万元整'],
  ])('%s 万元 → %s', (amount, expected) => {
    expect(amountInChineseCapital(amount)).toBe(expected);
  });

  it.each([
    ['0', '零元整'],
    ['10', '壹拾元整'],
    ['105', '壹佰零伍元整'],
    ['1234.5', '壹仟贰佰叁拾肆元伍角'],
    ['1.05', '壹元零伍分'],
    ['0.07', '柒分'],
    ['0.5', '伍角'],
    ['100000001', '壹亿零壹元整'],
    ['10010000', '壹仟零壹万元整'],
    ['10000500', '壹仟万零伍佰元整'],
    ['2.999', '叁元整'],
  ])('%s 元 → %s', (amount, expected) => {
    expect(amountInChineseCapital(amount, '元')).toBe(expected);
  });

  it('takes numbers as well as strings', () => {
    expect(amountInChineseCapital(500)).toBe('伍佰万元整');
    expect(amountInChineseCapital(0.1 + 0.2, '元')).toBe('叁角');
  });

  it('refuses negative, malformed and absurd amounts', () => {
    expect(() => amountInChineseCapital('-1')).toThrow(RangeError);
    expect(() => amountInChineseCapital('abc')).toThrow(RangeError);
    expect(() => amountInChineseCapital('1e3')).toThrow(RangeError);
    expect(() => amountInChineseCapital(Number.NaN)).toThrow(RangeError);
    expect(() => amountInChineseCapital('100000000')).toThrow(RangeError);
  });
});
