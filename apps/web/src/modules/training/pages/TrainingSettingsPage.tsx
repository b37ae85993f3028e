import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the page is built (issue 8). */
export function TrainingSettingsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('training.nav.label')}</Typography.Title>;
}
