import { expect } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import type { Caller, TestApp } from '../../../test/testApp.ts';

/**
 * For the service-request tests: the sales organisation of test/salesFixtures.ts (East and West teams with a
 * manager and a rep each, a director, a viewer, another organisation) with, per tier, a customer of the East
 * rep and a West-rep customer, plus a customer in the pool. Default SLAs: KA 4 h, VIP 12 h, SMB 24 h.
 */
export async function seedServiceOrg(t: TestApp) {
  const s = await seedSalesOrg(t);
  const tierList: { id: string; key: string; rank: number }[] = (await s.acme.admin.get('/api/v1/tiers')).json().data;
  const tier = Object.fromEntries(tierList.map((x) => [x.key, x.id])) as Record<'ka' | 'vip' | 'smb', string>;
  const customer = async (owner: Caller | null, name: string, tierId: string) => {
    const res = await s.acme.admin.post('/api/v1/customers', { name, tierId, ownerId: owner ? owner.userId : null });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const cust = {
    ka: await customer(s.eastRep, 'East KA', tier.ka),
    vip: await customer(s.eastRep, 'East VIP', tier.vip),
    smb: await customer(s.eastRep, 'East SMB', tier.smb),
  };
  const westSmb = await customer(s.westRep, 'West SMB', tier.smb);
  const pooled = await customer(null, 'Pooled', tier.smb);
  return { ...s, tier, cust, westSmb, pooled };
}
export type ServiceOrg = Awaited<ReturnType<typeof seedServiceOrg>>;

export type RequestDto = {
  id: string;
  version: number;
  status: string;
  ownerId: string;
  teamId: string | null;
  openedAt: string;
  slaDueAt: string | null;
  firstAnsweredAt: string | null;
  resolvedAt: string | null;
  breached: boolean;
  slaRemainingMinutes: number | null;
  highlight: boolean;
};

/** Opens a request as `caller`, expecting 201. */
export async function openRequest(caller: Caller, body: Record<string, unknown>): Promise<RequestDto> {
  const res = await caller.post('/api/v1/service-requests', { title: 'Printer jammed', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
