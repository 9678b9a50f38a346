import { findNulCharacter } from './nul-guard';

describe('findNulCharacter', () => {
  it('names the first field, item or key holding U+0000', () => {
    expect(findNulCharacter({ a: 'ok', items: [{ reason: 'x\u0000' }] })).toBe('items.0.reason');
    expect(findNulCharacter({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findNulCharacter('\u0000', 'Idempotency-Key')).toBe('Idempotency-Key');
    expect(findNulCharacter('\u0000')).toBe('');
  });

  it('passes everything else, raw bytes included', () => {
    expect(findNulCharacter({ a: ['b', { c: 'd' }], n: 1, z: null })).toBeNull();
    expect(findNulCharacter(Buffer.from([0, 0, 0]))).toBeNull();
    expect(findNulCharacter(undefined)).toBeNull();
  });
});
