import type { TMarketAnalysis } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';

/** How many groups the chart shows: the biggest by orders now; the table below lists them all. */
export const MARKET_CHART_GROUPS = 12;

/** Orders this window beside the previous one, per group (industry or region), the biggest first. */
export function marketOption(m: TMarketAnalysis, labels: { current: string; previous: string; notSet: string }): ChartOption {
  const rows = [...m.data].sort((a, b) => Number(b.current.orderAmount) - Number(a.current.orderAmount)).slice(0, MARKET_CHART_GROUPS);
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 16, top: 16, bottom: 64 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label ?? labels.notSet),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: labels.current, data: rows.map((r) => Number(r.current.orderAmount)), barMaxWidth: 40 },
      { type: 'bar', name: labels.previous, data: rows.map((r) => Number(r.previous.orderAmount)), barMaxWidth: 40 },
    ],
  };
}
