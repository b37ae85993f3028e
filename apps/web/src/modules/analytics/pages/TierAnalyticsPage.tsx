import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar.tsx';
import { useAnalyticsFilters } from '../useAnalyticsFilters.ts';

/** Placeholder being built (issue 9): the page's filters, its figures to come. */
export function TierAnalyticsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAnalyticsFilters();
  return (
    <>
      <PageHeader title={t('analytics.nav.tiers')} />
      <AnalyticsFilterBar filters={filters} onChange={setFilters} fields={['team', 'region', 'level', 'tier', 'compare']} />
    </>
  );
}
