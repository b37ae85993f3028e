import {
  DEFAULT_SCORING_SCHEME,
  KPI_KEYS,
  type TGradeBand,
  type TKpi,
  type TLevelScheme,
  type TRating,
  type TScorecard,
  type TScorecardKpi,
  type TScoringScheme,
} from '@tierline/contracts';
import { toUnits } from '../../platform/decimal.ts';
import { decimalRatio } from './kpis.rules.ts';

/**
 * Scoring (decision 0026), pure. The numbers are computed in integers — attainment in units of 0.0001, scores in
 * tenths — so every figure is rounded once, half up, and each total is the sum of the lines the UI shows:
 *   attainment = actual ÷ target (zero target → 1, nothing to measure → 0, no target → left out), 4 places;
 *   points = effectiveWeight × min(attainment, cap), effectiveWeight = weight × 100 ÷ Σ weights of KPIs with a target;
 *   quantitative = min(100, Σ points); qualitative = Σ score ÷ 5 × 100 × weight ÷ Σ weights (manager review);
 *   total = qw% × quantitative + (100 − qw)% × qualitative; grade = the highest band whose min the total reaches.
 */

/** The built-in scheme lives in the contracts (zod-free) so the web explains scores with the same numbers. */
export { DEFAULT_SCORING_SCHEME };

/** a ÷ b rounded half up, for non-negative integers. */
const divRound = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));
const tenths = (n: number) => n / 10;

/** The level's own scheme, else the cycle's `levelId: null` fallback, else the built-in one. */
export function levelSchemeFor(scheme: TScoringScheme, levelId: string | null): TLevelScheme {
  return (
    (levelId ? scheme.levels.find((l) => l.levelId === levelId) : undefined) ??
    scheme.levels.find((l) => l.levelId === null) ??
    (DEFAULT_SCORING_SCHEME.levels[0] as TLevelScheme)
  );
}

/** actual ÷ target in units of 0.0001; null without a target. A zero target is met by definition (1). */
export function attainmentUnits(actual: string | null, target: string | null): number | null {
  if (target === null) return null;
  const t = toUnits(target, 4);
  if (t === 0n) return 10_000;
  if (actual === null) return 0;
  return Number(toUnits(decimalRatio(toUnits(actual, 4), t, 4), 4));
}

export type KpiLineInput = {
  kpi: TKpi;
  actual: string | null;
  target: string | null;
  targetSource: TScorecardKpi['targetSource'];
};

/**
 * One line per KPI: the scheme's KPIs first with their weights, then every other KPI with weight 0 (shown, and
 * read by leaderboards and level criteria, but not scored). Weights of KPIs without a target go to the others.
 */
export function scoreKpis(lines: KpiLineInput[], weights: TLevelScheme['kpis'], cap: number) {
  const weightOf = new Map<TKpi, number>();
  for (const w of weights) if (!weightOf.has(w.kpi)) weightOf.set(w.kpi, w.weight);
  const byKpi = new Map(lines.map((l) => [l.kpi, l]));
  const order = [...weightOf.keys(), ...KPI_KEYS.filter((k) => !weightOf.has(k))];
  const capUnits = Math.round(cap * 10_000);
  const counted = order.filter((k) => byKpi.get(k)?.target != null);
  const sumWeights = counted.reduce((s, k) => s + (weightOf.get(k) ?? 0), 0);
  let quantitative10 = 0;
  const kpis: TScorecardKpi[] = order.map((kpi) => {
    const line = byKpi.get(kpi) ?? { kpi, actual: null, target: null, targetSource: 'none' as const };
    const weight = weightOf.get(kpi) ?? 0;
    const a = attainmentUnits(line.actual, line.target);
    const capped = a === null ? null : Math.min(a, capUnits);
    const scored = capped !== null && sumWeights > 0;
    // effectiveWeight × capped = (weight × 100 ÷ Σw) × (capped ÷ 10⁴), in tenths: weight × capped ÷ (Σw × 10).
    const points10 = scored ? divRound(weight * capped, sumWeights * 10) : 0;
    quantitative10 += points10;
    return {
      kpi,
      actual: line.actual,
      target: line.target,
      targetSource: line.targetSource,
      attainment: a === null ? null : a / 10_000,
      cappedAttainment: capped === null ? null : capped / 10_000,
      weight,
      effectiveWeight: scored ? divRound(weight * 10_000, sumWeights) / 100 : 0,
      points: tenths(points10),
    };
  });
  return { kpis, quantitative10: Math.min(1000, quantitative10) };
}

/** Each criterion's share: score ÷ 5 × 100 × weight ÷ Σ weights; a criterion without a rating scores 0. */
export function scoreCriteria(criteria: TLevelScheme['criteria'], ratings: TRating[] | null) {
  const sumWeights = criteria.reduce((s, c) => s + c.weight, 0);
  const ratingOf = new Map((ratings ?? []).map((r) => [r.key, r]));
  let qualitative10 = 0;
  const lines = criteria.map((c) => {
    const rating = ratingOf.get(c.key);
    const points10 = rating && sumWeights > 0 ? divRound(rating.score * 200 * c.weight, sumWeights) : 0;
    qualitative10 += points10;
    return { key: c.key, weight: c.weight, score: rating?.score ?? null, comment: rating?.comment ?? null, points: tenths(points10) };
  });
  return { criteria: lines, qualitative10: ratings === null ? null : Math.min(1000, qualitative10) };
}

/** The first band, highest `min` first, that the total reaches; below every band, the lowest. */
export function gradeOf(bands: TGradeBand[], total: number): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => total >= b.min) ?? sorted[sorted.length - 1])?.grade ?? '';
}

export type ScoreInput = {
  scheme: TScoringScheme;
  /** The subject's level at the period's end; teams have none and use the fallback scheme. */
  levelId: string | null;
  lines: KpiLineInput[];
  /** The submitted (or locked) manager review; null when there is none. Teams pass null and are scored on KPIs only. */
  review: { id: string; ratings: TRating[] } | null;
  kind: 'rep' | 'team';
};

export type ScoredCard = Omit<TScorecard, 'subject' | 'period' | 'from' | 'to' | 'cycleId'>;

export function scoreCard(input: ScoreInput): ScoredCard {
  const { scheme, kind } = input;
  const level = levelSchemeFor(scheme, input.levelId);
  const { kpis, quantitative10 } = scoreKpis(input.lines, level.kpis, scheme.attainmentCap);
  // A team is scored on its KPIs alone: all of the total is quantitative.
  const qw = kind === 'team' ? 100 : scheme.quantitativeWeight;
  const { criteria, qualitative10 } =
    kind === 'team' ? { criteria: [], qualitative10: null } : scoreCriteria(level.criteria, input.review?.ratings ?? null);
  const total10 = divRound(qw * quantitative10 + (100 - qw) * (qualitative10 ?? 0), 100);
  const total = tenths(total10);
  return {
    attainmentCap: scheme.attainmentCap,
    kpis,
    quantitativeScore: tenths(quantitative10),
    qualitativeScore: qualitative10 === null ? null : tenths(qualitative10),
    criteria,
    reviewId: kind === 'team' ? null : (input.review?.id ?? null),
    quantitativeWeight: qw,
    qualitativeWeight: 100 - qw,
    total,
    grade: gradeOf(scheme.gradeBands, total),
    // Complete once the qualitative part is in — or when it carries no weight.
    complete: kind === 'team' || qw === 100 || qualitative10 !== null,
  };
}
