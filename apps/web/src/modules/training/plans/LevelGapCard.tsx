import type { TLevelGap } from '@tierline/contracts';
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../../levels/components/CheckList.tsx';
import { PeriodSelect } from '../../levels/components/PeriodSelect.tsx';
import { criterionOf, metCount } from '../../levels/levelRules.ts';
import { useLevelCriteria, useLevelName } from '../../levels/levels.api.ts';
import { periodLabel } from '../../performance/periods.ts';
import { gapSections, gapState } from './planRules.ts';

interface LevelGapCardProps {
  gap: TLevelGap;
  /** The signed-in user is the plan's rep: the card speaks to them. */
  own: boolean;
  onPeriod: (period: string) => void;
  /** A new period's gap is on its way (the previous one stays on screen meanwhile). */
  loading: boolean;
}

/**
 * 距离目标等级: the level evaluation's own step from the rep's level toward the target, for the chosen quarter — what is
 * still missing first, then what is met, each with the figures it was judged on.
 */
export function LevelGapCard({ gap, own, onPeriod, loading }: LevelGapCardProps) {
  const { t } = useTranslation();
  const levelNameOf = useLevelName();
  // Checks are worded from the configured step when there is one (the server's text is the fallback).
  const criteria = useLevelCriteria();
  const state = gapState(gap);
  const { missing, met } = gapSections(gap);
  const count = metCount(gap.checks);
  const criterion = gap.stepToLevelId ? criterionOf(criteria.data?.steps, gap.fromLevelId, gap.stepToLevelId) : null;
  const target = levelNameOf(gap.toLevelId);

  const summary = {
    reached: <Alert type="success" showIcon title={t('trainingPlans.gap.reached', { level: target })} />,
    noStep: <Alert type="info" showIcon title={t('trainingPlans.gap.noStep', { from: levelNameOf(gap.fromLevelId), level: target })} />,
    ready: <Alert type="success" showIcon title={t('trainingPlans.gap.ready', { level: levelNameOf(gap.stepToLevelId) })} />,
    missing: (
      <Alert
        type="warning"
        showIcon
        title={t('trainingPlans.gap.missingCount', { count: missing.length, total: count.total, level: levelNameOf(gap.stepToLevelId) })}
      />
    ),
  }[state];

  return (
    <Card
      title={t(own ? 'trainingPlans.gap.titleOwn' : 'trainingPlans.gap.title', { level: target })}
      extra={<PeriodSelect value={gap.period} onChange={onPeriod} testId="plan-gap-period" />}
      data-testid="plan-gap"
      data-state={state}
    >
      {loading ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {t('trainingPlans.gap.intro', { period: periodLabel(gap.period, t) })}
            {gap.stepToLevelId && gap.stepToLevelId !== gap.toLevelId
              ? ` ${t('trainingPlans.gap.firstStep', { step: levelNameOf(gap.stepToLevelId), level: target })}`
              : ''}
          </Typography.Text>
          {summary}
          {missing.length > 0 && (
            <section data-testid="plan-gap-missing">
              <Typography.Title level={5}>{t('trainingPlans.gap.stillMissing', { count: missing.length })}</Typography.Title>
              <CheckList checks={missing} direction="promote" criterion={criterion} />
            </section>
          )}
          {met.length > 0 && (
            <section data-testid="plan-gap-met">
              <Typography.Title level={5}>{t('trainingPlans.gap.alreadyMet', { count: met.length })}</Typography.Title>
              <CheckList checks={met} direction="promote" criterion={criterion} />
            </section>
          )}
        </Flex>
      )}
    </Card>
  );
}
