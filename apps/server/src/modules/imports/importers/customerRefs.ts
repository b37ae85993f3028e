import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { FieldError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/requestContext.ts';
import { visibleCustomers } from '../../customers/customers.access.ts';
import { createCustomers } from '../../customers/customers.create.usecases.ts';
import { findByExternalIds } from '../../customers/customers.repository.ts';
import { customers } from '../../customers/customers.table.ts';
import { lookupKey } from '../imports.lookups.ts';
import { refuseRecords } from './common.ts';

const NOT_FOUND = 'no customer with this externalId or name that you may see';

/**
 * The customers a batch's records name, by the file's text: first as a customer's externalId, else as
 * its full name (compared like other lookups: trimmed, case-insensitive) when exactly one customer the
 * importer may see has it — a name two customers share says nothing about which one is meant.
 * Deleted customers are not found. Two queries per batch, whatever its size.
 *
 * With `createMissing`, a customer found neither way is created named by the text and with the text as
 * its externalId (so the next import finds it by that), in the pool for managers and above, else the
 * importer's — as the orders import does. A text that is the externalId of a customer the importer may
 * not see is never created again: it stays an error.
 *
 * Answers the customer id of each record (undefined where it names none); refuses the batch with
 * `records.<i>.customer` errors where a text finds nothing.
 */
export async function customerIdsOf(ctx: Ctx, refs: (string | undefined)[], createMissing = false): Promise<(string | undefined)[]> {
  const texts = [...new Set(refs.filter((r): r is string => r !== undefined))];
  const found = new Map<string, string>();
  const problems = new Map<string, string>();
  if (texts.length) {
    const live = and(visibleCustomers(ctx.actor), isNull(customers.deletedAt));
    const byExternal = await ctx.db
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .where(and(live, inArray(customers.externalId, texts)));
    for (const c of byExternal) found.set(c.externalId as string, c.id);
    const rest = texts.filter((t) => !found.has(t));
    if (rest.length) {
      // Compared in SQL trimmed and lower-cased; the file's text also width-folded ("Ｉｓｄｏｍ" finds "Isdom").
      const lowered = [...new Set(rest.map(lookupKey))];
      const byName = await ctx.db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(live, inArray(sql`lower(btrim(${customers.name}))`, lowered)));
      const named = new Map<string, string[]>();
      for (const c of byName) named.set(lookupKey(c.name), [...(named.get(lookupKey(c.name)) ?? []), c.id]);
      for (const t of rest) {
        const ids = named.get(lookupKey(t)) ?? [];
        if (ids.length === 1) found.set(t, ids[0]);
        else if (ids.length > 1) problems.set(t, `${ids.length} customers are named "${t}"; name it by its externalId`);
      }
    }
  }
  const missing = texts.filter((t) => !found.has(t) && !problems.has(t));
  if (missing.length && createMissing) {
    for (const [t, id] of await createCustomersFor(ctx, missing)) found.set(t, id);
  }
  const errors: FieldError[] = [];
  refs.forEach((r, i) => {
    if (r !== undefined && !found.has(r)) errors.push({ path: `records.${i}.customer`, message: problems.get(r) ?? NOT_FOUND });
  });
  if (errors.length) refuseRecords(errors);
  return refs.map((r) => (r === undefined ? undefined : found.get(r)));
}

/** Creates the customers the texts name (see above); answers text → id for those it created. */
async function createCustomersFor(ctx: Ctx, texts: string[]): Promise<Map<string, string>> {
  // An externalId taken by a customer the importer may not see (or a deleted one) is not theirs to reuse.
  const taken = new Set((await findByExternalIds(ctx.db, ctx.actor.orgId, texts)).map((c) => c.externalId));
  const creatable = texts.filter((t) => !taken.has(t) && t.length <= 200);
  if (!creatable.length) return new Map();
  const pool = ctx.actor.role !== 'rep';
  const result = await createCustomers(
    ctx,
    creatable.map((t) => ({ name: t, externalId: t.length <= 100 ? t : null, ...(pool ? { ownerId: null } : {}) })),
    { mode: 'create', pathPrefix: 'customers' },
  );
  return new Map(creatable.map((t, i) => [t, result.ids[i]]));
}
