import type { TTimelineEventKind } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { assignmentLog } from '../assignment/assignment.table.ts';
import { contracts, payments } from '../contracts/contracts.table.ts';
import { dealMilestones, dealStageHistory, deals, dealTasks } from '../deals/deals.table.ts';
import { orders } from '../orders/orders.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { poolEvents } from '../pool/pool.table.ts';
import { tierChanges, tiers } from '../tiers/tiers.table.ts';
import { activities } from './activities.table.ts';
import { branchBound, type TimelineKey, type TimelineRow } from './timeline.rules.ts';

/**
 * The timeline of a customer or a deal as ONE statement: a UNION ALL of one branch per event kind, each
 * filtered by organisation and customer (or deal), bounded by the cursor and cut to the page size on its
 * own index, then merged newest first by (at, kind, id) and cut again. Only the page's rows are then
 * described (a primary-key lookup each), so a page costs the same with 10 events or 10,000.
 */

/** One event kind: where its rows are, their time and id, and which belong to the timeline. */
type Branch = { kind: TTimelineEventKind; from: SQL; at: SQL; id: SQL; where: SQL };

/** A payment is dated by the day it was received: midnight of that day in the organisation's time zone. */
const paymentAt = (orgId: string) => sql`(p.received_on::timestamp at time zone (select o.time_zone from ${orgs} o where o.id = ${orgId}))`;

export function customerBranches(orgId: string, customerId: string): Branch[] {
  return [
    {
      kind: 'activity',
      from: sql`${activities} a`,
      at: sql`a.occurred_at`,
      id: sql`a.id`,
      where: sql`a.org_id = ${orgId} and a.customer_id = ${customerId} and a.deleted_at is null`,
    },
    {
      kind: 'stage_change',
      from: sql`${deals} d join ${dealStageHistory} h on h.org_id = d.org_id and h.deal_id = d.id`,
      at: sql`h.entered_at`,
      id: sql`h.id`,
      where: sql`d.org_id = ${orgId} and d.customer_id = ${customerId} and d.deleted_at is null`,
    },
    {
      kind: 'tier_change',
      from: sql`${tierChanges} t`,
      at: sql`t.effective_at`,
      id: sql`t.id`,
      where: sql`t.org_id = ${orgId} and t.customer_id = ${customerId}`,
    },
    {
      kind: 'order',
      from: sql`${orders} r`,
      at: sql`r.ordered_at`,
      id: sql`r.id`,
      where: sql`r.org_id = ${orgId} and r.customer_id = ${customerId}`,
    },
    {
      kind: 'payment',
      from: sql`${contracts} k join ${payments} p on p.org_id = k.org_id and p.contract_id = k.id`,
      at: paymentAt(orgId),
      id: sql`p.id`,
      where: sql`k.org_id = ${orgId} and k.customer_id = ${customerId}`,
    },
    {
      kind: 'assignment',
      from: sql`${assignmentLog} l`,
      at: sql`l.at`,
      id: sql`l.id`,
      where: sql`l.org_id = ${orgId} and l.entity = 'customer' and l.entity_id = ${customerId}`,
    },
    {
      kind: 'pool',
      from: sql`${poolEvents} e`,
      at: sql`e.at`,
      id: sql`e.id`,
      where: sql`e.org_id = ${orgId} and e.customer_id = ${customerId}`,
    },
  ];
}

export function dealBranches(orgId: string, deal: { id: string; customerId: string | null }): Branch[] {
  return [
    {
      kind: 'activity',
      from: sql`${activities} a`,
      at: sql`a.occurred_at`,
      id: sql`a.id`,
      where: sql`a.org_id = ${orgId} and a.deal_id = ${deal.id} and a.deleted_at is null`,
    },
    {
      kind: 'stage_change',
      from: sql`${dealStageHistory} h`,
      at: sql`h.entered_at`,
      id: sql`h.id`,
      where: sql`h.org_id = ${orgId} and h.deal_id = ${deal.id}`,
    },
    {
      kind: 'milestone',
      from: sql`${dealMilestones} m`,
      at: sql`m.created_at`,
      id: sql`m.id`,
      where: sql`m.org_id = ${orgId} and m.deal_id = ${deal.id}`,
    },
    {
      kind: 'deal_task',
      from: sql`${dealTasks} k`,
      at: sql`k.created_at`,
      id: sql`k.id`,
      where: sql`k.org_id = ${orgId} and k.deal_id = ${deal.id}`,
    },
    {
      kind: 'payment',
      from: sql`${contracts} k join ${payments} p on p.org_id = k.org_id and p.contract_id = k.id`,
      at: paymentAt(orgId),
      id: sql`p.id`,
      // A contract made from a deal is the deal's customer's: the customer narrows it to that customer's contracts by index.
      where: deal.customerId
        ? sql`k.org_id = ${orgId} and k.customer_id = ${deal.customerId} and k.deal_id = ${deal.id}`
        : sql`k.org_id = ${orgId} and k.deal_id = ${deal.id}`,
    },
    {
      kind: 'assignment',
      from: sql`${assignmentLog} l`,
      at: sql`l.at`,
      id: sql`l.id`,
      where: sql`l.org_id = ${orgId} and l.entity = 'deal' and l.entity_id = ${deal.id}`,
    },
  ];
}

function branchSql(b: Branch, cursor: TimelineKey | undefined, n: number): SQL {
  let bound = sql``;
  if (cursor) {
    const at = sql`${cursor.at}::timestamptz`;
    const kind = branchBound(b.kind, cursor);
    bound =
      kind === 'before'
        ? sql` and ${b.at} < ${at}`
        : kind === 'at_or_before'
          ? sql` and ${b.at} <= ${at}`
          : sql` and (${b.at}, ${b.id}) < (${at}, ${cursor.id}::uuid)`;
  }
  return sql`(select ${sql.raw(`'${b.kind}'`)}::text as kind, ${b.at} as at, ${b.id} as id from ${b.from} where ${b.where}${bound} order by ${b.at} desc, ${b.id} desc limit ${n})`;
}

const stageRef = (s: string) => sql.raw(`jsonb_build_object('id', ${s}.id, 'nameZh', ${s}.name_zh, 'nameEn', ${s}.name_en)`);

/** What each kind of event says, looked up by primary key for the rows of the page only. */
function describeKind(kind: TTimelineEventKind, orgId: string): SQL {
  switch (kind) {
    case 'activity':
      return sql`(select jsonb_build_object('actorId', a.owner_id, 'customerId', a.customer_id, 'dealId', a.deal_id,
        'activityKind', a.kind, 'subject', a.subject, 'outcome', a.outcome, 'contactId', a.contact_id,
        'durationMinutes', a.duration_minutes, 'location', a.location)
      from ${activities} a where a.org_id = ${orgId} and a.id = p.id)`;
    case 'stage_change':
      return sql`(select jsonb_build_object('actorId', h.actor_id, 'customerId', d.customer_id, 'dealId', h.deal_id,
        'dealName', d.name, 'to', ${stageRef('s')},
        'from', (select ${stageRef('ps')} from ${dealStageHistory} ph join ${stages} ps on ps.org_id = ph.org_id and ps.id = ph.stage_id
          where ph.org_id = h.org_id and ph.deal_id = h.deal_id and (ph.entered_at, ph.id) < (h.entered_at, h.id)
          order by ph.entered_at desc, ph.id desc limit 1))
      from ${dealStageHistory} h
      join ${deals} d on d.org_id = h.org_id and d.id = h.deal_id
      join ${stages} s on s.org_id = h.org_id and s.id = h.stage_id
      where h.org_id = ${orgId} and h.id = p.id)`;
    case 'tier_change':
      return sql`(select jsonb_build_object('actorId', t.actor_id, 'customerId', t.customer_id,
        'from', case when ft.id is null then null else jsonb_build_object('id', ft.id, 'key', ft.key) end,
        'to', jsonb_build_object('id', tt.id, 'key', tt.key), 'source', t.source, 'ruleVersion', t.rule_version, 'reason', t.reason)
      from ${tierChanges} t
      join ${tiers} tt on tt.org_id = t.org_id and tt.id = t.to_tier_id
      left join ${tiers} ft on ft.org_id = t.org_id and ft.id = t.from_tier_id
      where t.org_id = ${orgId} and t.id = p.id)`;
    case 'order':
      return sql`(select jsonb_build_object('customerId', r.customer_id, 'externalId', r.external_id, 'amount', r.amount::text,
        'currency', r.currency)
      from ${orders} r where r.org_id = ${orgId} and r.id = p.id)`;
    case 'payment':
      return sql`(select jsonb_build_object('customerId', k.customer_id, 'dealId', k.deal_id, 'contractId', k.id,
        'contractNumber', k.number, 'receivedOn', y.received_on, 'amount', y.amount::text, 'currency', k.currency, 'method', y.method)
      from ${payments} y join ${contracts} k on k.org_id = y.org_id and k.id = y.contract_id
      where y.org_id = ${orgId} and y.id = p.id)`;
    case 'assignment':
      return sql`(select jsonb_build_object(
        'customerId', case when l.entity = 'customer' then l.entity_id end, 'dealId', case when l.entity = 'deal' then l.entity_id end,
        'entity', l.entity, 'entityId', l.entity_id, 'assignedUserId', l.assigned_user_id, 'ruleId', l.rule_id,
        'ruleName', l.explanation ->> 'ruleName')
      from ${assignmentLog} l where l.org_id = ${orgId} and l.id = p.id)`;
    case 'pool':
      return sql`(select jsonb_build_object('actorId', e.actor_id, 'customerId', e.customer_id, 'action', e.kind, 'userId', e.user_id,
        'reason', e.reason)
      from ${poolEvents} e where e.org_id = ${orgId} and e.id = p.id)`;
    case 'milestone':
      return sql`(select jsonb_build_object('dealId', m.deal_id, 'name', m.name, 'dueDate', m.due_date, 'status', m.status,
        'ownerId', m.owner_id)
      from ${dealMilestones} m where m.org_id = ${orgId} and m.id = p.id)`;
    case 'deal_task':
      return sql`(select jsonb_build_object('dealId', k.deal_id, 'title', k.title, 'department', k.department,
        'dueDate', k.due_date, 'status', k.status, 'assigneeId', k.assignee_id)
      from ${dealTasks} k where k.org_id = ${orgId} and k.id = p.id)`;
  }
}

/** Only the kinds the page can hold are described: fewer subplans to plan. */
const describe = (orgId: string, kinds: TTimelineEventKind[]) =>
  sql`case p.kind ${sql.join(
    kinds.map((k) => sql`when ${sql.raw(`'${k}'`)} then ${describeKind(k, orgId)}`),
    sql` `,
  )} end`;

/** The statement of one page: `limit + 1` rows, so the caller knows whether another page follows. */
export function timelinePageSql(orgId: string, branches: Branch[], cursor: TimelineKey | undefined, limit: number): SQL {
  const n = limit + 1;
  const union = sql.join(
    branches.map((b) => branchSql(b, cursor, n)),
    sql` union all `,
  );
  return sql`select p.kind, to_char(p.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, p.id, ${describe(
    orgId,
    branches.map((b) => b.kind),
  )} as data
    from (select u.kind, u.at, u.id from (${union}) u order by u.at desc, u.kind collate "C" desc, u.id desc limit ${n}) p
    order by p.at desc, p.kind collate "C" desc, p.id desc`;
}

export async function timelinePage(db: DbOrTx, orgId: string, branches: Branch[], cursor: TimelineKey | undefined, limit: number) {
  if (!branches.length) return [];
  const result = await db.execute(timelinePageSql(orgId, branches, cursor, limit));
  return (result as unknown as { rows: TimelineRow[] }).rows.map((r) => ({ ...r, id: String(r.id) }));
}
