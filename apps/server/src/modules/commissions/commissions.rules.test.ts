import { describe, expect, it } from 'vitest';
import { checkPlan, commissionOf, reaches, selectRate, statementFigures } from './commissions.rules.ts';

const plan = {
  baseRate: 0.03,
  accelerators: [
    { minAttainment: 1, rate: 0.04 },
    { minAttainment: 1.2, rate: 0.05 },
  ],
};

describe('a plan', () => {
  it.each([
    [
      'sorts accelerators by where they start',
      {
        baseRate: 0.02,
        accelerators: [
          { minAttainment: 1.2, rate: 0.04 },
          { minAttainment: 1, rate: 0.03 },
        ],
      },
      [],
      [1, 1.2],
    ],
    ['takes no accelerators', { baseRate: 0.02, accelerators: [] }, [], []],
    ['lets an accelerator keep the rate below it', { baseRate: 0.02, accelerators: [{ minAttainment: 1, rate: 0.02 }] }, [], [1]],
    [
      'refuses two accelerators at one attainment, naming the second',
      {
        baseRate: 0.02,
        accelerators: [
          { minAttainment: 1, rate: 0.03 },
          { minAttainment: 1, rate: 0.04 },
        ],
      },
      ['accelerators.1.minAttainment'],
      [1, 1],
    ],
    [
      'refuses an accelerator below the base rate',
      { baseRate: 0.03, accelerators: [{ minAttainment: 1, rate: 0.02 }] },
      ['accelerators.0.rate'],
      [1],
    ],
    [
      'refuses an accelerator below the one under it, naming it as listed',
      {
        baseRate: 0.02,
        accelerators: [
          { minAttainment: 1.5, rate: 0.03 },
          { minAttainment: 1, rate: 0.04 },
        ],
      },
      ['accelerators.0.rate'],
      [1, 1.5],
    ],
  ])('%s', (_, input, paths, starts) => {
    const { plan: kept, errors } = checkPlan(input);
    expect(errors.map((e) => e.path)).toEqual(paths);
    expect(kept.accelerators.map((a) => a.minAttainment)).toEqual(starts);
  });
});

describe('attainment reached, exactly', () => {
  it.each([
    ['100000.00', '100000.0000', 1, true],
    ['99999.99', '100000.0000', 1, false],
    ['120000.00', '100000.0000', 1.2, true],
    ['119999.99', '100000.0000', 1.2, false],
    ['0.00', '0.0000', 1, true], // a zero target is met by definition (attainment 1)…
    ['500.00', '0', 1.2, false], // …and is not exceeded
    ['1.00', '3.0000', 0.3333, true],
    ['1.00', '3.0000', 0.3334, false],
  ])('%s of %s reaches %s: %s', (actual, target, min, expected) => {
    expect(reaches(actual, target, min)).toBe(expected);
  });
});

describe('the rate of a period', () => {
  it.each([
    ['no plan: nothing', null, '500000.00', '100000', { rate: 0, acceleratorMinAttainment: null }],
    ['no target: the base rate', plan, '500000.00', null, { rate: 0.03, acceleratorMinAttainment: null }],
    ['below target: the base rate', plan, '99999.99', '100000', { rate: 0.03, acceleratorMinAttainment: null }],
    ['at target: the first accelerator', plan, '100000.00', '100000', { rate: 0.04, acceleratorMinAttainment: 1 }],
    ['between: the highest reached', plan, '119999.99', '100000', { rate: 0.04, acceleratorMinAttainment: 1 }],
    ['far above: the top accelerator', plan, '900000.00', '100000', { rate: 0.05, acceleratorMinAttainment: 1.2 }],
    ['nothing collected, zero target: met', plan, '0.00', '0', { rate: 0.04, acceleratorMinAttainment: 1 }],
    ['a plan without accelerators', { baseRate: 0.02, accelerators: [] }, '900000.00', '1', { rate: 0.02, acceleratorMinAttainment: null }],
  ] as const)('%s', (_, p, actual, target, expected) => {
    expect(selectRate(p === null ? null : { baseRate: p.baseRate, accelerators: [...p.accelerators] }, actual, target)).toEqual(expected);
  });
});

describe('commission of a payment', () => {
  it.each([
    ['10000.00', 0.03, '300.00'],
    ['0.50', 0.03, '0.02'], // 0.015 rounds half away from zero
    ['0.49', 0.03, '0.01'], // 0.0147
    ['33333.33', 0.035, '1166.67'], // 1166.66655
    ['1.10', 0.1, '0.11'], // 1.1 × 0.1 is 0.11000000000000001 in floats; here it is 0.11
    ['123.45', 0, '0.00'],
    ['-200.00', 0.05, '-10.00'], // a refund takes its commission back
    ['-0.50', 0.03, '-0.02'],
    ['99999999999999.99', 1, '99999999999999.99'],
  ])('%s × %s = %s', (amount, rate, expected) => {
    expect(commissionOf(amount, rate)).toBe(expected);
  });

  it('sums a statement from its lines', () => {
    const figures = statementFigures([{ amount: '0.50' }, { amount: '0.50' }, { amount: '10000.00' }], 0.03);
    expect(figures).toMatchObject({ paymentsCollected: '10001.00', total: '300.04' });
    expect(figures.lines.map((l) => l.commission)).toEqual(['0.02', '0.02', '300.00']);
  });
});
