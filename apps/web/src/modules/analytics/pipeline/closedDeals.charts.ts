import type { TRevenue, TWinLoss } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';
import { formatPercent, growth, money } from '../figures.ts';

/**
 * Win/loss and revenue: the deals closed in the window, grouped. Rows keep the previous window's group of the same
 * key (compare); charts are pure options. A group's name is the API's label in the UI language; `none` names the
 * group without a key (no tier, no level) when the API sent no label.
 */

type Group = { key: string | null; labelZh: string | null; labelEn: string | null };

export function groupLabel(row: Group, locale: string, none: string): string {
  const label = locale.startsWith('zh') ? row.labelZh : row.labelEn;
  return label ?? row.labelZh ?? row.labelEn ?? none;
}

/** A month key (YYYY-MM) as the reader says it: 2026年7月, Jul 2026. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * A month on a narrow chart's axis: the month alone (12月, Dec), with the year on the first month and on each January
 * (25年12月 → 26年1月 → 2月 …), so twelve labels fit a phone.
 */
export function monthAxisLabel(month: string, index: number, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const withYear = index === 0 || m === 1;
  return new Intl.DateTimeFormat(locale, { ...(withYear ? { year: '2-digit' } : {}), month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

const keyOf = (key: string | null) => key ?? '∅';

export type WinLossRow = TWinLoss['rows'][number] & {
  name: string;
  previous?: TWinLoss['rows'][number];
  /** By loss reason: lost deals now against then; else the win rate now against then (a fraction). */
  growth: number | null;
};

export function winLossRows(figures: TWinLoss, locale: string, none: string): WinLossRow[] {
  const before = new Map((figures.previous?.rows ?? []).map((r) => [keyOf(r.key), r]));
  const byReason = figures.by === 'lossReason';
  return figures.rows.map((r) => {
    const previous = figures.previous ? before.get(keyOf(r.key)) : undefined;
    return {
      ...r,
      name: groupLabel(r, locale, none),
      previous,
      growth: !figures.previous
        ? null
        : byReason
          ? growth(r.lostCount, previous?.lostCount ?? 0)
          : r.winRate === null
            ? null
            : growth(r.winRate, previous?.winRate),
    };
  });
}

export interface ClosedChartColors {
  won: string;
  lost: string;
  previous: string;
  text: string;
}

export interface WinLossWords {
  won: string;
  lost: string;
  winRate: (rate: string) => string;
}

/**
 * By loss reason: the lost deals per reason as horizontal bars, each with its share of all lost deals. Otherwise won and
 * lost deals per group side by side, the win rate in the label above.
 */
export function winLossChartOption(
  rows: WinLossRow[],
  by: TWinLoss['by'],
  words: WinLossWords,
  colors: ClosedChartColors,
  locale: string,
  narrow: boolean,
): ChartOption {
  if (by === 'lossReason') {
    return {
      grid: { left: 8, right: narrow ? 56 : 80, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: narrow ? 88 : 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: words.lost,
          barMaxWidth: 22,
          itemStyle: { color: colors.lost, borderRadius: [0, 3, 3, 0] },
          data: rows.map((r) => r.lostCount),
          label: {
            show: true,
            position: 'right',
            color: colors.text,
            formatter: (p: { dataIndex: number }) => {
              const row = rows[p.dataIndex];
              return row ? `${row.lostCount} · ${formatPercent(row.lostShare, locale)}` : '';
            },
          },
        },
      ],
    };
  }
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, overflow: 'truncate', width: narrow ? 56 : 96 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: words.won,
        barMaxWidth: 28,
        itemStyle: { color: colors.won, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => r.wonCount),
        label: {
          show: true,
          position: 'top',
          color: colors.text,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex];
            return row?.winRate ? words.winRate(formatPercent(row.winRate, locale)) : '';
          },
        },
      },
      {
        type: 'bar',
        name: words.lost,
        barMaxWidth: 28,
        itemStyle: { color: colors.lost, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => r.lostCount),
      },
    ],
  };
}

export type RevenueRow = TRevenue['rows'][number] & {
  name: string;
  previous?: TRevenue['rows'][number];
  /** Won amount now against then; by month, against the month as far into the previous window. */
  growth: number | null;
};

/**
 * Revenue rows. By month the previous window's months differ from this one's, so a month is compared with the month
 * at the same place in the previous window (July against April when a quarter is compared with the one before).
 */
export function revenueRows(figures: TRevenue, locale: string, none: string): RevenueRow[] {
  const prior = figures.previous?.rows ?? [];
  const before = new Map(prior.map((r) => [keyOf(r.key), r]));
  return figures.rows.map((r, i) => {
    const previous = !figures.previous ? undefined : figures.by === 'month' ? prior[i] : before.get(keyOf(r.key));
    return {
      ...r,
      name: figures.by === 'month' && r.key ? monthLabel(r.key, locale) : groupLabel(r, locale, none),
      previous,
      growth: figures.previous ? growth(r.wonAmount, previous?.wonAmount ?? '0') : null,
    };
  });
}

export interface RevenueWords {
  current: string;
  previous: string;
}

/**
 * Won amount per group as bars, or by month as bars over time with the previous window's months as a line (month by
 * month in order); each bar labelled with its share of the window's revenue.
 */
export function revenueChartOption(
  rows: RevenueRow[],
  by: TRevenue['by'],
  words: RevenueWords,
  colors: ClosedChartColors,
  locale: string,
  narrow: boolean,
): ChartOption {
  const compare = rows.some((r) => r.previous);
  return {
    grid: { left: 8, right: 8, top: compare ? 36 : 16, bottom: 8, containLabel: true },
    legend: compare ? { top: 0 } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: by === 'month' ? 'line' : 'shadow' },
      valueFormatter: (v) => money(Number(v), locale),
    },
    xAxis: {
      type: 'category',
      data: rows.map((r, i) => (by === 'month' && narrow && r.key ? monthAxisLabel(r.key, i, locale) : r.name)),
      axisLabel: { interval: narrow && rows.length > 6 ? 'auto' : 0, overflow: 'truncate', width: narrow ? 56 : 96 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v, locale, true) } },
    series: [
      {
        type: 'bar',
        name: words.current,
        barMaxWidth: 32,
        itemStyle: { color: colors.won, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => Number(r.wonAmount)),
        label: {
          show: !narrow || rows.length <= 4,
          position: 'top',
          color: colors.text,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex];
            return row && Number(row.wonAmount) > 0 ? formatPercent(row.share, locale) : '';
          },
        },
      },
      ...(compare
        ? [
            by === 'month'
              ? {
                  type: 'line' as const,
                  name: words.previous,
                  itemStyle: { color: colors.previous },
                  lineStyle: { type: 'dashed' as const },
                  data: rows.map((r) => (r.previous ? Number(r.previous.wonAmount) : null)),
                }
              : {
                  type: 'bar' as const,
                  name: words.previous,
                  barMaxWidth: 20,
                  itemStyle: { color: colors.previous, borderRadius: [3, 3, 0, 0] },
                  data: rows.map((r) => Number(r.previous?.wonAmount ?? 0)),
                },
          ]
        : []),
    ],
  };
}
