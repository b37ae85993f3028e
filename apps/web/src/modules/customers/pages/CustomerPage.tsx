import { CustomerServiceOutlined } from '@ant-design/icons';
import type { TabsProps } from 'antd';
import { Alert, Badge, Button, Card, Flex, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { useShowError } from '../../../shared/errors.ts';
import { isMissingRoute } from '../../../shared/missingRoute.ts';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useAccountTeam } from '../../accountTeams/accountTeams.api.ts';
import { AccountPlanTab } from '../../accountTeams/components/AccountPlanTab.tsx';
import { AccountTeamTab } from '../../accountTeams/components/AccountTeamTab.tsx';
import { LogActivityButton } from '../../activities/components/LogActivityButton.tsx';
import { Timeline } from '../../activities/components/Timeline.tsx';
import { AssignmentExplainPanel } from '../../assignment/components/AssignmentExplainPanel.tsx';
import { AutoAssignButton } from '../../assignment/components/AutoAssignButton.tsx';
import { ComplianceTab } from '../../tiers/components/ComplianceTab.tsx';
import { TierHistoryTab } from '../../tiers/components/TierHistoryTab.tsx';
import { useCustomerCompliance, useTierHistory } from '../../tiers/tiers.api.ts';
import { ContactsTab } from '../components/ContactsTab.tsx';
import { CustomerHeader } from '../components/CustomerHeader.tsx';
import { CustomerOverviewTab } from '../components/CustomerOverviewTab.tsx';
import { PurchasesTab } from '../components/PurchasesTab.tsx';
import { useCustomer, useSetCustomerDeleted } from '../customers.api.ts';

type TabKey = 'overview' | 'timeline' | 'contacts' | 'purchases' | 'tier' | 'service' | 'team' | 'plan' | 'assignment';

/** 客户详情: the customer's header and a tab for each side of it. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const showError = useShowError();
  const customer = useCustomer(id);
  const [{ tab }, setUrl] = useUrlFilters<{ tab?: string }>();
  // Asked up front: the header shows compliance and the tab labels counts; a missing route hides its tabs.
  const compliance = useCustomerCompliance(id);
  const team = useAccountTeam(id);
  const history = useTierHistory(id);
  const setDeleted = useSetCustomerDeleted();
  const isPhone = useIsPhone();

  if (customer.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (customer.isError) {
    return isApiError(customer.error, 404) ? <NotFoundPage /> : <LoadError error={customer.error} onRetry={customer.refetch} />;
  }
  const c = customer.data;
  const deleted = c.deletedAt !== null;

  const items: (NonNullable<TabsProps['items']>[number] & { key: TabKey; hidden?: boolean })[] = [
    { key: 'overview', label: t('customers.tabs.overview'), children: <CustomerOverviewTab customer={c} /> },
    {
      key: 'timeline',
      label: t('activities.timeline.tab'),
      // A claim, release or new tier changes the customer and is an event on its timeline.
      children: <Timeline entity="customer" id={c.id} customerId={c.id} stamp={`${c.version}:${c.ownerId}:${c.tierId}`} />,
    },
    { key: 'contacts', label: t('customers.tabs.contacts'), children: <ContactsTab customer={c} /> },
    { key: 'purchases', label: t('customers.tabs.purchases'), children: <PurchasesTab customerId={c.id} /> },
    { key: 'tier', label: t('customers.tabs.tier'), children: <TierHistoryTab customer={c} />, hidden: isMissingRoute(history.error) },
    {
      key: 'service',
      label: (
        <Badge dot={compliance.data?.compliant === false} offset={[6, 0]}>
          {t('customers.tabs.service')}
        </Badge>
      ),
      children: <ComplianceTab customer={c} />,
      hidden: isMissingRoute(compliance.error),
    },
    {
      key: 'team',
      label: `${t('customers.tabs.team')}${team.data ? ` (${team.data.data.length})` : ''}`,
      children: <AccountTeamTab customer={c} />,
      hidden: isMissingRoute(team.error),
    },
    { key: 'plan', label: t('customers.tabs.plan'), children: <AccountPlanTab customer={c} />, hidden: isMissingRoute(team.error) },
    { key: 'assignment', label: t('assignment.explain.tab'), children: <AssignmentExplainPanel entity="customer" id={c.id} /> },
  ];
  const visible = items.filter((item) => !item.hidden).map(({ hidden: _, ...item }) => item);
  const active = visible.some((item) => item.key === tab) ? (tab as TabKey) : 'overview';

  return (
    <>
      <CustomerHeader customer={c} compliant={compliance.data?.compliant} />
      {!deleted && (
        // Under the header's actions: at their right on a wide screen, at their left where they wrap on a phone.
        <Flex justify={isPhone ? 'flex-start' : 'flex-end'} wrap gap={8} style={{ marginTop: -4, marginBottom: 16 }}>
          <AutoAssignButton entity="customer" id={c.id} />
          <Link to={`/service?customerId=${c.id}`}>
            <Button icon={<CustomerServiceOutlined />}>{t('service.title')}</Button>
          </Link>
          <LogActivityButton customerId={c.id} />
        </Flex>
      )}
      {deleted && (
        <Alert
          type="warning"
          showIcon
          title={t('customers.deletedBanner')}
          action={
            <Button
              size="small"
              loading={setDeleted.isPending}
              onClick={() => setDeleted.mutate({ customer: c, deleted: false }, { onError: (e) => showError(e) })}
            >
              {t('customers.restore')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={active} onChange={(key) => setUrl({ tab: key === 'overview' ? undefined : key })} items={visible} />
      </Card>
    </>
  );
}
