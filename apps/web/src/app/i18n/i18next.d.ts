import 'i18next';
import type { zhCN } from './zh-CN.ts';

// Typed keys: t('nav.customerz') is a compile error, not a blank label at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
