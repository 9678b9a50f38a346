import { normalizeEntityNameForDuplicateCheck as key } from './names';

describe('normalizeEntityNameForDuplicateCheck', () => {
  it('treats 有限公司 and 有限责任公司, and any spacing, as the same name', () => {
    expect(key('朔州市平鲁区晋北新材料有限公司')).toBe(key('朔州市平鲁区晋北新材料 有限责任公司'));
    expect(key('朔州市平鲁区晋北新材料有限公司')).toBe('朔州市平鲁区晋北新材料');
    expect(key('朔州市平鲁区\u3000晋北新材料\t有限公司')).toBe('朔州市平鲁区晋北新材料');
  });

  it('treats full-width and half-width brackets alike', () => {
    expect(key('朔州市晋北（平鲁）新材料有限公司')).toBe(key('朔州市晋北(平鲁)新材料有限公司'));
  });

  it('strips each organisation form, longest first', () => {
    expect(key('平鲁区晋北股份有限公司')).toBe('平鲁区晋北');
    expect(key('平鲁区晋北个人独资企业')).toBe('平鲁区晋北');
    expect(key('平鲁区晋北个体工商户')).toBe('平鲁区晋北');
    expect(key('平鲁区晋北合伙企业（有限合伙）')).toBe('平鲁区晋北');
    expect(key('平鲁区晋北合伙企业（普通合伙）')).toBe(key('平鲁区晋北合伙企业'));
    expect(key('平鲁区晋北有限公司分公司')).toBe('平鲁区晋北');
  });

  it('keeps the division prefix, so the same trade name elsewhere is not a duplicate', () => {
    expect(key('朔州市平鲁区晋北新材料有限公司')).not.toBe(key('朔州市朔城区晋北新材料有限公司'));
    expect(key('朔州市平鲁区晋北新材料有限公司')).not.toBe(key('晋北新材料有限公司'));
  });

  it('never strips a name down to nothing', () => {
    expect(key('有限公司')).toBe('有限公司');
  });
});
