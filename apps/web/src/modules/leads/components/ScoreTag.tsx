import type { TLead } from '@tierline/contracts';
import { Popover, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCORE_BAND_COLORS, scoreBand } from '../scoreBreakdown.ts';
import { ScoreBreakdownList } from './ScoreBreakdownList.tsx';

/**
 * A lead's score as a coloured tag; hovering (or tapping, on a phone) shows how it was earned.
 * Clicks stop here, so tapping the score in a table row does not also open the lead.
 */
export function ScoreTag({ lead }: { lead: Pick<TLead, 'score' | 'scoreBreakdown'> }) {
  const { t } = useTranslation();
  const band = scoreBand(lead.score);
  return (
    <Popover title={t('leads.score.title')} content={<ScoreBreakdownList lead={lead} />} trigger={['hover', 'click']}>
      <Tag
        color={SCORE_BAND_COLORS[band]}
        onClick={(e) => e.stopPropagation()}
        style={{ cursor: 'help', fontVariantNumeric: 'tabular-nums', minWidth: 36, textAlign: 'center' }}
        aria-label={`${t('leads.fields.score')} ${lead.score} · ${t(`leads.score.bands.${band}`)}`}
        data-testid="score-tag"
      >
        {lead.score}
      </Tag>
    </Popover>
  );
}
