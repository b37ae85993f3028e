import { describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, signIn } from '../../../test/testApp.ts';

/**
 * Issue 8's done-when for development plans (decision 0029): a junior rep's plan toward mid lists what is missing in
 * the level evaluation's own terms — the course of the junior promotion curriculum among them; once the rep is
 * enrolled and passes its quiz, the level evaluation shows that course met and the plan no longer lists it.
 */
const t = await createTestApp();
const s = await seedSalesOrg(t); // today: 2026-01-05 in Shanghai; the last closed quarter is 2025-Q4
const level: Record<string, string> = Object.fromEntries(
  (await s.acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]),
);

const courseRes = await s.director.post('/api/v1/courses', {
  title: 'Consultative selling',
  source: 'internal',
  category: 'sales_skills',
  format: 'online',
  durationMinutes: 120,
  quiz: {
    passScore: 100,
    attemptsAllowed: 3,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        prompt: 'What comes first?',
        options: [
          { id: 'a', text: 'Listening' },
          { id: 'b', text: 'Pitching' },
        ],
        correct: ['a'],
      },
      {
        id: 'q2',
        kind: 'multiple',
        prompt: 'Which are open questions?',
        options: [
          { id: 'a', text: 'What keeps you up at night?' },
          { id: 'b', text: 'Do you want it?' },
          { id: 'c', text: 'How do you decide today?' },
        ],
        correct: ['a', 'c'],
      },
    ],
  },
  certification: { name: 'Consultative seller', validMonths: 12 },
});
expect(courseRes.statusCode, courseRes.body).toBe(201);
const course = courseRes.json() as { id: string };

// The junior promotion curriculum asks the course.
const curriculum = await s.director.put(`/api/v1/curricula/${level.junior}`, { required: [], forPromotion: [course.id] });
expect(curriculum.statusCode, curriculum.body).toBe(200);

const planRes = await s.eastManager.post('/api/v1/development-plans', {
  repId: s.eastRep.userId,
  targetLevelId: level.mid,
  title: 'Junior to mid',
  goals: [{ kind: 'course', courseId: course.id, dueOn: '2026-03-31' }],
});
expect(planRes.statusCode, planRes.body).toBe(201);
const plan = planRes.json() as { id: string };

const planOf = async (caller: Caller = s.eastRep) => {
  const res = await caller.get(`/api/v1/development-plans/${plan.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const evaluationOf = async (caller: Caller = s.eastRep) => {
  const res = await caller.get(`/api/v1/level-evaluations?period=2025-Q4&repId=${s.eastRep.userId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data[0];
};
const courseCheck = (met: boolean, value: string | null, today = '2026-01-05') => ({
  kind: 'course',
  courseId: course.id,
  required: 'Consultative selling',
  met,
  evidence: [{ period: today, value, met }],
});

describe('a development plan turns to met when the promotion course is passed', () => {
  it('the plan lists the missing criteria for mid: the grade, the time at level and the course', async () => {
    const gap = (await planOf()).levelGap;
    expect(gap).toMatchObject({ period: '2025-Q4', fromLevelId: level.junior, stepToLevelId: level.mid, reached: false, met: false });
    expect(gap.missing).toEqual([
      expect.objectContaining({ kind: 'grade', met: false }),
      expect.objectContaining({ kind: 'timeAtLevel', met: false }),
      courseCheck(false, null),
    ]);
    expect(gap.checks).toEqual(gap.missing);
    // The level evaluation says the same: the course check on the junior → mid step, none on demotions (there are none).
    const evaluation = await evaluationOf(s.eastManager);
    expect(evaluation.steps).toHaveLength(1);
    expect(evaluation.steps[0].checks[2]).toEqual(courseCheck(false, null));
    // West's junior is asked the same course; a mid-level rep would not be (their level has no curriculum).
    const west = (await s.westManager.get('/api/v1/level-evaluations?period=2025-Q4')).json().data[0];
    expect(west.steps[0].checks.map((c: { kind: string }) => c.kind)).toEqual(['grade', 'timeAtLevel', 'course']);
  });

  it('enrolled, the rep fails the quiz once: still missing', async () => {
    const enrol = await s.eastManager.post('/api/v1/enrolments', {
      courseId: course.id,
      target: { kind: 'rep', id: s.eastRep.userId },
      dueOn: '2026-02-28',
    });
    expect(enrol.statusCode, enrol.body).toBe(201);
    const enrolmentId = enrol.json().data[0].id as string;
    const wrong = await s.eastRep.post(`/api/v1/enrolments/${enrolmentId}/attempts`, {
      answers: [
        { questionId: 'q1', optionIds: ['a'] },
        { questionId: 'q2', optionIds: ['a'] }, // half of a multiple-choice answer earns nothing
      ],
    });
    expect(wrong.statusCode, wrong.body).toBe(201);
    expect(wrong.json()).toMatchObject({ score: 50, passed: false });
    expect((await evaluationOf()).steps[0].checks[2]).toEqual(courseCheck(false, null));

    const right = await s.eastRep.post(`/api/v1/enrolments/${enrolmentId}/attempts`, {
      answers: [
        { questionId: 'q1', optionIds: ['a'] },
        { questionId: 'q2', optionIds: ['c', 'a'] },
      ],
    });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json()).toMatchObject({ score: 100, passed: true, enrolment: { status: 'completed' } });
  });

  it('passed: the level evaluation shows the course met, and the plan no longer lists it', async () => {
    const evaluation = await evaluationOf();
    expect(evaluation.steps[0].checks[2]).toEqual(courseCheck(true, '2026-01-05'));
    // The grade and the time are still missing, so no promotion yet.
    expect(evaluation).toMatchObject({ recommendation: 'hold', toLevelId: null });

    const after = await planOf(s.eastManager);
    expect(after.levelGap.missing.map((c: { kind: string }) => c.kind)).toEqual(['grade', 'timeAtLevel']);
    expect(after.levelGap.checks[2]).toEqual(courseCheck(true, '2026-01-05'));
    // The plan's own course goal is met too.
    expect(after.goals[0]).toMatchObject({ kind: 'course', met: true, value: '2026-01-05', overdue: false });
    expect(after.goalsMet).toBe(1);
  });

  it('a year on, the certification has expired: the course is missing again until re-certified', async () => {
    const { email } = (await s.acme.admin.get(`/api/v1/users/${s.eastRep.userId}`)).json();
    t.clock.set(new Date('2027-01-06T10:00:00+08:00'));
    const gap = (await planOf(await signIn(t, email))).levelGap; // a year on, the old session has lapsed
    expect(gap.period).toBe('2026-Q4');
    expect(gap.missing).toContainEqual(courseCheck(false, '2026-01-05', '2027-01-06'));
  });
});
