import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cadenceFacts, placeCadenceTask } from './cadence.repository.ts';
import { ofClosedDeal, stopEnrollments } from './planSteps.repository.ts';
import { cadenceDueAt, cadenceTitle } from './tasks.rules.ts';
import { ts } from './tasks.sql.ts';

export type ContactEvent = {
  orgId: string;
  customerId: string;
  dealId?: string | null;
  /** When the contact happened (the activity's occurredAt). */
  at: Date;
  /** False for a call nobody answered: it does not stop plans waiting for the customer to answer. */
  answered: boolean;
  /** When it was logged (the clock's now), for the rows this changes; default `at`. */
  loggedAt?: Date;
};

/**
 * Called by the activities module, in the activity's transaction (pass that transaction), after a
 * contact is logged:
 * - the customer's open cadence task moves to the last contact (the later of the customer's
 *   `last_contact_at` and `at`) plus the tier's cadence days, or is created if there is none;
 * - when the customer answered, their active customer-plan enrollments started before the contact
 *   stop (reason `answered`) and the open tasks of those enrollments are cancelled;
 * - when the contact is on a deal that has closed, that deal's enrollments stop (reason `deal_closed`).
 * A customer in the pool, deleted, or in a tier without a policy has no cadence task: nothing moves.
 */
export async function onCustomerContacted(tx: DbOrTx, event: ContactEvent): Promise<void> {
  const now = event.loggedAt ?? event.at;
  const c = await cadenceFacts(tx, event.orgId, event.customerId);
  if (c?.ownerId && !c.deletedAt && c.cadenceDays !== null) {
    const last = c.lastContactAt && c.lastContactAt > event.at ? c.lastContactAt : event.at;
    await placeCadenceTask(tx, {
      orgId: event.orgId,
      customerId: event.customerId,
      dueAt: cadenceDueAt({ lastContactAt: last, ownedSince: c.ownedSince, createdAt: c.createdAt }, c.cadenceDays),
      assigneeId: c.ownerId,
      teamId: c.ownerTeamId,
      title: cadenceTitle(c.name, c.ownerLocale ?? 'zh-CN'),
      now,
    });
  }
  if (event.answered) {
    await stopEnrollments(
      tx,
      sql`e.org_id = ${event.orgId} and e.customer_id = ${event.customerId} and e.started_at <= ${ts(event.at)}`,
      'answered',
      now,
    );
  }
  if (event.dealId) {
    await stopEnrollments(tx, ofClosedDeal(1000, sql`e2.org_id = ${event.orgId} and e2.deal_id = ${event.dealId}`), 'deal_closed', now);
  }
}

/**
 * Called by the deals module, in the move's transaction, when a deal is won or lost: its follow-up
 * plans stop at once (reason `deal_closed`) and their open tasks are cancelled, rather than at the
 * next run of the plans job.
 */
export async function onDealClosed(tx: DbOrTx, event: { orgId: string; dealId: string; at: Date }): Promise<void> {
  await stopEnrollments(tx, sql`e.org_id = ${event.orgId} and e.deal_id = ${event.dealId}`, 'deal_closed', event.at);
}
