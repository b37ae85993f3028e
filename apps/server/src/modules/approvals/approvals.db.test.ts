import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, openDeal, type SalesOrg, seedSalesOrg, wonDeal } from '../../../test/salesFixtures.ts';
import { anonymous, createTestApp } from '../../../test/testApp.ts';
import { AppError } from '../../platform/errors.ts';
import { assertDiscountsApproved, assertDiscountsWithinCap, discountApprovalProblems } from './discountGuard.usecases.ts';

const t = await createTestApp();
let s: SalesOrg;
const lines = (...discounts: [string, number][]) =>
  discounts.map(([productCode, discountPct]) => ({ productCode, quantity: '1', unitPrice: '1000', discountPct }));

/** What assertDiscountsApproved refuses, as the 422 the deals module will answer with. */
async function refusal(dealId: string, given: ReturnType<typeof lines>) {
  try {
    await assertDiscountsApproved(ctxFor(t, s.eastRep, s.acme.orgId), dealId, given);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, code: err.code, errors: err.errors };
  }
}

beforeAll(async () => {
  s = await seedSalesOrg(t);
});

describe('discount approvals (审批)', () => {
  it('refuses a discount above the tier’s cap, naming each line and its cap, until a manager approves it', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    const wanted = lines(['A', 25], ['B', 5], ['C', 12.5]);
    expect(await refusal(deal.id, wanted)).toMatchObject({
      status: 422,
      code: 'discount_approval_required',
      errors: [
        { path: 'lines.0.discountPct', message: expect.stringContaining('25.00% is above the 10.00% cap') },
        { path: 'lines.2.discountPct', message: expect.stringContaining('10.00% cap') },
      ],
    });

    const asked = await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: wanted });
    expect(asked.statusCode, asked.body).toBe(201);
    const approval = asked.json();
    expect(approval).toMatchObject({
      kind: 'discount',
      entity: 'deal',
      entityId: deal.id,
      status: 'pending',
      requestedBy: s.eastRep.userId,
      approverId: s.eastManager.userId,
      details: {
        cap: '10.00',
        approverBasis: 'team_manager',
        lines: [
          { line: 0, productCode: 'A', discountPct: '25.00', cap: '10.00' },
          { line: 2, productCode: 'C', discountPct: '12.50', cap: '10.00' },
        ],
      },
    });
    // One open request per deal; the refusal now says which approval it waits for.
    expect((await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: wanted })).statusCode).toBe(409);
    expect((await refusal(deal.id, wanted))?.code).toBe('discount_approval_required');

    const approved = await s.eastManager.post(`/api/v1/approvals/${approval.id}/approve`, { comment: 'strategic account' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', comment: 'strategic account', approverId: s.eastManager.userId });
    expect(approved.json().decidedAt).toBe(t.clock.now().toISOString());

    // Covered: the approved discounts and anything lower; not more, not another product.
    expect(await refusal(deal.id, wanted)).toBeNull();
    expect(await refusal(deal.id, lines(['A', 20], ['C', 12.5]))).toBeNull();
    expect((await refusal(deal.id, lines(['A', 25.01])))?.errors).toEqual([
      { path: 'lines.0.discountPct', message: expect.stringContaining('25.01% is above the 10.00% cap') },
    ]);
    expect((await refusal(deal.id, lines(['B', 5], ['D', 11])))?.errors?.map((e) => e.path)).toEqual(['lines.1.discountPct']);
  });

  it('a decided approval cannot be decided again (409), and every decision is in the audit log', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    const approval = (await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['A', 30]) })).json();
    expect((await s.eastManager.post(`/api/v1/approvals/${approval.id}/reject`, {})).statusCode).toBe(400); // a rejection says why
    const rejected = await s.eastManager.post(`/api/v1/approvals/${approval.id}/reject`, { comment: 'too deep' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', comment: 'too deep' });
    const again = await s.director.post(`/api/v1/approvals/${approval.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_decided' });
    expect((await s.eastManager.post(`/api/v1/approvals/${approval.id}/reject`, { comment: 'twice' })).statusCode).toBe(409);
    expect((await refusal(deal.id, lines(['A', 30])))?.status).toBe(422);

    const log = (await s.acme.admin.get(`/api/v1/audit-log?entity=approval&entityId=${approval.id}`)).json().data;
    expect(log.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['update', s.eastManager.userId],
      ['create', s.eastRep.userId],
    ]);
    expect(log[0].changes).toMatchObject({ status: { before: 'pending', after: 'rejected' } });
  });

  it('only the approver, a director or an admin decides; others get 404, 403 or 401', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    const approval = (await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['A', 40]) })).json();
    const url = `/api/v1/approvals/${approval.id}/approve`;
    expect((await s.westManager.post(url, {})).statusCode).toBe(404); // another team's manager
    expect((await s.westManager.get(`/api/v1/approvals/${approval.id}`)).statusCode).toBe(404);
    expect((await s.eastRep.post(url, {})).statusCode).toBe(403); // reps never decide, not even their own
    expect((await s.viewer.post(url, {})).statusCode).toBe(403);
    expect((await s.globex.admin.post(url, {})).statusCode).toBe(404); // another organisation
    expect((await anonymous(t).post(url, {})).statusCode).toBe(401);
    expect((await s.eastRep.get(`/api/v1/approvals/${approval.id}`)).json()).toMatchObject({ status: 'pending' });
    // A director may decide in the manager's place; the decider is recorded as the approver.
    const byDirector = await s.director.post(url, { comment: 'manager on leave' });
    expect(byDirector.json()).toMatchObject({ status: 'approved', approverId: s.director.userId });
  });

  it('lists what I must decide and what I asked for; directors and admins may see all', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    const approval = (await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['Z', 50]) })).json();
    const ids = async (caller: typeof s.eastRep, query: string) =>
      (await caller.get(`/api/v1/approvals?${query}`)).json().data.map((a: { id: string }) => a.id);
    expect(await ids(s.eastManager, 'view=toDecide&status=pending')).toContain(approval.id);
    expect(await ids(s.eastRep, 'view=requested')).toContain(approval.id);
    expect(await ids(s.eastRep, 'view=toDecide')).not.toContain(approval.id);
    expect(await ids(s.westManager, 'view=mine')).not.toContain(approval.id);
    expect(await ids(s.westManager, 'view=all')).not.toContain(approval.id); // all means all only for directors and admins
    expect(await ids(s.director, 'view=all&status=pending')).toContain(approval.id);
    expect(await ids(s.eastManager, 'view=toDecide&status=approved')).not.toContain(approval.id);
    const page = (await s.eastRep.get('/api/v1/approvals?view=requested&limit=1')).json();
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = (await s.eastRep.get(`/api/v1/approvals?view=requested&limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.data[0].id).not.toBe(page.data[0].id);
    expect((await s.eastRep.get('/api/v1/approvals?status=maybe')).statusCode).toBe(400);
  });

  it('asks a director when the rep has no team manager; refuses requests nobody needs', async () => {
    const own = (await s.loneRep.post('/api/v1/customers', { name: 'Lone customer' })).json();
    const deal = await openDeal(s, s.loneRep, { customerId: own.id });
    const asked = await s.loneRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['A', 15]) });
    expect(asked.json()).toMatchObject({ approverId: s.director.userId, details: { approverBasis: 'director' } });

    const within = await s.eastRep.post(`/api/v1/deals/${(await openDeal(s, s.eastRep)).id}/discount-approvals`, {
      lines: lines(['A', 5]),
    });
    expect(within.statusCode).toBe(422);
    expect(within.json()).toMatchObject({ code: 'approval_not_needed', errors: [{ path: 'lines' }] });
    // Bad input names the field and writes nothing; another rep's deal does not exist for them.
    const bad = await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, {
      lines: [{ productCode: 'A', quantity: '1', unitPrice: '1', discountPct: 150 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('lines.0.discountPct');
    expect((await s.eastRep.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['A', 15]) })).statusCode).toBe(404);
    expect((await s.viewer.post(`/api/v1/deals/${deal.id}/discount-approvals`, { lines: lines(['A', 15]) })).statusCode).toBe(403);
  });

  it('offers the same check as a list of problems (for a move to won) and a cap-only check for a deal being created', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    const ctx = ctxFor(t, s.eastRep, s.acme.orgId);
    expect(
      await discountApprovalProblems(ctx, deal.id, [
        { productCode: 'A', discountPct: '10.00' },
        { productCode: 'B', discountPct: '10.50' },
      ]),
    ).toEqual([{ path: 'lines.1.discountPct', message: expect.stringContaining('10.50% is above the 10.00% cap') }]);
    await expect(assertDiscountsWithinCap(ctx, s.customer.id, lines(['A', 10]))).resolves.toBeUndefined();
    await expect(assertDiscountsWithinCap(ctx, s.customer.id, lines(['A', 1], ['B', 11]))).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'lines.1.discountPct', message: expect.stringContaining('11.00% is above the 10.00% cap') }],
    });
  });

  it('a deal without a customer is held to the strictest cap of the organisation', async () => {
    const deal = await openDeal(s, s.eastRep);
    expect(await refusal(deal.id, lines(['A', 10]))).toBeNull(); // SMB's 10 % is the strictest default
    expect((await refusal(deal.id, lines(['A', 10.01])))?.errors?.[0].message).toContain('10.00% cap');
  });
});

describe('contract amount approvals', () => {
  it('keeps a contract above the rep’s level limit pending until approved, then activates it — all logged', async () => {
    const deal = await wonDeal(s, s.eastRep, { customerId: s.customer.id, amount: '150000' });
    const created = await s.eastRep.post('/api/v1/contracts', { dealId: deal.id });
    expect(created.statusCode, created.body).toBe(201);
    const contract = created.json();
    expect(contract).toMatchObject({ status: 'pending_approval', amount: '150000.00' });

    const inbox = (await s.eastManager.get(`/api/v1/approvals?view=toDecide&entityId=${contract.id}`)).json().data;
    expect(inbox).toMatchObject([
      { kind: 'contract_amount', entity: 'contract', status: 'pending', details: { amount: '150000.00', limit: '100000.00' } },
    ]);
    const approvalId = inbox[0].id;
    const early = await s.eastRep.post(`/api/v1/contracts/${contract.id}/status`, { status: 'active', version: contract.version });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'approval_required', errors: [{ path: `approvals.${approvalId}` }] });
    expect(early.json().detail).toContain(`approval ${approvalId} is pending`);
    expect((await s.eastRep.post(`/api/v1/contracts/${contract.id}/payments`, { amount: 1, receivedOn: '2026-01-05' })).statusCode).toBe(
      422,
    );
    expect((await s.eastRep.get(`/api/v1/contracts/${contract.id}`)).json().status).toBe('pending_approval');

    t.clock.advance(3_600_000);
    expect((await s.eastManager.post(`/api/v1/approvals/${approvalId}/approve`, { comment: 'ok' })).statusCode).toBe(200);
    expect((await s.eastRep.get(`/api/v1/contracts/${contract.id}`)).json()).toMatchObject({ status: 'active', version: 2 });
    const contractLog = (await s.acme.admin.get(`/api/v1/audit-log?entity=contract&entityId=${contract.id}`)).json().data;
    expect(contractLog[0]).toMatchObject({
      action: 'update',
      actorId: s.eastManager.userId,
      changes: { status: { before: 'pending_approval', after: 'active' } },
    });
    const approvalLog = (await s.acme.admin.get(`/api/v1/audit-log?entity=approval&entityId=${approvalId}`)).json().data;
    expect(approvalLog.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('shows the rep the approval of their contract even when a manager raised it', async () => {
    const c = await s.eastManager.post('/api/v1/contracts', { customerId: s.customer.id, ownerId: s.eastRep.userId, amount: '130000' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ status: 'pending_approval', ownerId: s.eastRep.userId });
    const mine = (await s.eastRep.get(`/api/v1/approvals?view=requested&entityId=${c.json().id}`)).json().data;
    expect(mine).toHaveLength(1);
    expect((await s.eastRep.get(`/api/v1/approvals/${mine[0].id}`)).statusCode).toBe(200);
  });

  it('a rejected contract returns to draft; it can be submitted again or lowered to within the limit', async () => {
    const c = (await s.eastRep.post('/api/v1/contracts', { customerId: s.customer.id, amount: '120000' })).json();
    const [approval] = (await s.eastRep.get(`/api/v1/approvals?view=requested&entityId=${c.id}`)).json().data;
    await s.eastManager.post(`/api/v1/approvals/${approval.id}/reject`, { comment: 'split it in two' });
    const draft = (await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json();
    expect(draft).toMatchObject({ status: 'draft' });
    const refused = await s.eastRep.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: draft.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain(`approval ${approval.id} was rejected`);

    const resubmitted = await s.eastRep.post(`/api/v1/contracts/${c.id}/status`, { status: 'pending_approval', version: draft.version });
    expect(resubmitted.json()).toMatchObject({ status: 'pending_approval' });
    const pending = (await s.eastRep.get(`/api/v1/approvals?view=requested&entityId=${c.id}&status=pending`)).json().data;
    expect(pending).toHaveLength(1);
    // While it waits, the amount is fixed.
    const meanwhile = await s.eastRep.patch(`/api/v1/contracts/${c.id}`, { amount: '90000', version: resubmitted.json().version });
    expect(meanwhile.statusCode).toBe(409);
    await s.eastManager.post(`/api/v1/approvals/${pending[0].id}/reject`, { comment: 'still no' });
    const back = (await s.eastRep.get(`/api/v1/contracts/${c.id}`)).json();
    const lowered = await s.eastRep.patch(`/api/v1/contracts/${c.id}`, { amount: '90000', version: back.version });
    expect(lowered.json()).toMatchObject({ status: 'draft', amount: '90000.00' });
    const active = await s.eastRep.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: lowered.json().version });
    expect(active.json()).toMatchObject({ status: 'active' });
  });

  it('raising a draft above the limit sends it for approval; within the limit it is a plain draft', async () => {
    const c = (
      await s.westRep.post('/api/v1/contracts', {
        customerId: (await s.westRep.post('/api/v1/customers', { name: 'W' })).json().id,
        amount: '100000',
      })
    ).json();
    expect(c.status).toBe('draft');
    const raised = await s.westRep.patch(`/api/v1/contracts/${c.id}`, { amount: '100000.01', version: c.version });
    expect(raised.json()).toMatchObject({ status: 'pending_approval' });
    const [approval] = (await s.westManager.get(`/api/v1/approvals?view=toDecide&entityId=${c.id}`)).json().data;
    expect(approval).toMatchObject({ details: { amount: '100000.01', limit: '100000.00' } });
  });
});
