import { isRealEstateUnitNumber } from './real-estate-unit';

describe('不动产单元号', () => {
  it.each([
    ['140603001001GB00001F00010001', true],
    ['110105003002JC00123W00000000', true],
    ['140603001001GB00001F0001000', false],
    ['140603001001GB00001F000100011', false],
    ['140603001001gb00001F00010001', false],
    ['140603001001G100001F00010001', false],
    ['140603001001GB00001100010001', false],
    ['14060300100AGB00001F00010001', false],
    ['140603001001GB0000AF00010001', false],
    ['', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isRealEstateUnitNumber(value)).toBe(valid);
  });

  it('rejects non-strings', () => {
    expect(isRealEstateUnitNumber(140603001001)).toBe(false);
    expect(isRealEstateUnitNumber(null)).toBe(false);
  });
});
