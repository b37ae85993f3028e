import { Alert, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { canPickRep } from '../access.ts';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { RepSelect } from '../components/RepSelect.tsx';
import { ScorecardView } from '../components/ScorecardView.tsx';
import { type ScorecardQuery, useScorecard } from '../performance.api.ts';
import { currentPeriod, isPeriod } from '../periods.ts';

type UrlState = { period?: string; repId?: string };

/**
 * 我的业绩: the signed-in rep's scorecard for a period (this quarter by default); a manager or director may look at a
 * rep in their scope. Period and rep live in the URL, so a link shares the view.
 */
export function MyScorecardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : currentPeriod('quarter');
  const repId = canPickRep(user.role) ? url.repId : undefined;
  // Always named: without a repId the API answers every rep in the caller's scope.
  const query: ScorecardQuery = { period, repId: repId ?? user.id };
  const scorecard = useScorecard(query);

  return (
    <>
      <PageHeader
        title={t('performance.nav.mine')}
        extra={
          <Flex gap={8} wrap>
            {canPickRep(user.role) && <RepSelect value={repId ?? null} onChange={(id) => setUrl({ repId: id ?? undefined })} />}
            <PeriodPicker value={period} onChange={(p) => setUrl({ period: p })} />
          </Flex>
        }
      />
      {scorecard.isError && isApiError(scorecard.error, 404) ? (
        <Alert type="warning" showIcon title={t('performance.card.notFound')} />
      ) : scorecard.isError && !scorecard.data ? (
        <LoadError error={scorecard.error} onRetry={scorecard.refetch} />
      ) : !scorecard.data ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Spin spinning={scorecard.isFetching && scorecard.isPlaceholderData}>
          <ScorecardView card={scorecard.data} query={query} onPickPeriod={(p) => setUrl({ period: p })} />
        </Spin>
      )}
    </>
  );
}
