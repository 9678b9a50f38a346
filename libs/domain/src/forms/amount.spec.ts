import { amountToTenThousandths, formatTenThousandths } from './amount';

describe('万元 amounts', () => {
  it.each([
    ['500', 5_000_000n],
    ['12.3456', 123_456n],
    ['0.1', 1_000n],
    ['0.0001', 1n],
    ['999999999999.9999', 9_999_999_999_999_999n],
  ])('%s is %s ten-thousandths', (amount, units) => {
    expect(amountToTenThousandths(amount)).toBe(units);
    expect(amountToTenThousandths(formatTenThousandths(units))).toBe(units);
  });

  it('adds exactly where floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(formatTenThousandths(amountToTenThousandths('0.1')! + amountToTenThousandths('0.2')!)).toBe('0.3');
  });

  it.each(['', '1.23456', '1e3', '-1', ' 1', '1.', 5, null])('refuses %p', (amount) => {
    expect(amountToTenThousandths(amount)).toBeNull();
  });

  it('formats without trailing zeros', () => {
    expect(formatTenThousandths(5_000_000n)).toBe('500');
    expect(formatTenThousandths(123_450n)).toBe('12.345');
    expect(formatTenThousandths(0n)).toBe('0');
  });
});
