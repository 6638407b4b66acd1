// i18next setup: zh-CN (default) and en. The `common` namespace belongs to the shell; every feature's
// texts are registered as a namespace named after the feature id (see features/types.ts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn, commonZh } from './shell/common.i18n';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANG_STORAGE_KEY = 'minyi.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage unavailable (private mode): fall through to the default
  }
  return 'zh-CN';
}

void i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  ns: ['common'],
  defaultNS: 'common',
  fallbackNS: 'common',
  resources: { 'zh-CN': { common: commonZh }, en: { common: commonEn } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Adds one feature's texts under its namespace. */
export function registerNamespace(ns: string, zh: object, en: object) {
  i18n.addResourceBundle('zh-CN', ns, zh, true, true);
  i18n.addResourceBundle('en', ns, en, true, true);
}

export function setLanguage(lang: Language) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // ignore
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
