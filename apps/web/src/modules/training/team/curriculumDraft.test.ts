import type { TLevel } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { curriculaByLevel, curriculumChanged, inactivePicked } from './curriculumDraft.ts';

const level = (id: string, rank: number): TLevel => ({
  id,
  key: id,
  nameZh: id,
  nameEn: id,
  rank,
  maxCustomers: null,
  maxClaimsPerDay: null,
  maxOpenDeals: null,
  maxContractAmount: null,
  version: 1,
});

describe('curricula settings', () => {
  it('lists every level by rank, empty lists where the server has none', () => {
    const rows = curriculaByLevel(
      [level('senior', 3), level('junior', 1), level('mid', 2)],
      [{ levelId: 'mid', required: ['a'], forPromotion: ['b'] }],
    );
    expect(rows.map((r) => r.level.id)).toEqual(['junior', 'mid', 'senior']);
    expect(rows[0]?.curriculum).toEqual({ required: [], forPromotion: [] });
    expect(rows[1]?.curriculum).toEqual({ required: ['a'], forPromotion: ['b'] });
  });

  it('is changed only when a list holds other courses, whatever the order', () => {
    const saved = { required: ['a', 'b'], forPromotion: ['c'] };
    expect(curriculumChanged(saved, { required: ['b', 'a'], forPromotion: ['c'] })).toBe(false);
    expect(curriculumChanged(saved, { required: ['a'], forPromotion: ['c'] })).toBe(true);
    expect(curriculumChanged(saved, { required: ['a', 'b'], forPromotion: ['c', 'a'] })).toBe(true);
    expect(curriculumChanged(saved, { required: ['a', 'd'], forPromotion: ['c'] })).toBe(true);
  });

  it('names inactive courses picked (once, even when in both lists)', () => {
    const courses = [
      { id: 'a', active: true },
      { id: 'old', active: false },
    ];
    expect(inactivePicked({ required: ['a', 'old'], forPromotion: ['old'] }, courses)).toEqual(['old']);
    expect(inactivePicked({ required: ['a'], forPromotion: [] }, courses)).toEqual([]);
  });
});
