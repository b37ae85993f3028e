import type { TLocale } from '@tierline/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '../i18n/index.ts';

/** 中文 / English. Each label is written in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  // useTranslation re-renders this component when the language changes.
  const { t } = useTranslation();
  return (
    <Segmented<TLocale>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="small"
      value={currentLocale()}
      onChange={changeLocale}
      options={[
        { label: t('language.zhCN'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
    />
  );
}
