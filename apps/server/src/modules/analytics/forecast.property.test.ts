import type { TForecastPipelineCell } from '@tierline/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUnits, toUnits } from '../../platform/decimal.ts';
import { forecastAccuracyOf } from '../performance/kpis.rules.ts';
import {
  calibrate,
  FORECAST_CATEGORY_ORDER,
  meanAccuracy,
  monthsOfWindow,
  pastForecast,
  pipelineGrid,
  sumMoney,
} from './forecast.rules.ts';

/**
 * Properties of the forecast rules (issue 11). What they promise: accuracy in [0, 1]; the calibrated
 * forecast between what is already won and max(commit, won) — never above what the rep committed or
 * won, never below what is certain; money summed exactly. The weighted pipeline itself (Σ amount ×
 * probability) is one SQL statement (forecast.repository.ts) checked against hand sums in forecast.db.test.ts;
 * its pure part is the month × category grid, which must keep every figure SQL found.
 */

const cents = fc.bigInt({ min: 0n, max: 10n ** 12n });
const money = cents.map((c) => fromUnits(c));
const accuracy = fc.integer({ min: 0, max: 10_000 }).map((u) => fromUnits(BigInt(u), 4));
const history = fc.array(
  fc
    .tuple(money, money, fc.integer({ min: 1, max: 12 }))
    .map(([committed, won, month]) => pastForecast(`2025-${String(month).padStart(2, '0')}`, committed, won)),
  { maxLength: 8 },
);

describe('forecast calibration, for any commit, wins and history', () => {
  it('past accuracy stays in [0, 1] and is 1 exactly when the commit was met to the cent', () => {
    fc.assert(
      fc.property(money, money, (won, committed) => {
        const a = toUnits(forecastAccuracyOf(won, committed) as string, 4);
        expect(a).toBeGreaterThanOrEqual(0n);
        expect(a).toBeLessThanOrEqual(10_000n);
        const [w, c] = [toUnits(won), toUnits(committed)];
        if (w === c) expect(a).toBe(10_000n);
        // Otherwise max(0, 1 − |won − committed| ÷ committed), rounded half up to 4 places: within half a unit.
        const miss = w > c ? w - c : c - w;
        if (c > 0n && miss < c) {
          const error = a * c - (c - miss) * 10_000n;
          expect((error < 0n ? -error : error) * 2n <= c).toBe(true);
        }
        expect(forecastAccuracyOf(won, null)).toBeNull();
      }),
    );
  });

  it('the mean accuracy lies between the lowest and the highest', () => {
    fc.assert(
      fc.property(fc.array(accuracy, { minLength: 1, maxLength: 12 }), (as) => {
        const units = as.map((a) => toUnits(a, 4));
        const mean = toUnits(meanAccuracy(as) as string, 4);
        expect(units.some((u) => u <= mean)).toBe(true);
        expect(units.some((u) => u >= mean)).toBe(true);
      }),
    );
    expect(meanAccuracy([])).toBeNull();
  });

  it('calibrated lies between what is won and max(commit, won); no commit → won; no history → the commit stands', () => {
    fc.assert(
      fc.property(fc.option(money, { nil: null }), money, history, (committed, wonSoFar, past) => {
        const r = calibrate({ committed, wonSoFar, history: past });
        const c = toUnits(r.calibrated);
        const won = toUnits(wonSoFar);
        const ceiling = committed === null || toUnits(committed) < won ? won : toUnits(committed);
        expect(c >= won && c <= ceiling).toBe(true);
        if (committed === null) expect(c).toBe(won);
        if (past.length === 0) expect(c).toBe(ceiling);
        if (r.accuracy !== null) expect(toUnits(r.accuracy, 4) >= 0n && toUnits(r.accuracy, 4) <= 10_000n).toBe(true);
        expect(r.explanation.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a better past accuracy never lowers the calibrated forecast', () => {
    fc.assert(
      fc.property(money, money, accuracy, accuracy, (committed, wonSoFar, a, b) => {
        const [lo, hi] = toUnits(a, 4) <= toUnits(b, 4) ? [a, b] : [b, a];
        const at = (acc: string) =>
          toUnits(
            calibrate({ committed, wonSoFar, history: [{ period: '2025-01', committed: '1.00', won: '1.00', accuracy: acc }] }).calibrated,
          );
        expect(at(lo) <= at(hi)).toBe(true);
      }),
    );
  });
});

describe('the pipeline grid and money sums', () => {
  const dateArb = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('months of a window run one by one from the first day’s month to the last day’s', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 1100 }), (from, days) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const months = monthsOfWindow(from, to);
        const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
        expect(months[0]).toBe(from.slice(0, 7));
        expect(months.at(-1)).toBe(last);
        for (let i = 1; i < months.length; i++) {
          const [y, m] = (months[i - 1] as string).split('-').map(Number) as [number, number];
          expect(months[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
        }
      }),
    );
  });

  it('the grid has every month × category once and keeps every figure SQL found, so its weighted sum is Σ found', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const cellArb = fc.record({
      month: fc.constantFrom(...months),
      category: fc.constantFrom(...FORECAST_CATEGORY_ORDER),
      count: fc.integer({ min: 1, max: 100 }),
      amount: money,
      weightedAmount: money,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(cellArb, { selector: (c) => `${c.month}|${c.category}`, maxLength: 15 }),
        (found: TForecastPipelineCell[]) => {
          const grid = pipelineGrid(months, found);
          expect(grid.length).toBe(months.length * FORECAST_CATEGORY_ORDER.length);
          expect(new Set(grid.map((c) => `${c.month}|${c.category}`)).size).toBe(grid.length);
          for (const f of found) expect(grid).toContainEqual(f);
          expect(sumMoney(grid.map((c) => c.weightedAmount))).toBe(sumMoney(found.map((c) => c.weightedAmount)));
        },
      ),
    );
  });

  it('sums money exactly, as integers of cents', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (cs) => {
        expect(sumMoney(cs.map((c) => fromUnits(c)))).toBe(fromUnits(cs.reduce((s, c) => s + c, 0n)));
      }),
    );
  });
});
