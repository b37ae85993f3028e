import type { TQuiz } from '@tierline/contracts';
import { and, eq } from 'drizzle-orm';
import { type Caller, signIn, type TestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { users } from '../users/users.table.ts';
import { courses, curriculumItems, enrolments } from './training.table.ts';

/** Test data for the enrolment tests: courses written straight to the table (the catalogue routes are tested apart). */

/** Three questions: q1 single (b), q2 multiple (a + c), q3 single (y). */
export const QUIZ: TQuiz = {
  passScore: 60,
  attemptsAllowed: 2,
  questions: [
    { id: 'q1', kind: 'single', prompt: 'One?', options: opts('a', 'b', 'c'), correct: ['b'] },
    { id: 'q2', kind: 'multiple', prompt: 'Which?', options: opts('a', 'b', 'c', 'd'), correct: ['a', 'c'] },
    { id: 'q3', kind: 'single', prompt: 'Three?', options: opts('x', 'y'), correct: ['y'] },
  ],
};
function opts(...ids: string[]) {
  return ids.map((id) => ({ id, text: `option ${id}` }));
}
export const ALL_RIGHT = [
  { questionId: 'q1', optionIds: ['b'] },
  { questionId: 'q2', optionIds: ['a', 'c'] },
  { questionId: 'q3', optionIds: ['y'] },
];
/** 1 of 3 right: 33. */
export const ONE_RIGHT = [
  { questionId: 'q1', optionIds: ['b'] },
  { questionId: 'q2', optionIds: ['a'] },
];

export async function seedCourse(t: TestApp, orgId: string, over: Partial<typeof courses.$inferInsert> = {}): Promise<string> {
  const id = newId();
  const now = t.clock.now();
  await t.db.insert(courses).values({
    orgId,
    id,
    title: `Course ${id.slice(-6)}`,
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 60,
    quiz: null,
    certification: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  return id;
}

export async function requireAtLevel(t: TestApp, orgId: string, levelId: string, courseId: string) {
  await t.db.insert(curriculumItems).values({ orgId, levelId, courseId, purpose: 'required' });
}

export async function notificationsOf(t: TestApp, userId: string, kind: string) {
  return t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind as 'training_assigned')));
}

export async function enrolmentRow(t: TestApp, orgId: string, id: string) {
  const [row] = await t.db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.orgId, orgId), eq(enrolments.id, id)));
  return row;
}

/** Signs the same user in again (a new session), for tests that move the clock past a session's life. */
export async function signInAgain(t: TestApp, caller: Caller): Promise<Caller> {
  const [row] = await t.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId as string));
  return signIn(t, row?.email as string);
}
