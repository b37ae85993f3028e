import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isForeignKeyViolation } from '../../platform/dbErrors.ts';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { assertDiscountsApproved } from '../approvals/discountGuard.usecases.ts';
import { dealContacts, dealLines, dealMilestones, dealTasks } from './deals.table.ts';
import { checkDealContacts, getWritableDeal } from './deals.usecases.ts';

type Role = (typeof dealContacts.$inferInsert)['role'];

/** Replaces the deal's contacts and their buying roles. */
export async function setDealContacts(ctx: Ctx, dealId: string, roles: { contactId: string; role: Role }[]) {
  return inTransaction(ctx, async (tx) => {
    const deal = await getWritableDeal(tx, dealId);
    const errors = await checkDealContacts(tx.db, ctx.actor.orgId, deal.customerId, roles);
    if (errors.length) throw unprocessable('invalid_contacts', errors[0].message, errors);
    const before = await tx.db
      .select()
      .from(dealContacts)
      .where(and(eq(dealContacts.orgId, ctx.actor.orgId), eq(dealContacts.dealId, dealId)));
    await tx.db.delete(dealContacts).where(and(eq(dealContacts.orgId, ctx.actor.orgId), eq(dealContacts.dealId, dealId)));
    if (roles.length) await tx.db.insert(dealContacts).values(roles.map((r) => ({ orgId: ctx.actor.orgId, dealId, ...r })));
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'deal',
      entityId: dealId,
      before: { contacts: before.map((c) => `${c.contactId}:${c.role}`) },
      after: { contacts: roles.map((c) => `${c.contactId}:${c.role}`) },
    });
    return roles;
  });
}

/** Replaces the deal's product lines. */
export async function setDealLines(
  ctx: Ctx,
  dealId: string,
  lines: { productCode: string; productName?: string | null; quantity: string; unitPrice: string; discountPct?: number }[],
) {
  return inTransaction(ctx, async (tx) => {
    await getWritableDeal(tx, dealId);
    // A discount above the customer's tier cap needs an approved request first (审批).
    await assertDiscountsApproved(tx, dealId, lines);
    const where = and(eq(dealLines.orgId, ctx.actor.orgId), eq(dealLines.dealId, dealId));
    const before = await tx.db.select().from(dealLines).where(where);
    await tx.db.delete(dealLines).where(where);
    const rows = lines.map((l, n) => ({
      orgId: ctx.actor.orgId,
      dealId,
      lineNo: n + 1,
      productCode: l.productCode,
      productName: l.productName ?? null,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPct: String(l.discountPct ?? 0),
    }));
    if (rows.length) await tx.db.insert(dealLines).values(rows);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'deal',
      entityId: dealId,
      before: { lines: before.length },
      after: { lines: rows.length },
    });
    return rows;
  });
}

/** A person named on a milestone or task must be a user of the organisation. */
async function naming<T>(field: 'ownerId' | 'assigneeId', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isForeignKeyViolation(err))
      throw unprocessable('unknown_reference', 'No such user in this organisation', [{ path: field, message: 'unknown user' }]);
    throw err;
  }
}

type MilestoneInput = { name: string; dueDate?: string | null; status?: 'open' | 'done'; ownerId?: string | null };
type TaskInput = {
  title: string;
  department: string;
  assigneeId?: string | null;
  dueDate?: string | null;
  status?: 'open' | 'in_progress' | 'done';
};

export async function addMilestone(ctx: Ctx, dealId: string, input: MilestoneInput) {
  return naming(
    'ownerId',
    inTransaction(ctx, async (tx) => {
      await getWritableDeal(tx, dealId);
      const [row] = await tx.db
        .insert(dealMilestones)
        .values({
          orgId: ctx.actor.orgId,
          id: newId(),
          dealId,
          name: input.name,
          dueDate: input.dueDate ?? null,
          status: input.status ?? 'open',
          ownerId: input.ownerId ?? null,
          createdAt: ctx.clock.now(),
        })
        .returning();
      await recordAudit(tx.db, tx, { action: 'create', entity: 'deal_milestone', entityId: row.id, before: null, after: row });
      return row;
    }),
  );
}

export async function updateMilestone(ctx: Ctx, dealId: string, id: string, version: number, patch: Partial<MilestoneInput>) {
  return naming(
    'ownerId',
    inTransaction(ctx, async (tx) => {
      await getWritableDeal(tx, dealId);
      const where = and(eq(dealMilestones.orgId, ctx.actor.orgId), eq(dealMilestones.dealId, dealId), eq(dealMilestones.id, id));
      const [before] = await tx.db.select().from(dealMilestones).where(where);
      if (!before) throw notFound('Milestone');
      const [after] = await tx.db
        .update(dealMilestones)
        .set({ ...patch, version: sql`${dealMilestones.version} + 1` })
        .where(and(where, eq(dealMilestones.version, version)))
        .returning();
      if (!after) throw staleVersion('milestone', before.version);
      await recordAudit(tx.db, tx, { action: 'update', entity: 'deal_milestone', entityId: id, before, after });
      return after;
    }),
  );
}

export async function addTask(ctx: Ctx, dealId: string, input: TaskInput) {
  return naming(
    'assigneeId',
    inTransaction(ctx, async (tx) => {
      await getWritableDeal(tx, dealId);
      const [row] = await tx.db
        .insert(dealTasks)
        .values({
          orgId: ctx.actor.orgId,
          id: newId(),
          dealId,
          title: input.title,
          department: input.department,
          assigneeId: input.assigneeId ?? null,
          dueDate: input.dueDate ?? null,
          status: input.status ?? 'open',
          createdAt: ctx.clock.now(),
        })
        .returning();
      await recordAudit(tx.db, tx, { action: 'create', entity: 'deal_task', entityId: row.id, before: null, after: row });
      return row;
    }),
  );
}

export async function updateTask(ctx: Ctx, dealId: string, id: string, version: number, patch: Partial<TaskInput>) {
  return naming(
    'assigneeId',
    inTransaction(ctx, async (tx) => {
      await getWritableDeal(tx, dealId);
      const where = and(eq(dealTasks.orgId, ctx.actor.orgId), eq(dealTasks.dealId, dealId), eq(dealTasks.id, id));
      const [before] = await tx.db.select().from(dealTasks).where(where);
      if (!before) throw notFound('Task');
      const [after] = await tx.db
        .update(dealTasks)
        .set({ ...patch, version: sql`${dealTasks.version} + 1` })
        .where(and(where, eq(dealTasks.version, version)))
        .returning();
      if (!after) throw staleVersion('task', before.version);
      await recordAudit(tx.db, tx, { action: 'update', entity: 'deal_task', entityId: id, before, after });
      return after;
    }),
  );
}
