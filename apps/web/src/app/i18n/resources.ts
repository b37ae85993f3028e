import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/**
 * Both languages at once, for tests that check the words people read. The app itself never imports this file:
 * it bundles zh-CN and fetches English when it is chosen (index.ts).
 */
export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;
