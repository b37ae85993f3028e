import type { TAssignmentEntity, TAssignmentResult } from '@tierline/contracts';
import { Alert, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { useExplanation } from '../assignment.api.ts';
import { outcomeOf, reasonCounts } from '../explanation.ts';
import { CandidatesTable } from './CandidatesTable.tsx';
import { useRuleWords } from './useRuleWords.ts';

export interface AssignmentExplainPanelProps {
  entity: TAssignmentEntity;
  /** The lead's, customer's or deal's id. */
  id: string;
}

/**
 * Why a record went to whom: its latest automatic assignment (the matched rule, the conditions
 * that held, the strategy, the chosen rep) and, for every other rep, why they were passed over.
 * Mount it on a record's page; it says so when the record was never assigned automatically.
 */
export function AssignmentExplainPanel({ entity, id }: AssignmentExplainPanelProps) {
  const { t } = useTranslation();
  const explanation = useExplanation(entity, id);
  if (explanation.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (explanation.isError) {
    // 404: never assigned automatically (or not visible to this user, which must not be told apart).
    if (isApiError(explanation.error, 404))
      return <Empty description={t('assignment.explain.none')} data-testid="assignment-explain-none" />;
    return <LoadError error={explanation.error} onRetry={explanation.refetch} />;
  }
  return <ExplanationView result={explanation.data} />;
}

function ExplanationView({ result }: { result: TAssignmentResult }) {
  const { t, i18n } = useTranslation();
  const words = useRuleWords();
  const e = result.explanation;
  const outcome = outcomeOf(e);
  const owner = useUsersById([e.chosen]).get(e.chosen ?? '');
  const counts = reasonCounts(e.candidates);

  const headline =
    outcome.kind === 'assigned' ? (
      <Alert type="success" showIcon title={t('assignment.explain.assignedTo', { name: owner?.name ?? '…' })} />
    ) : (
      <Alert
        type="warning"
        showIcon
        title={t('assignment.explain.notAssigned')}
        description={t(`assignment.explain.outcome.${outcome.kind}`, { rule: e.ruleName ?? '' })}
      />
    );

  return (
    <Flex vertical gap={16} data-testid="assignment-explanation">
      {headline}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'rule', label: t('assignment.explain.rule'), children: e.ruleName ?? t('assignment.explain.noRule') },
          { key: 'strategy', label: t('assignment.explain.strategy'), children: words.strategy(e.strategy) },
          {
            key: 'matched',
            label: t('assignment.explain.matched'),
            children: e.matched.length ? (
              <Flex gap={4} wrap>
                {e.matched.map((m) => (
                  <Tag key={m} style={{ marginInlineEnd: 0 }}>
                    {words.matched(m)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              '—'
            ),
          },
          { key: 'at', label: t('assignment.explain.at'), children: formatDateTime(result.at, i18n.language) },
        ]}
      />
      {/* Nobody was looked at when no rule matched: there is nothing to say per rep. */}
      {e.ruleId && (
        <>
          <Flex align="baseline" gap={8} wrap>
            <Typography.Text strong>{t('assignment.explain.others')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {counts.map(({ reason, n }) => t('assignment.explain.count', { n, reason: t(`assignment.reasons.${reason}`) })).join(' · ')}
            </Typography.Text>
          </Flex>
          <CandidatesTable entity={result.entity} candidates={e.candidates} chosen={e.chosen} />
        </>
      )}
    </Flex>
  );
}
