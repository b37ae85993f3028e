import { Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { PeriodSelect } from '../../levels/components/PeriodSelect.tsx';
import { TeamFilter } from '../../levels/components/TeamFilter.tsx';
import { mayEditSettings } from '../../levels/levelRules.ts';
import { currentPeriod, isPeriod } from '../../performance/periods.ts';
import { useCommissionStatements } from '../commissions.api.ts';
import { CommissionPlans } from '../components/CommissionPlans.tsx';
import { StatementsTable } from '../components/StatementsTable.tsx';

type UrlState = { period?: string; teamId?: string; tab?: string };

/**
 * 提成: the commission statement of every rep in scope for a period (a rep sees their own), each line a
 * payment received; directors and admins also set the plans per level.
 */
export function CommissionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : currentPeriod('month');
  const settings = mayEditSettings(user.role);
  const tab = settings && url.tab === 'plans' ? 'plans' : 'statements';
  const statements = useCommissionStatements(period, url.teamId);

  const statementsView = (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <PeriodSelect
          value={period}
          onChange={(next) => setUrl({ period: next })}
          kinds={['month', 'quarter', 'year']}
          testId="commission-period"
        />
        <TeamFilter value={url.teamId} onChange={(teamId) => setUrl({ teamId })} />
      </Flex>
      {statements.isError ? (
        <LoadError error={statements.error} onRetry={statements.refetch} />
      ) : (
        <StatementsTable statements={statements.data?.data ?? []} loading={statements.isPending} />
      )}
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('commissions.title')} />
      <Typography.Paragraph type="secondary">{t(user.role === 'rep' ? 'commissions.introRep' : 'commissions.intro')}</Typography.Paragraph>
      {settings ? (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setUrl({ tab: key === 'statements' ? undefined : key })}
            items={[
              { key: 'statements', label: t('commissions.tabs.statements'), children: statementsView },
              { key: 'plans', label: t('commissions.tabs.plans'), children: <CommissionPlans /> },
            ]}
          />
        </Card>
      ) : (
        <Card>{statementsView}</Card>
      )}
    </>
  );
}
