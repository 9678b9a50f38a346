import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';
import backofficeEn from './messages/backoffice.en.json';
import backofficeZhCN from './messages/backoffice.zh-CN.json';
import adminEn from './messages/admin.en.json';
import adminZhCN from './messages/admin.zh-CN.json';
import reportsEn from './messages/reports.en.json';
import reportsZhCN from './messages/reports.zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * One catalogue per language, merged from a file per area (the applicant's portal and shared
 * words; the back office's workbench and case pages; administration; reports), so that each
 * area's words are found, and edited, in one place. A key belongs to exactly one area.
 */
export const CATALOGUE_PARTS: Record<Locale, Array<Record<string, string>>> = {
  'zh-CN': [zhCN, backofficeZhCN, adminZhCN, reportsZhCN],
  en: [en, backofficeEn, adminEn, reportsEn],
};
const CATALOGUES: Record<Locale, Record<string, string>> = {
  'zh-CN': Object.assign({}, ...CATALOGUE_PARTS['zh-CN']),
  en: Object.assign({}, ...CATALOGUE_PARTS.en),
};

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
