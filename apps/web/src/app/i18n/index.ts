import type { TLocale } from '@tierline/contracts';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Messages, zhCN } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly TLocale[];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';
const STORAGE_KEY = 'tierline.locale';

/** One language's words: ours, and antd's (pagination, empty states, pickers, confirm buttons). */
type Bundle = { messages: Messages; antd: AntdLocale };

/**
 * zh-CN, the default and the fallback, is in the first bundle; English is fetched the first time it is needed
 * (remembered at start, or chosen with the switch), so the sign-in page carries one language's texts, not two.
 */
const bundles: Partial<Record<TLocale, Bundle>> = { 'zh-CN': { messages: zhCN, antd: antdZhCN } };
const fetchers: Record<TLocale, () => Promise<Bundle>> = {
  'zh-CN': async () => ({ messages: zhCN, antd: antdZhCN }),
  en: async () => {
    const [{ en }, antdEn] = await Promise.all([import('./en.ts'), import('antd/locale/en_US')]);
    return { messages: en, antd: antdEn.default };
  },
};

async function loadBundle(locale: TLocale): Promise<Bundle> {
  const loaded = bundles[locale];
  if (loaded) return loaded;
  const bundle = await fetchers[locale]();
  bundles[locale] = bundle;
  return bundle;
}

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

/**
 * Starts i18next once with the remembered language, its texts already fetched: render after this resolves, so the
 * first render has them (no keys, and no Chinese flashing before English).
 */
export async function setupI18n(): Promise<typeof i18n> {
  // A failed fetch of the remembered language (offline, a release replaced the file) falls back to the bundled one.
  const stored = readStoredLocale();
  const initial = await loadBundle(stored).then(
    () => stored,
    () => DEFAULT_LOCALE,
  );
  document.documentElement.lang = initial;
  const resources = Object.fromEntries(Object.entries(bundles).map(([lng, bundle]) => [lng, { translation: bundle.messages }]));
  await i18n.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    // React escapes output itself.
    interpolation: { escapeValue: false },
    // Resources are in memory: initialise synchronously so the first render already has them.
    initAsync: false,
  });
  // Screen readers, spell checkers and CSS :lang() follow <html lang>.
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18n;
}

/** The last language asked for: a slow fetch of an earlier choice must not override a later one. */
let requested: TLocale | undefined;

/**
 * Switches the UI language and remembers the choice. The language's texts are fetched first and the switch happens
 * after, so the page goes from one language to the other without showing keys in between.
 */
export function changeLocale(locale: TLocale): void {
  requested = locale;
  void loadBundle(locale).then(
    (bundle) => {
      if (requested !== locale) return;
      if (!i18n.hasResourceBundle(locale, 'translation')) i18n.addResourceBundle(locale, 'translation', bundle.messages);
      rememberLocale(locale);
      void i18n.changeLanguage(locale);
    },
    // Offline or a replaced release: the page stays in its language; the next click tries again.
    (error: unknown) => console.error(`Could not load the ${locale} texts`, error),
  );
}

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** antd's texts in the current language (already fetched with ours). */
export function antdLocale(): AntdLocale {
  return bundles[currentLocale()]?.antd ?? antdZhCN;
}
