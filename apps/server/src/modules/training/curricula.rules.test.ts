import { describe, expect, it } from 'vitest';
import { duplicateCourses, promotionReadiness, unusableCourses } from './curricula.rules.ts';

describe('curriculum completeness for promotion', () => {
  const curriculum = { required: ['r1'], forPromotion: ['p1', 'p2'] };

  it('is ready when every promotion course is held and valid', () => {
    const holdings = new Map([
      ['p1', { completedOn: '2026-03-01', valid: true }],
      ['p2', { completedOn: '2026-04-01', valid: true }],
    ]);
    expect(promotionReadiness(curriculum, holdings)).toEqual({
      ready: true,
      missing: [],
      courses: [
        { courseId: 'p1', completedOn: '2026-03-01', met: true },
        { courseId: 'p2', completedOn: '2026-04-01', met: true },
      ],
    });
  });

  it('lists what is missing: never completed, or completed with the certification expired', () => {
    const holdings = new Map([
      ['p1', { completedOn: '2024-03-01', valid: false }],
      ['r1', { completedOn: '2026-01-01', valid: true }],
    ]);
    const readiness = promotionReadiness(curriculum, holdings);
    expect(readiness.ready).toBe(false);
    expect(readiness.missing).toEqual(['p1', 'p2']);
    expect(readiness.courses[0]).toEqual({ courseId: 'p1', completedOn: '2024-03-01', met: false });
  });

  it('the required list does not count toward promotion', () => {
    expect(promotionReadiness({ forPromotion: [] }, new Map()).ready).toBe(true);
    expect(promotionReadiness(curriculum, new Map([['r1', { completedOn: '2026-01-01', valid: true }]])).ready).toBe(false);
  });

  it('a level without a curriculum or a rep without holdings', () => {
    expect(promotionReadiness(undefined, undefined)).toEqual({ ready: true, courses: [], missing: [] });
    expect(promotionReadiness(curriculum, undefined).missing).toEqual(['p1', 'p2']);
  });
});

describe('curriculum validation', () => {
  it('names a course repeated within one list, but allows it in both lists', () => {
    expect(duplicateCourses({ required: ['a', 'b', 'a'], forPromotion: ['a', 'c', 'c'] })).toEqual([
      { path: 'required.2', message: 'this course is already in the list' },
      { path: 'forPromotion.2', message: 'this course is already in the list' },
    ]);
    expect(duplicateCourses({ required: ['a'], forPromotion: ['a'] })).toEqual([]);
  });

  it('names unknown and inactive courses by list and position', () => {
    const catalogue = new Map([
      ['a', { active: true }],
      ['old', { active: false }],
    ]);
    expect(unusableCourses({ required: ['a', 'x'], forPromotion: ['old', 'a'] }, catalogue)).toEqual([
      { path: 'required.1', message: 'no such course' },
      { path: 'forPromotion.0', message: 'the course is inactive' },
    ]);
  });
});
