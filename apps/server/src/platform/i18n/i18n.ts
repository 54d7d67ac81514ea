// Picks the caller's language from Accept-Language and renders message codes in it.
import type { Locale } from '@guanxi/contracts';
import { catalogues } from './messages.ts';

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps an Accept-Language header to one of our locales: zh-TW/zh-HK/zh-Hant → zh-TW, other zh → zh-CN, en → en. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/**
 * Adds a module's own messages (its error codes) to the catalogues, so a module keeps them beside its code. A code
 * already defined is an error: two modules must not give one code two meanings.
 */
export function registerMessages(messages: Record<Locale, Record<string, string>>): void {
  for (const [locale, entries] of Object.entries(messages) as [Locale, Record<string, string>][])
    for (const [code, text] of Object.entries(entries)) {
      const existing = catalogues[locale][code];
      if (existing !== undefined && existing !== text) throw new Error(`Message ${code} (${locale}) is defined twice`);
      catalogues[locale][code] = text;
    }
}

export function translate(locale: Locale, code: string, params?: Record<string, string | number>): string {
  const template = catalogues[locale][code] ?? catalogues[DEFAULT_LOCALE][code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}
