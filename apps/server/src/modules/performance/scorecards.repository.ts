import type { TRating, TScoringScheme } from '@tierline/contracts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { appraisalCycles, reviews } from './performance.table.ts';

/** Who and how a scorecard is about: the people, teams, cycle and reviews it reads (no rules here). */

export async function orgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const [row] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  return row?.timeZone ?? 'Asia/Shanghai';
}

/** The appraisal cycle of a period, as the scheme it scores with. */
export async function cycleOfPeriod(db: DbOrTx, orgId: string, period: string): Promise<(TScoringScheme & { id: string }) | undefined> {
  const [row] = await db
    .select()
    .from(appraisalCycles)
    .where(and(eq(appraisalCycles.orgId, orgId), eq(appraisalCycles.period, period)));
  if (!row) return undefined;
  return {
    id: row.id,
    quantitativeWeight: row.quantitativeWeight,
    attainmentCap: row.attainmentCap,
    gradeBands: row.gradeBands,
    levels: row.levelSchemes,
  };
}

export type PersonRow = { id: string; name: string; teamId: string | null; levelId: string | null };
const person = { id: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId };

/** These users of the organisation (unknown ids are left out). */
export function usersByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(person)
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
}

/**
 * Active reps of the organisation, optionally only those whose current team is one of `teamIds` (or, with
 * `self`, the user themselves), by name. A deactivated rep is left out of lists and leaderboards.
 */
export function activeReps(db: DbOrTx, orgId: string, filter: { teamIds?: string[]; userId?: string } = {}): Promise<PersonRow[]> {
  const conditions: SQL[] = [eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)];
  if (filter.teamIds) conditions.push(filter.teamIds.length ? inArray(users.teamId, filter.teamIds) : sql`false`);
  if (filter.userId) conditions.push(eq(users.id, filter.userId));
  return db
    .select(person)
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id));
}

export async function findTeam(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return row;
}

export async function levelExistsInOrg(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, id)));
  return row !== undefined;
}

/** The manager reviews of a cycle that count: submitted or locked (a draft does not). */
export async function countedManagerReviews(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  repIds: string[],
): Promise<Map<string, { id: string; ratings: TRating[] }>> {
  if (repIds.length === 0) return new Map();
  const rows = await db
    .select({ id: reviews.id, repId: reviews.repId, ratings: reviews.ratings })
    .from(reviews)
    .where(
      and(
        eq(reviews.orgId, orgId),
        eq(reviews.cycleId, cycleId),
        eq(reviews.kind, 'manager'),
        inArray(reviews.status, ['submitted', 'locked']),
        inArray(reviews.repId, repIds),
      ),
    );
  return new Map(rows.map((r) => [r.repId, { id: r.id, ratings: r.ratings }]));
}
