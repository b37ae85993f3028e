import type { TLeadCreate } from '@tierline/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { checkOwners } from '../customers/customers.usecases.ts';
import { scoreLead } from './leadScoring.rules.ts';
import { loadScoringRules, scoreOf } from './leadScoring.usecases.ts';
import { writableLeads } from './leads.access.ts';
import type * as repo from './leads.repository.ts';
import { leadKeys } from './leads.rules.ts';
import { leads } from './leads.table.ts';
import { leadView, scoreFields } from './leads.usecases.ts';

const FIELDS = ['name', 'company', 'title', 'email', 'phone', 'source', 'region', 'industry', 'status'] as const;
const trimEmail = (email: string | null | undefined) => (email === undefined ? undefined : (email?.trim() ?? null));

/**
 * Creates leads in a batch (an import), all or nothing, with the rules of the single create and update:
 * the owner defaults to the caller, a rep owns what they add and reassigns nothing, managers assign
 * within their teams; converted and merged leads are history. Every record is checked first and every
 * problem named by `records.<i>.<field>`; then nothing is written. In `upsert` mode a record whose
 * externalId exists updates that lead: the fields it gives change, the ones it leaves out stay.
 * Duplicates are not looked for here (the single create reports them, never refuses): the leads list finds them.
 */
export async function createLeadsBatch(ctx: Ctx, records: TLeadCreate[], options: { mode: 'create' | 'upsert' }) {
  const at = (i: number, field: string) => `records.${i}.${field}`;
  const { orgId, role } = ctx.actor;
  try {
    return await inTransaction(ctx, async (tx) => {
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      records.forEach((r, i) => {
        if (!r.externalId) return;
        const first = seen.get(r.externalId);
        if (first !== undefined) errors.push({ path: at(i, 'externalId'), message: `same externalId as record ${first}` });
        else seen.set(r.externalId, i);
      });
      const found = seen.size
        ? await tx.db
            .select({ lead: leads, writable: sql<boolean>`(case when ${writableLeads(ctx.actor)} then true else false end)` })
            .from(leads)
            .where(and(eq(leads.orgId, orgId), inArray(leads.externalId, [...seen.keys()])))
        : [];
      const existing = new Map(found.map((f) => [f.lead.externalId as string, f]));

      const owners: { path: string; ownerId: string }[] = [];
      records.forEach((r, i) => {
        const match = r.externalId ? existing.get(r.externalId) : undefined;
        if (match) {
          if (options.mode === 'create') errors.push({ path: at(i, 'externalId'), message: 'a lead with this externalId exists' });
          else if (!match.writable)
            errors.push({ path: at(i, 'externalId'), message: 'a lead with this externalId exists that you may not change' });
          else if (match.lead.status === 'converted' || match.lead.status === 'merged')
            errors.push({ path: at(i, 'externalId'), message: `the lead is ${match.lead.status}; it can no longer change` });
          else if (r.ownerId !== undefined && r.ownerId !== match.lead.ownerId) {
            if (role === 'rep') errors.push({ path: at(i, 'ownerId'), message: 'only managers reassign leads' });
            else if (r.ownerId) owners.push({ path: at(i, 'ownerId'), ownerId: r.ownerId });
          }
          return;
        }
        const ownerId = r.ownerId === undefined ? ctx.actor.userId : r.ownerId;
        if (ownerId) owners.push({ path: at(i, 'ownerId'), ownerId });
        else if (role === 'rep') errors.push({ path: at(i, 'ownerId'), message: 'a rep owns the leads they add' });
      });
      const checked = await checkOwners(tx.db, ctx.actor, owners);
      errors.push(...checked.errors);
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const rules = await loadScoringRules(tx.db, orgId);
      const now = ctx.clock.now();
      const ownerOf = (ownerId: string | null) => ({ ownerId, teamId: ownerId ? checked.teamOf(ownerId) : null });
      const rows: repo.NewLeadRow[] = records
        .filter((r) => !(r.externalId && existing.has(r.externalId)))
        .map((r) => {
          const fields = {
            company: r.company ?? null,
            title: r.title ?? null,
            email: trimEmail(r.email) ?? null,
            phone: r.phone ?? null,
            source: r.source ?? null,
            region: r.region ?? null,
            industry: r.industry ?? null,
          };
          // A new lead has no activities yet: its score is its fields'.
          return {
            orgId,
            id: newId(),
            name: r.name,
            ...fields,
            ...leadKeys(fields),
            ...ownerOf(r.ownerId === undefined ? ctx.actor.userId : r.ownerId),
            status: r.status ?? 'new',
            ...scoreFields(scoreLead(fields, rules)),
            externalId: r.externalId ?? null,
            createdAt: now,
            updatedAt: now,
          };
        });
      const inserted = rows.length ? await tx.db.insert(leads).values(rows).returning() : [];

      const updates: { before: repo.LeadRow; after: repo.LeadRow }[] = [];
      for (const r of records) {
        const before = r.externalId ? existing.get(r.externalId)?.lead : undefined;
        if (!before) continue;
        const change: Partial<repo.NewLeadRow> = { updatedAt: now };
        for (const f of FIELDS) if (r[f] !== undefined) Object.assign(change, { [f]: r[f] });
        if (r.email !== undefined) change.email = trimEmail(r.email);
        if (r.ownerId !== undefined && r.ownerId !== before.ownerId) Object.assign(change, ownerOf(r.ownerId));
        const next = { ...before, ...change } as repo.LeadRow;
        Object.assign(change, leadKeys(next), scoreFields(await scoreOf(tx.db, orgId, before.id, next, rules)));
        const [after] = await tx.db
          .update(leads)
          .set({ ...change, version: sql`${leads.version} + 1` })
          .where(and(eq(leads.orgId, orgId), eq(leads.id, before.id), eq(leads.version, before.version)))
          .returning();
        if (!after) throw staleVersion('lead', before.version);
        updates.push({ before, after });
      }
      await recordAuditMany(tx.db, tx, [
        ...inserted.map((l) => ({ action: 'create' as const, entity: 'lead', entityId: l.id, before: null, after: leadView(l) })),
        ...updates.map((u) => ({
          action: 'update' as const,
          entity: 'lead',
          entityId: u.after.id,
          before: leadView(u.before),
          after: leadView(u.after),
        })),
      ]);
      return { created: inserted.length, updated: updates.length, ids: [...inserted, ...updates.map((u) => u.after)].map((l) => l.id) };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('external_id_taken', 'Another lead has this externalId', [{ path: 'externalId', message: 'already used' }]);
    throw err;
  }
}
