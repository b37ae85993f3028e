import type { TFunnel } from '@tierline/contracts';
import type { ChartOption } from '../../../shared/Chart.tsx';
import { formatPercent, growth } from '../figures.ts';

/**
 * The funnel's rows and chart, built without React so they can be read in tests. A stage's row carries the previous
 * window's figures of the same stage (matched by id) when compare is on.
 */

export type FunnelStage = TFunnel['stages'][number];

export interface FunnelRow {
  stageId: string;
  name: string;
  kind: FunnelStage['kind'];
  enteredCount: number;
  enteredAmount: string;
  advancedCount: number;
  conversionRate: string | null;
  currentCount: number | null;
  currentAmount: string | null;
  /** The same stage in the previous window; undefined without compare. */
  previous?: { enteredCount: number; conversionRate: string | null };
  /** Entered now against entered then, as a fraction; null when nothing entered then. */
  enteredGrowth: number | null;
}

/** The stages as the board orders them: open stages by position, then won, then lost. */
const KIND_ORDER = { open: 0, won: 1, lost: 2 } as const;

export function funnelRows(funnel: TFunnel, locale: string): FunnelRow[] {
  const before = new Map((funnel.previous?.stages ?? []).map((s) => [s.stageId, s]));
  return [...funnel.stages]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.position - b.position)
    .map((s) => {
      const p = funnel.previous ? before.get(s.stageId) : undefined;
      return {
        stageId: s.stageId,
        name: locale.startsWith('zh') ? s.nameZh : s.nameEn,
        kind: s.kind,
        enteredCount: s.enteredCount,
        enteredAmount: s.enteredAmount,
        advancedCount: s.advancedCount,
        conversionRate: s.conversionRate,
        currentCount: s.currentCount,
        currentAmount: s.currentAmount,
        previous: funnel.previous ? { enteredCount: p?.enteredCount ?? 0, conversionRate: p?.conversionRate ?? null } : undefined,
        enteredGrowth: funnel.previous ? growth(s.enteredCount, p?.enteredCount ?? 0) : null,
      };
    });
}

export interface FunnelChartColors {
  open: string;
  won: string;
  lost: string;
  previous: string;
  text: string;
}

export interface FunnelChartWords {
  entered: string;
  previous: string;
  /** "→ next stage 45%": the conversion label after the count. */
  conversion: (rate: string) => string;
}

/**
 * Entered per stage as horizontal bars, the first stage on top (a funnel read from top to bottom), each open stage
 * labelled with its conversion to the next; with compare, the previous window's bars beside in grey.
 */
export function funnelChartOption(
  rows: FunnelRow[],
  words: FunnelChartWords,
  colors: FunnelChartColors,
  locale: string,
  narrow: boolean,
): ChartOption {
  const compare = rows.some((r) => r.previous);
  const colorOf = (kind: FunnelStage['kind']) => (kind === 'won' ? colors.won : kind === 'lost' ? colors.lost : colors.open);
  return {
    grid: { left: 8, right: narrow ? 64 : 120, top: compare ? 28 : 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: compare ? { top: 0, data: [words.entered, words.previous] } : undefined,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: narrow ? 64 : 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: words.entered,
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.enteredCount, itemStyle: { color: colorOf(r.kind), borderRadius: [0, 3, 3, 0] } })),
        label: {
          show: true,
          position: 'right',
          color: colors.text,
          formatter: (p: { dataIndex: number }) => {
            const row = rows[p.dataIndex];
            if (!row) return '';
            return row.conversionRate === null
              ? String(row.enteredCount)
              : `${row.enteredCount}  ${words.conversion(formatPercent(row.conversionRate, locale))}`;
          },
        },
      },
      ...(compare
        ? [
            {
              type: 'bar' as const,
              name: words.previous,
              barMaxWidth: 14,
              data: rows.map((r) => r.previous?.enteredCount ?? 0),
              itemStyle: { color: colors.previous, borderRadius: [0, 3, 3, 0] },
            },
          ]
        : []),
    ],
  };
}
