import type { TFollowUpPlan } from '@tierline/contracts';
import { Card, Empty, Flex, Spin, Switch, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { type PlanHandlers, PlanRowActions, PlanSteps, PlanTarget } from './PlanParts.tsx';

interface PlanListProps {
  plans: TFollowUpPlan[];
  loading: boolean;
  handlers: PlanHandlers;
}

function ActiveSwitch({ plan, handlers }: { plan: TFollowUpPlan; handlers: PlanHandlers }) {
  const { t } = useTranslation();
  return (
    <Switch
      checked={plan.active}
      onChange={(on) => handlers.onActive(plan, on)}
      aria-label={t('followUpPlans.active')}
      data-testid="plan-active"
    />
  );
}

/** The plans as a table, or on a phone as cards (six columns do not fit across one). */
export function PlanList({ plans, loading, handlers }: PlanListProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();

  if (isPhone) {
    if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
    if (plans.length === 0) return <Empty description={t('followUpPlans.empty')} />;
    return (
      <Flex vertical gap={12}>
        {plans.map((p) => (
          <Card key={p.id} size="small" data-testid="plan-card">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Typography.Text strong>{p.name}</Typography.Text>
              <ActiveSwitch plan={p} handlers={handlers} />
            </Flex>
            <Flex vertical gap={6} style={{ marginTop: 8 }}>
              <PlanTarget plan={p} />
              <PlanSteps plan={p} />
              <Typography.Text type="secondary">{t('followUpPlans.counts', p.enrollmentCounts)}</Typography.Text>
              <PlanRowActions plan={p} handlers={handlers} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableProps<TFollowUpPlan>['columns'] = [
    { key: 'name', title: t('followUpPlans.name'), render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
    { key: 'target', title: t('followUpPlans.target'), render: (_, p) => <PlanTarget plan={p} /> },
    { key: 'steps', title: t('followUpPlans.steps'), render: (_, p) => <PlanSteps plan={p} /> },
    {
      key: 'enrollments',
      title: t('followUpPlans.enrollmentCounts'),
      responsive: ['lg'],
      render: (_, p) => <Typography.Text type="secondary">{t('followUpPlans.counts', p.enrollmentCounts)}</Typography.Text>,
    },
    { key: 'active', title: t('followUpPlans.active'), render: (_, p) => <ActiveSwitch plan={p} handlers={handlers} /> },
    { key: 'actions', title: t('common.actions'), render: (_, p) => <PlanRowActions plan={p} handlers={handlers} /> },
  ];
  return (
    <Table<TFollowUpPlan>
      rowKey="id"
      columns={columns}
      dataSource={plans}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('followUpPlans.empty') }}
      size="middle"
    />
  );
}
