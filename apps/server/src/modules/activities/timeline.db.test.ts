import type { TTimelineEventKind } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg, wonDeal } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { encodeCursor } from '../../platform/pagination.ts';
import { assignmentLog } from '../assignment/assignment.table.ts';
import { dealStageHistory } from '../deals/deals.table.ts';
import { poolEvents } from '../pool/pool.table.ts';
import { tierChanges } from '../tiers/tiers.table.ts';
import { activities } from './activities.table.ts';
import { compareTimeline, type TimelineKey } from './timeline.rules.ts';

/**
 * A customer with a few hundred events of every kind — some at the very same instant, two a few
 * microseconds apart — paged 7 at a time must give exactly the events an independent query finds,
 * in timeline order, each once.
 */
const t = await createTestApp();
let s: SalesOrg;
let customer: { id: string; version: number };
let deal: { id: string };
let contract: { id: string; number: string };
let stageNames: Map<string, { nameZh: string; nameEn: string }>;
let tierByKey: Map<string, string>;

const MIN = 60_000;
const BASE = new Date('2025-06-01T00:00:00Z').getTime();
const when = (minutes: number) => new Date(BASE + minutes * MIN);
const SAME = when(5000); // events of several kinds at one instant

type Event = {
  kind: TTimelineEventKind;
  id: string;
  at: string;
  actorId: string | null;
  customerId: string | null;
  dealId: string | null;
  data: any;
};

/** Every event of the timeline, by plain per-table queries (no union, no cursor), in timeline order. */
async function expected(of: { customerId?: string; dealId?: string }): Promise<TimelineKey[]> {
  const micro = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const [o, c, d] = [s.acme.orgId, of.customerId ?? null, of.dealId ?? null];
  const q = async (kind: TTimelineEventKind, text: string) =>
    (await t.database.rawQuery(text, [o, c ?? d])).rows.map((r) => ({ kind, at: String(r.at), id: String(r.id) }));
  const all = c
    ? [
        await q(
          'activity',
          `select ${micro('occurred_at')} at, id from activities where org_id = $1 and customer_id = $2 and deleted_at is null`,
        ),
        await q(
          'stage_change',
          `select ${micro('h.entered_at')} at, h.id from deal_stage_history h join deals d on d.org_id = h.org_id and d.id = h.deal_id
           where h.org_id = $1 and d.customer_id = $2 and d.deleted_at is null`,
        ),
        await q('tier_change', `select ${micro('effective_at')} at, id from tier_changes where org_id = $1 and customer_id = $2`),
        await q('order', `select ${micro('ordered_at')} at, id from orders where org_id = $1 and customer_id = $2`),
        await q(
          'payment',
          `select ${micro("(p.received_on::timestamp at time zone 'Asia/Shanghai')")} at, p.id from payments p
           join contracts k on k.org_id = p.org_id and k.id = p.contract_id where p.org_id = $1 and k.customer_id = $2`,
        ),
        await q(
          'assignment',
          `select ${micro('at')} at, id from assignment_log where org_id = $1 and entity = 'customer' and entity_id = $2`,
        ),
        await q('pool', `select ${micro('at')} at, id from pool_events where org_id = $1 and customer_id = $2`),
      ]
    : [
        await q(
          'activity',
          `select ${micro('occurred_at')} at, id from activities where org_id = $1 and deal_id = $2 and deleted_at is null`,
        ),
        await q('stage_change', `select ${micro('entered_at')} at, id from deal_stage_history where org_id = $1 and deal_id = $2`),
        await q('milestone', `select ${micro('created_at')} at, id from deal_milestones where org_id = $1 and deal_id = $2`),
        await q('deal_task', `select ${micro('created_at')} at, id from deal_tasks where org_id = $1 and deal_id = $2`),
        await q(
          'payment',
          `select ${micro("(p.received_on::timestamp at time zone 'Asia/Shanghai')")} at, p.id from payments p
           join contracts k on k.org_id = p.org_id and k.id = p.contract_id where p.org_id = $1 and k.deal_id = $2`,
        ),
        await q('assignment', `select ${micro('at')} at, id from assignment_log where org_id = $1 and entity = 'deal' and entity_id = $2`),
      ];
  return all.flat().sort(compareTimeline);
}

async function pageThrough(caller: Caller, url: string, limit: number) {
  const events: Event[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await caller.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.data.length).toBeLessThanOrEqual(limit);
    events.push(...body.data);
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  return { events, pages };
}
const keysOf = (events: { kind: string; id: string }[]) => events.map((e) => `${e.kind}:${e.id}`);

beforeAll(async () => {
  s = await seedSalesOrg(t);
  const orgId = s.acme.orgId;
  const repId = s.eastRep.userId as string;
  const pipelines = (await s.eastRep.get('/api/v1/pipelines')).json().data as {
    stages: { id: string; key: string; nameZh: string; nameEn: string }[];
  }[];
  stageNames = new Map(pipelines.flatMap((p) => p.stages.map((st) => [st.id, { nameZh: st.nameZh, nameEn: st.nameEn }])));
  tierByKey = new Map((await s.eastRep.get('/api/v1/tiers')).json().data.map((x: { key: string; id: string }) => [x.key, x.id]));
  customer = (await s.eastRep.post('/api/v1/customers', { name: 'Timeline Customer' })).json();

  // Through the API: deals with stage moves, a won deal's contract with payments, orders, a tier change, activities, milestones and tasks.
  deal = await openDeal(s, s.eastRep, { customerId: customer.id, amount: '5000', name: 'Timeline Deal' });
  const won = await wonDeal(s, s.eastRep, { customerId: customer.id, amount: '90000', name: 'Won Deal' });
  contract = (await s.eastRep.post('/api/v1/contracts', { dealId: won.id })).json();
  expect((await s.eastRep.post(`/api/v1/contracts/${contract.id}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
  for (let i = 0; i < 20; i++) {
    const day = `2025-0${7 + Math.floor(i / 10)}-${String(10 + (i % 10)).padStart(2, '0')}`;
    const res = await s.eastRep.post(`/api/v1/contracts/${contract.id}/payments`, { amount: 100 + i, receivedOn: day, method: 'wire' });
    expect(res.statusCode, res.body).toBe(201);
  }
  const orders = await s.eastRep.post('/api/v1/orders/batch', {
    records: Array.from({ length: 40 }, (_, i) => ({
      customerId: customer.id,
      orderedAt: (i < 3 ? SAME : when(i * 97)).toISOString(),
      lines: [{ productCode: `P-${i}`, quantity: 1, unitPrice: 10 + i }],
    })),
  });
  expect(orders.statusCode, orders.body).toBe(200);
  const tier = await s.eastManager.request('PUT', `/api/v1/customers/${customer.id}/tier`, {
    tierId: tierByKey.get('vip'),
    reason: 'Big buyer',
    version: customer.version,
  });
  expect(tier.statusCode, tier.body).toBe(200);
  for (let i = 0; i < 10; i++) {
    const res = await s.eastRep.post('/api/v1/activities', {
      kind: 'call',
      subject: `API call ${i}`,
      customerId: customer.id,
      dealId: i % 2 ? deal.id : undefined,
      occurredAt: when(6000 + i * 13).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (let i = 0; i < 5; i++) {
    await s.eastRep.post(`/api/v1/deals/${deal.id}/milestones`, { name: `Milestone ${i}` });
    await s.eastRep.post(`/api/v1/deals/${deal.id}/tasks`, { title: `Task ${i}`, department: 'IT' });
    t.clock.advance(1000);
  }

  // Straight to the tables, for volume: what imports and the scheduled jobs write.
  const stages = s.short.stages;
  await t.db.insert(activities).values(
    Array.from({ length: 150 }, (_, i) => ({
      orgId,
      id: newId(),
      kind: (['call', 'email', 'visit', 'meeting', 'note'] as const)[i % 5],
      subject: `Imported ${i}`,
      occurredAt: i < 4 ? SAME : when(i * 31),
      customerId: customer.id,
      dealId: i % 3 === 0 ? deal.id : null,
      ownerId: repId,
      teamId: s.east.id,
      deletedAt: i % 50 === 7 ? when(9999) : null, // deleted activities stay off the timeline
      createdAt: when(i),
      updatedAt: when(i),
    })),
  );
  // Two activities a few microseconds apart, within one millisecond: the cursor must tell them apart.
  for (const us of ['000500', '000900'])
    await t.db.insert(activities).values({
      orgId,
      id: newId(),
      kind: 'call',
      subject: `Micro ${us}`,
      occurredAt: sql`${`2025-06-02T00:00:00.${us}Z`}::timestamptz` as unknown as Date,
      customerId: customer.id,
      dealId: deal.id,
      ownerId: repId,
      createdAt: when(0),
      updatedAt: when(0),
    });
  await t.db.insert(dealStageHistory).values(
    Array.from({ length: 30 }, (_, i) => ({
      orgId,
      id: newId(),
      dealId: deal.id,
      stageId: stages[i % 3].id,
      enteredAt: i === 0 ? SAME : when(i * 53),
      leftAt: when(i * 53 + 1),
      actorId: repId,
    })),
  );
  await t.db.insert(tierChanges).values(
    Array.from({ length: 20 }, (_, i) => ({
      orgId,
      id: newId(),
      customerId: customer.id,
      effectiveAt: i === 0 ? SAME : when(i * 211),
      fromTierId: tierByKey.get(i % 2 ? 'smb' : 'vip') as string,
      toTierId: tierByKey.get(i % 2 ? 'vip' : 'smb') as string,
      source: 'rule' as const,
      ruleVersion: 1,
    })),
  );
  await t.db.insert(assignmentLog).values(
    Array.from({ length: 15 }, (_, i) => ({
      orgId,
      id: newId(),
      entity: i % 5 === 0 ? ('deal' as const) : ('customer' as const),
      entityId: i % 5 === 0 ? deal.id : customer.id,
      assignedUserId: repId,
      explanation: { ruleId: null, ruleName: 'East coast', matched: [], candidates: [], chosen: repId, strategy: 'round_robin' },
      at: i === 1 ? SAME : when(i * 307),
    })),
  );
  await t.db.insert(poolEvents).values(
    Array.from({ length: 25 }, (_, i) => ({
      orgId,
      id: newId(),
      customerId: customer.id,
      kind: (['claim', 'release', 'warning', 'reclaim'] as const)[i % 4],
      userId: repId,
      actorId: i % 4 === 0 ? repId : null,
      reason: `Reason ${i}`,
      at: i === 0 ? SAME : when(i * 173),
    })),
  );
});

describe('the customer timeline', () => {
  it('merges every source newest first and pages 7 at a time without a repeat or a gap', async () => {
    const want = await expected({ customerId: customer.id });
    expect(want.length).toBeGreaterThan(300);
    expect(new Set(want.map((e) => e.kind))).toEqual(
      new Set(['activity', 'stage_change', 'tier_change', 'order', 'payment', 'assignment', 'pool']),
    );
    const { events, pages } = await pageThrough(s.eastRep, `/api/v1/customers/${customer.id}/timeline`, 7);
    expect(keysOf(events)).toEqual(keysOf(want));
    expect(pages).toBe(Math.ceil(want.length / 7) + (want.length % 7 === 0 ? 1 : 0));
    expect(events.map((e) => e.at)).toEqual(want.map((e) => new Date(e.at).toISOString()));
    // The instant several kinds share comes out ordered by kind, then id.
    const same = events.filter((e) => e.at === SAME.toISOString()).map((e) => e.kind);
    expect(same).toEqual([...same].sort().reverse());
    expect(new Set(same)).toEqual(new Set(['activity', 'order', 'stage_change', 'tier_change', 'assignment', 'pool']));
    // Two activities 400 µs apart, in one millisecond: a page ending on the later one goes on with the earlier one.
    const later = want.findIndex((e) => e.at.endsWith('.000900Z'));
    expect(want[later + 1].at).toMatch(/\.000500Z$/);
    const cursor = encodeCursor([want[later].at, want[later].kind, want[later].id]);
    const next = (await s.eastRep.get(`/api/v1/customers/${customer.id}/timeline?limit=1&cursor=${cursor}`)).json();
    expect(keysOf(next.data)).toEqual(keysOf([want[later + 1]]));
  });

  it('describes each event with a small typed record', async () => {
    const { events } = await pageThrough(s.eastRep, `/api/v1/customers/${customer.id}/timeline`, 200);
    const first = <K extends TTimelineEventKind>(kind: K, where: (e: Event) => boolean = () => true) =>
      events.find((e) => e.kind === kind && where(e)) as Event;

    const created = first('stage_change', (e) => e.data.from === null && e.data.dealName === 'Won Deal');
    expect(created).toMatchObject({ actorId: s.eastRep.userId, customerId: customer.id });
    expect(created.data.to).toEqual({ id: s.short.stages[0].id, ...stageNames.get(s.short.stages[0].id) });
    const movedToWon = first('stage_change', (e) => e.data.to.id === s.short.stages.find((x) => x.key === 'won')!.id);
    expect(movedToWon.data).toMatchObject({ dealName: 'Won Deal', from: { id: s.short.stages[0].id } });

    expect(first('tier_change', (e) => e.data.source === 'manual')).toMatchObject({
      actorId: s.eastManager.userId,
      data: { from: { key: 'smb' }, to: { key: 'vip', id: tierByKey.get('vip') }, reason: 'Big buyer', ruleVersion: null },
    });
    expect(first('payment')).toMatchObject({
      customerId: customer.id,
      data: {
        contractId: contract.id,
        contractNumber: contract.number,
        amount: '119.00',
        currency: 'CNY',
        method: 'wire',
        receivedOn: '2025-08-19',
      },
      at: '2025-08-18T16:00:00.000Z', // midnight in Asia/Shanghai
    });
    expect(first('order').data).toMatchObject({ currency: 'CNY', externalId: null });
    expect(first('activity', (e) => e.data.subject === 'API call 9')).toMatchObject({
      actorId: s.eastRep.userId,
      dealId: deal.id,
      data: { activityKind: 'call', outcome: null, contactId: null, durationMinutes: null, location: null },
    });
    expect(first('pool', (e) => e.data.action === 'claim')).toMatchObject({
      actorId: s.eastRep.userId,
      data: { userId: s.eastRep.userId },
    });
    expect(first('assignment')).toMatchObject({
      customerId: customer.id,
      data: { entity: 'customer', assignedUserId: s.eastRep.userId, ruleName: 'East coast', ruleId: null },
    });
  });

  it('narrows to the kinds asked for, and refuses unknown kinds and forged cursors naming the parameter', async () => {
    const want = (await expected({ customerId: customer.id })).filter((e) => e.kind === 'pool' || e.kind === 'tier_change');
    const { events } = await pageThrough(s.eastRep, `/api/v1/customers/${customer.id}/timeline?kinds=pool,tier_change`, 7);
    expect(keysOf(events)).toEqual(keysOf(want));
    const bad = await s.eastRep.get(`/api/v1/customers/${customer.id}/timeline?kinds=activity,gossip`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].path).toMatch(/^kinds/);
    const forged = await s.eastRep.get(
      `/api/v1/customers/${customer.id}/timeline?cursor=${Buffer.from('["x","activity","y"]').toString('base64url')}`,
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'invalid_cursor', errors: [{ path: 'cursor' }] });
  });
});

describe('the deal timeline', () => {
  it('merges the deal’s activities, stage changes, milestones, tasks, payments and assignments, paging without repeats', async () => {
    const want = await expected({ dealId: deal.id });
    expect(new Set(want.map((e) => e.kind))).toEqual(new Set(['activity', 'stage_change', 'milestone', 'deal_task', 'assignment']));
    const { events } = await pageThrough(s.eastRep, `/api/v1/deals/${deal.id}/timeline`, 7);
    expect(keysOf(events)).toEqual(keysOf(want));
    expect(events.every((e) => e.dealId === deal.id && e.customerId === customer.id)).toBe(true);
    expect(events.find((e) => e.kind === 'deal_task')?.data).toMatchObject({ title: 'Task 4', department: 'IT', status: 'open' });
    expect(events.find((e) => e.kind === 'milestone')?.data).toMatchObject({ name: 'Milestone 4', status: 'open' });
  });

  it('shows the payments of the deal’s contract', async () => {
    const won = (await s.eastRep.get(`/api/v1/contracts/${contract.id}`)).json();
    const { events } = await pageThrough(s.eastRep, `/api/v1/deals/${won.dealId}/timeline?kinds=payment`, 7);
    expect(events).toHaveLength(20);
    expect(events.every((e) => e.kind === 'payment' && e.data.contractId === contract.id)).toBe(true);
  });
});

describe('who sees a timeline', () => {
  it('is whoever sees the customer or deal; anyone else gets 404, as if it did not exist', async () => {
    const urls = [`/api/v1/customers/${customer.id}/timeline`, `/api/v1/deals/${deal.id}/timeline`];
    for (const url of urls) {
      for (const caller of [s.eastRep, s.eastManager, s.director, s.viewer])
        expect((await caller.get(`${url}?limit=1`)).statusCode).toBe(200);
      for (const caller of [s.westRep, s.westManager, s.loneRep, s.globex.admin]) {
        const res = await caller.get(`${url}?limit=1`);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    }
    expect((await s.eastRep.get(`/api/v1/customers/${newId()}/timeline`)).statusCode).toBe(404);
  });
});
