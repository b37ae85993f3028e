import type { TTierCutoff, TTierExplanation, TTierMetric } from '@tierline/contracts';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../shared/format.ts';

/** A metric's value as people read it: money with 2 decimals, counts and days whole, scores as they are. */
export function metricValue(metric: TTierMetric, value: number | null, locale: string): string {
  if (value === null) return '—';
  return formatNumber(value, locale, metric === 'monetary' ? 2 : 1);
}

/** A cut-off in words: "≥ 500,000", "≤ 30 days", "top 5 %". */
export function cutoffText(metric: TTierMetric, cutoff: Pick<TTierCutoff, 'kind' | 'value'>, t: TFunction, locale: string): string {
  if (cutoff.kind === 'top_percent') return t('tiers.cutoff.topPercent', { value: formatNumber(cutoff.value, locale) });
  const value = metricValue(metric, cutoff.value, locale);
  return metric === 'recency' ? t('tiers.cutoff.atMostDays', { value }) : t('tiers.cutoff.atLeast', { value });
}

/** Why a rule gave this tier: the metric's value, the cut-off it met, the rank among N. */
export function explanationText(e: TTierExplanation, t: TFunction, locale: string): string[] {
  const lines: string[] = [];
  if (e.value === null) {
    lines.push(t('tiers.explain.noOrders', { metric: t(`tiers.metrics.${e.metric}`) }));
  } else {
    lines.push(t('tiers.explain.value', { metric: t(`tiers.metrics.${e.metric}`), value: metricValue(e.metric, e.value, locale) }));
    if (e.rfm) lines.push(t('tiers.explain.rfm', { r: e.rfm.r, f: e.rfm.f, m: e.rfm.m }));
  }
  lines.push(e.cutoff ? t('tiers.explain.cutoff', { cutoff: cutoffText(e.metric, e.cutoff, t, locale) }) : t('tiers.explain.noCutoff'));
  if (e.rank !== null) lines.push(t('tiers.explain.rank', { rank: e.rank, n: e.n }));
  else lines.push(t('tiers.explain.ranked', { n: e.n }));
  return lines;
}
