import type { TForecastPipeline } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';
import { money } from '../figures.ts';
import { monthAxisLabel, monthLabel } from '../pipeline/closedDeals.charts.ts';

/**
 * The weighted pipeline's chart: open deals by expected close month, one stacked bar per month with a layer per
 * forecast category, and what was already won in the month as a line beside. Pure, so it is read in tests.
 */

export type ForecastCategory = TForecastPipeline['categories'][number]['category'];
/** Commit at the bottom of each bar: what the reps are surest of first. */
export const CATEGORY_STACK_ORDER: ForecastCategory[] = ['commit', 'best_case', 'pipeline', 'closed', 'omitted'];
export type PipelineMeasure = 'weightedAmount' | 'amount';

export interface WeightedPipelineWords {
  category: (c: ForecastCategory) => string;
  won: string;
}

/**
 * One series per category that holds any deal in the window (an empty category would only crowd the legend), in
 * stack order; `seriesCategories` says which category each series index is, for a click on a layer.
 */
export function weightedPipelineOption(
  data: TForecastPipeline,
  measure: PipelineMeasure,
  words: WeightedPipelineWords,
  colors: Record<ForecastCategory | 'won', string>,
  locale: string,
  narrow: boolean,
): { option: ChartOption; seriesCategories: ForecastCategory[] } {
  const months = data.months.map((m) => m.month);
  const present = CATEGORY_STACK_ORDER.filter((c) => data.categories.some((k) => k.category === c && k.count > 0));
  const cell = new Map(data.cells.map((c) => [`${c.month}|${c.category}`, c]));
  const option: ChartOption = {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => money(Number(v), locale) },
    xAxis: {
      type: 'category',
      data: months.map((m, i) => (narrow ? monthAxisLabel(m, i, locale) : monthLabel(m, locale))),
      axisLabel: { interval: narrow && months.length > 4 ? 'auto' : 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v, locale, true) } },
    series: [
      ...present.map((category) => ({
        type: 'bar' as const,
        name: words.category(category),
        stack: 'open',
        barMaxWidth: 40,
        itemStyle: { color: colors[category] },
        emphasis: { focus: 'series' as const },
        data: months.map((m) => Number(cell.get(`${m}|${category}`)?.[measure] ?? 0)),
      })),
      {
        type: 'line' as const,
        name: words.won,
        itemStyle: { color: colors.won },
        symbolSize: 7,
        data: data.months.map((m) => Number(m.wonAmount)),
      },
    ],
  };
  return { option, seriesCategories: present };
}
