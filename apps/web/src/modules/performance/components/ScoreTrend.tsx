import { Flex, Spin, Tag, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { type TrendPoint, trendChartOption } from '../charts.ts';
import { type ScorecardQuery, useScorecards } from '../performance.api.ts';
import { periodLabel, periodsEndingWith } from '../periods.ts';
import { GradeBadge } from './GradeBadge.tsx';

export const TREND_PERIODS = 4;

interface ScoreTrendProps {
  /** The scorecard's query (period and subject); the trend runs over the periods of the same kind ending with it. */
  query: ScorecardQuery;
  onPick?: (period: string) => void;
}

/** 趋势: the total and grade over the last periods of the same kind, one scorecard request per period. */
export function ScoreTrend({ query, onPick }: ScoreTrendProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const periods = useMemo(() => periodsEndingWith(query.period, TREND_PERIODS), [query.period]);
  const results = useScorecards(periods.map((period) => ({ ...query, period })));
  const loading = results.some((r) => r.isPending);
  const points: TrendPoint[] = periods.map((period, i) => {
    const card = results[i]?.data;
    return { period, total: card?.total ?? null, grade: card?.grade ?? null };
  });
  const key = points.map((p) => `${p.period}:${p.total}:${p.grade}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `points`, rebuilt every render
  const option = useMemo(() => trendChartOption(points, t, token.colorPrimary), [key, t, token.colorPrimary]);
  return (
    <div data-testid="score-trend">
      {loading ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : (
        <Chart option={option} height={200} label={t('performance.card.trendLabel')} testId="trend-chart" />
      )}
      <Flex wrap gap={8} justify="space-around" style={{ marginTop: 8 }}>
        {points.map((p) => (
          <Tag.CheckableTag
            key={p.period}
            checked={p.period === query.period}
            onChange={() => onPick?.(p.period)}
            style={{ padding: '4px 8px' }}
            data-testid={`trend-${p.period}`}
          >
            <Flex align="center" gap={6}>
              <Typography.Text style={{ color: 'inherit' }}>{periodLabel(p.period, t)}</Typography.Text>
              {p.total !== null && <GradeBadge grade={p.grade} />}
            </Flex>
          </Tag.CheckableTag>
        ))}
      </Flex>
    </div>
  );
}
