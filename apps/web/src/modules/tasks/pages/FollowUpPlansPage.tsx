import { PlusOutlined } from '@ant-design/icons';
import type { TFollowUpPlan } from '@tierline/contracts';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { ForbiddenPage, LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { EnrollmentsDrawer } from '../components/EnrollmentsDrawer.tsx';
import { PlanFormModal } from '../components/PlanFormModal.tsx';
import { PlanList } from '../components/PlanList.tsx';
import type { PlanHandlers } from '../components/PlanParts.tsx';
import { TasksNav } from '../components/TasksNav.tsx';
import { usePlanActions } from '../components/usePlanActions.ts';
import { isPlanner, usePlanList } from '../plans.api.ts';

type Editing = { plan: TFollowUpPlan | null } | null;

/**
 * 跟进计划 (admins, directors, managers): the organisation's plans with their steps in one line, an
 * active switch, and the enrollments of each; create, edit and delete (a plan anyone took part in is
 * deactivated instead, which the server insists on).
 */
export function FollowUpPlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const list = usePlanList();
  const { setActive, confirmDelete } = usePlanActions();
  const [editing, setEditing] = useState<Editing>(null);
  const [enrolling, setEnrolling] = useState<TFollowUpPlan | null>(null);

  // Everyone may read plans, but only planners shape them: the others have nothing to do here.
  if (!isPlanner(user.role)) return <ForbiddenPage text={t('followUpPlans.forbidden')} />;

  const handlers: PlanHandlers = {
    onEnrollments: setEnrolling,
    onEdit: (plan) => setEditing({ plan }),
    onDelete: confirmDelete,
    onActive: setActive,
  };

  return (
    <>
      <PageHeader
        title={t('followUpPlans.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ plan: null })}>
            {t('followUpPlans.create')}
          </Button>
        }
      />
      <TasksNav />
      <Typography.Paragraph type="secondary">{t('followUpPlans.intro')}</Typography.Paragraph>
      <Card styles={{ body: { padding: isPhone ? 8 : 16 } }} variant={isPhone ? 'borderless' : 'outlined'}>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={list.refetch} />
        ) : (
          <>
            <PlanList plans={list.rows} loading={list.isPending} handlers={handlers} />
            <LoadMore
              count={list.rows.length}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
            />
          </>
        )}
      </Card>
      <PlanFormModal open={editing !== null} plan={editing?.plan ?? null} onClose={() => setEditing(null)} />
      <EnrollmentsDrawer plan={enrolling} onClose={() => setEnrolling(null)} />
    </>
  );
}
