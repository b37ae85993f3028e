import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevelName } from '../../levels/levels.api.ts';
import { isPeriod } from '../../performance/periods.ts';
import { GoalsCard } from '../plans/GoalsCard.tsx';
import { LevelGapCard } from '../plans/LevelGapCard.tsx';
import { PlanDueDate, PlanProgress, PlanStatusTag } from '../plans/PlanBits.tsx';
import { PlanFormDrawer } from '../plans/PlanFormDrawer.tsx';
import { mayWritePlans } from '../plans/planRules.ts';
import { useDevelopmentPlan } from '../plans/plans.api.ts';

type UrlState = { period?: string; edit?: string };

/**
 * One development plan: the rep, their level and the target, the due date and status; the level gap in the level
 * evaluation's own terms (what is still missing first) for a chosen quarter; and the plan's goals with their state.
 */
export function DevelopmentPlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const levelNameOf = useLevelName();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : undefined;
  const query = useDevelopmentPlan(planId, period);
  const plan = query.data;

  if (query.isError && !plan)
    return isApiError(query.error, 404) ? <NotFoundPage /> : <LoadError error={query.error} onRetry={query.refetch} />;
  if (!plan) return <Skeleton active />;
  const canWrite = mayWritePlans(user.role);
  const gap = plan.levelGap;

  return (
    <>
      <PageHeader
        title={<span data-testid="plan-title">{plan.title}</span>}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/training/plans')}>
              {t('trainingPlans.backToList')}
            </Button>
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setUrl({ edit: '1' })} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card data-testid="plan-header">
          <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
            <Descriptions.Item label={t('trainingPlans.fields.rep')}>
              <span data-testid="plan-rep">{plan.repName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingPlans.fields.levels')}>
              <span data-testid="plan-levels">
                {t('trainingPlans.levelsArrow', { from: levelNameOf(gap.fromLevelId), to: levelNameOf(plan.targetLevelId) })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingPlans.fields.dueOn')}>
              <PlanDueDate plan={plan} />
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingPlans.fields.status')}>
              <PlanStatusTag status={plan.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingPlans.fields.progress')}>
              <PlanProgress plan={plan} />
            </Descriptions.Item>
          </Descriptions>
          {plan.notes && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
              {plan.notes}
            </Typography.Paragraph>
          )}
        </Card>
        <LevelGapCard
          gap={gap}
          own={plan.repId === user.id}
          onPeriod={(next) => setUrl({ period: next })}
          loading={query.isPlaceholderData}
        />
        <GoalsCard goals={plan.goals} />
      </Flex>
      {canWrite && (
        <PlanFormDrawer
          open={url.edit === '1'}
          plan={plan}
          onClose={() => setUrl({ edit: undefined })}
          onSaved={() => setUrl({ edit: undefined })}
        />
      )}
    </>
  );
}
