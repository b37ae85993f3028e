import type { TContact } from '@tierline/contracts';
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, forbidden, notFound, staleVersion } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { likeLiteral } from '../customers/customers.rules.ts';
import { contacts, customers } from '../customers/customers.table.ts';
import { getWritableCustomer } from '../customers/customers.usecases.ts';

type ContactRow = typeof contacts.$inferSelect;
type ContactFields = Partial<Pick<ContactRow, 'title' | 'seniority' | 'buyingRole' | 'phone' | 'email' | 'notes'>> & { name?: string };

export const contactView = (c: ContactRow): TContact => ({
  id: c.id,
  customerId: c.customerId,
  name: c.name,
  title: c.title,
  seniority: c.seniority,
  buyingRole: c.buyingRole,
  phone: c.phone,
  email: c.email,
  notes: c.notes,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  deletedAt: c.deletedAt?.toISOString() ?? null,
  version: c.version,
});

/** A contact is visible, or writable, exactly when its customer is. */
const ofCustomers = (customerCondition: SQL) =>
  sql`exists (select 1 from ${customers} where ${customerCondition} and ${customers.id} = ${contacts.customerId})`;

async function findContact(ctx: Ctx, id: string, forWrite: boolean) {
  const condition = forWrite ? writableCustomers(ctx.actor) : visibleCustomers(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.actor.orgId), eq(contacts.id, id), ofCustomers(condition)));
  return row;
}

export async function getContact(ctx: Ctx, id: string) {
  const row = await findContact(ctx, id, false);
  if (!row) throw notFound('Contact');
  return row;
}

export async function listContacts(ctx: Ctx, q: { limit: number; cursor?: string; customerId?: string; q?: string; deleted?: 'only' }) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, ctx.actor.orgId),
        ofCustomers(visibleCustomers(ctx.actor)),
        q.deleted === 'only' ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt),
        q.customerId ? eq(contacts.customerId, q.customerId) : undefined,
        q.q ? sql`${contacts.name} ilike ${likeLiteral(q.q)}` : undefined,
        after ? sql`(${contacts.name}, ${contacts.id}) > (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (c) => [c.name, c.id]);
  return { data: page.data.map(contactView), nextCursor: page.nextCursor };
}

export async function createContact(ctx: Ctx, input: ContactFields & { customerId: string; name: string }) {
  return inTransaction(ctx, async (tx) => {
    await getWritableCustomer(tx, input.customerId);
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(contacts)
      .values({ ...input, email: input.email?.toLowerCase() ?? null, orgId: ctx.actor.orgId, id: newId(), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx.db, tx, { action: 'create', entity: 'contact', entityId: row.id, before: null, after: contactView(row) });
    return row;
  });
}

/** Updates, soft-deletes (`deletedAt` set) or restores a contact, based on `version`. */
export async function changeContact(ctx: Ctx, id: string, version: number, patch: ContactFields & { deletedAt?: Date | null }) {
  return inTransaction(ctx, async (tx) => {
    const before = await findContact(tx, id, true);
    if (!before) {
      await getContact(tx, id); // 404 when not visible at all
      throw forbidden('You may read this contact but not change it');
    }
    if (patch.deletedAt !== undefined && (before.deletedAt === null) === (patch.deletedAt === null)) {
      throw conflict(
        patch.deletedAt ? 'already_deleted' : 'not_deleted',
        patch.deletedAt ? 'The contact is already deleted' : 'The contact is not deleted',
      );
    }
    const [after] = await tx.db
      .update(contacts)
      .set({
        ...patch,
        ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
        updatedAt: tx.clock.now(),
        version: sql`${contacts.version} + 1`,
      })
      .where(and(eq(contacts.orgId, ctx.actor.orgId), eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!after) throw staleVersion('contact', before.version);
    const action = patch.deletedAt === undefined ? 'update' : patch.deletedAt ? 'delete' : 'restore';
    await recordAudit(tx.db, tx, { action, entity: 'contact', entityId: id, before: contactView(before), after: contactView(after) });
    return after;
  });
}
