import type { TLead } from '@tierline/contracts';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_SCORE, SCORE_BAND_COLORS, scoreBand } from '../scoreBreakdown.ts';
import { ScoreBreakdownList } from './ScoreBreakdownList.tsx';

const BAND_STROKES = { hot: '#f5222d', warm: '#fa8c16', cold: '#8c8c8c' } as const;

/** The score as a bar out of 100, and the rules that earned it, line by line. */
export function ScoreCard({ lead }: { lead: TLead }) {
  const { t } = useTranslation();
  const band = scoreBand(lead.score);
  return (
    <Card size="small" title={t('leads.score.title')} extra={<Tag color={SCORE_BAND_COLORS[band]}>{t(`leads.score.bands.${band}`)}</Tag>}>
      <Flex vertical gap={12}>
        <Flex align="center" gap={12}>
          <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="lead-score">
            {lead.score}
          </Typography.Text>
          <Progress
            percent={(lead.score / MAX_SCORE) * 100}
            showInfo={false}
            strokeColor={BAND_STROKES[band]}
            style={{ flex: 1, margin: 0 }}
          />
        </Flex>
        <ScoreBreakdownList lead={lead} />
      </Flex>
    </Card>
  );
}
