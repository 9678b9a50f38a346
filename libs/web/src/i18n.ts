import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const CATALOGUES: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };

/** A message in the locale's catalogue, with `{name}` placeholders filled; falls back to zh-CN, then the key. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] !== undefined ? String(params[name]) : `{${name}}`));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `?lang=` wins, then the `lang` cookie, then Accept-Language; zh-CN by default. */
export function negotiateLocale(input: { query?: unknown; cookie?: unknown; acceptLanguage?: unknown }): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  if (typeof input.acceptLanguage === 'string') {
    for (const part of input.acceptLanguage.split(',')) {
      const tag = part.split(';')[0].trim().toLowerCase();
      if (tag.startsWith('zh')) return 'zh-CN';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return DEFAULT_LOCALE;
}
