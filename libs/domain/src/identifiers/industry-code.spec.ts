import { isIndustryCode } from './industry-code';

describe('国民经济行业分类 code', () => {
  it.each([
    ['C30', true],
    ['C302', true],
    ['C3021', true],
    ['A01', true],
    ['T97', true],
    ['C', false],
    ['C3', false],
    ['C30211', false],
    ['U01', false],
    ['c3021', false],
    ['3021', false],
    ['C30 21', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isIndustryCode(value)).toBe(valid);
  });

  it('rejects non-strings', () => {
    expect(isIndustryCode(3021)).toBe(false);
    expect(isIndustryCode(undefined)).toBe(false);
  });
});
