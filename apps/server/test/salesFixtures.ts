import { and, eq } from 'drizzle-orm';
import { levels } from '../src/modules/levels/levels.table.ts';
import type { Actor } from '../src/platform/access.ts';
import type { Ctx } from '../src/platform/requestContext.ts';
import { type Caller, seedOrg, seedUser, type TestApp } from './testApp.ts';

/**
 * A sales organisation for approvals and contracts: two teams (East, West) with a manager each, a
 * junior rep in each (junior contracts above 100,000 need approval), a director, a viewer, and a
 * second organisation. The East rep owns an SMB customer (discount cap 10 %).
 */
export async function seedSalesOrg(t: TestApp) {
  const acme = await seedOrg(t, 'Acme');
  const globex = await seedOrg(t, 'Globex');
  const levelList: { id: string; key: string }[] = (await acme.admin.get('/api/v1/levels')).json().data;
  const junior = levelList.find((l) => l.key === 'junior')!.id;
  // No route sets level limits yet: the test writes it where an admin screen will.
  await t.db
    .update(levels)
    .set({ maxContractAmount: '100000.00' })
    .where(and(eq(levels.orgId, acme.orgId), eq(levels.id, junior)));
  const director = await seedUser(t, acme.orgId, 'director');
  const eastManager = await seedUser(t, acme.orgId, 'manager');
  const westManager = await seedUser(t, acme.orgId, 'manager');
  const east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West', managerId: westManager.userId })).json();
  const eastRep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: junior });
  const westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id, levelId: junior });
  const loneRep = await seedUser(t, acme.orgId, 'rep', { levelId: junior }); // in no team: no manager to ask
  const viewer = await seedUser(t, acme.orgId, 'viewer');
  const customer: { id: string; tierId: string } = (await eastRep.post('/api/v1/customers', { name: 'East Customer' })).json();
  const pipelines: { processType: string; id: string; stages: { id: string; key: string }[] }[] = (
    await eastRep.get('/api/v1/pipelines')
  ).json().data;
  const short = pipelines.find((p) => p.processType === 'short')!;
  return { acme, globex, junior, director, eastManager, westManager, east, west, eastRep, westRep, loneRep, viewer, customer, short };
}
export type SalesOrg = Awaited<ReturnType<typeof seedSalesOrg>>;

/** An open short-cycle deal of the caller's, optionally with a customer and amount. */
export async function openDeal(s: SalesOrg, owner: Caller, fields: { customerId?: string; amount?: string; name?: string } = {}) {
  const res = await owner.post('/api/v1/deals', { name: fields.name ?? 'Deal', pipelineId: s.short.id, ...fields });
  if (res.statusCode !== 201) throw new Error(`deal: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; ownerId: string };
}

/** A won deal: created and moved to the short pipeline's won stage. */
export async function wonDeal(s: SalesOrg, owner: Caller, fields: { customerId: string; amount: string; name?: string }) {
  const deal = await openDeal(s, owner, fields);
  const won = s.short.stages.find((st) => st.key === 'won')!.id;
  const res = await owner.post(`/api/v1/deals/${deal.id}/move`, { stageId: won, version: deal.version });
  if (res.statusCode !== 200) throw new Error(`win: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

/** A use-case context for a caller, for functions other modules call directly (no route of their own). */
export function ctxFor(t: TestApp, caller: Caller, orgId: string, extra: Partial<Actor> = {}): Ctx {
  const actor: Actor = {
    orgId,
    userId: caller.userId as string,
    role: 'rep',
    teamId: null,
    levelId: null,
    managedTeamIds: [],
    via: 'session',
    ...extra,
  };
  return { db: t.db, actor, requestId: 'test', clock: t.clock };
}
