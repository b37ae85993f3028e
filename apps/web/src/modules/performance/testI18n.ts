import i18next, { type TFunction } from 'i18next';
import { resources } from '../../app/i18n/resources.ts';

/** The real resources in a language, for tests that check the words people read (no React). */
export function testT(lng: 'en' | 'zh-CN'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ resources, lng, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}
