import type { TAccountTeamMember, TAccountTeamMemberPut } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { getVisibleCustomer, getWritableCustomer } from '../customers/customers.usecases.ts';
import * as repo from './accountTeams.repository.ts';

const ROLE_ORDER = ['owner', 'co_owner', 'service', 'member'] as const;

export const memberView = (m: repo.MemberRow): TAccountTeamMember => ({
  userId: m.userId,
  name: m.name,
  role: m.role,
  access: m.access,
  addedAt: m.addedAt.toISOString(),
});

/** What the audit log keeps of a membership: the account team of customer X changed for user Y. */
const auditedMember = (m: repo.MemberRow | undefined) => (m ? { userId: m.userId, role: m.role, access: m.access } : null);

export async function listAccountTeam(ctx: Ctx, customerId: string) {
  await getVisibleCustomer(ctx, customerId);
  const rows = await repo.listMembers(ctx.db, ctx.actor.orgId, customerId);
  rows.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return { data: rows.map(memberView) };
}

/**
 * Adds a member or changes their role and access. Whoever may write the customer may do it
 * (its owner, their managers, directors, admins, write members); a read member gets 403.
 */
export async function putAccountTeamMember(ctx: Ctx, customerId: string, userId: string, input: TAccountTeamMemberPut) {
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const customer = await getWritableCustomer(txc, customerId);
    const user = await repo.findUserForTeam(tx, ctx.actor.orgId, userId);
    if (!user?.active)
      throw unprocessable('unknown_reference', 'No such active user in this organisation', [{ path: 'userId', message: 'unknown user' }]);
    // A viewer reads everything and writes nothing: on an account team they would change neither.
    if (user.role === 'viewer')
      throw unprocessable('invalid_member', 'A viewer cannot be on an account team', [{ path: 'userId', message: 'viewers only read' }]);
    if (input.role === 'owner' && userId !== customer.ownerId) {
      throw unprocessable('invalid_member', 'Only the customer’s owner has the owner role; use co_owner', [
        { path: 'role', message: 'not the customer’s owner' },
      ]);
    }
    const before = await repo.findMember(tx, ctx.actor.orgId, customerId, userId);
    await repo.upsertMember(tx, {
      orgId: ctx.actor.orgId,
      customerId,
      userId,
      role: input.role,
      access: input.access,
      addedAt: ctx.clock.now(),
    });
    const after = (await repo.findMember(tx, ctx.actor.orgId, customerId, userId)) as repo.MemberRow;
    await recordAudit(tx, txc, {
      action: before ? 'update' : 'create',
      entity: 'account_team',
      entityId: customerId,
      before: auditedMember(before),
      after: auditedMember(after),
    });
    return { member: after, created: !before };
  });
}

export async function removeAccountTeamMember(ctx: Ctx, customerId: string, userId: string) {
  await inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await getWritableCustomer(txc, customerId);
    const before = await repo.findMember(tx, ctx.actor.orgId, customerId, userId);
    if (!before || !(await repo.deleteMember(tx, ctx.actor.orgId, customerId, userId))) throw notFound('Account-team member');
    await recordAudit(tx, txc, {
      action: 'delete',
      entity: 'account_team',
      entityId: customerId,
      before: auditedMember(before),
      after: null,
    });
  });
}
