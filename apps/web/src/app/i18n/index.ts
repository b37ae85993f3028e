import type { TLocale } from '@tierline/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly TLocale[];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';
const STORAGE_KEY = 'tierline.locale';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

function isLocale(value: unknown): value is TLocale {
  return LOCALES.includes(value as TLocale);
}

/** The language remembered on this browser; storage may be unavailable (private mode, policies). */
function readStoredLocale(): TLocale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function rememberLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across reloads; the switch still works for this page.
  }
}

/** Starts i18next once, before the first render, with the remembered language. */
export function setupI18n(): typeof i18n {
  const initial = readStoredLocale();
  document.documentElement.lang = initial;
  void i18n.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    // React escapes output itself.
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously so the first render already has them.
    initAsync: false,
  });
  // Screen readers, spell checkers and CSS :lang() follow <html lang>.
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18n;
}

/** Switches the UI language and remembers the choice. */
export function changeLocale(locale: TLocale): void {
  rememberLocale(locale);
  void i18n.changeLanguage(locale);
}

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
