import type { TCalibratedForecastRep } from '@tierline/contracts';
import type { TFunction } from 'i18next';
import { toCents } from '../../../shared/format.ts';
import { periodLabel } from '../../performance/periods.ts';
import { formatPercent, money } from '../figures.ts';

/**
 * "How it was computed" for a rep's calibrated forecast, in the reader's language. The API sends the pieces (commit,
 * won so far, each past period, the mean accuracy, the calibrated figure) and its own English lines; the steps are
 * rebuilt here from the pieces so a Chinese reader reads Chinese, with the same numbers the server used:
 * calibrated = won so far + max(0, committed − won so far) × accuracy (forecast.rules.ts `calibrate`).
 */

export type CalibrationStep =
  | { kind: 'past'; period: string; committed: string; won: string; accuracy: string }
  | { kind: 'mean'; accuracies: string[]; accuracy: string }
  | { kind: 'noHistory' }
  | { kind: 'wonSoFar'; won: string }
  | { kind: 'noCommit'; won: string }
  | { kind: 'remaining'; committed: string; won: string; remaining: string }
  | { kind: 'commitStands'; won: string; remaining: string; calibrated: string }
  | { kind: 'calibrated'; won: string; remaining: string; accuracy: string; weighted: string; calibrated: string };

const fromCents = (cents: number) => (cents / 100).toFixed(2);

/** The steps, in order. The weighted remainder is read back from the calibrated figure (so rounding is the server's). */
export function calibrationSteps(rep: TCalibratedForecastRep): CalibrationStep[] {
  const steps: CalibrationStep[] = rep.history.map((h) => ({ kind: 'past', ...h }));
  steps.push(
    rep.accuracy === null
      ? { kind: 'noHistory' }
      : { kind: 'mean', accuracies: rep.history.map((h) => h.accuracy), accuracy: rep.accuracy },
  );
  steps.push({ kind: 'wonSoFar', won: rep.wonSoFar });
  if (rep.committed === null) {
    steps.push({ kind: 'noCommit', won: rep.wonSoFar });
    return steps;
  }
  const won = toCents(rep.wonSoFar);
  const remaining = Math.max(0, toCents(rep.committed) - won);
  steps.push({ kind: 'remaining', committed: rep.committed, won: rep.wonSoFar, remaining: fromCents(remaining) });
  if (rep.accuracy === null)
    steps.push({ kind: 'commitStands', won: rep.wonSoFar, remaining: fromCents(remaining), calibrated: rep.calibrated });
  else
    steps.push({
      kind: 'calibrated',
      won: rep.wonSoFar,
      remaining: fromCents(remaining),
      accuracy: rep.accuracy,
      weighted: fromCents(toCents(rep.calibrated) - won),
      calibrated: rep.calibrated,
    });
  return steps;
}

/** Each step as a sentence with the rep's numbers: money in the organisation's currency, accuracy as a percentage. */
export function explainCalibration(rep: TCalibratedForecastRep, t: TFunction, locale: string): string[] {
  const m = (v: string) => money(v, locale);
  const pct = (v: string) => formatPercent(v, locale, 2);
  const k = 'analyticsPipeline.calibrated.steps';
  const sentence = (s: CalibrationStep): string => {
    switch (s.kind) {
      case 'past':
        return toCents(s.committed) === 0
          ? t(`${k}.pastZero`, { period: periodLabel(s.period, t), won: m(s.won), accuracy: pct(s.accuracy) })
          : t(`${k}.past`, { period: periodLabel(s.period, t), committed: m(s.committed), won: m(s.won), accuracy: pct(s.accuracy) });
      case 'mean':
        return t(`${k}.mean`, {
          values: s.accuracies.map(pct).join(t('common.listSeparator')),
          accuracy: pct(s.accuracy),
        });
      case 'noHistory':
        return t(`${k}.noHistory`);
      case 'wonSoFar':
        return t(`${k}.wonSoFar`, { won: m(s.won) });
      case 'noCommit':
        return t(`${k}.noCommit`, { won: m(s.won) });
      case 'remaining':
        return t(`${k}.remaining`, { committed: m(s.committed), won: m(s.won), remaining: m(s.remaining) });
      case 'commitStands':
        return t(`${k}.commitStands`, { won: m(s.won), remaining: m(s.remaining), calibrated: m(s.calibrated) });
      case 'calibrated':
        return t(`${k}.calibrated`, {
          won: m(s.won),
          remaining: m(s.remaining),
          accuracy: pct(s.accuracy),
          weighted: m(s.weighted),
          calibrated: m(s.calibrated),
        });
    }
  };
  return calibrationSteps(rep).map(sentence);
}
