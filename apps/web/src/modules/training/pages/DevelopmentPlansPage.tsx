import { PlusOutlined } from '@ant-design/icons';
import type { TDevelopmentPlan } from '@tierline/contracts';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TeamFilter } from '../../levels/components/TeamFilter.tsx';
import { useLevelName } from '../../levels/levels.api.ts';
import { PlanDueDate, PlanProgress, PlanStatusTag } from '../plans/PlanBits.tsx';
import { PlanFormDrawer } from '../plans/PlanFormDrawer.tsx';
import { mayWritePlans } from '../plans/planRules.ts';
import { PLAN_STATUSES, type TPlanStatus, useDevelopmentPlans } from '../plans/plans.api.ts';
import { RepPicker } from '../plans/RepPicker.tsx';

type UrlState = { teamId?: string; repId?: string; status?: string; edit?: string };

const isStatus = (value: string | undefined): value is TPlanStatus => PLAN_STATUSES.includes(value as TPlanStatus);

/**
 * 发展计划: a rep sees their own plans; managers, directors, admins and viewers see those in their scope, filtered by
 * team, rep and status, with each plan's progress (goals met of all). Those who coach write new plans here.
 */
export function DevelopmentPlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const levelNameOf = useLevelName();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const [creating, setCreating] = useState(false);
  const status = isStatus(url.status) ? url.status : undefined;
  const isRep = user.role === 'rep';
  const list = useDevelopmentPlans({ teamId: url.teamId, repId: url.repId, status });
  const canWrite = mayWritePlans(user.role);
  const editing = list.rows.find((p) => p.id === url.edit) ?? null;

  const columns = [
    {
      key: 'title',
      title: t('trainingPlans.fields.title'),
      render: (_: unknown, plan: TDevelopmentPlan) => (
        <Link to={`/training/plans/${plan.id}`} data-testid="plan-link">
          {plan.title}
        </Link>
      ),
    },
    ...(isRep ? [] : [{ key: 'rep', title: t('trainingPlans.fields.rep'), dataIndex: 'repName' }]),
    {
      key: 'target',
      title: t('trainingPlans.fields.targetLevel'),
      render: (_: unknown, plan: TDevelopmentPlan) => levelNameOf(plan.targetLevelId),
    },
    {
      key: 'dueOn',
      title: t('trainingPlans.fields.dueOn'),
      render: (_: unknown, plan: TDevelopmentPlan) => <PlanDueDate plan={plan} />,
    },
    {
      key: 'status',
      title: t('trainingPlans.fields.status'),
      render: (_: unknown, plan: TDevelopmentPlan) => <PlanStatusTag status={plan.status} />,
    },
    {
      key: 'progress',
      title: t('trainingPlans.fields.progress'),
      width: 200,
      render: (_: unknown, plan: TDevelopmentPlan) => <PlanProgress plan={plan} />,
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, plan: TDevelopmentPlan) => (
              <Button size="small" onClick={() => setUrl({ edit: plan.id })} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('trainingPlans.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              {t('trainingPlans.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t(isRep ? 'trainingPlans.introRep' : 'trainingPlans.intro')}</Typography.Paragraph>
      <Card>
        {!isRep && (
          <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
            <TeamFilter value={url.teamId} onChange={(teamId) => setUrl({ teamId })} />
            <RepPicker
              value={url.repId}
              onChange={(repId) => setUrl({ repId })}
              allowClear
              placeholder={t('trainingPlans.filters.allReps')}
              style={{ width: isPhone ? '100%' : 200 }}
            />
            <Select<TPlanStatus>
              allowClear
              aria-label={t('trainingPlans.fields.status')}
              placeholder={t('trainingPlans.filters.allStatuses')}
              value={status}
              onChange={(next) => setUrl({ status: next })}
              options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`trainingPlans.statuses.${s}`) }))}
              style={{ width: isPhone ? '100%' : 160 }}
            />
          </Flex>
        )}
        <CursorTable<TDevelopmentPlan>
          list={list}
          columns={columns}
          locale={{ emptyText: t(isRep ? 'trainingPlans.emptyRep' : 'trainingPlans.empty') }}
          data-testid="plan-list"
        />
      </Card>
      <PlanFormDrawer
        open={creating || editing !== null}
        plan={editing}
        initialRepId={url.repId}
        onClose={() => {
          setCreating(false);
          setUrl({ edit: undefined });
        }}
        onSaved={(plan) => {
          setUrl({ edit: undefined });
          if (creating) {
            setCreating(false);
            navigate(`/training/plans/${plan.id}`);
          }
        }}
      />
    </>
  );
}
