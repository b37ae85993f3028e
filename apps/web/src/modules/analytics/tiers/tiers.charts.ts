import type { TTierCompliance, TTierDistribution, TTierMigration, TTierRfm } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';

/** A tier's (or segment's) name in the UI language. */
export const nameIn = (item: { zh: string; en: string }, lng: string): string => (lng.startsWith('zh') ? item.zh : item.en);
const pct = (rate: string | null): number => (rate === null ? 0 : Math.round(Number(rate) * 1000) / 10);
const PERCENT_AXIS = { type: 'value', axisLabel: { formatter: '{value}%' }, max: 100 } as const;

/** Each tier's share of the customers and of the revenue, side by side (the gap between them is the point). */
export function distributionOption(d: TTierDistribution, lng: string, labels: { customers: string; revenue: string }): ChartOption {
  const tiers = d.rows.map((r) => nameIn({ zh: r.tierNameZh, en: r.tierNameEn }, lng));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: tiers, axisLabel: { interval: 0 } },
    yAxis: PERCENT_AXIS,
    series: [
      { type: 'bar', name: labels.customers, data: d.rows.map((r) => pct(r.customerShare)) },
      { type: 'bar', name: labels.revenue, data: d.rows.map((r) => pct(r.revenueShare)) },
    ],
  };
}

/** The Lorenz curve of revenue over paying customers ranked from the top, against the line of equal shares. */
export function lorenzOption(
  points: { customerPercent: number; revenueShare: string | null }[],
  labels: { curve: string; equal: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: points.map((p) => `${p.customerPercent}%`), boundaryGap: false },
    yAxis: PERCENT_AXIS,
    series: [
      { type: 'line', name: labels.curve, data: points.map((p) => pct(p.revenueShare)), areaStyle: { opacity: 0.15 } },
      { type: 'line', name: labels.equal, data: points.map((p) => p.customerPercent), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  };
}

/**
 * The migration matrix as a heat map: a row per tier at the start (first "new", the customers who did not exist yet),
 * a column per tier at the end, each cell the number of customers who went that way.
 */
export function migrationOption(m: TTierMigration, lng: string, newLabel: string): ChartOption {
  const columns = m.tiers.map((t) => nameIn({ zh: t.nameZh, en: t.nameEn }, lng));
  const rowKeys: (string | null)[] = [null, ...m.tiers.map((t) => t.id)];
  const rows = [newLabel, ...columns];
  const data = m.cells.map((c) => [m.tiers.findIndex((t) => t.id === c.toTierId), rowKeys.indexOf(c.fromTierId), c.count]);
  const max = Math.max(1, ...m.cells.filter((c) => c.fromTierId !== c.toTierId).map((c) => c.count));
  return {
    tooltip: { position: 'top' },
    grid: { left: 72, right: 16, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: columns, splitArea: { show: true } },
    // The highest tier on top, "new" first.
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  };
}

export function complianceOption(c: TTierCompliance, lng: string, label: string): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: c.rows.map((r) => nameIn({ zh: r.tierNameZh, en: r.tierNameEn }, lng)), axisLabel: { interval: 0 } },
    yAxis: PERCENT_AXIS,
    series: [{ type: 'bar', name: label, data: c.rows.map((r) => pct(r.rate)), barMaxWidth: 48 }],
  };
}

export function rfmOption(r: TTierRfm, lng: string, label: string): ChartOption {
  const segments = r.segments.filter((s) => s.segment !== 'no_purchases');
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 96, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: segments.map((s) => nameIn({ zh: s.labelZh, en: s.labelEn }, lng)), inverse: true },
    series: [{ type: 'bar', name: label, data: segments.map((s) => s.customers), barMaxWidth: 24 }],
  };
}
