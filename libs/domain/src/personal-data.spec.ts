import { maskPersonalData } from './personal-data';

describe('maskPersonalData', () => {
  it('masks ID numbers and mobiles wherever they appear', () => {
    const line = 'register {"idNumber":"11010519491231002X","phone":"13800000000"} /api/track?number=14060320261127000042&phone=13912345678';
    const masked = maskPersonalData(line);
    expect(masked).not.toContain('11010519491231002X');
    expect(masked).not.toContain('13800000000');
    expect(masked).not.toContain('13912345678');
    expect(masked).toContain('1101**********002X');
    expect(masked).toContain('138****0000');
    expect(masked).toContain('139****5678');
  });

  it('masks a lowercase check character, a +86 prefix and values inside SQL error text', () => {
    expect(maskPersonalData('invalid input syntax for type integer: "11010519491231002x"')).toBe('invalid input syntax for type integer: "1101**********002X"');
    expect(maskPersonalData('call +8613800000000 now')).toBe('call +86138****0000 now');
  });

  it('leaves application numbers, hashes and short numbers alone', () => {
    const text = 'file 14060320261127000042 sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 port 3000';
    expect(maskPersonalData(text)).toBe(text);
  });
});
