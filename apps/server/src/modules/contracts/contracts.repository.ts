import { and, asc, desc, eq, inArray, like, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { contracts, installments, payments } from './contracts.table.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type NewContractRow = typeof contracts.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])) as Row[];

/** `forUpdate` locks the row until the transaction ends: payments against one contract are then checked one at a time. */
export async function findContract(db: DbOrTx, where: SQL, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(contracts)
    .where(and(where, eq(contracts.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as ContractRow | undefined;
}

/** Contracts by id or number within `where`, locked for the payments about to be recorded against them. */
export async function lockContracts(db: DbOrTx, where: SQL, ids: string[], numbers: string[]) {
  if (!ids.length && !numbers.length) return [];
  return db
    .select()
    .from(contracts)
    .where(
      and(
        where,
        sql`(${ids.length ? inArray(contracts.id, ids) : sql`false`} or ${numbers.length ? inArray(contracts.number, numbers) : sql`false`})`,
      ),
    )
    .orderBy(asc(contracts.id))
    .for('update');
}

export type ContractFilter = { status?: ContractRow['status']; customerId?: string; ownerId?: string; dealId?: string; q?: string };

/** Newest first by (createdAt, id). */
export function listContracts(db: DbOrTx, visible: SQL, f: ContractFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${contracts.createdAt}, ${contracts.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(contracts)
    .where(
      and(
        visible,
        f.status ? eq(contracts.status, f.status) : undefined,
        f.customerId ? eq(contracts.customerId, f.customerId) : undefined,
        f.ownerId ? eq(contracts.ownerId, f.ownerId) : undefined,
        f.dealId ? eq(contracts.dealId, f.dealId) : undefined,
        f.q ? like(contracts.number, `${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after,
      ),
    )
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(page.limit + 1);
}

export async function insertContract(db: DbOrTx, row: NewContractRow): Promise<ContractRow> {
  const [inserted] = await db.insert(contracts).values(row).returning();
  return inserted;
}

/** Applies `patch` when the contract is still at `version`; undefined when someone changed it first. */
export async function updateContractRow(db: DbOrTx, where: SQL, id: string, version: number, patch: Partial<NewContractRow>) {
  const [row] = await db
    .update(contracts)
    .set({ ...patch, version: sql`${contracts.version} + 1` })
    .where(and(where, eq(contracts.id, id), eq(contracts.version, version)))
    .returning();
  return row as ContractRow | undefined;
}

export async function deleteContractRow(db: DbOrTx, orgId: string, id: string) {
  await db.delete(contracts).where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)));
}

/** Another live (not cancelled) contract of the deal, if any: a deal is signed once. */
export async function liveContractOfDeal(db: DbOrTx, orgId: string, dealId: string) {
  const [row] = await db
    .select({ id: contracts.id, number: contracts.number })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.dealId, dealId), ne(contracts.status, 'cancelled')));
  return row;
}

/**
 * The next free number `<prefix>-NNNN` of the organisation. An advisory lock per organisation
 * serialises numbering until the transaction ends, so two contracts created at once never collide.
 */
export async function nextContractNumber(db: DbOrTx, orgId: string, prefix: string): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`contract-number:${orgId}`}))`);
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(substring(${contracts.number} from ${`^${prefix}-(\\d+)$`})::int), 0)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), like(contracts.number, `${prefix}-%`)));
  return `${prefix}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * The payment plan with what the payments cover of each instalment: payments received up to `asOf`
 * (all when omitted) are applied to the instalments in due-date order (then position), in SQL numeric.
 */
export async function planWithAllocation(db: DbOrTx, orgId: string, contractId: string, asOf?: string) {
  const received = asOf ? sql`and received_on <= ${asOf}::date` : sql``;
  const result = await db.execute(sql`
    with paid as (
      select coalesce(sum(amount), 0) as total from ${payments}
      where org_id = ${orgId} and contract_id = ${contractId} ${received}
    ), plan as (
      select i.id, i.position, i.due_on, i.amount,
        sum(i.amount) over (order by i.due_on, i.position, i.id rows between unbounded preceding and current row) as due_so_far
      from ${installments} i
      where i.org_id = ${orgId} and i.contract_id = ${contractId}
    )
    select plan.id, plan.position, plan.due_on::text as due_on, plan.amount::text as amount,
      round(least(plan.amount, greatest(0, paid.total - (plan.due_so_far - plan.amount))), 2)::text as paid
    from plan cross join paid
    order by plan.due_on, plan.position, plan.id`);
  return rowsOf(result).map((r) => ({
    id: String(r.id),
    position: Number(r.position),
    dueOn: String(r.due_on),
    amount: String(r.amount),
    paid: String(r.paid),
  }));
}

export async function replaceInstallments(db: DbOrTx, orgId: string, contractId: string, rows: (typeof installments.$inferInsert)[]) {
  // Payments may name an instalment; the plan is replaced, so those references are let go (allocation is by due date anyway).
  await db
    .update(payments)
    .set({ installmentId: null })
    .where(and(eq(payments.orgId, orgId), eq(payments.contractId, contractId)));
  await db.delete(installments).where(and(eq(installments.orgId, orgId), eq(installments.contractId, contractId)));
  if (rows.length) await db.insert(installments).values(rows);
}

export async function installmentIdsOf(db: DbOrTx, orgId: string, contractIds: string[]) {
  if (!contractIds.length) return [];
  return db
    .select({ id: installments.id, contractId: installments.contractId })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), inArray(installments.contractId, contractIds)));
}

export function paymentsOf(db: DbOrTx, orgId: string, contractId: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.contractId, contractId)))
    .orderBy(asc(payments.receivedOn), asc(payments.createdAt), asc(payments.id));
}

/** Sum of payments per contract, summed in SQL numeric; contracts without payments are absent. */
export async function paidTotals(db: DbOrTx, orgId: string, contractIds: string[]): Promise<Map<string, string>> {
  if (!contractIds.length) return new Map();
  const rows = await db
    .select({ contractId: payments.contractId, paid: sql<string>`sum(${payments.amount})::text` })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), inArray(payments.contractId, contractIds)))
    .groupBy(payments.contractId);
  return new Map(rows.map((r) => [r.contractId, r.paid]));
}

export async function insertPayments(db: DbOrTx, rows: NewPaymentRow[]): Promise<PaymentRow[]> {
  if (!rows.length) return [];
  return db.insert(payments).values(rows).returning();
}

export async function takenPaymentExternalIds(db: DbOrTx, orgId: string, externalIds: string[]) {
  if (!externalIds.length) return new Set<string>();
  const rows = await db
    .select({ externalId: payments.externalId })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), inArray(payments.externalId, externalIds)));
  return new Set(rows.map((r) => r.externalId as string));
}

export async function hasPayments(db: DbOrTx, orgId: string, contractId: string) {
  const rows = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.contractId, contractId)))
    .limit(1);
  return rows.length > 0;
}

/** The organisation's currency and time zone: "today" and the default currency of a contract. */
export async function orgDefaults(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ currency: orgs.currency, timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  return row ?? { currency: 'CNY', timeZone: 'Asia/Shanghai' };
}
