import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { decisionState, isDecidable } from '../levelRules.ts';
import type { TLevelEvaluation } from '../levels.api.ts';

const COLORS = { open: 'processing', rejected: 'default', scheduled: 'blue', applied: 'success' } as const;

/** Where a rep's evaluation stands: 待决定, 已驳回, 已接受 · 生效于 …, 已生效. Nothing for a hold nobody decided. */
export function DecisionTag({ evaluation }: { evaluation: TLevelEvaluation }) {
  const { t, i18n } = useTranslation();
  const state = decisionState(evaluation);
  if (state === 'open' && !isDecidable(evaluation)) return null;
  const effectiveOn = evaluation.decision?.effectiveOn;
  return (
    <Tag color={COLORS[state]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="level-decision-state">
      {state === 'scheduled' && effectiveOn
        ? t('levelEvaluation.states.scheduledOn', { date: formatDate(effectiveOn, i18n.language) })
        : t(`levelEvaluation.states.${state}`)}
    </Tag>
  );
}
