import type { TScorecard } from '@tierline/contracts';
import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCHEME, type HowSectionId } from '../computation.ts';
import { type ScorecardQuery, useCycle } from '../performance.api.ts';
import { AttainmentChart } from './AttainmentChart.tsx';
import { ComputationDrawer } from './ComputationDrawer.tsx';
import { CriteriaTable } from './CriteriaTable.tsx';
import { KpiTable } from './KpiTable.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { ScoreTrend, TREND_PERIODS } from './ScoreTrend.tsx';

interface ScorecardViewProps {
  card: TScorecard;
  /** The query the card was read with: the trend asks the same subject for the earlier periods. */
  query: ScorecardQuery;
  onPickPeriod?: (period: string) => void;
}

/**
 * A whole scorecard (a rep's or a team's): summary, attainment chart, KPI table, criteria, trend; every score opens
 * its computation. Used by 我的业绩 and 团队业绩.
 */
export function ScorecardView({ card, query, onPickPeriod }: ScorecardViewProps) {
  const { t } = useTranslation();
  const [how, setHow] = useState<HowSectionId | null>(null);
  const cycle = useCycle(card.cycleId);
  // The bands that applied: the cycle's, or the built-in ones when the period has no cycle.
  const bands = card.cycleId ? (cycle.data?.gradeBands ?? null) : DEFAULT_SCHEME.gradeBands;
  const isTeam = card.subject.kind === 'team';

  return (
    <div data-testid="scorecard">
      <ScoreSummary card={card} cycle={cycle.data} onHow={setHow} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title={t('performance.card.chartTitle')} style={{ height: '100%' }}>
            <AttainmentChart card={card} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('performance.card.trendTitle', { count: TREND_PERIODS })} style={{ height: '100%' }}>
            <ScoreTrend query={query} onPick={onPickPeriod} />
          </Card>
        </Col>
      </Row>
      <Card title={t('performance.card.kpiTable')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
        <KpiTable card={card} onHow={setHow} />
      </Card>
      {!isTeam && (
        <Card title={t('performance.card.criteriaTitle')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
          <CriteriaTable card={card} onHow={setHow} />
        </Card>
      )}
      <ComputationDrawer card={card} bands={bands} focus={how} onClose={() => setHow(null)} />
    </div>
  );
}
