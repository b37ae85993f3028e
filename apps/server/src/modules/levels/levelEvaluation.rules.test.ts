import type { TGradeBand, TKpi, TLevelCriterion } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { defaultCriteria } from './levelCriteria.rules.ts';
import { evaluateRep, lastDayOf, neededPeriods, type PeriodFigures, stepPeriods } from './levelEvaluation.rules.ts';

const BANDS: TGradeBand[] = [
  { grade: 'S', min: 95 },
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 0 },
];
const LADDER = [
  { id: 'junior', rank: 1 },
  { id: 'mid', rank: 2 },
  { id: 'senior', rank: 3 },
];
const rankOf = new Map(LADDER.map((l) => [l.id, l.rank]));
const DEFAULTS = defaultCriteria(LADDER);

/** A criterion with the built-in shape (quarterly, 2 in a row, no KPI minimums, no time), overridden. */
const step = (over: Partial<TLevelCriterion> & Pick<TLevelCriterion, 'fromLevelId' | 'toLevelId' | 'direction'>): TLevelCriterion => ({
  periodKind: 'quarter',
  consecutivePeriods: 2,
  grade: null,
  kpiMinimums: [],
  minMonthsAtLevel: null,
  ...over,
});

/**
 * The evaluated period is 2026-Q2; `grades` are 2026-Q1 and 2026-Q2: `A` a complete scorecard graded A, `A?` a
 * scorecard graded A whose manager review is missing, `-` no scorecard at all. `kpis` are the actuals per quarter.
 */
function figures(grades: string[], kpis: Partial<Record<TKpi, (string | null)[]>> = {}): Map<string, PeriodFigures> {
  const keys = ['2026-Q1', '2026-Q2'];
  return new Map(
    keys.map((period, i) => {
      const g = grades[i];
      const actuals = Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v[i]]));
      return [
        period,
        { gradeBands: BANDS, scorecard: g === '-' ? null : { grade: g.replace('?', ''), complete: !g.endsWith('?'), actuals } },
      ];
    }),
  );
}

type Row = {
  name: string;
  level: string | null;
  grades: string[];
  months: number | null;
  criteria?: TLevelCriterion[];
  kpis?: Partial<Record<TKpi, (string | null)[]>>;
  expect: 'promote' | 'hold' | 'demote';
  to?: string;
  /** Per step (as `direction→to`), the checks as `kind:met`. */
  checks?: Record<string, string[]>;
};

const ROWS: Row[] = [
  // mid → senior: A or better in both quarters and 18 months; mid → junior: D in both quarters.
  {
    name: 'mid at A twice with 18 months is promoted to senior',
    level: 'mid',
    grades: ['A', 'A'],
    months: 18,
    expect: 'promote',
    to: 'senior',
    checks: { 'promote→senior': ['grade:true', 'timeAtLevel:true'], 'demote→junior': ['grade:false'] },
  },
  { name: 'S counts as better than A', level: 'mid', grades: ['S', 'A'], months: 30, expect: 'promote', to: 'senior' },
  {
    name: 'one quarter at B breaks the run',
    level: 'mid',
    grades: ['B', 'A'],
    months: 30,
    expect: 'hold',
    checks: { 'promote→senior': ['grade:false', 'timeAtLevel:true'], 'demote→junior': ['grade:false'] },
  },
  {
    name: '17 months is one short',
    level: 'mid',
    grades: ['A', 'A'],
    months: 17,
    expect: 'hold',
    checks: { 'promote→senior': ['grade:true', 'timeAtLevel:false'], 'demote→junior': ['grade:false'] },
  },
  { name: 'an unknown time at level is not enough', level: 'mid', grades: ['A', 'A'], months: null, expect: 'hold' },
  { name: 'an A without the manager review does not count', level: 'mid', grades: ['A', 'A?'], months: 30, expect: 'hold' },
  { name: 'a quarter without a scorecard does not count', level: 'mid', grades: ['-', 'S'], months: 30, expect: 'hold' },
  {
    name: 'mid at D twice is demoted to junior, whatever the time at level',
    level: 'mid',
    grades: ['D', 'D'],
    months: 1,
    expect: 'demote',
    to: 'junior',
    checks: { 'promote→senior': ['grade:false', 'timeAtLevel:false'], 'demote→junior': ['grade:true'] },
  },
  { name: 'D then C is not a run of D', level: 'mid', grades: ['D', 'C'], months: 30, expect: 'hold' },
  { name: 'an incomplete D demotes nobody', level: 'mid', grades: ['D', 'D?'], months: 30, expect: 'hold' },
  { name: 'a missing quarter demotes nobody', level: 'mid', grades: ['-', 'D'], months: 30, expect: 'hold' },
  // junior → mid: B or better and 6 months; nothing below junior.
  {
    name: 'junior at B twice with 6 months is promoted to mid',
    level: 'junior',
    grades: ['B', 'B'],
    months: 6,
    expect: 'promote',
    to: 'mid',
  },
  { name: 'junior with 5 months waits', level: 'junior', grades: ['A', 'S'], months: 5, expect: 'hold' },
  { name: 'junior at C misses B', level: 'junior', grades: ['C', 'B'], months: 12, expect: 'hold' },
  {
    name: 'junior at D twice holds: no step below the lowest level',
    level: 'junior',
    grades: ['D', 'D'],
    months: 12,
    expect: 'hold',
    checks: { 'promote→mid': ['grade:false', 'timeAtLevel:true'] },
  },
  // senior: nothing above; demotion to mid.
  {
    name: 'senior at S holds: no step above the highest level',
    level: 'senior',
    grades: ['S', 'S'],
    months: 99,
    expect: 'hold',
    checks: { 'demote→mid': ['grade:false'] },
  },
  { name: 'senior at D twice is demoted to mid', level: 'senior', grades: ['D', 'D'], months: 99, expect: 'demote', to: 'mid' },
  { name: 'a rep without a level is not evaluated', level: null, grades: ['S', 'S'], months: 99, expect: 'hold', checks: {} },
  // An organisation's own criteria.
  {
    name: 'a skip step (junior → senior at S) wins over the one-rank step when both are met',
    level: 'junior',
    grades: ['S', 'S'],
    months: 12,
    criteria: [...DEFAULTS, step({ fromLevelId: 'junior', toLevelId: 'senior', direction: 'promote', grade: 'S', minMonthsAtLevel: 12 })],
    expect: 'promote',
    to: 'senior',
  },
  {
    name: 'the skip step unmet leaves the one-rank promotion',
    level: 'junior',
    grades: ['S', 'A'],
    months: 12,
    criteria: [...DEFAULTS, step({ fromLevelId: 'junior', toLevelId: 'senior', direction: 'promote', grade: 'S', minMonthsAtLevel: 12 })],
    expect: 'promote',
    to: 'mid',
  },
  {
    name: 'demotion wins when a promotion is met too',
    level: 'mid',
    grades: ['D', 'D'],
    months: 40,
    criteria: [
      step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', minMonthsAtLevel: 36 }),
      step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', grade: 'D' }),
    ],
    expect: 'demote',
    to: 'junior',
    checks: { 'promote→senior': ['timeAtLevel:true'], 'demote→junior': ['grade:true'] },
  },
  {
    name: 'the deepest demotion met is the one recommended',
    level: 'senior',
    grades: ['D', 'D'],
    months: 40,
    criteria: [
      step({ fromLevelId: 'senior', toLevelId: 'mid', direction: 'demote', grade: 'C' }),
      step({ fromLevelId: 'senior', toLevelId: 'junior', direction: 'demote', grade: 'D' }),
    ],
    expect: 'demote',
    to: 'junior',
  },
  {
    name: 'KPI minimums are met at exactly the minimum in every period',
    level: 'mid',
    grades: ['A', 'A'],
    months: 18,
    kpis: { revenueWon: ['300000.00', '450000.00'], winRate: ['0.5000', '0.6'] },
    criteria: [
      step({
        fromLevelId: 'mid',
        toLevelId: 'senior',
        direction: 'promote',
        grade: 'A',
        kpiMinimums: [
          { kpi: 'revenueWon', min: '300000' },
          { kpi: 'winRate', min: '0.5' },
        ],
      }),
    ],
    expect: 'promote',
    to: 'senior',
    checks: { 'promote→senior': ['grade:true', 'kpiMinimum:true', 'kpiMinimum:true'] },
  },
  {
    name: 'a cent below a KPI minimum fails it',
    level: 'mid',
    grades: ['A', 'A'],
    months: 18,
    kpis: { revenueWon: ['300000.00', '299999.99'] },
    criteria: [
      step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', kpiMinimums: [{ kpi: 'revenueWon', min: '300000' }] }),
    ],
    expect: 'hold',
    checks: { 'promote→senior': ['kpiMinimum:false'] },
  },
  {
    name: 'a rate with nothing to measure (null) fails its minimum',
    level: 'mid',
    grades: ['A', 'A'],
    months: 18,
    kpis: { winRate: [null, '0.9'] },
    criteria: [step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', kpiMinimums: [{ kpi: 'winRate', min: '0.5' }] })],
    expect: 'hold',
  },
  {
    name: 'a demotion floor is broken by a KPI below it in every period',
    level: 'mid',
    grades: ['B', 'B'],
    months: 18,
    kpis: { paymentsCollected: ['49999.99', '0.00'] },
    criteria: [
      step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', kpiMinimums: [{ kpi: 'paymentsCollected', min: '50000' }] }),
    ],
    expect: 'demote',
    to: 'junior',
  },
  {
    name: 'a demotion floor reached once holds',
    level: 'mid',
    grades: ['B', 'B'],
    months: 18,
    kpis: { paymentsCollected: ['50000.00', '0.00'] },
    criteria: [
      step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', kpiMinimums: [{ kpi: 'paymentsCollected', min: '50000' }] }),
    ],
    expect: 'hold',
  },
  {
    name: 'a demotion with a time minimum spares the newly promoted',
    level: 'mid',
    grades: ['D', 'D'],
    months: 5,
    criteria: [step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', grade: 'D', minMonthsAtLevel: 6 })],
    expect: 'hold',
  },
  {
    name: 'a step with a one-quarter window reads only the evaluated quarter',
    level: 'mid',
    grades: ['-', 'A'],
    months: 18,
    criteria: [step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', grade: 'A', consecutivePeriods: 1 })],
    expect: 'promote',
    to: 'senior',
  },
];

describe('level evaluation, table-driven (evaluated period 2026-Q2)', () => {
  it.each(ROWS)('$name', (row) => {
    const result = evaluateRep({
      period: '2026-Q2',
      levelId: row.level,
      criteria: row.criteria ?? DEFAULTS,
      rankOf,
      figures: figures(row.grades, row.kpis),
      monthsAtLevel: row.months,
    });
    expect(result.recommendation).toBe(row.expect);
    expect(result.toLevelId).toBe(row.to ?? null);
    if (row.checks) {
      const got = Object.fromEntries(result.steps.map((s) => [`${s.direction}→${s.toLevelId}`, s.checks.map((c) => `${c.kind}:${c.met}`)]));
      expect(got).toEqual(row.checks);
    }
  });

  it('shows each criterion with what it required and the figures per period', () => {
    const result = evaluateRep({
      period: '2026-Q2',
      levelId: 'mid',
      criteria: DEFAULTS,
      rankOf,
      figures: figures(['S', 'A?']),
      monthsAtLevel: 20,
    });
    expect(result.steps[0]).toEqual({
      toLevelId: 'senior',
      direction: 'promote',
      met: false,
      checks: [
        {
          kind: 'grade',
          required: 'A or better in each of 2 quarters',
          met: false,
          evidence: [
            { period: '2026-Q1', value: 'S', met: true },
            // The provisional grade of an incomplete scorecard is not evidence.
            { period: '2026-Q2', value: null, met: false },
          ],
        },
        { kind: 'timeAtLevel', required: '≥ 18 months at level', met: true, evidence: [{ period: '2026-Q2', value: '20', met: true }] },
      ],
    });
    expect(result.steps[1].checks[0].required).toBe('D or worse in each of 2 quarters');
  });

  it('states KPI criteria with their comparison', () => {
    const result = evaluateRep({
      period: '2026-Q2',
      levelId: 'mid',
      criteria: [
        step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', kpiMinimums: [{ kpi: 'paymentsCollected', min: '50000' }] }),
      ],
      rankOf,
      figures: figures(['B', 'B'], { paymentsCollected: ['40000.00', '60000.00'] }),
      monthsAtLevel: 3,
    });
    expect(result.steps[0].checks[0]).toEqual({
      kind: 'kpiMinimum',
      required: 'paymentsCollected < 50000 in each of 2 quarters',
      met: false,
      evidence: [
        { period: '2026-Q1', value: '40000.00', met: true },
        { period: '2026-Q2', value: '60000.00', met: false },
      ],
    });
  });

  it('judges each period’s grade by that period’s own bands', () => {
    const own: TGradeBand[] = [
      { grade: 'Excellent', min: 90 },
      { grade: 'Good', min: 75 },
      { grade: 'Poor', min: 0 },
    ];
    const figs = new Map<string, PeriodFigures>([
      ['2026-Q1', { gradeBands: own, scorecard: { grade: 'Excellent', complete: true, actuals: {} } }],
      ['2026-Q2', { gradeBands: BANDS, scorecard: { grade: 'A', complete: true, actuals: {} } }],
    ]);
    const criteria = [step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', grade: 'A' })];
    // 'A' is not a grade of Q1's bands: that quarter cannot be placed and does not count.
    expect(evaluateRep({ period: '2026-Q2', levelId: 'mid', criteria, rankOf, figures: figs, monthsAtLevel: 0 }).recommendation).toBe(
      'hold',
    );
  });
});

describe('periods a step reads', () => {
  it.each([
    ['2026-Q2', 'quarter', 2, ['2026-Q1', '2026-Q2']],
    ['2026-Q1', 'quarter', 2, ['2025-Q4', '2026-Q1']],
    ['2026-05', 'quarter', 2, ['2026-Q1', '2026-Q2']], // the quarter containing the month's last day
    ['2026-Q2', 'month', 3, ['2026-04', '2026-05', '2026-06']],
    ['2026-Q2', 'year', 1, ['2026']],
    ['2026', 'quarter', 4, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
  ] as const)('%s, %s × %i → %j', (period, periodKind, consecutivePeriods, expected) => {
    expect(stepPeriods({ periodKind, consecutivePeriods }, period)).toEqual(expected);
  });

  it('gathers every period the steps need once', () => {
    expect(neededPeriods(DEFAULTS, '2026-Q2')).toEqual(['2026-Q1', '2026-Q2']);
    expect(lastDayOf('2026-Q4')).toBe('2026-12-31');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
  });
});

describe('course checks of the promotion curriculum (decision 0029)', () => {
  const courses = (held: Record<string, { completedOn: string; valid: boolean }>) => ({
    today: '2026-07-03',
    forPromotion: [
      { id: 'c-neg', title: 'Negotiation' },
      { id: 'c-comp', title: 'Compliance basics' },
    ],
    holdings: new Map(Object.entries(held)),
  });
  const junior = (held: Record<string, { completedOn: string; valid: boolean }>, grades = ['B', 'B']) =>
    evaluateRep({
      period: '2026-Q2',
      levelId: 'junior',
      criteria: DEFAULTS,
      rankOf,
      figures: figures(grades),
      monthsAtLevel: 6,
      courses: courses(held),
    });

  it('adds one check per course to every promotion step, by title, judged today', () => {
    const result = junior({ 'c-comp': { completedOn: '2026-06-30', valid: true } });
    expect(result.recommendation).toBe('hold');
    expect(result.steps[0].checks.slice(2)).toEqual([
      {
        kind: 'course',
        courseId: 'c-comp',
        required: 'Compliance basics',
        met: true,
        evidence: [{ period: '2026-07-03', value: '2026-06-30', met: true }],
      },
      {
        kind: 'course',
        courseId: 'c-neg',
        required: 'Negotiation',
        met: false,
        evidence: [{ period: '2026-07-03', value: null, met: false }],
      },
    ]);
  });

  it('promotes once every course is held, with the grade and time met', () => {
    const held = { 'c-comp': { completedOn: '2026-06-30', valid: true }, 'c-neg': { completedOn: '2026-07-01', valid: true } };
    expect(junior(held)).toMatchObject({ recommendation: 'promote', toLevelId: 'mid' });
    // The courses alone promote nobody: the grade still has to be met.
    expect(junior(held, ['C', 'B']).recommendation).toBe('hold');
  });

  it('an expired certification shows its completion but is not met', () => {
    const result = junior({ 'c-comp': { completedOn: '2024-01-10', valid: false }, 'c-neg': { completedOn: '2026-07-01', valid: true } });
    expect(result.recommendation).toBe('hold');
    expect(result.steps[0].checks.find((c) => c.courseId === 'c-comp')).toMatchObject({
      met: false,
      evidence: [{ period: '2026-07-03', value: '2024-01-10', met: false }],
    });
  });

  it('asks no course of a demotion step', () => {
    const result = evaluateRep({
      period: '2026-Q2',
      levelId: 'mid',
      criteria: DEFAULTS,
      rankOf,
      figures: figures(['D', 'D']),
      monthsAtLevel: 3,
      courses: courses({}),
    });
    const got = Object.fromEntries(result.steps.map((s) => [`${s.direction}→${s.toLevelId}`, s.checks.map((c) => `${c.kind}:${c.met}`)]));
    expect(got).toEqual({
      'promote→senior': ['grade:false', 'timeAtLevel:false', 'course:false', 'course:false'],
      'demote→junior': ['grade:true'],
    });
    expect(result).toMatchObject({ recommendation: 'demote', toLevelId: 'junior' });
  });

  it('applies to stored criteria too, and a step asking only courses is met by them', () => {
    const criteria = [step({ fromLevelId: 'junior', toLevelId: 'mid', direction: 'promote' })];
    const base = { period: '2026-Q2', levelId: 'junior', criteria, rankOf, figures: figures(['-', '-']), monthsAtLevel: null };
    // Without a curriculum the step asks nothing and is never met.
    expect(evaluateRep(base).steps[0]).toMatchObject({ met: false, checks: [] });
    const all = { 'c-comp': { completedOn: '2026-06-30', valid: true }, 'c-neg': { completedOn: '2026-07-01', valid: true } };
    expect(evaluateRep({ ...base, courses: courses(all) })).toMatchObject({ recommendation: 'promote', toLevelId: 'mid' });
  });

  it('an empty promotion list adds nothing', () => {
    const result = evaluateRep({
      period: '2026-Q2',
      levelId: 'junior',
      criteria: DEFAULTS,
      rankOf,
      figures: figures(['B', 'B']),
      monthsAtLevel: 6,
      courses: { today: '2026-07-03', forPromotion: [], holdings: new Map() },
    });
    expect(result.steps[0].checks.map((c) => c.kind)).toEqual(['grade', 'timeAtLevel']);
    expect(result.recommendation).toBe('promote');
  });
});
