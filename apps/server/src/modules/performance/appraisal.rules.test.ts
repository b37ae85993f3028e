import type { TScoringScheme } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  cycleChangeProblem,
  duplicateRatingProblems,
  reviewActionProblem,
  reviewCreateAccess,
  schemeProblems,
  schemeWithDefaults,
  submitProblems,
} from './appraisal.rules.ts';
import { DEFAULT_SCORING_SCHEME } from './scorecard.rules.ts';

const JUNIOR = '00000000-0000-7000-8000-000000000001';
const MID = '00000000-0000-7000-8000-000000000002';
const OTHER = '00000000-0000-7000-8000-000000000009';
const LEVELS = new Set([JUNIOR, MID]);
const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('a cycle’s scheme', () => {
  it('takes the built-in default for what it leaves out', () => {
    expect(schemeWithDefaults({})).toEqual(DEFAULT_SCORING_SCHEME);
    const own = schemeWithDefaults({ quantitativeWeight: 60 });
    expect(own).toEqual({ ...DEFAULT_SCORING_SCHEME, quantitativeWeight: 60 });
    expect(schemeProblems(own, LEVELS)).toEqual([]);
  });

  const scheme = (patch: Partial<TScoringScheme>): TScoringScheme => ({ ...DEFAULT_SCORING_SCHEME, ...patch });
  const level = (levelId: string | null, kpis = ['revenueWon'], criteria = ['managerRating']) => ({
    levelId,
    kpis: kpis.map((kpi) => ({ kpi: kpi as 'revenueWon', weight: 50 })),
    criteria: criteria.map((key) => ({ key, weight: 50 })),
  });

  it.each([
    ['a level of another organisation', [level(OTHER)], ['levels.0.levelId']],
    ['one level twice', [level(JUNIOR), level(MID), level(JUNIOR)], ['levels.2.levelId']],
    ['the fallback twice', [level(null), level(null)], ['levels.1.levelId']],
    ['a KPI twice in a level', [level(MID, ['revenueWon', 'orders', 'revenueWon'])], ['levels.0.kpis.2.kpi']],
    ['a criterion twice in a level', [level(null, ['orders'], ['teamwork', 'teamwork'])], ['levels.0.criteria.1.key']],
  ])('refuses %s, naming it', (_, levels, expected) => {
    expect(paths(schemeProblems(scheme({ levels }), LEVELS))).toEqual(expected);
  });

  it('accepts a level scheme per level beside the fallback', () => {
    expect(schemeProblems(scheme({ levels: [level(JUNIOR), level(MID), level(null)] }), LEVELS)).toEqual([]);
  });

  it.each([
    [
      'a grade twice',
      [
        { grade: 'A', min: 80 },
        { grade: 'A', min: 0 },
      ],
      ['gradeBands.1.grade'],
    ],
    [
      'a minimum twice',
      [
        { grade: 'A', min: 80 },
        { grade: 'B', min: 80 },
        { grade: 'C', min: 0 },
      ],
      ['gradeBands.1.min'],
    ],
    [
      'no band from 0',
      [
        { grade: 'A', min: 80 },
        { grade: 'B', min: 50 },
      ],
      ['gradeBands'],
    ],
  ])('refuses grade bands with %s', (_, gradeBands, expected) => {
    expect(paths(schemeProblems(scheme({ gradeBands }), LEVELS))).toEqual(expected);
  });
});

describe('cycle and review states', () => {
  it('a closed cycle no longer changes', () => {
    expect(cycleChangeProblem('open')).toBeNull();
    expect(cycleChangeProblem('closed')).toMatchObject({ path: 'status' });
  });

  it.each([
    ['draft', 'edit', true],
    ['draft', 'submit', true],
    ['draft', 'lock', false],
    ['submitted', 'edit', false],
    ['submitted', 'submit', false],
    ['submitted', 'lock', true],
    ['locked', 'edit', false],
    ['locked', 'submit', false],
    ['locked', 'lock', false],
  ] as const)('a %s review may %s: %s', (status, action, allowed) => {
    expect(reviewActionProblem(status, action) === null).toBe(allowed);
  });
});

describe('ratings', () => {
  const scheme = level();
  function level() {
    return { levelId: null, kpis: [], criteria: ['managerRating', 'customerFeedback', 'teamwork'].map((key) => ({ key, weight: 1 })) };
  }
  const r = (key: string, score = 4) => ({ key, score, comment: null });

  it('name each criterion once', () => {
    expect(duplicateRatingProblems([r('teamwork'), r('managerRating'), r('teamwork')])).toEqual([
      { path: 'ratings.2.key', message: 'the same criterion as ratings.0' },
    ]);
  });

  it('a submitted review rates only criteria of the scheme; a manager review rates every one', () => {
    const all = [r('managerRating'), r('customerFeedback'), r('teamwork')];
    expect(submitProblems(all, scheme, 'manager')).toEqual([]);
    expect(paths(submitProblems([...all, r('charm')], scheme, 'manager'))).toEqual(['ratings.3.key']);
    expect(submitProblems([r('teamwork')], scheme, 'manager')).toEqual([
      { path: 'ratings', message: 'rate every criterion; missing: managerRating, customerFeedback' },
    ]);
    expect(submitProblems([r('teamwork')], scheme, 'self')).toEqual([]);
    expect(submitProblems([], scheme, 'self')).toEqual([]);
  });
});

describe('who writes which review', () => {
  const EAST = 'east';
  const rep = { id: 'rep-1', teamId: EAST };
  const as = (userId: string, role: string, managedTeamIds: string[] = []) => ({ userId, role, managedTeamIds });

  it.each([
    ['the manager of the rep’s team', as('m-1', 'manager', [EAST]), 'manager', 'ok'],
    ['another team’s manager', as('m-2', 'manager', ['west']), 'manager', 'not_found'],
    ['a director', as('d-1', 'director'), 'manager', 'ok'],
    ['an admin', as('a-1', 'admin'), 'manager', 'ok'],
    ['the rep', as('rep-1', 'rep'), 'manager', 'forbidden'],
    ['another rep', as('rep-2', 'rep'), 'manager', 'not_found'],
    ['the rep', as('rep-1', 'rep'), 'self', 'ok'],
    ['another rep', as('rep-2', 'rep'), 'self', 'not_found'],
    ['the rep’s manager', as('m-1', 'manager', [EAST]), 'self', 'forbidden'],
    ['a director', as('d-1', 'director'), 'self', 'forbidden'],
  ] as const)('%s writing a %s review: %s', (_, actor, kind, expected) => {
    expect(reviewCreateAccess(actor, rep, kind)).toBe(expected);
  });

  it('a rep in no team has no manager to review them: only directors and admins do', () => {
    expect(reviewCreateAccess(as('m-1', 'manager', [EAST]), { id: 'lone', teamId: null }, 'manager')).toBe('not_found');
    expect(reviewCreateAccess(as('d-1', 'director'), { id: 'lone', teamId: null }, 'manager')).toBe('ok');
  });
});
