import type { TActivityCreate } from '@tierline/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { checkOwners } from '../customers/customers.usecases.ts';
import { onCustomerContacted } from '../tasks/followUp.hooks.ts';
import { writableActivities } from './activities.access.ts';
import type * as repo from './activities.repository.ts';
import { touchCustomerContact } from './activities.repository.ts';
import { type ActivityState, type ContactEffect, checkActivity, checkInAfter, contactEffect } from './activities.rules.ts';
import { activities } from './activities.table.ts';
import { activityView } from './activities.usecases.ts';

/**
 * An activity of a batch (an import): on a customer, with the id it has in the system it came from.
 * Links to contacts, deals and other participants are not part of a batch; the single API sets them.
 */
export type ActivityBatchRecord = Pick<
  TActivityCreate,
  | 'kind'
  | 'subject'
  | 'notes'
  | 'outcome'
  | 'occurredAt'
  | 'durationMinutes'
  | 'ownerId'
  | 'checkInAt'
  | 'location'
  | 'latitude'
  | 'longitude'
> & { customerId: string; externalId?: string | null };

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const coordinate = (v: number | null) => (v === null ? null : String(v));
const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
const stateOf = (a: repo.NewActivityRow): ActivityState => ({
  kind: a.kind,
  outcome: a.outcome ?? null,
  occurredAt: a.occurredAt,
  customerId: a.customerId ?? null,
  leadId: null,
  contactId: null,
  dealId: null,
  checkInAt: a.checkInAt ?? null,
  location: a.location ?? null,
  latitude: num(a.latitude),
  longitude: num(a.longitude),
});

/**
 * Logs activities in a batch, all or nothing, with the single create's rules: the caller must be allowed
 * to change the customer, the owner is the caller or someone they may assign, nothing happened in the
 * future, only a visit checks in. Every record is checked first and every problem named by
 * `records.<i>.<field>`; then nothing is written. In `upsert` mode a record whose externalId exists
 * updates that activity as the single update would (its owner and customer stay; fields left out stay).
 * The customers' last contact and follow-ups move once per customer, to its latest contact in the batch.
 */
export async function createActivitiesBatch(ctx: Ctx, records: ActivityBatchRecord[], options: { mode: 'create' | 'upsert' }) {
  const at = (i: number, field: string) => `records.${i}.${field}`;
  const { orgId } = ctx.actor;
  try {
    return await inTransaction(ctx, async (tx) => {
      const errors: FieldError[] = [];
      const now = ctx.clock.now();
      const customerIds = [...new Set(records.map((r) => r.customerId))];
      const found = await tx.db
        .select({
          id: customers.id,
          deletedAt: customers.deletedAt,
          writable: sql<boolean>`(case when ${writableCustomers(ctx.actor)} then true else false end)`,
        })
        .from(customers)
        .where(and(visibleCustomers(ctx.actor), inArray(customers.id, customerIds)));
      const customerOf = new Map(found.map((c) => [c.id, c]));

      const seen = new Map<string, number>();
      records.forEach((r, i) => {
        if (!r.externalId) return;
        const first = seen.get(r.externalId);
        if (first !== undefined) errors.push({ path: at(i, 'externalId'), message: `same externalId as record ${first}` });
        else seen.set(r.externalId, i);
      });
      const matches = seen.size
        ? await tx.db
            .select({ row: activities, writable: sql<boolean>`(case when ${writableActivities(ctx.actor)} then true else false end)` })
            .from(activities)
            .where(and(eq(activities.orgId, orgId), inArray(activities.externalId, [...seen.keys()])))
        : [];
      const existing = new Map(matches.map((m) => [m.row.externalId as string, m]));

      const owners: { path: string; ownerId: string }[] = [];
      const planned = records.map((r, i) => {
        const customer = customerOf.get(r.customerId);
        if (!customer) errors.push({ path: at(i, 'customerId'), message: 'no such customer that you may see' });
        else if (!customer.writable)
          errors.push({ path: at(i, 'customerId'), message: 'you may read this customer but not log activities on it' });
        else if (customer.deletedAt) errors.push({ path: at(i, 'customerId'), message: 'the customer is deleted' });
        const match = r.externalId ? existing.get(r.externalId) : undefined;
        if (match) {
          const b = match.row;
          if (options.mode === 'create') errors.push({ path: at(i, 'externalId'), message: 'an activity with this externalId exists' });
          else if (!match.writable)
            errors.push({ path: at(i, 'externalId'), message: 'an activity with this externalId exists that you may not change' });
          else if (b.deletedAt) errors.push({ path: at(i, 'externalId'), message: 'the activity is deleted' });
          else if (b.customerId !== r.customerId)
            errors.push({ path: at(i, 'customerId'), message: 'an activity stays with its customer' });
          else if (r.ownerId !== undefined && r.ownerId !== b.ownerId)
            errors.push({ path: at(i, 'ownerId'), message: 'an activity keeps the owner it was logged by' });
        } else owners.push({ path: at(i, 'ownerId'), ownerId: r.ownerId ?? ctx.actor.userId });
        const before = match?.row;
        const kind = r.kind;
        const occurredAt = r.occurredAt ? new Date(r.occurredAt) : (before?.occurredAt ?? now);
        const checkIn = checkInAfter(
          kind,
          occurredAt,
          before
            ? { ...before, latitude: num(before.latitude), longitude: num(before.longitude) }
            : { kind: null, checkInAt: null, location: null, latitude: null, longitude: null },
          { ...r, checkInAt: date(r.checkInAt) },
        );
        const fields = {
          kind,
          subject: r.subject,
          notes: r.notes !== undefined ? r.notes : (before?.notes ?? null),
          outcome: r.outcome !== undefined ? r.outcome : (before?.outcome ?? null),
          occurredAt,
          durationMinutes: r.durationMinutes !== undefined ? r.durationMinutes : (before?.durationMinutes ?? null),
          checkInAt: checkIn.checkInAt,
          location: checkIn.location,
          latitude: coordinate(checkIn.latitude),
          longitude: coordinate(checkIn.longitude),
          updatedAt: now,
        };
        for (const e of checkActivity(stateOf({ ...fields, orgId, id: '', ownerId: '', customerId: r.customerId, createdAt: now }), now))
          errors.push({ path: at(i, e.path), message: e.message });
        return { r, before, fields };
      });
      const checked = await checkOwners(tx.db, ctx.actor, owners);
      errors.push(...checked.errors);
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const fresh = planned.filter((p) => !p.before);
      const inserted = fresh.length
        ? await tx.db
            .insert(activities)
            .values(
              fresh.map(({ r, fields }) => {
                const ownerId = r.ownerId ?? ctx.actor.userId;
                return {
                  ...fields,
                  orgId,
                  id: newId(),
                  customerId: r.customerId,
                  ownerId,
                  teamId: checked.teamOf(ownerId),
                  externalId: r.externalId ?? null,
                  createdAt: now,
                };
              }),
            )
            .returning()
        : [];
      const updates: { before: repo.ActivityRow; after: repo.ActivityRow }[] = [];
      for (const { before, fields } of planned) {
        if (!before) continue;
        const [after] = await tx.db
          .update(activities)
          .set({ ...fields, version: sql`${activities.version} + 1` })
          .where(and(writableActivities(ctx.actor), eq(activities.id, before.id), eq(activities.version, before.version)))
          .returning();
        if (!after) throw staleVersion('activity', before.version);
        updates.push({ before, after });
      }
      await recordAuditMany(tx.db, tx, [
        ...inserted.map((a) => ({ action: 'create' as const, entity: 'activity', entityId: a.id, before: null, after: activityView(a) })),
        ...updates.map((u) => ({
          action: 'update' as const,
          entity: 'activity',
          entityId: u.after.id,
          before: activityView(u.before),
          after: activityView(u.after),
        })),
      ]);
      await applyContactEffects(tx, [...inserted.map((a) => ({ before: null, after: a })), ...updates]);
      return { created: inserted.length, updated: updates.length, ids: [...inserted, ...updates.map((u) => u.after)].map((a) => a.id) };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('external_id_taken', 'Another activity has this externalId', [{ path: 'externalId', message: 'already used' }]);
    throw err;
  }
}

/**
 * The single create's effects, once per customer rather than once per activity: the last contact moves
 * to the batch's latest contact (never back), and follow-ups hear of the latest answered contact (which
 * stops the plans started before it) and of the latest contact (which places the cadence task).
 */
async function applyContactEffects(tx: Ctx, changes: { before: repo.ActivityRow | null; after: repo.ActivityRow }[]) {
  const latest = new Map<string, { contact: ContactEffect; answeredAt: Date | null }>();
  for (const { before, after } of changes) {
    const effect = after.deletedAt || !after.customerId ? null : contactEffect(before, after);
    if (!effect || !after.customerId) continue;
    const known = latest.get(after.customerId);
    const contact = known && known.contact.at >= effect.at ? known.contact : effect;
    const answeredAt = effect.answered && !(known?.answeredAt && known.answeredAt >= effect.at) ? effect.at : (known?.answeredAt ?? null);
    latest.set(after.customerId, { contact, answeredAt });
  }
  const { orgId } = tx.actor;
  const loggedAt = tx.clock.now();
  for (const [customerId, { contact, answeredAt }] of latest) {
    await touchCustomerContact(tx.db, orgId, customerId, contact.at);
    if (answeredAt) await onCustomerContacted(tx.db as Tx, { orgId, customerId, at: answeredAt, answered: true, loggedAt });
    if (!answeredAt || answeredAt < contact.at)
      await onCustomerContacted(tx.db as Tx, { orgId, customerId, at: contact.at, answered: false, loggedAt });
  }
}
