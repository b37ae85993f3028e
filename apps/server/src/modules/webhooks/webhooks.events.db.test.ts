import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/testApp.ts';
import { putAs as put, seedTierOrg } from '../../../test/tierFixtures.ts';
import { hasValidSignature, type Received, startReceiver } from '../../../test/webhookReceiver.ts';
import { rowsOf } from '../../db/rows.ts';
import { jobHandlersFor } from '../../jobs.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { webhookDeliveries } from './webhooks.table.ts';

/**
 * Every wired use case emits its domain event, through the API, to a real receiver: one event per change,
 * in the change's transaction, delivered by the job queue after the commit.
 */
const t = await createTestApp({ webhookAllowPrivate: true });
const receiver = await startReceiver();
const s = await seedTierOrg(t);
const { acme, ladder, eastCustomers } = s;
const asOf = '2026-01-05T00:00:00+08:00';
let secret = '';
let pipelines: { id: string; processType: string; stages: { id: string; key: string }[] }[];
const stage = (key: string) => pipelines.find((p) => p.processType === 'short')!.stages.find((st) => st.key === key)!.id;

const runJobs = () => createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlersFor({ webhookAllowPrivate: true }) }).runDueJobs();
const deliveryCount = async () =>
  rowsOf<{ n: number }>(
    await t.db.execute(
      sql`select (select count(*) from webhook_deliveries)::int + (select count(*) from jobs where kind = 'webhooks.deliver')::int as n`,
    ),
  )[0].n;

/** Runs the queue and answers what reached the receiver since the last call. */
async function delivered(): Promise<Received[]> {
  await runJobs();
  const got = [...receiver.received];
  receiver.clear();
  for (const r of got) expect(hasValidSignature(r, secret)).toBe(true);
  return got;
}

beforeAll(async () => {
  pipelines = (await s.eastRep.get('/api/v1/pipelines')).json().data;
  await runJobs();
  receiver.clear();
});

describe('domain events', () => {
  it('writes no delivery and no job while nobody subscribes, not even for a set-based recompute', async () => {
    const c = (await s.eastRep.post('/api/v1/customers', { name: 'Unheard' })).json();
    await s.eastRep.patch(`/api/v1/customers/${c.id}`, { industry: 'Retail', version: c.version });
    const cutoffs = [
      { tierId: ladder.ka.id, kind: 'top_percent', value: 50 },
      { tierId: ladder.vip.id, kind: 'top_percent', value: 60 },
    ];
    expect((await put(s.director, '/api/v1/tier-rules', { version: 1, metric: 'monetary', windowDays: 365, cutoffs })).statusCode).toBe(
      200,
    );
    expect((await s.director.post('/api/v1/tiers/recompute', { asOf })).json().changed).toBeGreaterThan(0);
    expect(await deliveryCount()).toBe(0);
    // Back to the default rules for the tests below.
    expect((await put(s.director, '/api/v1/tier-rules', { version: 2, metric: 'monetary', windowDays: 365, cutoffs: [] })).statusCode).toBe(
      200,
    );
    expect((await s.director.post('/api/v1/tiers/recompute', { asOf })).statusCode).toBe(200);
    expect(await deliveryCount()).toBe(0);

    const hook = (await acme.admin.post('/api/v1/webhooks', { url: receiver.url })).json(); // every event
    secret = hook.secret;
  });

  it('customer.created and customer.updated, with the fields that changed', async () => {
    const c = (await s.eastRep.post('/api/v1/customers', { name: 'Heard Co' })).json();
    await s.eastRep.patch(`/api/v1/customers/${c.id}`, { industry: 'Energy', region: 'North', version: c.version });
    const [created, updated, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(created.json).toMatchObject({ type: 'customer.created', orgId: acme.orgId, data: { customer: { id: c.id, name: 'Heard Co' } } });
    expect(updated.json).toMatchObject({ type: 'customer.updated', data: { customer: { id: c.id, industry: 'Energy', version: 2 } } });
    expect(updated.json.data.changedFields.sort()).toEqual(['industry', 'region']);
    // A batch announces each customer it creates, and each it updates by externalId (upsert).
    const batch = await s.eastRep.post('/api/v1/customers/batch', {
      records: [
        { name: 'Batch A', externalId: 'B-A' },
        { name: 'Batch B', externalId: 'B-B' },
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const upsert = await s.eastRep.post('/api/v1/customers/batch', {
      mode: 'upsert',
      records: [
        { name: 'Batch A', externalId: 'B-A', region: 'East' },
        { name: 'Batch C', externalId: 'B-C' },
      ],
    });
    expect(upsert.json()).toMatchObject({ created: 1, updated: 1 });
    const got = await delivered();
    expect(got.map((r) => [r.json.type, r.json.data.customer.name])).toEqual([
      ['customer.created', 'Batch A'],
      ['customer.created', 'Batch B'],
      ['customer.created', 'Batch C'],
      ['customer.updated', 'Batch A'],
    ]);
    expect(got[3].json.data.changedFields).toEqual(['region']);
  });

  it('customer.tier_changed by hand, with the reason (a pin alone is no tier change)', async () => {
    const c = eastCustomers[0];
    const current = (await s.eastManager.get(`/api/v1/customers/${c.id}`)).json();
    const res = await put(s.eastManager, `/api/v1/customers/${c.id}/tier`, {
      tierId: ladder.vip.id,
      reason: '年度框架协议',
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    await put(s.eastManager, `/api/v1/customers/${c.id}/tier`, {
      tierId: ladder.vip.id,
      reason: 'pin',
      pinned: true,
      version: res.json().version,
    });
    const [event, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(event.json).toMatchObject({
      type: 'customer.tier_changed',
      data: {
        customerId: c.id,
        fromTierId: current.tierId,
        toTierId: ladder.vip.id,
        source: 'manual',
        reason: '年度框架协议',
        changedBy: s.eastManager.userId,
      },
    });
    // Unpinned again, so the recompute below may move it.
    const again = (await s.eastManager.get(`/api/v1/customers/${c.id}`)).json();
    await put(s.eastManager, `/api/v1/customers/${c.id}/tier`, {
      tierId: ladder.vip.id,
      reason: 'unpin',
      pinned: false,
      version: again.version,
    });
    expect(await delivered()).toEqual([]);
  });

  it('customer.tier_changed by a recompute: one event per customer that moves, from the set-based statement', async () => {
    t.clock.advance(60_000);
    const cutoffs = [
      { tierId: ladder.ka.id, kind: 'top_percent', value: 10 },
      { tierId: ladder.vip.id, kind: 'top_percent', value: 30 },
    ];
    expect((await put(s.director, '/api/v1/tier-rules', { version: 3, metric: 'monetary', windowDays: 365, cutoffs })).statusCode).toBe(
      200,
    );
    const summary = (await s.director.post('/api/v1/tiers/recompute', { asOf })).json();
    // 12 ranked: customers 11 and 10 to KA, 09 and 08 to VIP; 00 (set to VIP by hand) back to SMB.
    expect(summary.changed).toBe(5);
    const got = await delivered();
    expect(got).toHaveLength(5);
    const byName = Object.fromEntries(got.map((r) => [r.json.data.customerName, r.json]));
    expect(Object.keys(byName).sort()).toEqual([
      'East customer 00',
      'East customer 08',
      'East customer 09',
      'East customer 10',
      'East customer 11',
    ]);
    expect(byName['East customer 11'].data).toEqual({
      customerId: eastCustomers[11].id,
      customerName: 'East customer 11',
      fromTierId: ladder.smb.id,
      toTierId: ladder.ka.id,
      source: 'rule',
      ruleVersion: 4,
      changedBy: s.director.userId,
    });
    expect(byName['East customer 00'].data).toMatchObject({ fromTierId: ladder.vip.id, toTierId: ladder.smb.id });
    for (const r of got) {
      // The same envelope as events made in JS: keys in order, the time as ISO, a UUIDv7 event id in the header too.
      expect(Object.keys(r.json)).toEqual(['id', 'type', 'createdAt', 'orgId', 'data']);
      expect(r.json).toMatchObject({ type: 'customer.tier_changed', orgId: acme.orgId, createdAt: t.clock.now().toISOString() });
      expect(r.json.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.headers['tierline-event-id']).toBe(r.json.id);
    }
    expect(new Set(got.map((r) => r.json.id)).size).toBe(5);
    const rows = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, 'customer.tier_changed'));
    expect(rows.filter((d) => d.status === 'succeeded')).toHaveLength(6);
    // Nothing moves on a second run: no event.
    expect((await s.director.post('/api/v1/tiers/recompute', { asOf })).json().changed).toBe(0);
    expect(await delivered()).toEqual([]);
  });

  it('deal.stage_changed on every move, plus deal.won or deal.lost when the deal closes', async () => {
    const deal = (
      await s.eastRep.post('/api/v1/deals', {
        name: 'Hooked deal',
        pipelineId: pipelines.find((p) => p.processType === 'short')!.id,
        amount: '5000',
      })
    ).json();
    const quoted = await s.eastRep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('quote'), version: deal.version });
    expect(quoted.statusCode, quoted.body).toBe(200);
    const won = await s.eastRep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('won'), version: quoted.json().version });
    expect(won.statusCode, won.body).toBe(200);
    const other = (
      await s.eastRep.post('/api/v1/deals', { name: 'Lost deal', pipelineId: pipelines.find((p) => p.processType === 'short')!.id })
    ).json();
    await s.eastRep.post(`/api/v1/deals/${other.id}/move`, { stageId: stage('lost'), lossReason: 'price', version: other.version });
    const got = await delivered();
    expect(got.map((r) => [r.json.type, r.json.data.deal.name])).toEqual([
      ['deal.stage_changed', 'Hooked deal'],
      ['deal.stage_changed', 'Hooked deal'],
      ['deal.won', 'Hooked deal'],
      ['deal.stage_changed', 'Lost deal'],
      ['deal.lost', 'Lost deal'],
    ]);
    expect(got[1].json.data).toMatchObject({ fromStageId: stage('quote'), toStageId: stage('won'), stageKind: 'won' });
    expect(got[2].json.data).toEqual(got[1].json.data);
    expect(got[4].json.data).toMatchObject({ stageKind: 'lost', deal: { lossReason: 'price' } });
  });

  it('lead.converted (and the customer it created)', async () => {
    const lead = (await s.eastRep.post('/api/v1/leads', { name: 'Li Lei', company: 'Hook 科技' })).json();
    const res = await s.eastRep.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const got = await delivered();
    expect(got.map((x) => x.json.type)).toEqual(['customer.created', 'lead.converted']);
    expect(got[1].json.data).toMatchObject({
      lead: { id: lead.id, status: 'converted' },
      customerId: r.customerId,
      customerCreated: true,
      contactId: r.contactId,
      dealId: null,
    });
  });

  it('task.overdue, once, from the reminders job', async () => {
    const task = (
      await s.eastRep.post('/api/v1/tasks', { title: 'Call back', dueAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() })
    ).json();
    t.clock.advance(2 * 3_600_000);
    await enqueueJob(t.db, t.clock.now(), { kind: 'tasks.reminders' });
    const got = await delivered();
    expect(got.map((r) => r.json.type)).toEqual(['task.overdue']);
    expect(got[0].json.data.task).toMatchObject({ id: task.id, title: 'Call back', assigneeId: s.eastRep.userId, dueAt: task.dueAt });
    t.clock.advance(600_000);
    await enqueueJob(t.db, t.clock.now(), { kind: 'tasks.reminders' });
    expect(await delivered()).toEqual([]);
  });

  it('user.level_changed when an admin changes a level, not on other changes', async () => {
    const levels: { id: string; key: string }[] = (await acme.admin.get('/api/v1/levels')).json().data;
    const user = (await acme.admin.get(`/api/v1/users/${s.westRep.userId}`)).json();
    const mid = levels.find((l) => l.key === 'mid')!.id;
    const res = await acme.admin.patch(`/api/v1/users/${user.id}`, { levelId: mid, version: user.version });
    expect(res.statusCode, res.body).toBe(200);
    await acme.admin.patch(`/api/v1/users/${user.id}`, { name: 'Renamed', version: res.json().version });
    const got = await delivered();
    expect(got.map((r) => r.json.type)).toEqual(['user.level_changed']);
    expect(got[0].json.data).toEqual({
      userId: user.id,
      name: user.name,
      fromLevelId: user.levelId,
      toLevelId: mid,
      changedBy: acme.admin.userId,
    });
  });
});
