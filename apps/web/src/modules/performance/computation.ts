import type { TGradeBand, TKpi, TScorecard, TScoringScheme } from '@tierline/contracts';
import { DEFAULT_SCORING_SCHEME } from '@tierline/contracts/performanceDefaults';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../shared/format.ts';
import { formatKpiValue, formatPercent, kpiLabel } from './kpis.ts';

/**
 * "How it was computed" (计算过程): a scorecard's figures turned into the lines of decision 0026's formula, each line
 * an i18n key under performance.how with its numbers already formatted. The figures the API states (points, scores,
 * total, grade) are shown as the API gives them; the steps between them are recomputed here only to be shown.
 * Pure, unit-tested in computation.test.ts.
 */

/** The built-in scheme of a period without an appraisal cycle (decision 0026), the server's own. */
export const DEFAULT_SCHEME: TScoringScheme = DEFAULT_SCORING_SCHEME;

/** The criteria the web has words for; an organisation's own keys show as they are. */
export const KNOWN_CRITERIA = ['managerRating', 'customerFeedback', 'teamwork'] as const;

export function criterionLabel(key: string, t: TFunction): string {
  return (KNOWN_CRITERIA as readonly string[]).includes(key) ? t(`performance.criteria.${key as (typeof KNOWN_CRITERIA)[number]}`) : key;
}

/** Highest first: a total gets the first band whose minimum it reaches. */
export function sortBands(bands: readonly TGradeBand[]): TGradeBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/** The band a total falls in and the one above it (what the next grade needs). */
export function bandOf(total: number, bands: readonly TGradeBand[]): { band: TGradeBand | null; next: TGradeBand | null } {
  const sorted = sortBands(bands);
  const index = sorted.findIndex((b) => total >= b.min);
  if (index < 0) return { band: null, next: sorted.at(-1) ?? null };
  return { band: sorted[index] ?? null, next: index > 0 ? (sorted[index - 1] ?? null) : null };
}

export type HowKey =
  | 'weightsAsIs'
  | 'weightsLeftOut'
  | 'weightsRule'
  | 'weightScaled'
  | 'weightsNone'
  | 'kpiNoTarget'
  | 'attainment'
  | 'attainmentZeroTarget'
  | 'attainmentNoActual'
  | 'points'
  | 'capped'
  | 'quantitativeSum'
  | 'quantitativeCap'
  | 'quantitativeNone'
  | 'qualitativeTeam'
  | 'qualitativeMissing'
  | 'criterion'
  | 'criterionUnrated'
  | 'qualitativeSum'
  | 'total'
  | 'totalTeam'
  | 'gradeBands'
  | 'grade'
  | 'gradeNext'
  | 'gradeTop'
  | 'gradeGiven';

export interface HowLine {
  key: HowKey;
  values: Record<string, string>;
}

export type HowSectionId = 'weights' | `kpi:${TKpi}` | 'quantitative' | 'qualitative' | 'total' | 'grade';
export interface HowSection {
  id: HowSectionId;
  lines: HowLine[];
}

/** The text of one line in the reader's language. */
export function lineText(line: HowLine, t: TFunction): string {
  // The key is checked against the resources; the values are the line's own (typed i18next cannot relate the two).
  const key: `performance.how.${HowKey}` = `performance.how.${line.key}`;
  return (t as unknown as (key: string, values: Record<string, string>) => string)(key, line.values);
}

const sumOf = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** A KPI of the level's scheme: it has a weight. The others are listed for information, with weight 0. */
export const inScheme = (k: TScorecard['kpis'][number]) => k.weight > 0;

/**
 * Every section of a scorecard's computation, in the order the formula runs: weights, each KPI, the quantitative
 * score, the qualitative score, the total and the grade. `bands`: the grade bands of the scheme that applied (the
 * cycle's, else the default); when unknown, the grade line says only which grade the API gave.
 */
export function computationSections(card: TScorecard, bands: readonly TGradeBand[] | null, t: TFunction, locale: string): HowSection[] {
  const num = (n: number, digits = 2) => formatNumber(n, locale, digits);
  const pct = (n: number) => formatPercent(n, locale);
  const isTeam = card.subject.kind === 'team';
  // The scheme's KPIs; the API lists every KPI, those outside the scheme with weight 0 (shown, never scored).
  const scored = card.kpis.filter(inScheme);
  const counted = scored.filter((k) => k.target !== null);
  const leftOut = scored.filter((k) => k.target === null);
  const countedWeight = sumOf(counted.map((k) => k.weight));
  const sections: HowSection[] = [];

  // 1. Weights: KPIs without a target are left out; the others' weights are scaled to sum to 100.
  const weights: HowLine[] = [];
  if (leftOut.length > 0)
    weights.push({
      key: 'weightsLeftOut',
      values: {
        kpis: leftOut.map((k) => kpiLabel(k.kpi, t)).join(t('common.listSeparator')),
        weight: num(sumOf(leftOut.map((k) => k.weight))),
      },
    });
  if (counted.length === 0 || countedWeight === 0) weights.push({ key: 'weightsNone', values: {} });
  else if (Math.abs(countedWeight - 100) < 1e-9) weights.push({ key: 'weightsAsIs', values: { sum: num(countedWeight) } });
  else {
    weights.push({ key: 'weightsRule', values: { sum: num(countedWeight) } });
    for (const k of counted)
      weights.push({
        key: 'weightScaled',
        values: { kpi: kpiLabel(k.kpi, t), weight: num(k.weight), sum: num(countedWeight), effective: num(k.effectiveWeight) },
      });
  }
  sections.push({ id: 'weights', lines: weights });

  // 2. Each KPI: attainment, capped, times its effective weight.
  for (const k of scored) {
    const kpi = kpiLabel(k.kpi, t);
    const actual = formatKpiValue(k.kpi, k.actual, locale);
    const lines: HowLine[] = [];
    if (k.target === null) lines.push({ key: 'kpiNoTarget', values: { kpi, actual } });
    else {
      const target = formatKpiValue(k.kpi, k.target, locale);
      const attainment = k.attainment ?? 0;
      if (Number(k.target) === 0) lines.push({ key: 'attainmentZeroTarget', values: { kpi, actual, attainment: pct(attainment) } });
      else if (k.actual === null) lines.push({ key: 'attainmentNoActual', values: { kpi, target, attainment: pct(attainment) } });
      else lines.push({ key: 'attainment', values: { kpi, actual, target, attainment: pct(attainment) } });
      const capped = k.cappedAttainment ?? Math.min(attainment, card.attainmentCap);
      lines.push({
        key: 'points',
        values: {
          attainment: pct(attainment),
          cap: pct(card.attainmentCap),
          capped: pct(capped),
          weight: num(k.effectiveWeight),
          points: num(k.points),
        },
      });
      if (attainment > card.attainmentCap) lines.push({ key: 'capped', values: { cap: pct(card.attainmentCap) } });
    }
    sections.push({ id: `kpi:${k.kpi}`, lines });
  }

  // 3. Quantitative: Σ points, at most 100.
  const points = counted.map((k) => k.points);
  const pointsSum = sumOf(points);
  sections.push({
    id: 'quantitative',
    lines:
      counted.length === 0
        ? [{ key: 'quantitativeNone', values: { score: num(card.quantitativeScore, 1) } }]
        : [
            { key: 'quantitativeSum', values: { terms: points.map((p) => num(p)).join(' + '), sum: num(pointsSum) } },
            { key: 'quantitativeCap', values: { sum: num(pointsSum), score: num(card.quantitativeScore, 1) } },
          ],
  });

  // 4. Qualitative: Σ (score/5 × 100 × weight) / Σ weights, from the submitted manager review.
  const qualitative: HowLine[] = [];
  if (isTeam) qualitative.push({ key: 'qualitativeTeam', values: {} });
  else if (card.qualitativeScore === null) qualitative.push({ key: 'qualitativeMissing', values: {} });
  else {
    const weightSum = sumOf(card.criteria.map((c) => c.weight));
    const weighted: number[] = [];
    for (const c of card.criteria) {
      const criterion = criterionLabel(c.key, t);
      if (c.score === null) {
        weighted.push(0);
        qualitative.push({ key: 'criterionUnrated', values: { criterion, weight: num(c.weight) } });
        continue;
      }
      const percent = (c.score / 5) * 100;
      weighted.push(percent * c.weight);
      qualitative.push({
        key: 'criterion',
        values: { criterion, score: num(c.score), percent: num(percent), weight: num(c.weight), weighted: num(percent * c.weight) },
      });
    }
    qualitative.push({
      key: 'qualitativeSum',
      values: { terms: weighted.map((w) => num(w)).join(' + '), weightSum: num(weightSum), score: num(card.qualitativeScore, 1) },
    });
  }
  sections.push({ id: 'qualitative', lines: qualitative });

  // 5. Total: the split between quantitative and qualitative.
  if (isTeam) sections.push({ id: 'total', lines: [{ key: 'totalTeam', values: { total: num(card.total, 1) } }] });
  else {
    const ql = card.qualitativeScore ?? 0;
    sections.push({
      id: 'total',
      lines: [
        {
          key: 'total',
          values: {
            qw: num(card.quantitativeWeight),
            quantitative: num(card.quantitativeScore, 1),
            qlw: num(card.qualitativeWeight),
            qualitative: num(ql, 1),
            a: num((card.quantitativeWeight / 100) * card.quantitativeScore),
            b: num((card.qualitativeWeight / 100) * ql),
            total: num(card.total, 1),
          },
        },
      ],
    });
  }

  // 6. Grade: the first band, from the highest, whose minimum the total reaches.
  const grade: HowLine[] = [];
  const { band, next } = bands ? bandOf(card.total, bands) : { band: null, next: null };
  if (bands && band && band.grade === card.grade) {
    grade.push({
      key: 'gradeBands',
      values: {
        bands: sortBands(bands)
          .map((b) => `${b.grade} ≥ ${num(b.min)}`)
          .join(' · '),
      },
    });
    grade.push({ key: 'grade', values: { total: num(card.total, 1), min: num(band.min), grade: band.grade } });
    if (next) grade.push({ key: 'gradeNext', values: { grade: next.grade, min: num(next.min), gap: num(next.min - card.total, 1) } });
    else grade.push({ key: 'gradeTop', values: {} });
  } else grade.push({ key: 'gradeGiven', values: { total: num(card.total, 1), grade: card.grade } });
  sections.push({ id: 'grade', lines: grade });

  return sections;
}
