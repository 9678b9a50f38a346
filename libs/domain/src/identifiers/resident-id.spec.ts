import {
  isValidResidentId,
  maskResidentId,
  maskResidentIdDigits11to14,
  normalizeResidentId,
  residentIdProblem,
} from './resident-id';

const TODAY = new Date('2026-11-27T04:00:00Z');

describe('resident ID number (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '33012219900101123X'])('accepts %s', (id) => {
    expect(isValidResidentId(id, TODAY)).toBe(true);
  });

  it('reads a lowercase x as X', () => {
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true);
    expect(normalizeResidentId('11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit', () => {
    expect(isValidResidentId('110105194912310021', TODAY)).toBe(false);
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('check_digit');
  });

  it('refuses a date that does not exist (Feb 30)', () => {
    expect(residentIdProblem('110105199002300012', TODAY)).toBe('birth_date');
  });

  it('refuses a birth date in the future and one before 1900', () => {
    expect(residentIdProblem('110105202612010010', TODAY)).toBe('birth_date');
    expect(residentIdProblem('110105189912310010', TODAY)).toBe('birth_date');
  });

  it('judges "today" in Asia/Shanghai', () => {
    // 2026-11-27 16:30 UTC is already 2026-11-28 in Shanghai.
    const id = withCheckDigit('11010520261128001');
    expect(isValidResidentId(id, new Date('2026-11-27T15:59:59Z'))).toBe(false);
    expect(isValidResidentId(id, new Date('2026-11-27T16:30:00Z'))).toBe(true);
  });

  it.each(['', '1101051949123100', '1101051949123100XX', '11010519491231002Y', 'abcdefghijklmnopqr'])('refuses the shape of %p', (id) => {
    expect(residentIdProblem(id, TODAY)).toBe('format');
  });

  it('masks all but the first 4 and last 4 characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
  });

  it('masks digits 11–14 for the food permit', () => {
    expect(maskResidentIdDigits11to14('11010519491231002X')).toBe('1101051949****002X');
  });
});

function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
