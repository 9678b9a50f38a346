import { findUnstorableText } from './text-guard';

describe('findUnstorableText', () => {
  it('names the first field, item or key holding U+0000', () => {
    expect(findUnstorableText({ a: 'ok', items: [{ reason: 'x\u0000' }] })).toBe('items.0.reason');
    expect(findUnstorableText({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findUnstorableText('\u0000', 'Idempotency-Key')).toBe('Idempotency-Key');
    expect(findUnstorableText('\u0000')).toBe('');
  });

  it('names a lone surrogate, high or low, wherever it is', () => {
    expect(findUnstorableText({ kind: 'holiday', name: '\ud800' })).toBe('name');
    expect(findUnstorableText({ name: 'ab\udc00' })).toBe('name');
    expect(findUnstorableText({ note: '国庆\ud83d' })).toBe('note');
    expect(findUnstorableText({ ['\udfff']: 1 })).toBe('\udfff');
  });

  it('passes everything else: Chinese, emoji (a surrogate pair), raw bytes', () => {
    expect(findUnstorableText({ a: ['b', { c: 'd' }], n: 1, z: null })).toBeNull();
    expect(findUnstorableText({ name: '平鲁区 🏭 测试' })).toBeNull();
    expect(findUnstorableText(Buffer.from([0, 0, 0]))).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });
});
