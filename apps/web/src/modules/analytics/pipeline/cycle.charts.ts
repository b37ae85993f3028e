import type { TCycleLength } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';
import { formatNumber } from '../../../shared/format.ts';
import { growth } from '../figures.ts';

/** Cycle length by process type: its rows (with the previous window's) and its chart, pure. */

export type CycleRow = TCycleLength['rows'][number] & {
  name: string;
  /** The previous window's row of the same pipeline; undefined without compare. */
  previous?: TCycleLength['rows'][number];
  /** Median days now against then (a fraction); null without a previous median. */
  medianGrowth: number | null;
};

export function cycleRows(cycle: TCycleLength, locale: string): CycleRow[] {
  const before = new Map((cycle.previous?.rows ?? []).map((r) => [r.pipelineId, r]));
  return cycle.rows.map((r) => {
    const previous = cycle.previous ? before.get(r.pipelineId) : undefined;
    return {
      ...r,
      name: locale.startsWith('zh') ? r.nameZh : r.nameEn,
      previous,
      medianGrowth: r.medianDays === null ? null : growth(r.medianDays, previous?.medianDays),
    };
  });
}

export interface CycleChartWords {
  median: string;
  mean: string;
  p90: string;
  days: (n: string) => string;
}

/** Median, mean and 90th percentile days per process type as grouped bars (a process type without won deals shows none). */
export function cycleChartOption(rows: CycleRow[], words: CycleChartWords, colors: [string, string, string], locale: string): ChartOption {
  const bar = (name: string, color: string, value: (r: CycleRow) => number | null) => ({
    type: 'bar' as const,
    name,
    barMaxWidth: 24,
    itemStyle: { color, borderRadius: [3, 3, 0, 0] },
    data: rows.map(value),
    label: {
      show: true,
      position: 'top' as const,
      // Whole days past 100, so three labels side by side stay apart.
      formatter: (p: { value?: unknown }) =>
        p.value === null || p.value === undefined ? '' : formatNumber(Number(p.value), locale, Number(p.value) >= 100 ? 0 : 1),
    },
  });
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (value === null || value === undefined ? '—' : words.days(formatNumber(Number(value), locale, 1))),
    },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, overflow: 'truncate', width: 96 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => words.days(formatNumber(v, locale, 0)) } },
    series: [
      bar(words.median, colors[0], (r) => r.medianDays),
      bar(words.mean, colors[1], (r) => r.meanDays),
      bar(words.p90, colors[2], (r) => r.p90Days),
    ],
  };
}
