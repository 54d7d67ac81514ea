// i18next setup: 简体中文 by default, 繁體中文 and English on request; the choice is remembered in this browser.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { Locale } from '@guanxi/contracts';
import { zhCN } from './zh-CN.ts';
import { zhTW } from './zh-TW.ts';
import { en } from './en.ts';
import { setApiLocale } from '../../platform/api.ts';

export type { Locale };
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'guanxi.locale';

/** Each language's name in its own script, as a language switch shows it. The Record type keeps it in step with the contracts. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };
// Only the type comes from the contracts: importing their values would bundle every zod schema.
export const LOCALES = Object.keys(LOCALE_NAMES) as Locale[];

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** A saved choice wins; a browser set to Traditional Chinese gets zh-TW; everyone else starts in 简体中文. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return navigator.languages.some((l) => /^zh-(TW|HK|MO|Hant)/i.test(l)) ? 'zh-TW' : DEFAULT_LOCALE;
}

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);

export async function changeLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18n.changeLanguage(locale);
}

export const hasSavedLocale = (): boolean => isLocale(localStorage.getItem(STORAGE_KEY));

/** dayjs's name of each language: antd's date pickers take weekday and month names (一二三…, 11月) from it. */
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

i18n.on('languageChanged', (lng) => {
  setApiLocale(lng);
  dayjs.locale(DAYJS_LOCALES[isLocale(lng) ? lng : DEFAULT_LOCALE]);
  document.documentElement.lang = lng;
  document.title = i18n.t('app.documentTitle');
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes what it renders
  returnNull: false,
});

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}

export default i18n;
