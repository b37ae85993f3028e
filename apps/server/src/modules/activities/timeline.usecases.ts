import type { TTimelineEventKind } from '@tierline/contracts';
import { toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { getVisibleCustomer } from '../customers/customers.usecases.ts';
import { getVisibleDeal } from '../deals/deals.usecases.ts';
import * as repo from './timeline.repository.ts';
import {
  CUSTOMER_TIMELINE_KINDS,
  DEAL_TIMELINE_KINDS,
  decodeTimelineCursor,
  kindsToRead,
  type TimelineRow,
  toTimelineEvent,
} from './timeline.rules.ts';

type TimelineQuery = { limit: number; cursor?: string; kinds?: TTimelineEventKind[] };

const pageOf = (rows: TimelineRow[], limit: number, defaults: { customerId?: string | null; dealId?: string | null }) => {
  const page = toPage(rows, limit, (r) => [r.at, r.kind, r.id]);
  return { data: page.data.map((r) => toTimelineEvent(r, defaults)), nextCursor: page.nextCursor };
};

/**
 * A customer's timeline, newest first: whoever may see the customer sees its whole story — activities,
 * its deals' stage changes, tier changes, orders, payments, assignments and pool moves. 404 otherwise.
 */
export async function customerTimeline(ctx: Ctx, customerId: string, q: TimelineQuery) {
  await getVisibleCustomer(ctx, customerId);
  const cursor = decodeTimelineCursor(q.cursor);
  const kinds = kindsToRead(CUSTOMER_TIMELINE_KINDS, q.kinds);
  const branches = repo.customerBranches(ctx.actor.orgId, customerId).filter((b) => kinds.includes(b.kind));
  const rows = await repo.timelinePage(ctx.db, ctx.actor.orgId, branches, cursor, q.limit);
  return pageOf(rows, q.limit, { customerId });
}

/** A deal's timeline, newest first, for whoever may see the deal; 404 otherwise. */
export async function dealTimeline(ctx: Ctx, dealId: string, q: TimelineQuery) {
  const deal = await getVisibleDeal(ctx, dealId);
  const cursor = decodeTimelineCursor(q.cursor);
  const kinds = kindsToRead(DEAL_TIMELINE_KINDS, q.kinds);
  const branches = repo.dealBranches(ctx.actor.orgId, deal).filter((b) => kinds.includes(b.kind));
  const rows = await repo.timelinePage(ctx.db, ctx.actor.orgId, branches, cursor, q.limit);
  return pageOf(rows, q.limit, { customerId: deal.customerId, dealId });
}
