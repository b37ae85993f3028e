import type { TKpi, TPeriodKind, TTrainingTrigger, TTriggerMetric } from '@tierline/contracts';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../shared/format.ts';
import { formatKpiValue, formatPercent, inputToTarget, KPI_KIND, kpiLabel, targetToInput } from '../../performance/kpis.ts';
import { currentPeriod, shiftPeriod } from '../../performance/periods.ts';

/**
 * Outcome triggers' pure parts (decision 0029): a rule in words ("长周期管道赢单率 < 20%/季度"), thresholds typed in
 * percent for rates and sent as fractions, the form's values to and from the API, and the period a run defaults to.
 */

export type MetricKind = TTriggerMetric['kind'];
export const METRIC_KINDS: readonly MetricKind[] = ['winRate', 'stageConversion', 'kpi'];
export type ProcessType = Extract<TTriggerMetric, { kind: 'winRate' }>['processType'];
export const PROCESS_TYPES: readonly ProcessType[] = ['long', 'short', 'project'];

/** Win rates and stage conversions are fractions, as are rate KPIs: their thresholds are typed in percent. */
export function isRateMetric(metric: Pick<TTriggerMetric, 'kind'> & { kpi?: TKpi }): boolean {
  if (metric.kind === 'kpi') return metric.kpi ? KPI_KIND[metric.kpi] === 'rate' : false;
  return true;
}

/** Rates are judged over a number of deals (won + lost, or deals that left the stage); other KPIs have no sample. */
export function usesSample(metric: Pick<TTriggerMetric, 'kind'> & { kpi?: TKpi }): boolean {
  return metric.kind !== 'kpi' || metric.kpi === 'winRate';
}

/** The stored threshold as typed: 0.2 → 20 for a rate, as it is otherwise. */
export function thresholdToInput(metric: TTriggerMetric, threshold: string): number | null {
  if (metric.kind === 'kpi') return targetToInput(metric.kpi, threshold);
  const n = Number(threshold);
  return Number.isFinite(n) ? Math.round(n * 1_000_000) / 10_000 : null;
}

/** A typed threshold for the API (at most 4 decimals, never negative): 20 → "0.2" for a rate. */
export function inputToThreshold(metric: TTriggerMetric, input: number | null | undefined): string | null {
  if (metric.kind === 'kpi') return inputToTarget(metric.kpi, input);
  return inputToTarget('winRate', input);
}

/** A figure or a threshold as people read it: a rate in percent, a KPI in its unit. */
export function formatFigure(metric: TTriggerMetric, value: string | null, locale: string): string {
  if (value === null) return '—';
  if (metric.kind === 'kpi') return formatKpiValue(metric.kpi, value, locale);
  return formatPercent(value, locale);
}

/** Names the metric refers to: a stage's name in the UI language ("…" while the pipelines load). */
export interface MetricNames {
  stage: (id: string) => string | undefined;
}

/** "长周期管道赢单率", "“需求确认”阶段转化率", "回款额". */
export function metricText(metric: TTriggerMetric, names: MetricNames, t: TFunction): string {
  switch (metric.kind) {
    case 'winRate':
      return t('trainingPlans.triggers.metricText.winRate', { process: t(`trainingPlans.triggers.processTypes.${metric.processType}`) });
    case 'stageConversion':
      return t('trainingPlans.triggers.metricText.stageConversion', { stage: names.stage(metric.stageId) ?? '…' });
    case 'kpi':
      return kpiLabel(metric.kpi, t);
  }
}

/** The whole rule: "长周期管道赢单率 < 20%/季度", "Long-cycle pipeline win rate < 20% / quarter". */
export function ruleText(
  trigger: Pick<TTrainingTrigger, 'metric' | 'threshold' | 'periodKind'>,
  names: MetricNames,
  t: TFunction,
  locale: string,
): string {
  return t('trainingPlans.triggers.ruleText', {
    metric: metricText(trigger.metric, names, t),
    threshold: formatFigure(trigger.metric, trigger.threshold, locale),
    period: t(`trainingPlans.triggers.periodUnits.${trigger.periodKind}`),
  });
}

/** "12 笔" / "12 deals"; no sample (a KPI other than win rate) reads "—". */
export function sampleText(sample: number | null, t: TFunction, locale: string): string {
  return sample === null ? '—' : t('trainingPlans.triggers.sampleValue', { count: sample, value: formatNumber(sample, locale, 0) });
}

/** The period a run offers first: the last one of the trigger's kind that has closed (by the browser's calendar). */
export function lastClosedPeriod(kind: TPeriodKind, today: Date = new Date()): string {
  return shiftPeriod(currentPeriod(kind, today), -1);
}

// ── The form ────────────────────────────────────────────────────────────────────────────────────────────────

export interface TriggerFormValues {
  name?: string;
  metricKind?: MetricKind;
  kpi?: TKpi;
  processType?: ProcessType;
  stageId?: string;
  /** As typed: percent for rates. */
  threshold?: number | null;
  periodKind?: TPeriodKind;
  minSample?: number | null;
  courseId?: string;
  dueDays?: number | null;
  teamIds?: string[];
  levelIds?: string[];
  enabled?: boolean;
}

/** The metric the form describes; null while a field its kind needs is empty. */
export function formMetric(values: Pick<TriggerFormValues, 'metricKind' | 'kpi' | 'processType' | 'stageId'>): TTriggerMetric | null {
  switch (values.metricKind) {
    case 'kpi':
      return values.kpi ? { kind: 'kpi', kpi: values.kpi } : null;
    case 'winRate':
      return values.processType ? { kind: 'winRate', processType: values.processType } : null;
    case 'stageConversion':
      return values.stageId ? { kind: 'stageConversion', stageId: values.stageId } : null;
    default:
      return null;
  }
}

/** The form's values as the API's body (create; an update adds the version). Null when the metric or threshold is incomplete. */
export function toTriggerWrite(values: TriggerFormValues) {
  const metric = formMetric(values);
  if (!metric) return null;
  const threshold = inputToThreshold(metric, values.threshold);
  if (threshold === null) return null;
  return {
    name: (values.name ?? '').trim(),
    metric,
    threshold,
    periodKind: values.periodKind ?? 'quarter',
    minSample: values.minSample ?? 1,
    courseId: values.courseId ?? '',
    dueDays: values.dueDays ?? 30,
    teamIds: values.teamIds ?? [],
    levelIds: values.levelIds ?? [],
    enabled: values.enabled ?? true,
  };
}

/** A saved trigger into the form (its threshold in percent again when a rate). */
export function triggerToForm(trigger: TTrainingTrigger): TriggerFormValues {
  const m = trigger.metric;
  return {
    name: trigger.name,
    metricKind: m.kind,
    kpi: m.kind === 'kpi' ? m.kpi : undefined,
    processType: m.kind === 'winRate' ? m.processType : undefined,
    stageId: m.kind === 'stageConversion' ? m.stageId : undefined,
    threshold: thresholdToInput(m, trigger.threshold),
    periodKind: trigger.periodKind,
    minSample: trigger.minSample,
    courseId: trigger.courseId,
    dueDays: trigger.dueDays,
    teamIds: trigger.teamIds,
    levelIds: trigger.levelIds,
    enabled: trigger.enabled,
  };
}

/** A new trigger's starting point: the issue's own example, the long pipeline's win rate below 20 % for a quarter. */
export const NEW_TRIGGER: TriggerFormValues = {
  metricKind: 'winRate',
  processType: 'long',
  threshold: 20,
  periodKind: 'quarter',
  minSample: 5,
  dueDays: 30,
  teamIds: [],
  levelIds: [],
  enabled: true,
};
