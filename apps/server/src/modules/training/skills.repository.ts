import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import type { MatrixScope } from './skills.rules.ts';
import { skillAssessments, skills } from './training.table.ts';

export type SkillRow = typeof skills.$inferSelect;
export type AssessmentRow = typeof skillAssessments.$inferSelect;
export type NewAssessmentRow = typeof skillAssessments.$inferInsert;

/** The organisation's skills by category, then name (the matrix's column order). */
export const listSkills = (db: DbOrTx, orgId: string) =>
  db.select().from(skills).where(eq(skills.orgId, orgId)).orderBy(asc(skills.category), asc(skills.name), asc(skills.id));

export async function findSkill(db: DbOrTx, orgId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(skills)
    .where(and(eq(skills.orgId, orgId), eq(skills.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as SkillRow | undefined;
}

/** Another skill of the organisation with this name (names are unique per organisation). */
export async function skillNamed(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.orgId, orgId), eq(skills.name, name), exceptId ? sql`${skills.id} <> ${exceptId}::uuid` : undefined));
  return row;
}

export async function insertSkill(db: DbOrTx, row: typeof skills.$inferInsert): Promise<SkillRow> {
  const [inserted] = await db.insert(skills).values(row).returning();
  return inserted;
}

export async function updateSkillRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof skills.$inferInsert>) {
  const [row] = await db
    .update(skills)
    .set({ ...patch, version: sql`${skills.version} + 1` })
    .where(and(eq(skills.orgId, orgId), eq(skills.id, id), eq(skills.version, version)))
    .returning();
  return row as SkillRow | undefined;
}

/** Deletes the skill and, by the foreign key's cascade, every assessment of it. */
export async function deleteSkillRow(db: DbOrTx, orgId: string, id: string) {
  await db.delete(skills).where(and(eq(skills.orgId, orgId), eq(skills.id, id)));
}

export async function teamExists(db: DbOrTx, orgId: string, teamId: string) {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  return rows.length > 0;
}

/** An active rep of the organisation with their current team; undefined for anyone else. */
export async function findActiveRep(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id), eq(users.role, 'rep'), eq(users.active, true)));
  return row;
}

/** The active reps of the matrix's rows, within `scope` and the filters, by name. */
export function matrixReps(db: DbOrTx, orgId: string, scope: MatrixScope, f: { teamId?: string; repId?: string }) {
  const inScope: SQL | undefined =
    scope.kind === 'org'
      ? undefined
      : scope.kind === 'self'
        ? eq(users.id, scope.repId)
        : scope.teamIds.length
          ? inArray(users.teamId, scope.teamIds)
          : sql`false`;
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.role, 'rep'),
        eq(users.active, true),
        inScope,
        f.teamId ? eq(users.teamId, f.teamId) : undefined,
        f.repId ? eq(users.id, f.repId) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

export function assessmentsOf(db: DbOrTx, orgId: string, repIds: string[]) {
  if (!repIds.length) return Promise.resolve([] as AssessmentRow[]);
  return db
    .select()
    .from(skillAssessments)
    .where(and(eq(skillAssessments.orgId, orgId), inArray(skillAssessments.repId, repIds)));
}

export async function findAssessment(db: DbOrTx, orgId: string, repId: string, skillId: string) {
  const [row] = await db
    .select()
    .from(skillAssessments)
    .where(and(eq(skillAssessments.orgId, orgId), eq(skillAssessments.repId, repId), eq(skillAssessments.skillId, skillId)))
    .for('update');
  return row as AssessmentRow | undefined;
}

/** Inserts the first assessment of the rep's skill; undefined when another request inserted it first. */
export async function insertAssessment(db: DbOrTx, row: NewAssessmentRow) {
  const [inserted] = await db.insert(skillAssessments).values(row).onConflictDoNothing().returning();
  return inserted as AssessmentRow | undefined;
}

export async function updateAssessmentRow(
  db: DbOrTx,
  key: { orgId: string; repId: string; skillId: string },
  version: number,
  patch: Partial<NewAssessmentRow>,
) {
  const [row] = await db
    .update(skillAssessments)
    .set({ ...patch, version: sql`${skillAssessments.version} + 1` })
    .where(
      and(
        eq(skillAssessments.orgId, key.orgId),
        eq(skillAssessments.repId, key.repId),
        eq(skillAssessments.skillId, key.skillId),
        eq(skillAssessments.version, version),
      ),
    )
    .returning();
  return row as AssessmentRow | undefined;
}
