import type { TAppraisalCycle } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  defaultCycle,
  formCriteria,
  isOpenForEdit,
  mayLock,
  mayWrite,
  qualitativeScore,
  reviewState,
  schemeFor,
  toDraft,
  toFormValues,
  unrated,
} from './reviewRules.ts';

const CRITERIA = [
  { key: 'managerRating', weight: 50 },
  { key: 'customerFeedback', weight: 25 },
  { key: 'teamwork', weight: 25 },
];
const cycle = {
  levels: [
    { levelId: null, kpis: [], criteria: CRITERIA },
    { levelId: 'senior', kpis: [], criteria: [{ key: 'mentoring', weight: 100 }] },
  ],
} as Pick<TAppraisalCycle, 'levels'>;

describe('schemeFor and formCriteria', () => {
  it('uses the rep’s level scheme, else the fallback', () => {
    expect(schemeFor(cycle, 'senior')?.criteria).toEqual([{ key: 'mentoring', weight: 100 }]);
    expect(schemeFor(cycle, 'junior')?.criteria).toBe(CRITERIA);
    expect(schemeFor(cycle, null)?.criteria).toBe(CRITERIA);
    expect(schemeFor({ levels: [] }, null)).toBeNull();
  });

  it('keeps criteria a review already rated visible, with no weight', () => {
    const scheme = schemeFor(cycle, 'senior');
    expect(formCriteria(scheme, [{ ratings: [{ key: 'teamwork', score: 4 }] }, null])).toEqual([
      { key: 'mentoring', weight: 100 },
      { key: 'teamwork', weight: 0 },
    ]);
  });
});

describe('form values', () => {
  it('fills the form from a review and back, leaving unrated criteria out', () => {
    const review = { ratings: [{ key: 'managerRating', score: 4, comment: 'steady' }], comment: 'good quarter' };
    const values = toFormValues(review, CRITERIA);
    expect(values.ratings.teamwork).toEqual({ score: 0, comment: '' });
    expect(toDraft(values, CRITERIA)).toEqual({
      ratings: [{ key: 'managerRating', score: 4, comment: 'steady' }],
      comment: 'good quarter',
    });
  });

  it('turns blank comments into null', () => {
    const values = { ratings: { teamwork: { score: 5, comment: '  ' } }, comment: ' ' };
    expect(toDraft(values, CRITERIA)).toEqual({ ratings: [{ key: 'teamwork', score: 5, comment: null }], comment: null });
  });

  it('names the weighted criteria still without a rating', () => {
    expect(unrated(toFormValues({ ratings: [{ key: 'teamwork', score: 3 }], comment: null }, CRITERIA), CRITERIA)).toEqual([
      'managerRating',
      'customerFeedback',
    ]);
  });
});

describe('qualitativeScore', () => {
  it.each([
    // (4/5×100×50 + 5/5×100×25 + 3/5×100×25) / 100 = (4000 + 2500 + 1500) / 100 = 80
    [
      'every criterion rated',
      [
        { key: 'managerRating', score: 4 },
        { key: 'customerFeedback', score: 5 },
        { key: 'teamwork', score: 3 },
      ],
      80,
    ],
    // An unrated criterion counts 0: 4000 / 100 = 40
    ['one rated', [{ key: 'managerRating', score: 4 }], 40],
    ['none rated', [], 0],
    // 5/5 and 1/5 over weights 50/25 (teamwork unrated): (5000 + 500) / 100 = 55
    [
      'a high and a low rating',
      [
        { key: 'managerRating', score: 5 },
        { key: 'customerFeedback', score: 1 },
      ],
      55,
    ],
  ])('%s', (_name, ratings, expected) => {
    expect(qualitativeScore(ratings, CRITERIA)).toBe(expected);
  });

  it('is null when no criterion carries weight', () => {
    expect(qualitativeScore([{ key: 'x', score: 5 }], [{ key: 'x', weight: 0 }])).toBeNull();
  });

  it('rounds to one decimal', () => {
    // (4/5×100×1 + 5/5×100×2) / 3 = (80 + 200) / 3 = 93.33…
    expect(
      qualitativeScore(
        [
          { key: 'a', score: 4 },
          { key: 'b', score: 5 },
        ],
        [
          { key: 'a', weight: 1 },
          { key: 'b', weight: 2 },
        ],
      ),
    ).toBe(93.3);
  });
});

describe('who may do what', () => {
  const manager = { id: 'm', role: 'manager' as const };
  const rep = { id: 'r', role: 'rep' as const };
  const director = { id: 'd', role: 'director' as const };

  it('lets a rep write their own self review, and a manager the manager review', () => {
    expect(mayWrite(rep, 'self', 'r', null)).toBe(true);
    expect(mayWrite(rep, 'self', 'other', null)).toBe(false);
    expect(mayWrite(rep, 'manager', 'r', null)).toBe(false);
    expect(mayWrite(manager, 'manager', 'r', null)).toBe(true);
    expect(mayWrite(manager, 'self', 'r', null)).toBe(false);
  });

  it('leaves a started review to its author', () => {
    expect(mayWrite(director, 'manager', 'r', { reviewerId: 'm' })).toBe(false);
    expect(mayWrite(manager, 'manager', 'r', { reviewerId: 'm' })).toBe(true);
  });

  it('edits only drafts of open cycles, and locks only submitted reviews (directors, admins)', () => {
    expect(isOpenForEdit({ status: 'open' }, null)).toBe(true);
    expect(isOpenForEdit({ status: 'open' }, { status: 'draft' })).toBe(true);
    expect(isOpenForEdit({ status: 'open' }, { status: 'submitted' })).toBe(false);
    expect(isOpenForEdit({ status: 'closed' }, { status: 'draft' })).toBe(false);
    expect(mayLock(director, { status: 'submitted' })).toBe(true);
    expect(mayLock(director, { status: 'draft' })).toBe(false);
    expect(mayLock(manager, { status: 'submitted' })).toBe(false);
  });

  it('reads a missing review as not started', () => {
    expect(reviewState(null)).toBe('none');
    expect(reviewState({ status: 'locked' })).toBe('locked');
  });
});

describe('defaultCycle', () => {
  it('opens on the latest open cycle, else the latest', () => {
    expect(
      defaultCycle([
        { id: 'q4', status: 'closed' as const },
        { id: 'q3', status: 'open' as const },
      ])?.id,
    ).toBe('q3');
    expect(defaultCycle([{ id: 'q4', status: 'closed' as const }])?.id).toBe('q4');
    expect(defaultCycle([])).toBeUndefined();
  });
});
