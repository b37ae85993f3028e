import type { TOverdueReport } from '@tierline/contracts';
import type { Ctx } from '../../platform/requestContext.ts';
import { visibleContracts } from './contracts.access.ts';
import { orgDefaults } from './contracts.repository.ts';
import { localDate } from './contracts.rules.ts';
import { overdueReport } from './receivables.repository.ts';

/**
 * Overdue receivables per customer and per rep, as of a date (default: today in the organisation's
 * time zone), within the caller's data scope: a rep sees their own contracts', a manager their teams'.
 */
export async function overdueReceivables(ctx: Ctx, q: { asOf?: string }): Promise<TOverdueReport> {
  const asOf = q.asOf ?? localDate(ctx.clock.now(), (await orgDefaults(ctx.db, ctx.actor.orgId)).timeZone);
  return { asOf, ...(await overdueReport(ctx.db, visibleContracts(ctx.actor), ctx.actor.orgId, asOf)) };
}
