import type { TDevelopmentPlan } from '@tierline/contracts';
import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { todayIso } from '../../levels/dates.ts';
import { planOverdue, planProgress } from './planRules.ts';
import type { TPlanStatus } from './plans.api.ts';

const STATUS_COLORS: Record<TPlanStatus, string> = { active: 'processing', completed: 'success', cancelled: 'default' };

/** 进行中 / 已完成 / 已取消. */
export function PlanStatusTag({ status }: { status: TPlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="plan-status">
      {t(`trainingPlans.statuses.${status}`)}
    </Tag>
  );
}

/** The plan's due date, marked 已逾期 when an active plan is past it. */
export function PlanDueDate({ plan }: { plan: Pick<TDevelopmentPlan, 'dueOn' | 'status'> }) {
  const { t, i18n } = useTranslation();
  if (!plan.dueOn) return <Typography.Text type="secondary">{t('trainingPlans.noDueDate')}</Typography.Text>;
  return (
    <Flex gap={6} align="center" wrap>
      <span>{formatDate(plan.dueOn, i18n.language)}</span>
      {planOverdue(plan, todayIso()) && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="plan-overdue">
          {t('trainingPlans.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

/** Goals met of all goals: "2/3" beside a bar; a plan without goals says so. */
export function PlanProgress({ plan }: { plan: Pick<TDevelopmentPlan, 'goals' | 'goalsMet'> }) {
  const { t } = useTranslation();
  const { met, total, percent } = planProgress(plan);
  if (percent === null) return <Typography.Text type="secondary">{t('trainingPlans.noGoals')}</Typography.Text>;
  return (
    <Flex gap={8} align="center" data-testid="plan-progress">
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        style={{ width: 100, margin: 0 }}
        aria-label={t('trainingPlans.fields.progress')}
      />
      <Typography.Text>{t('trainingPlans.goalsMet', { met, total })}</Typography.Text>
    </Flex>
  );
}
