import { certificateFont, fontPath } from './fonts';

describe('certificate fonts', () => {
  it('reads each weight once and hands out the same Buffer afterwards', () => {
    const regular = certificateFont('regular');
    expect(certificateFont('regular')).toBe(regular);
    expect(certificateFont('bold')).not.toBe(regular);
    expect(regular.length).toBeGreaterThan(1_000_000);
    // TrueType outlines: 00 01 00 00
    expect(regular.subarray(0, 4).toString('hex')).toBe('00010000');
  });

  it('resolves the files from the installed font package', () => {
    expect(fontPath('bold')).toMatch(/noto-serif-sc[\\/]700Bold[\\/]NotoSerifSC_700Bold\.ttf$/);
  });
});
