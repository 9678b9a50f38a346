import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';
import { negotiateLocale, translate } from './i18n';

describe('message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
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
