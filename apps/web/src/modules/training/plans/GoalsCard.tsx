import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import type { TPlanGoal } from '@tierline/contracts';
import { Card, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { type GoalState, goalFigure, goalState, goalText } from './planRules.ts';
import { useCourseOptions, useSkillOptions } from './plans.api.ts';

const STATE_TAGS: Record<GoalState, string> = { met: 'success', overdue: 'error', open: 'default' };

/** The plan's goals: each met ✓, overdue ✗ or still open, what it asks, by when, and the figure it was judged on. */
export function GoalsCard({ goals }: { goals: TPlanGoal[] }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const courses = useCourseOptions();
  const skills = useSkillOptions();
  const names = { course: (id: string) => courses.byId.get(id)?.title, skill: (id: string) => skills.byId.get(id)?.name };
  const icon = (state: GoalState) =>
    state === 'met' ? (
      <CheckCircleFilled style={{ color: token.colorSuccess }} aria-label={t('trainingPlans.goalStates.met')} />
    ) : state === 'overdue' ? (
      <CloseCircleFilled style={{ color: token.colorError }} aria-label={t('trainingPlans.goalStates.overdue')} />
    ) : (
      <ClockCircleOutlined style={{ color: token.colorTextTertiary }} aria-label={t('trainingPlans.goalStates.open')} />
    );
  const met = goals.filter((g) => g.met).length;
  return (
    <Card title={t('trainingPlans.goal.title')} extra={goals.length > 0 && t('trainingPlans.goalsMet', { met, total: goals.length })}>
      {goals.length === 0 ? (
        <Typography.Text type="secondary">{t('trainingPlans.noGoals')}</Typography.Text>
      ) : (
        <Flex vertical gap={12} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {goals.map((goal) => {
            const state = goalState(goal);
            return (
              <li key={goal.id} data-testid="plan-goal" data-state={state} data-kind={goal.kind}>
                <Flex gap={8} align="flex-start">
                  <span style={{ lineHeight: '22px' }}>{icon(state)}</span>
                  <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Flex gap={8} wrap align="center" justify="space-between">
                      <Typography.Text>
                        <Typography.Text type="secondary">
                          {t('trainingPlans.labelled', { label: t(`trainingPlans.goalKinds.${goal.kind}`) })}
                        </Typography.Text>
                        {goalText(goal, names, t, i18n.language)}
                      </Typography.Text>
                      <Tag color={STATE_TAGS[state]} style={{ marginInlineEnd: 0 }}>
                        {t(`trainingPlans.goalStates.${state}`)}
                      </Tag>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} data-testid="plan-goal-figure">
                      {goalFigure(goal, t, i18n.language)}
                      {goal.dueOn ? ` · ${t('trainingPlans.goal.dueBy', { date: formatDate(goal.dueOn, i18n.language) })}` : ''}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </li>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
