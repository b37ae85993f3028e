import { DeleteOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import type { TFollowUpPlan } from '@tierline/contracts';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { stepsSummary } from '../planSteps.ts';

/** Steps a plan's line spells out; the rest are counted (the dialog shows them all). */
const STEPS_SHOWN = 5;

/** What a plan enrolls: the customers of a tier, or the deals in a stage of a pipeline. */
export function PlanTarget({ plan }: { plan: TFollowUpPlan }) {
  const { t, i18n } = useTranslation();
  const { pipelines, stageById } = usePipelines();
  const stage = plan.stageId ? stageById.get(plan.stageId) : undefined;
  const pipeline = pipelines.find((p) => p.stages.some((s) => s.id === plan.stageId));
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{t(`followUpPlans.targets.${plan.target}`)}</Typography.Text>
      {plan.target === 'customer' ? (
        <TierTag tierId={plan.tierId} />
      ) : (
        <Tag>{stage ? `${localName(pipeline, i18n.language)} · ${localName(stage, i18n.language)}` : '…'}</Tag>
      )}
    </Space>
  );
}

/** A plan's steps in one line: "第0天 电话 → 第3天 邮件 → 第7天 拜访". */
export function PlanSteps({ plan }: { plan: TFollowUpPlan }) {
  const { t } = useTranslation();
  const label = (s: TFollowUpPlan['steps'][number]) => t('followUpPlans.stepLabel', { day: s.dayOffset, kind: t(`tasks.kinds.${s.kind}`) });
  return <span data-testid="plan-steps">{stepsSummary(plan.steps, label, STEPS_SHOWN)}</span>;
}

export interface PlanHandlers {
  onEnrollments: (plan: TFollowUpPlan) => void;
  onEdit: (plan: TFollowUpPlan) => void;
  onDelete: (plan: TFollowUpPlan) => void;
  onActive: (plan: TFollowUpPlan, active: boolean) => void;
}

export function PlanRowActions({ plan, handlers }: { plan: TFollowUpPlan; handlers: PlanHandlers }) {
  const { t } = useTranslation();
  const button = (label: string, icon: ReactNode, onClick: () => void, danger = false) => (
    <Tooltip title={label}>
      <Button size="small" danger={danger} icon={icon} aria-label={label} onClick={onClick} />
    </Tooltip>
  );
  return (
    <Space size={4}>
      {button(t('followUpPlans.enrollments'), <TeamOutlined />, () => handlers.onEnrollments(plan))}
      {button(t('common.edit'), <EditOutlined />, () => handlers.onEdit(plan))}
      {button(t('common.delete'), <DeleteOutlined />, () => handlers.onDelete(plan), true)}
    </Space>
  );
}
