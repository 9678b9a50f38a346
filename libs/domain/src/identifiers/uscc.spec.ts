import {
  USCC_ALPHABET,
  USCC_SEQUENCE_LIMIT,
  allocateUscc,
  isValidUscc,
  organizationCodeCheckCharacter,
  usccCheckCharacter,
} from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it('has the 31-character alphabet without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
  });

  it.each(['91350100M000100Y43', '91330122MA2H00014X'])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['91350100M000100Y42', 'wrong check character'],
    ['91350100M000100Y4Z', 'Z is not in the character set'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['913501A0M000100Y43', 'letter in the division code'],
    ['91350100m000100y43', 'lowercase'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('refuses a value that is not a string without throwing', () => {
    expect(isValidUscc(91350100 as unknown as string)).toBe(false);
  });

  it('computes the GB 11714 organisation-code check character', () => {
    // D=13: 39+14+9+40+15+40+24+18 = 199, 199 mod 11 = 1, 11 - 1 = 10 → X (the usual textbook example).
    expect(organizationCodeCheckCharacter('D2143569')).toBe('X');
    // The organisation code inside DOMAIN.md's valid credit code 91330122MA2H00014X.
    expect(organizationCodeCheckCharacter('MA2H0001')).toBe('4');
  });

  it('maps a check value of 10 to X and 11 to 0', () => {
    const results = new Set<string>();
    for (let n = 0; n < 2000; n++) results.add(organizationCodeCheckCharacter(String(n).padStart(8, '0')));
    expect(results).toContain('X');
    expect(results).toContain('0');
    expect([...results].every((c) => /^[0-9X]$/.test(c))).toBe(true);
  });

  describe('allocateUscc', () => {
    it('builds valid codes that start with prefix and division code', () => {
      for (const prefix of ['91', '92', '93', '51', '52', '53'] as const) {
        for (const sequence of [0, 1, 30, 31, 961, 123_456, USCC_SEQUENCE_LIMIT - 1]) {
          const code = allocateUscc({ prefix, divisionCode: '140603', sequence });
          expect(code).toHaveLength(18);
          expect(code.startsWith(prefix + '140603MA')).toBe(true);
          expect(isValidUscc(code)).toBe(true);
          expect(code[16]).toBe(organizationCodeCheckCharacter(code.slice(8, 16)));
        }
      }
    });

    it('writes the sequence in base 31 over the credit-code alphabet', () => {
      expect(allocateUscc({ prefix: '91', divisionCode: '140603', sequence: 1 }).slice(8, 16)).toBe('MA000001');
      expect(allocateUscc({ prefix: '91', divisionCode: '140603', sequence: 31 }).slice(8, 16)).toBe('MA000010');
      expect(allocateUscc({ prefix: '91', divisionCode: '140603', sequence: 30 }).slice(8, 16)).toBe('MA00000Y');
    });

    it('gives distinct codes for consecutive sequences', () => {
      const codes = new Set<string>();
      for (let sequence = 1; sequence <= 5000; sequence++) codes.add(allocateUscc({ prefix: '92', divisionCode: '140603', sequence }));
      expect(codes.size).toBe(5000);
    });

    it('is deterministic', () => {
      const args = { prefix: '91', divisionCode: '140603', sequence: 42 } as const;
      expect(allocateUscc(args)).toBe(allocateUscc(args));
    });

    it.each([-1, USCC_SEQUENCE_LIMIT, 1.5, Number.NaN])('throws on sequence %s', (sequence) => {
      expect(() => allocateUscc({ prefix: '91', divisionCode: '140603', sequence })).toThrow(RangeError);
    });

    it('throws on a bad division code or prefix', () => {
      expect(() => allocateUscc({ prefix: '91', divisionCode: '14060', sequence: 1 })).toThrow(RangeError);
      expect(() => allocateUscc({ prefix: '11' as '91', divisionCode: '140603', sequence: 1 })).toThrow(RangeError);
    });
  });
});
