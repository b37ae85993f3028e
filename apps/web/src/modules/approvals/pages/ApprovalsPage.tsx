import { Badge, Card, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { isDecider, isSenior } from '../approvalRules.ts';
import { APPROVAL_STATUSES, type TApprovalStatus, useApprovalList } from '../approvals.api.ts';
import { ApprovalsTable } from '../components/ApprovalsTable.tsx';

type Tab = 'toDecide' | 'requested' | 'all';
/** In the URL for "every status" where a tab's default is a single one. */
const ANY = 'any';

/**
 * 审批: what waits for my decision (managers, directors, admins), what I asked for, and for directors
 * and admins the organisation's. The inbox opens on what is pending; the others on everything.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [url, setUrl] = useUrlFilters<{ tab?: string; status?: string }>();
  const tabs: Tab[] = [
    ...(isDecider(user.role) ? ['toDecide' as const] : []),
    'requested',
    ...(isSenior(user.role) ? ['all' as const] : []),
  ];
  const tab = tabs.find((k) => k === url.tab) ?? tabs[0];
  const defaultStatus: TApprovalStatus | undefined = tab === 'toDecide' ? 'pending' : undefined;
  const status = url.status === ANY ? undefined : ((url.status as TApprovalStatus | undefined) ?? defaultStatus);
  // Shares its cache with the inbox's default view: the badge costs no extra request there.
  const waiting = useApprovalList({ view: 'toDecide', status: 'pending' });
  const waitingCount = isDecider(user.role) ? waiting.rows.length : 0;

  const statusFilter = (
    <Select<TApprovalStatus>
      allowClear
      placeholder={t('approvals.allStatuses')}
      aria-label={t('approvals.status')}
      value={status}
      onChange={(next) => setUrl({ status: next ?? (defaultStatus ? ANY : undefined) })}
      options={APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`approvals.statuses.${s}`) }))}
      style={{ width: isPhone ? '100%' : 140 }}
    />
  );

  return (
    <>
      <PageHeader title={t('approvals.title')} />
      <Typography.Paragraph type="secondary">{t('approvals.intro')}</Typography.Paragraph>
      <Card styles={{ body: { paddingTop: isPhone ? 12 : 4 } }}>
        {/* A phone's tab bar has no room beside the tabs: the filter goes above them. */}
        {isPhone && statusFilter}
        <Tabs
          activeKey={tab}
          onChange={(key) => setUrl({ tab: key === tabs[0] ? undefined : key, status: undefined })}
          tabBarExtraContent={isPhone ? undefined : statusFilter}
          destroyOnHidden
          items={tabs.map((key) => ({
            key,
            label:
              key === 'toDecide' ? (
                <Badge count={waitingCount} size="small" offset={[8, -2]} overflowCount={waiting.hasNextPage ? waitingCount - 1 : 99}>
                  {t('approvals.tabs.toDecide')}
                </Badge>
              ) : (
                t(`approvals.tabs.${key}`)
              ),
            children: <ApprovalsTable filters={{ view: key, status }} emptyText={t(`approvals.empty.${key}`)} />,
          }))}
        />
      </Card>
    </>
  );
}
