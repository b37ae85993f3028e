import type { TContractCreate, TContractStatus, TContractUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { compareDecimal } from '../../platform/decimal.ts';
import { conflict, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { type ContractApprovalState, contractApprovalState, openContractApproval } from '../approvals/approvals.usecases.ts';
import { checkOwners, getVisibleCustomer } from '../customers/customers.usecases.ts';
import { getWritableDeal } from '../deals/deals.usecases.ts';
import { visibleContracts, writableContracts } from './contracts.access.ts';
import * as repo from './contracts.repository.ts';
import { contractNumberPrefix, dateProblems, isClosed, planProblems, statusChangeProblem, termsLocked } from './contracts.rules.ts';
import { contractView } from './contracts.views.ts';

export async function getVisibleContract(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findContract(ctx.db, visibleContracts(ctx.actor), id);
  if (!row) throw notFound('Contract');
  return row;
}

/** 404 when the caller cannot see the contract, 403 when they may only read it. `forUpdate` locks it for the transaction. */
export async function getWritableContract(ctx: Pick<Ctx, 'db' | 'actor'>, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await repo.findContract(ctx.db, writableContracts(ctx.actor), id, opts);
  if (row) return row;
  await getVisibleContract(ctx, id);
  throw forbidden('You may read this contract but not change it');
}

export async function listContracts(ctx: Ctx, q: { limit: number; cursor?: string } & repo.ContractFilter) {
  const rows = await repo.listContracts(ctx.db, visibleContracts(ctx.actor), q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (c) => [c.createdAt.toISOString(), c.id]);
  return { data: page.data.map(contractView), nextCursor: page.nextCursor };
}

const numberTaken = (err: unknown) =>
  isUniqueViolation(err)
    ? conflict('number_taken', 'Another contract has this number', [{ path: 'number', message: 'already used' }])
    : err;

/** What the contract is made from: a won deal (customer, owner, amount, currency copied) or a customer directly. */
async function contractSource(tx: Ctx, input: TContractCreate, errors: FieldError[]) {
  if (!input.dealId) {
    const customer = await getVisibleCustomer(tx, input.customerId as string).catch(() => {
      errors.push({ path: 'customerId', message: 'no such customer that you may see' });
      return null;
    });
    return {
      dealId: null,
      customerId: customer?.id ?? null,
      ownerId: input.ownerId ?? tx.actor.userId,
      amount: input.amount ?? null,
      currency: input.currency,
    };
  }
  const deal = await getWritableDeal(tx, input.dealId).catch(() => null);
  if (!deal || deal.deletedAt) {
    errors.push({ path: 'dealId', message: 'no such deal that you may change' });
    return null;
  }
  if (deal.stageKind !== 'won')
    errors.push({ path: 'dealId', message: `the deal is ${deal.stageKind}; a contract is made from a won deal` });
  if (!deal.customerId) errors.push({ path: 'dealId', message: 'the deal has no customer' });
  const amount = input.amount ?? deal.amount;
  if (!amount || compareDecimal(amount, '0') <= 0) errors.push({ path: 'amount', message: 'the deal has no amount; give one' });
  const other = await repo.liveContractOfDeal(tx.db, tx.actor.orgId, deal.id);
  if (other)
    throw conflict('deal_has_contract', `The deal already has contract ${other.number}`, [
      { path: 'dealId', message: `contract ${other.number}` },
    ]);
  return {
    dealId: deal.id,
    customerId: deal.customerId,
    ownerId: input.ownerId ?? deal.ownerId,
    amount,
    currency: input.currency ?? deal.currency,
  };
}

/**
 * Creates a contract in draft — or, when its amount is above the owner's level limit, in
 * pending_approval with an approval request to the owner's manager, in the same transaction.
 */
export async function createContract(ctx: Ctx, input: TContractCreate) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const errors: FieldError[] = [];
      const source = await contractSource(tx, input, errors);
      const owners = source ? await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId: source.ownerId }]) : null;
      errors.push(...(owners?.errors ?? []), ...dateProblems(input));
      if (errors.length || !source || !owners)
        throw unprocessable('invalid_contract', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const org = await repo.orgDefaults(tx.db, ctx.actor.orgId);
      const now = ctx.clock.now();
      const id = newId();
      const number = input.number ?? (await repo.nextContractNumber(tx.db, ctx.actor.orgId, contractNumberPrefix(now, org.timeZone)));
      const amount = source.amount as string;
      const approval = await contractApprovalState(tx, { id, ownerId: source.ownerId, amount });
      const row = await repo.insertContract(tx.db, {
        orgId: ctx.actor.orgId,
        id,
        number,
        dealId: source.dealId,
        customerId: source.customerId as string,
        ownerId: source.ownerId,
        teamId: owners.teamOf(source.ownerId),
        amount,
        currency: source.currency ?? org.currency,
        signedOn: input.signedOn ?? null,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        status: approval.excess ? 'pending_approval' : 'draft',
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'contract', entityId: id, before: null, after: contractView(row) });
      if (approval.excess) await openContractApproval(tx, row, approval.excess);
      return row;
    });
  } catch (err) {
    throw numberTaken(err);
  }
}

/**
 * Changes a contract's fields. Amount, currency and owner are the approved terms: they change only
 * before the contract is active, never while an approval is pending, and a changed amount that needs
 * approval (and has none covering it) sends the draft for approval again.
 */
export async function updateContract(ctx: Ctx, id: string, version: number, patch: Omit<TContractUpdate, 'version'>) {
  if (patch.ownerId !== undefined && ctx.actor.role === 'rep') throw forbidden('Only managers reassign contracts');
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await getWritableContract(tx, id, { forUpdate: true });
      const termsChange = (['amount', 'currency', 'ownerId'] as const).filter((k) => patch[k] !== undefined);
      if (isClosed(before.status))
        throw unprocessable('contract_closed', `A ${before.status} contract no longer changes`, [
          { path: 'status', message: before.status },
        ]);
      if (termsChange.length && termsLocked(before.status))
        throw unprocessable(
          'terms_locked',
          'Amount, currency and owner are fixed once the contract is active',
          termsChange.map((k) => ({ path: k, message: `fixed while ${before.status}` })),
        );
      if (termsChange.length && before.status === 'pending_approval') {
        const state = await contractApprovalState(tx, before);
        throw conflict(
          'approval_pending',
          `Approval ${state.pending?.id ?? ''} of this contract is pending; change it after the decision`,
          termsChange.map((k) => ({ path: k, message: 'an approval is pending' })),
        );
      }
      const errors: FieldError[] = [
        ...dateProblems({ startsOn: patch.startsOn ?? before.startsOn, endsOn: patch.endsOn ?? before.endsOn }),
      ];
      const ownerId = patch.ownerId ?? before.ownerId;
      let teamId = before.teamId;
      if (patch.ownerId) {
        const owners = await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId }]);
        errors.push(...owners.errors);
        teamId = owners.teamOf(ownerId);
      }
      const amount = patch.amount ?? before.amount;
      if (patch.amount !== undefined) {
        const plan = await repo.planWithAllocation(tx.db, ctx.actor.orgId, id);
        errors.push(
          ...planProblems(amount, plan).map((e) => ({ path: 'amount', message: `${e.message}; replace the payment plan first` })),
        );
      }
      if (errors.length) throw unprocessable('invalid_contract', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const state = termsChange.length ? await contractApprovalState(tx, { id, ownerId, amount }) : null;
      const resubmit = state?.excess && !state.covered ? state.excess : null;
      const after = await repo.updateContractRow(tx.db, writableContracts(ctx.actor), id, version, {
        ...patch,
        teamId,
        status: resubmit ? 'pending_approval' : before.status,
        updatedAt: ctx.clock.now(),
      });
      if (!after) throw staleVersion('contract', before.version);
      await recordAudit(tx.db, tx, {
        action: 'update',
        entity: 'contract',
        entityId: id,
        before: contractView(before),
        after: contractView(after),
      });
      if (resubmit) await openContractApproval(tx, after, resubmit);
      return after;
    });
  } catch (err) {
    throw numberTaken(err);
  }
}

/** Why a contract cannot be active yet: its amount needs an approval that is pending, rejected or not asked for. */
function approvalRequired(state: ContractApprovalState) {
  const { excess, pending, lastRejected } = state;
  const why = pending
    ? `approval ${pending.id} is pending`
    : lastRejected
      ? `approval ${lastRejected.id} was rejected; lower the amount or submit again (status pending_approval)`
      : 'submit it for approval (status pending_approval)';
  return unprocessable('approval_required', `The amount ${excess?.amount} is above the owner’s limit ${excess?.limit}: ${why}`, [
    { path: pending ? `approvals.${pending.id}` : 'status', message: why },
  ]);
}

/**
 * Moves a contract along its life (see contracts.rules.ts). Activation needs the amount approved when
 * it is above the owner's level limit — 422 names the approval it waits for. Submitting a draft for
 * approval opens a new request when one is needed.
 */
export async function changeContractStatus(ctx: Ctx, id: string, version: number, to: Exclude<TContractStatus, 'draft'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableContract(tx, id, { forUpdate: true });
    const problem = statusChangeProblem(before.status, to);
    if (problem) throw unprocessable('invalid_transition', problem.message, [problem]);
    if (before.version !== version) throw staleVersion('contract', before.version);
    const state = to === 'active' || to === 'pending_approval' ? await contractApprovalState(tx, before) : null;
    if (to === 'active' && state && !state.covered) throw approvalRequired(state);
    if (to === 'pending_approval' && state?.covered)
      throw unprocessable('approval_not_needed', 'The amount is within the owner’s limit or already approved; activate it', [
        { path: 'status', message: 'no approval needed' },
      ]);
    const after = await repo.updateContractRow(tx.db, writableContracts(ctx.actor), id, version, {
      status: to,
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('contract', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'contract',
      entityId: id,
      before: contractView(before),
      after: contractView(after),
    });
    if (to === 'pending_approval' && state?.excess) await openContractApproval(tx, after, state.excess);
    return after;
  });
}

/** Deletes a draft without payments (a mistake); anything further along is cancelled instead, and kept. */
export async function deleteContract(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableContract(tx, id, { forUpdate: true });
    if (before.status !== 'draft') throw conflict('not_draft', `A ${before.status} contract is not deleted; cancel it instead`);
    if (before.version !== version) throw staleVersion('contract', before.version);
    if (await repo.hasPayments(tx.db, ctx.actor.orgId, id))
      throw conflict('has_payments', 'A contract with payments is not deleted; cancel it instead');
    await repo.deleteContractRow(tx.db, ctx.actor.orgId, id);
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'contract', entityId: id, before: contractView(before), after: null });
    return contractView(before);
  });
}
