import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { likeLiteral } from '../customers/customers.rules.ts';
import { customers } from '../customers/customers.table.ts';
import type { LeadKeys } from './leads.rules.ts';
import { leadScoringRules, leads } from './leads.table.ts';

export type LeadRow = typeof leads.$inferSelect;
export type NewLeadRow = typeof leads.$inferInsert;
export type ScoringRuleRow = typeof leadScoringRules.$inferSelect;

export async function findLead(db: DbOrTx, where: SQL, id: string): Promise<LeadRow | undefined> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(where, eq(leads.id, id)));
  return row;
}

export type LeadFilter = {
  status?: LeadRow['status'];
  source?: string;
  ownerId?: string;
  unassigned?: 'true';
  q?: string;
  deleted?: 'only';
};
const SORTS = { score: leads.score, createdAt: leads.createdAt, name: leads.name } as const;
export type LeadSortKey = keyof typeof SORTS;

export async function listLeads(
  db: DbOrTx,
  visible: SQL,
  f: LeadFilter,
  page: { limit: number; sort: { key: LeadSortKey; desc: boolean }; after?: CursorValue[] },
) {
  const column = SORTS[page.sort.key];
  let after: SQL | undefined;
  if (page.after) {
    const [v, id] = page.after;
    const value =
      page.sort.key === 'createdAt' ? sql`${String(v)}::timestamptz` : page.sort.key === 'score' ? sql`${Number(v)}::int` : sql`${v}`;
    after = page.sort.desc ? sql`(${column}, ${leads.id}) < (${value}, ${id})` : sql`(${column}, ${leads.id}) > (${value}, ${id})`;
  }
  const q = f.q ? likeLiteral(f.q) : undefined;
  return db
    .select()
    .from(leads)
    .where(
      and(
        visible,
        f.deleted === 'only' ? isNotNull(leads.deletedAt) : isNull(leads.deletedAt),
        f.status ? eq(leads.status, f.status) : undefined,
        f.source ? eq(leads.source, f.source) : undefined,
        f.ownerId ? eq(leads.ownerId, f.ownerId) : undefined,
        f.unassigned ? isNull(leads.ownerId) : undefined,
        q ? sql`(${leads.name} ilike ${q} or ${leads.company} ilike ${q} or ${leads.email} ilike ${q})` : undefined,
        after,
      ),
    )
    .orderBy(...(page.sort.desc ? [desc(column), desc(leads.id)] : [asc(column), asc(leads.id)]))
    .limit(page.limit + 1);
}

export async function insertLead(db: DbOrTx, row: NewLeadRow): Promise<LeadRow> {
  const [inserted] = await db.insert(leads).values(row).returning();
  return inserted;
}

export async function updateLeadRow(db: DbOrTx, writable: SQL, id: string, version: number, patch: Partial<NewLeadRow>) {
  const [row] = await db
    .update(leads)
    .set({ ...patch, version: sql`${leads.version} + 1` })
    .where(and(writable, eq(leads.id, id), eq(leads.version, version)))
    .returning();
  return row as LeadRow | undefined;
}

/** Non-merged, non-deleted leads of the org sharing any key, each with whether `visible` lets the caller see it. */
export async function findDuplicateLeads(db: DbOrTx, orgId: string, keys: LeadKeys, excludeId: string, visible: SQL) {
  const any = [
    keys.emailKey ? eq(leads.emailKey, keys.emailKey) : undefined,
    keys.phoneKey ? eq(leads.phoneKey, keys.phoneKey) : undefined,
    keys.companyKey ? eq(leads.companyKey, keys.companyKey) : undefined,
  ].filter(Boolean);
  if (!any.length) return [];
  return db
    .select({
      id: leads.id,
      emailKey: leads.emailKey,
      phoneKey: leads.phoneKey,
      companyKey: leads.companyKey,
      visible: sql<boolean>`(case when ${visible} then true else false end)`,
    })
    .from(leads)
    .where(
      and(eq(leads.orgId, orgId), sql`${leads.id} <> ${excludeId}`, sql`${leads.status} <> 'merged'`, isNull(leads.deletedAt), or(...any)),
    )
    .orderBy(asc(leads.id))
    .limit(50);
}

/**
 * Customers whose email or phone is the lead's. Customers store the email lower-cased as given and
 * the phone as all its digits, so the lead's keys are widened to the forms a customer may hold.
 */
export async function findDuplicateCustomers(
  db: DbOrTx,
  orgId: string,
  match: { email: string | null; emailKey: string | null; phoneVariants: string[] },
  visible: SQL,
) {
  const email = match.email?.trim().toLowerCase() || null;
  const gmail = match.emailKey?.endsWith('@gmail.com') ? match.emailKey : null;
  const emailMatch = or(
    email ? eq(customers.email, email) : undefined,
    match.emailKey && match.emailKey !== email ? eq(customers.email, match.emailKey) : undefined,
    gmail
      ? sql`(${customers.email} ~ '@(gmail|googlemail)\\.com$' and replace(split_part(split_part(lower(${customers.email}), '@', 1), '+', 1), '.', '') || '@gmail.com' = ${gmail})`
      : undefined,
  );
  const phoneMatch = match.phoneVariants.length ? inArray(customers.phoneDigits, match.phoneVariants) : undefined;
  if (!emailMatch && !phoneMatch) return [];
  return db
    .select({
      id: customers.id,
      emailHit: emailMatch ? sql<boolean>`(case when ${emailMatch} then true else false end)` : sql<boolean>`false`,
      phoneHit: phoneMatch ? sql<boolean>`(case when ${phoneMatch} then true else false end)` : sql<boolean>`false`,
      visible: sql<boolean>`(case when ${visible} then true else false end)`,
    })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), isNull(customers.deletedAt), or(emailMatch, phoneMatch)))
    .orderBy(asc(customers.id))
    .limit(50);
}

export const listScoringRules = (db: DbOrTx, orgId: string) =>
  db.select().from(leadScoringRules).where(eq(leadScoringRules.orgId, orgId)).orderBy(asc(leadScoringRules.position));

export async function replaceScoringRules(db: DbOrTx, orgId: string, rows: (typeof leadScoringRules.$inferInsert)[]) {
  await db.delete(leadScoringRules).where(eq(leadScoringRules.orgId, orgId));
  if (rows.length) await db.insert(leadScoringRules).values(rows);
}

/** Leads whose score still moves (not converted, merged or deleted), a batch at a time by id. */
export async function scorableLeadsAfter(db: DbOrTx, orgId: string, afterId: string | null, limit: number) {
  return db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.orgId, orgId),
        isNull(leads.deletedAt),
        notInArray(leads.status, ['converted', 'merged']),
        afterId ? gt(leads.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(leads.id))
    .limit(limit);
}

/**
 * Writes many scores in one statement. A score is derived data, so neither `version` nor
 * `updatedAt` moves: a rule change must not make someone's open edit of the lead stale.
 */
export async function writeScores(db: DbOrTx, orgId: string, scores: { id: string; score: number; breakdown: unknown }[]) {
  if (!scores.length) return;
  const values = sql.join(
    scores.map((s) => sql`(${s.id}::uuid, ${s.score}::int, ${JSON.stringify(s.breakdown)}::jsonb)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${leads} set score = v.score, score_breakdown = v.breakdown from (values ${values}) as v(id, score, breakdown) where ${leads.orgId} = ${orgId} and ${leads.id} = v.id`,
  );
}
