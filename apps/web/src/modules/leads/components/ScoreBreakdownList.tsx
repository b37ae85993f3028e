import type { TLead } from '@tierline/contracts';
import { Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { summariseScore } from '../scoreBreakdown.ts';

/** The rules a lead met, one line each with its points, then the score (and why it differs from the sum, when it does). */
export function ScoreBreakdownList({ lead }: { lead: Pick<TLead, 'score' | 'scoreBreakdown'> }) {
  const { t } = useTranslation();
  const s = summariseScore(lead);
  if (s.lines.length === 0) return <Typography.Text type="secondary">{t('leads.score.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={4} style={{ minWidth: 200 }} data-testid="score-breakdown">
      {s.lines.map((line) => (
        <Flex key={line.ruleId} justify="space-between" gap={16}>
          <Typography.Text>{line.label}</Typography.Text>
          <Typography.Text type={line.points < 0 ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {line.text}
          </Typography.Text>
        </Flex>
      ))}
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="space-between" gap={16}>
        <Typography.Text strong>{t('leads.score.total')}</Typography.Text>
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {s.score}
        </Typography.Text>
      </Flex>
      {s.clamped && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(s.clamped === 'max' ? 'leads.score.clampedMax' : 'leads.score.clampedMin', { sum: s.sum })}
        </Typography.Text>
      )}
    </Flex>
  );
}
