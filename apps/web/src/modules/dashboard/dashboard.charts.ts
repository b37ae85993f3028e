import type { TForecastPipeline, TStageSnapshot } from '@tierline/contracts';
import type { ChartOption } from '../../shared/Chart.tsx';

/**
 * The dashboards' chart options, built without React so tests can read them. Money axes use the compact formatter the
 * caller passes (the UI's language decides 万 or K); clicks are mapped back to records by index into the same arrays.
 */

export type MoneyFormat = (value: number | string) => string;
const isZh = (lng: string) => lng.toLowerCase().startsWith('zh');
export const nameIn = (zh: string | null, en: string | null, lng: string): string => (isZh(lng) ? zh : en) ?? zh ?? en ?? '';

export interface PipelineStages {
  pipelineId: string;
  processType: string;
  name: string;
  stages: TStageSnapshot[];
  count: number;
}

/** Stage rows grouped by pipeline, stages in their order; only pipelines with open deals (an empty one says nothing). */
export function pipelinesWithDeals(rows: readonly TStageSnapshot[], lng: string): PipelineStages[] {
  const byId = new Map<string, PipelineStages>();
  for (const row of rows) {
    let group = byId.get(row.pipelineId);
    if (!group) {
      group = {
        pipelineId: row.pipelineId,
        processType: row.processType,
        name: nameIn(row.pipelineNameZh, row.pipelineNameEn, lng),
        stages: [],
        count: 0,
      };
      byId.set(row.pipelineId, group);
    }
    group.stages.push(row);
    group.count += row.count;
  }
  for (const group of byId.values()) group.stages.sort((a, b) => a.position - b.position);
  return [...byId.values()].filter((g) => g.count > 0);
}

/**
 * One pipeline's open deals per stage as horizontal bars, the first stage on top: the amount and the weighted amount
 * side by side, the deal count in the label. Bar i is `stages[i]`, so a click opens that stage's deals.
 */
export function stageBarsOption(
  stages: readonly TStageSnapshot[],
  lng: string,
  labels: { amount: string; weighted: string; deals: (count: number) => string },
  money: MoneyFormat,
  narrow: boolean,
): ChartOption {
  return {
    grid: { left: 8, right: narrow ? 56 : 96, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => money(Number(v)),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) }, splitNumber: narrow ? 2 : 4 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: stages.map((s) => nameIn(s.stageNameZh, s.stageNameEn, lng)),
      axisLabel: { width: narrow ? 64 : 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.amount,
        barMaxWidth: 18,
        data: stages.map((s) => Number(s.amount)),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => labels.deals(stages[p.dataIndex]?.count ?? 0) },
      },
      { type: 'bar', name: labels.weighted, barMaxWidth: 18, data: stages.map((s) => Number(s.weightedAmount)) },
    ],
  };
}

export interface AttainmentBar {
  label: string;
  /** A fraction (1 = 100 %), null without a target. */
  attainment: number | null;
  tooltip: string;
}
export interface AttainmentColors {
  met: string;
  near: string;
  below: string;
}

/** Met (≥ 100 %), near (≥ 70 %), below: a bar's colour says it at a glance (as on the scorecard). */
export const attainmentColor = (a: number, c: AttainmentColors) => (a >= 1 ? c.met : a >= 0.7 ? c.near : c.below);

/**
 * Attainment (actual ÷ target) as horizontal bars in percent, the first item on top, with the 100 % line as the axis'
 * tick. Bars without a target are left out: there is nothing to attain.
 */
export function attainmentBarsOption(items: readonly AttainmentBar[], colors: AttainmentColors, narrow: boolean): ChartOption {
  const bars = items.filter((i) => i.attainment !== null);
  const percent = (a: number | null) => Math.round((a ?? 0) * 1000) / 10;
  const max = Math.max(100, ...bars.map((b) => percent(b.attainment)));
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: unknown) => bars[(p as { dataIndex: number }).dataIndex]?.tooltip ?? '' },
    xAxis: { type: 'value', min: 0, max: Math.ceil(max / 25) * 25, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisLabel: { width: narrow ? 80 : 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: bars.map((b) => ({
          value: percent(b.attainment),
          itemStyle: { color: attainmentColor(b.attainment ?? 0, colors), borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

/** Categories (tiers, process types) this quarter against last, grouped bars; bar i is `categories[i]`. */
export function compareBarsOption(
  categories: readonly string[],
  current: readonly (number | string)[],
  previous: readonly (number | string)[],
  labels: { current: string; previous: string },
  money: MoneyFormat,
  narrow: boolean,
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => money(Number(v)) },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisLabel: { interval: 0, width: narrow ? 56 : 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) }, splitNumber: 4 },
    series: [
      { type: 'bar', name: labels.current, barMaxWidth: 28, data: current.map(Number) },
      { type: 'bar', name: labels.previous, barMaxWidth: 28, data: previous.map(Number) },
    ],
  };
}

/** The forecast categories drawn, in the order of confidence (closed and omitted are not a forecast of open deals). */
export const FORECAST_SERIES = ['commit', 'best_case', 'pipeline'] as const;
export type ForecastSeries = (typeof FORECAST_SERIES)[number];

/**
 * The weighted open pipeline by expected close month, stacked by forecast category (commit at the bottom). Series i is
 * `FORECAST_SERIES[i]`, so a click names the category.
 */
export function forecastBarsOption(
  f: Pick<TForecastPipeline, 'cells' | 'months'>,
  categoryLabel: (c: ForecastSeries) => string,
  money: MoneyFormat,
): ChartOption {
  const months = f.months.map((m) => m.month);
  const cell = (month: string, category: string) => f.cells.find((c) => c.month === month && c.category === category);
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => money(Number(v)) },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) }, splitNumber: 4 },
    series: FORECAST_SERIES.map((category) => ({
      type: 'bar' as const,
      name: categoryLabel(category),
      stack: 'weighted',
      barMaxWidth: 36,
      data: months.map((m) => Number(cell(m, category)?.weightedAmount ?? 0)),
    })),
  };
}

/** Reps' scorecard totals as horizontal bars coloured by grade, best first as given; bar i is `items[i]`. */
export function scoreBarsOption(
  items: readonly { label: string; score: number; color: string; grade: string }[],
  narrow: boolean,
): ChartOption {
  return {
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = items[(p as { dataIndex: number }).dataIndex];
        return item ? `${item.label}: ${item.score} · ${item.grade}` : '';
      },
    },
    xAxis: { type: 'value', min: 0, max: Math.max(100, ...items.map((i) => Math.ceil(i.score / 10) * 10)) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisLabel: { width: narrow ? 72 : 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: items.map((i) => ({ value: i.score, itemStyle: { color: i.color, borderRadius: [0, 3, 3, 0] } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const item = items[p.dataIndex];
            return item ? `${item.score} ${item.grade}` : '';
          },
        },
      },
    ],
  };
}
