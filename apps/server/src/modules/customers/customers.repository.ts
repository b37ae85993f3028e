import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { likeLiteral } from './customers.rules.ts';
import { customers } from './customers.table.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;

export async function findCustomer(db: DbOrTx, where: SQL, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(where, eq(customers.id, id)));
  return row;
}

export type CustomerFilter = {
  q?: string;
  tierId?: string;
  ownerId?: string;
  teamId?: string;
  region?: string;
  industry?: string;
  status?: CustomerRow['status'];
  tag?: string;
  phoneDigits?: string;
  email?: string;
  deleted?: 'only';
};

const SORTS = { name: customers.name, createdAt: customers.createdAt, lastContactAt: customers.lastContactAt } as const;
export type CustomerSortKey = keyof typeof SORTS;

/** Names containing q, any case. Two characters: the bigram index finds the candidates, which ilike then checks. */
function nameContains(q: string): SQL {
  const contains = sql`${customers.name} ilike ${likeLiteral(q)}`;
  return [...q].length === 2 ? sql`tierline_bigrams(${customers.name}) @> array[lower(${q})] and ${contains}` : contains;
}

export function customerFilterWhere(visible: SQL, f: CustomerFilter): SQL | undefined {
  return and(
    visible,
    f.deleted === 'only' ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt),
    f.q ? nameContains(f.q) : undefined,
    f.tierId ? eq(customers.tierId, f.tierId) : undefined,
    f.ownerId ? eq(customers.ownerId, f.ownerId) : undefined,
    f.teamId ? eq(customers.teamId, f.teamId) : undefined,
    f.region ? eq(customers.region, f.region) : undefined,
    f.industry ? eq(customers.industry, f.industry) : undefined,
    f.status ? eq(customers.status, f.status) : undefined,
    f.tag ? sql`${customers.tags} @> array[${f.tag}]::text[]` : undefined,
    f.phoneDigits ? eq(customers.phoneDigits, f.phoneDigits) : undefined,
    f.email ? eq(customers.email, f.email.toLowerCase()) : undefined,
  );
}

export async function listCustomers(
  db: DbOrTx,
  visible: SQL,
  filter: CustomerFilter,
  page: { limit: number; sort: { key: CustomerSortKey; desc: boolean }; after?: CursorValue[] },
) {
  const column = SORTS[page.sort.key];
  // Last contact sorts never-contacted customers last: the coalesce matches the customers_last_contact_keyset index.
  const key = page.sort.key === 'lastContactAt' ? sql`coalesce(${column}, 'infinity'::timestamptz)` : column;
  let after: SQL | undefined;
  if (page.after) {
    const [value, id] = page.after;
    const v = page.sort.key === 'name' ? value : value === null ? sql`'infinity'::timestamptz` : sql`${String(value)}::timestamptz`;
    after = page.sort.desc ? sql`(${key}, ${customers.id}) < (${v}, ${id})` : sql`(${key}, ${customers.id}) > (${v}, ${id})`;
  }
  return db
    .select()
    .from(customers)
    .where(and(customerFilterWhere(visible, filter), after))
    .orderBy(...(page.sort.desc ? [desc(key), desc(customers.id)] : [asc(key), asc(customers.id)]))
    .limit(page.limit + 1);
}

export async function insertCustomers(db: DbOrTx, rows: NewCustomerRow[]) {
  return db.insert(customers).values(rows).returning();
}

/** Updates when the row is still at `version` and within `writable`; undefined otherwise. */
export async function updateCustomerRow(db: DbOrTx, writable: SQL, id: string, version: number, patch: Partial<NewCustomerRow>) {
  const [row] = await db
    .update(customers)
    .set({ ...patch, version: sql`${customers.version} + 1` })
    .where(and(writable, eq(customers.id, id), eq(customers.version, version)))
    .returning();
  return row;
}

export async function findByExternalIds(db: DbOrTx, orgId: string, externalIds: string[]) {
  if (!externalIds.length) return [];
  return db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), inArray(customers.externalId, externalIds)));
}
