import { CATALOGUE_PARTS, negotiateLocale, translate } from './i18n';

describe('message catalogues', () => {
  it('have the same keys in both languages, area by area', () => {
    CATALOGUE_PARTS.en.forEach((part, i) => expect(Object.keys(part).sort()).toEqual(Object.keys(CATALOGUE_PARTS['zh-CN'][i]).sort()));
  });

  it('never define one key in two areas', () => {
    const keys = CATALOGUE_PARTS.en.flatMap((part) => Object.keys(part));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('fill placeholders', () => {
    expect(translate('en', 'errors.too_large', { maxMegabytes: 20 })).toBe('The file is too large: at most 20 MB each');
    expect(translate('zh-CN', 'errors.too_large', { maxMegabytes: 20 })).toContain('20 MB');
  });

  it('negotiate: query, then cookie, then Accept-Language, zh-CN by default', () => {
    expect(negotiateLocale({ query: 'en', cookie: 'zh-CN' })).toBe('en');
    expect(negotiateLocale({ cookie: 'en', acceptLanguage: 'zh-CN' })).toBe('en');
    expect(negotiateLocale({ acceptLanguage: 'en-US,en;q=0.9' })).toBe('en');
    expect(negotiateLocale({ acceptLanguage: 'fr-FR' })).toBe('zh-CN');
    expect(negotiateLocale({})).toBe('zh-CN');
  });
});
