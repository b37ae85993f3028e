import type { ZContactCreate } from '@tierline/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { contacts, customers } from '../customers/customers.table.ts';
import { contactView } from './contacts.usecases.ts';

/** A contact of a batch (an import): the create request, with the id it has in the system it came from. */
export type ContactBatchRecord = z.infer<typeof ZContactCreate> & { externalId?: string | null };
type ContactRow = typeof contacts.$inferSelect;

const FIELDS = ['name', 'title', 'seniority', 'buyingRole', 'phone', 'email', 'notes'] as const;
/** The audit shows the externalId too: it is how an import found the contact. */
const audited = (c: ContactRow) => ({ ...contactView(c), externalId: c.externalId });

/**
 * Creates contacts in a batch, all or nothing, with the single create's rule: the caller must be allowed
 * to change the contact's customer. Every record is checked first and every problem named by
 * `records.<i>.<field>`; then nothing is written. In `upsert` mode a record whose externalId exists
 * updates that contact: the fields it gives change, the ones it leaves out stay (an empty cell does not
 * erase what is known). A contact stays with its customer: an externalId found under another customer is refused.
 */
export async function createContactsBatch(ctx: Ctx, records: ContactBatchRecord[], options: { mode: 'create' | 'upsert' }) {
  const at = (i: number, field: string) => `records.${i}.${field}`;
  try {
    return await inTransaction(ctx, async (tx) => {
      const { orgId } = ctx.actor;
      const errors: FieldError[] = [];
      const customerIds = [...new Set(records.map((r) => r.customerId))];
      const writable = new Set(
        (
          await tx.db
            .select({ id: customers.id })
            .from(customers)
            .where(and(writableCustomers(ctx.actor), inArray(customers.id, customerIds)))
        ).map((c) => c.id),
      );
      const readOnly = customerIds.filter((id) => !writable.has(id));
      const visible = new Set(
        readOnly.length
          ? (
              await tx.db
                .select({ id: customers.id })
                .from(customers)
                .where(and(visibleCustomers(ctx.actor), inArray(customers.id, readOnly)))
            ).map((c) => c.id)
          : [],
      );
      records.forEach((r, i) => {
        if (!writable.has(r.customerId))
          errors.push({
            path: at(i, 'customerId'),
            message: visible.has(r.customerId) ? 'you may read this customer but not change it' : 'no such customer that you may see',
          });
      });

      const seen = new Map<string, number>();
      records.forEach((r, i) => {
        if (!r.externalId) return;
        const first = seen.get(r.externalId);
        if (first !== undefined) errors.push({ path: at(i, 'externalId'), message: `same externalId as record ${first}` });
        else seen.set(r.externalId, i);
      });
      const existing = new Map(
        (seen.size
          ? await tx.db
              .select()
              .from(contacts)
              .where(and(eq(contacts.orgId, orgId), inArray(contacts.externalId, [...seen.keys()])))
          : []
        ).map((c) => [c.externalId as string, c]),
      );
      records.forEach((r, i) => {
        const match = r.externalId ? existing.get(r.externalId) : undefined;
        if (!match) return;
        if (options.mode === 'create') errors.push({ path: at(i, 'externalId'), message: 'a contact with this externalId exists' });
        else if (match.customerId !== r.customerId)
          errors.push({ path: at(i, 'customerId'), message: 'this externalId is a contact of another customer; a contact does not move' });
      });
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const now = ctx.clock.now();
      const fresh = records.filter((r) => !(r.externalId && existing.has(r.externalId)));
      const inserted = fresh.length
        ? await tx.db
            .insert(contacts)
            .values(
              fresh.map((r) => ({
                orgId,
                id: newId(),
                customerId: r.customerId,
                name: r.name,
                title: r.title ?? null,
                seniority: r.seniority ?? null,
                buyingRole: r.buyingRole ?? null,
                phone: r.phone ?? null,
                email: r.email?.toLowerCase() ?? null,
                notes: r.notes ?? null,
                externalId: r.externalId ?? null,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .returning()
        : [];
      const updates: { before: ContactRow; after: ContactRow }[] = [];
      for (const r of records) {
        const before = r.externalId ? existing.get(r.externalId) : undefined;
        if (!before) continue;
        const patch: Partial<ContactRow> = {};
        for (const f of FIELDS) if (r[f] !== undefined) Object.assign(patch, { [f]: r[f] });
        if (patch.email) patch.email = patch.email.toLowerCase();
        const [after] = await tx.db
          .update(contacts)
          .set({ ...patch, updatedAt: now, version: sql`${contacts.version} + 1` })
          .where(and(eq(contacts.orgId, orgId), eq(contacts.id, before.id), eq(contacts.version, before.version)))
          .returning();
        if (!after) throw staleVersion('contact', before.version);
        updates.push({ before, after });
      }
      await recordAuditMany(tx.db, tx, [
        ...inserted.map((c) => ({ action: 'create' as const, entity: 'contact', entityId: c.id, before: null, after: audited(c) })),
        ...updates.map((u) => ({
          action: 'update' as const,
          entity: 'contact',
          entityId: u.after.id,
          before: audited(u.before),
          after: audited(u.after),
        })),
      ]);
      return { created: inserted.length, updated: updates.length, ids: [...inserted, ...updates.map((u) => u.after)].map((c) => c.id) };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('external_id_taken', 'Another contact has this externalId', [{ path: 'externalId', message: 'already used' }]);
    throw err;
  }
}
