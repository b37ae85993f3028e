import type { TScorecard } from '@tierline/contracts';
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../shared/Chart.tsx';
import { formatPercent, kpiLabel } from './kpis.ts';
import { shortPeriodLabel } from './periods.ts';

/**
 * The performance charts' options, built without React so they can be read in tests. The cap line is a markLine:
 * charts that use these options register MarkLineComponent (AttainmentChart.tsx).
 */

export interface ChartColors {
  met: string;
  near: string;
  below: string;
  cap: string;
  text: string;
}

/** Met (≥ 100 %), near (≥ 70 %), below: a bar's colour says it at a glance. */
export function attainmentColor(attainment: number, colors: ChartColors): string {
  return attainment >= 1 ? colors.met : attainment >= 0.7 ? colors.near : colors.below;
}

/**
 * KPI attainment as horizontal bars in percent, the first KPI on top, with the cap as a dashed line. Bars run to the
 * attainment itself (not capped), so over-achievement shows past the line that limits its points.
 */
export function attainmentChartOption(card: TScorecard, t: TFunction, locale: string, colors: ChartColors, narrow: boolean): ChartOption {
  const kpis = card.kpis.filter((k) => k.attainment !== null).reverse();
  const capPercent = card.attainmentCap * 100;
  const maxPercent = Math.max(capPercent, ...kpis.map((k) => (k.attainment ?? 0) * 100));
  return {
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatPercent(Number(value) / 100, locale),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(maxPercent / 25) * 25,
      axisLabel: { formatter: (value: number) => `${value}%` },
    },
    yAxis: {
      type: 'category',
      data: kpis.map((k) => kpiLabel(k.kpi, t)),
      axisLabel: { width: narrow ? 72 : 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('performance.card.attainment'),
        barMaxWidth: 20,
        data: kpis.map((k) => ({
          value: Math.round((k.attainment ?? 0) * 10000) / 100,
          itemStyle: { color: attainmentColor(k.attainment ?? 0, colors), borderRadius: [0, 3, 3, 0] },
        })),
        label: {
          show: true,
          position: 'right',
          color: colors.text,
          formatter: (p: { value?: unknown }) => formatPercent(Number(p.value) / 100, locale, 1),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: colors.cap, width: 1.5 },
          label: { formatter: t('performance.card.capLine', { cap: formatPercent(card.attainmentCap, locale) }), color: colors.cap },
          data: [{ xAxis: capPercent }],
        },
      },
    ],
  };
}

export interface TrendPoint {
  period: string;
  total: number | null;
  grade: string | null;
}

/** The total score over the last periods, each point labelled with its grade. */
export function trendChartOption(points: readonly TrendPoint[], t: TFunction, color: string): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => shortPeriodLabel(p.period)) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        name: t('performance.card.total'),
        data: points.map((p) => p.total),
        itemStyle: { color },
        symbolSize: 8,
        connectNulls: true,
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number; value?: unknown }) => {
            const point = points[p.dataIndex];
            return point?.total === null || point === undefined ? '' : `${point.total} · ${point.grade ?? ''}`;
          },
        },
      },
    ],
  };
}
