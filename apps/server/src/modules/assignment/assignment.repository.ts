import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { leads } from '../leads/leads.table.ts';
import { levels } from '../levels/levels.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import type { Candidate, Entity } from './assignment.rules.ts';
import { assignmentLog, assignmentRules } from './assignment.table.ts';

// Read-only queries over other modules' tables: loads and record attributes are aggregates across
// several modules that no single use case offers, and reading them here keeps one round trip.

export type RuleRow = typeof assignmentRules.$inferSelect;
export type NewRuleRow = typeof assignmentRules.$inferInsert;
export type LogRow = typeof assignmentLog.$inferSelect;

export const listRules = (db: DbOrTx, orgId: string, entity?: Entity) =>
  db
    .select()
    .from(assignmentRules)
    .where(and(eq(assignmentRules.orgId, orgId), entity ? eq(assignmentRules.entity, entity) : undefined))
    .orderBy(asc(assignmentRules.entity), asc(assignmentRules.position), asc(assignmentRules.id));

export async function findRule(db: DbOrTx, orgId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(assignmentRules)
    .where(and(eq(assignmentRules.orgId, orgId), eq(assignmentRules.id, id)));
  return row;
}

export async function insertRules(db: DbOrTx, rows: NewRuleRow[]) {
  return rows.length ? db.insert(assignmentRules).values(rows).returning() : [];
}

export async function updateRuleRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewRuleRow>) {
  const [row] = await db
    .update(assignmentRules)
    .set({ ...patch, version: sql`${assignmentRules.version} + 1` })
    .where(and(eq(assignmentRules.orgId, orgId), eq(assignmentRules.id, id), eq(assignmentRules.version, version)))
    .returning();
  return row as RuleRow | undefined;
}

export async function deleteRuleRow(db: DbOrTx, orgId: string, id: string, version: number) {
  const rows = await db
    .delete(assignmentRules)
    .where(and(eq(assignmentRules.orgId, orgId), eq(assignmentRules.id, id), eq(assignmentRules.version, version)))
    .returning({ id: assignmentRules.id });
  return rows.length > 0;
}

export const deleteAllRules = (db: DbOrTx, orgId: string) => db.delete(assignmentRules).where(eq(assignmentRules.orgId, orgId));

/** Positions are data, not identity: a reorder rewrites them 1..n without touching versions. */
export async function setPositions(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return; // the last rule of an entity was deleted: nothing left to number
  const values = sql.join(
    ids.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${assignmentRules} set position = v.position from (values ${values}) as v(id, position) where ${assignmentRules.orgId} = ${orgId} and ${assignmentRules.id} = v.id`,
  );
}

/** Round-robin memory is machine state: it moves without a version bump, so it never makes an admin's edit stale. */
export async function rememberLastAssigned(db: DbOrTx, orgId: string, ruleId: string, userId: string) {
  await db
    .update(assignmentRules)
    .set({ lastAssignedUserId: userId })
    .where(and(eq(assignmentRules.orgId, orgId), eq(assignmentRules.id, ruleId)));
}

/** Whether the org ever had assignment rules (their creation is audited): defaults are seeded only once. */
export async function everHadRules(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, 'assignment_rule')));
  return row.n > 0;
}

/**
 * Serialises automatic assignment within one organisation for the rest of the transaction, so two
 * assignments at once cannot both see a rep one below capacity, nor both take the same turn.
 */
export async function lockOrgAssignments(db: DbOrTx, orgId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`assignment:${orgId}`}))`);
}

const loadOf: Record<Entity, SQL> = {
  deal: sql`(select count(*)::int from ${deals} d join ${stages} s on s.org_id = d.org_id and s.id = d.stage_id
              where d.org_id = ${users.orgId} and d.owner_id = ${users.id} and d.deleted_at is null and s.kind = 'open')`,
  customer: sql`(select count(*)::int from ${customers} c
              where c.org_id = ${users.orgId} and c.owner_id = ${users.id} and c.deleted_at is null)`,
  lead: sql`(select count(*)::int from ${leads} l where l.org_id = ${users.orgId} and l.owner_id = ${users.id}
              and l.deleted_at is null and l.status in ('new', 'working', 'qualified'))`,
};
// Leads have no per-level limit: they are spread by count, and capacity binds on customers and deals.
// A rep's own deal capacity (set on their profile) overrides their level's.
const capacityOf: Record<Entity, SQL> = {
  deal: sql`coalesce(${users.capacity}, ${levels.maxOpenDeals})`,
  customer: sql`${levels.maxCustomers}`,
  lead: sql`null::int`,
};

/** The organisation's active reps with what they carry of this entity and what they may carry (their own deal capacity, else their level's). */
export async function candidates(db: DbOrTx, orgId: string, entity: Entity): Promise<Candidate[]> {
  const rows = await db
    .select({
      userId: users.id,
      levelId: users.levelId,
      teamId: users.teamId,
      active: users.active,
      available: users.available,
      load: sql<number>`${loadOf[entity]}`,
      capacity: sql<number | null>`${capacityOf[entity]}`,
    })
    .from(users)
    .leftJoin(levels, and(eq(levels.orgId, users.orgId), eq(levels.id, users.levelId)))
    .where(and(eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)))
    .orderBy(asc(users.id));
  return rows.map((r) => ({ ...r, load: Number(r.load), capacity: r.capacity === null ? null : Number(r.capacity) }));
}

export async function levelIdsByKey(db: DbOrTx, orgId: string) {
  const rows = await db.select({ id: levels.id, key: levels.key }).from(levels).where(eq(levels.orgId, orgId));
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

export async function tiersOf(db: DbOrTx, orgId: string) {
  return db.select({ id: tiers.id, key: tiers.key, nameEn: tiers.nameEn }).from(tiers).where(eq(tiers.orgId, orgId));
}

export async function existingIds(db: DbOrTx, orgId: string, kind: 'level' | 'team' | 'tier', ids: string[]) {
  if (!ids.length) return new Set<string>();
  const table = kind === 'level' ? levels : kind === 'tier' ? tiers : teams;
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.orgId, orgId), inArray(table.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** A deal's process type and its customer's tier, region and industry. */
export async function dealAttributes(db: DbOrTx, orgId: string, pipelineId: string, customerId: string | null) {
  const [pipeline] = await db
    .select({ processType: pipelines.processType })
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.id, pipelineId)));
  const [customer] = customerId
    ? await db
        .select({ tierId: customers.tierId, region: customers.region, industry: customers.industry })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))
    : [];
  return { processType: pipeline?.processType ?? null, customer };
}

export async function insertLog(db: DbOrTx, row: typeof assignmentLog.$inferInsert) {
  await db.insert(assignmentLog).values(row);
}

export async function latestLog(db: DbOrTx, orgId: string, entity: Entity, entityId: string): Promise<LogRow | undefined> {
  const [row] = await db
    .select()
    .from(assignmentLog)
    .where(and(eq(assignmentLog.orgId, orgId), eq(assignmentLog.entity, entity), eq(assignmentLog.entityId, entityId)))
    .orderBy(desc(assignmentLog.at), desc(assignmentLog.id))
    .limit(1);
  return row;
}
