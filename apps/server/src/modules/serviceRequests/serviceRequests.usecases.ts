import type { TServiceRequestCreate, TServiceRequestUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { checkOwners, getVisibleCustomer } from '../customers/customers.usecases.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { ofOrg, visibleServiceRequests, writableServiceRequests } from './serviceRequests.access.ts';
import * as repo from './serviceRequests.repository.ts';
import { actionProblem, applyAction, isFinal, openedAtProblem, type ServiceAction, slaDueAtOf } from './serviceRequests.rules.ts';
import { auditView, serviceRequestView } from './serviceRequests.views.ts';

const invalid = (errors: FieldError[]) =>
  unprocessable('invalid_service_request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

/** The request as the API shows it, as of the clock; `where` defaults to the whole organisation (after a checked write). */
async function viewOf(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, id: string, where = ofOrg(ctx.actor.orgId)) {
  const record = await repo.findRecord(ctx.db, ctx.actor.orgId, where, id);
  if (!record) throw notFound('Service request');
  return serviceRequestView(record, ctx.clock.now());
}

export const getServiceRequest = (ctx: Ctx, id: string) => viewOf(ctx, id, visibleServiceRequests(ctx.actor));

/** Locks the request for the transaction: 404 when the caller cannot see it, 403 when they may only read it. */
async function lockWritable(tx: Ctx, id: string) {
  const row = await repo.lockRow(tx.db, writableServiceRequests(tx.actor), id);
  if (row) return row;
  await viewOf(tx, id, visibleServiceRequests(tx.actor));
  throw forbidden('You may read this service request but not change it');
}

export async function listServiceRequests(
  ctx: Ctx,
  q: { limit: number; cursor?: string; sort: 'openedAt' | '-openedAt' } & repo.ServiceRequestFilter,
) {
  const now = ctx.clock.now();
  const rows = await repo.listRecords(ctx.db, ctx.actor.orgId, visibleServiceRequests(ctx.actor), q, {
    limit: q.limit,
    ascending: q.sort === 'openedAt',
    after: decodeCursor(q.cursor, 2),
    now,
  });
  const page = toPage(rows, q.limit, (r) => [r.row.openedAt.toISOString(), r.row.id]);
  return { data: page.data.map((r) => serviceRequestView(r, now)), nextCursor: page.nextCursor };
}

/** Tells the owner a request is theirs, unless they made it so themselves. */
async function notifyOwner(tx: Ctx, row: repo.ServiceRequestRow, customerName: string) {
  if (row.ownerId === tx.actor.userId) return;
  await notifyUsers(tx.db, tx.clock.now(), [
    {
      orgId: row.orgId,
      userId: row.ownerId,
      kind: 'assignment',
      params: { entity: 'service_request', title: row.title, customerName, slaDueAt: row.slaDueAt?.toISOString() ?? null },
      entity: 'service_request',
      entityId: row.id,
    },
  ]);
}

/**
 * The owner of a new request: the one asked for (checked like any owner: a rep only themself, a manager their
 * teams'), else the customer's owner while they are active, else — a customer in the pool — the caller.
 */
async function ownerOf(tx: Ctx, wanted: string | undefined, customerOwnerId: string | null, errors: FieldError[]) {
  if (wanted) {
    const owners = await checkOwners(tx.db, tx.actor, [{ path: 'ownerId', ownerId: wanted }]);
    errors.push(...owners.errors);
    return { ownerId: wanted, teamId: owners.teamOf(wanted) };
  }
  const owner = customerOwnerId ? await repo.findUser(tx.db, tx.actor.orgId, customerOwnerId) : undefined;
  if (owner?.active && owner.role !== 'viewer') return { ownerId: owner.id, teamId: owner.teamId };
  const me = await repo.findUser(tx.db, tx.actor.orgId, tx.actor.userId);
  return { ownerId: tx.actor.userId, teamId: me?.teamId ?? null };
}

/**
 * Opens a request for a customer the caller sees. The customer's tier and its response SLA are fixed now
 * (`slaDueAt` = openedAt + the tier's response hours), so a later tier or policy change does not rewrite
 * whether it was met. The owner is told (an `assignment` notification) when someone else opened it.
 */
export async function createServiceRequest(ctx: Ctx, input: TServiceRequestCreate) {
  return inTransaction(ctx, async (tx) => {
    const errors: FieldError[] = [];
    const now = ctx.clock.now();
    const customer = await getVisibleCustomer(tx, input.customerId).catch(() => null);
    if (!customer) errors.push({ path: 'customerId', message: 'no such customer that you may see' });
    else if (customer.deletedAt) errors.push({ path: 'customerId', message: 'the customer is deleted' });
    if (customer && input.contactId && !(await repo.isContactOf(tx.db, ctx.actor.orgId, input.contactId, customer.id)))
      errors.push({ path: 'contactId', message: 'not a contact of this customer' });
    const openedAt = input.openedAt ? new Date(input.openedAt) : now;
    const openedProblem = openedAtProblem(openedAt, now);
    if (openedProblem) errors.push(openedProblem);
    const owner = await ownerOf(tx, input.ownerId, customer?.ownerId ?? null, errors);
    if (errors.length || !customer) throw invalid(errors);
    const slaHours = (await repo.responseSlaOf(tx.db, ctx.actor.orgId, customer.tierId)) ?? null;
    const row = await repo.insertRow(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      customerId: customer.id,
      contactId: input.contactId ?? null,
      title: input.title,
      description: input.description ?? null,
      channel: input.channel ?? 'phone',
      priority: input.priority ?? 'normal',
      status: 'open',
      ownerId: owner.ownerId,
      teamId: owner.teamId,
      tierId: customer.tierId,
      slaHours,
      openedAt,
      slaDueAt: slaDueAtOf(openedAt, slaHours),
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'service_request', entityId: row.id, before: null, after: auditView(row) });
    await notifyOwner(tx, row, customer.name);
    return viewOf(tx, row.id);
  });
}

/** Changes a request's fields (not its customer, opening time or SLA); a new owner brings their team and is told. */
export async function updateServiceRequest(ctx: Ctx, id: string, version: number, patch: Omit<TServiceRequestUpdate, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await lockWritable(tx, id);
    if (isFinal(before.status)) throw invalid([{ path: 'status', message: `a ${before.status} request is final` }]);
    const errors: FieldError[] = [];
    if (patch.contactId && !(await repo.isContactOf(tx.db, ctx.actor.orgId, patch.contactId, before.customerId)))
      errors.push({ path: 'contactId', message: 'not a contact of this customer' });
    let teamId = before.teamId;
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) {
      const owners = await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId: patch.ownerId }]);
      errors.push(...owners.errors);
      teamId = owners.teamOf(patch.ownerId);
    }
    if (errors.length) throw invalid(errors);
    if (before.version !== version) throw staleVersion('service request', before.version);
    const after = await repo.updateRow(tx.db, writableServiceRequests(ctx.actor), id, version, {
      ...patch,
      teamId,
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('service request', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'service_request',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    const view = await viewOf(tx, id);
    if (after.ownerId !== before.ownerId) await notifyOwner(tx, after, view.customerName);
    return view;
  });
}

/**
 * Answers, resolves or reopens a request (see serviceRequests.rules.ts): the first answer is set once and never
 * moved. The row is locked, so two people answering at once are served one after the other and the second is
 * told it was answered. A version, when sent, must match.
 */
export async function actOnServiceRequest(ctx: Ctx, id: string, action: ServiceAction, input: { version?: number; resolution?: string }) {
  return inTransaction(ctx, async (tx) => {
    const before = await lockWritable(tx, id);
    const problem = actionProblem(action, before.status, before.firstAnsweredAt);
    if (problem) throw unprocessable('invalid_transition', problem.message, [problem]);
    if (input.version !== undefined && input.version !== before.version) throw staleVersion('service request', before.version);
    const now = ctx.clock.now();
    const after = await repo.updateRow(tx.db, writableServiceRequests(ctx.actor), id, before.version, {
      ...applyAction(action, before, now, input.resolution),
      updatedAt: now,
    });
    if (!after) throw staleVersion('service request', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'service_request',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return viewOf(tx, id);
  });
}
