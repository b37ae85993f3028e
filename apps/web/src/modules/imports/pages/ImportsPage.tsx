import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';

/** The import wizard and the list of past imports (built by the imports work of issue 6). */
export function ImportsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('imports.title')} />;
}
