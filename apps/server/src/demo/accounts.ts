import type { TCustomerCreate } from '@tierline/contracts';
import { putAccountPlan } from '../modules/accountTeams/accountPlans.usecases.ts';
import { putAccountTeamMember } from '../modules/accountTeams/accountTeams.usecases.ts';
import { createContact } from '../modules/contacts/contacts.usecases.ts';
import { createCustomers } from '../modules/customers/customers.create.usecases.ts';
import { as, type DemoCustomer, type DemoTeam, type DemoUser, type DemoWorld, scaled, type TierKey } from './demoWorld.ts';
import type { Rng } from './random.ts';
import {
  CONTACT_TITLES,
  CUSTOMER_SOURCES,
  CUSTOMER_TAGS,
  companyOf,
  INDUSTRIES,
  landlineOf,
  mobileOf,
  personOf,
  ROADS,
  SALES_REGIONS,
} from './vocabulary.ts';

/** The day the customer base was taken over from the old system; customers won since are created by their reps. */
export const IMPORT_DAY = -400;

/** Which levels may own a customer of a planned tier (the tier policies' minimum level, and the default assignment rules). */
const OWNER_LEVELS: Record<TierKey, string[]> = { ka: ['senior'], vip: ['mid', 'senior'], smb: ['junior', 'mid'] };

/**
 * The customer base, planned before anything is written: regions weighted like the sales force, spending drawn
 * from a Pareto distribution (a few customers buy most), the planned tier from the spending's rank (top 5 % KA,
 * the next 15 % VIP) and an owner whose level fits it, least loaded first. A few small customers sit in the pool.
 */
export function planCustomers(w: DemoWorld, rng: Rng): DemoCustomer[] {
  const n = scaled(w, 600, 20);
  const names = new Set<string>();
  const planned = Array.from({ length: n }, (_, i) => {
    const r = rng.weighted(
      SALES_REGIONS.map((_, k) => k),
      (k) => SALES_REGIONS[k].weight,
    );
    const city = rng.pick(SALES_REGIONS[r].cities);
    const industry = rng.weighted(INDUSTRIES, (x) => x.weight);
    let company = companyOf(rng, city.name, industry);
    while (names.has(company.name)) company = companyOf(rng, city.name, industry);
    names.add(company.name);
    const isNew = rng.chance(0.2);
    const createdDay = isNew ? rng.int(-350, -15) : IMPORT_DAY;
    const prospect = rng.chance(isNew ? 0.25 : 0.06);
    return {
      id: '',
      externalId: `KH${String(i + 1).padStart(5, '0')}`,
      ...company,
      industry: industry.industry,
      city,
      district: rng.pick(city.districts),
      team: w.teams[r],
      plannedTier: 'smb' as TierKey,
      // A year's purchases weigh in proportion to the part of the year it was a customer.
      spendWeight: prospect ? 0 : rng.pareto(1.16, 400) * Math.min(1, -createdDay / 365),
      owner: null as DemoUser | null,
      createdDay,
      lastContactDay: null,
      contacts: [],
    };
  });
  // The tier rules rank the customers that bought in the window: top 5 % KA, top 20 % KA or VIP.
  const byWeight = [...planned].sort((a, b) => b.spendWeight - a.spendWeight);
  const buyers = planned.filter((c) => c.spendWeight > 0).length;
  const ka = Math.ceil(buyers * 0.05);
  const vip = Math.ceil(buyers * 0.2);
  byWeight.forEach((c, rank) => {
    c.plannedTier = rank < ka ? 'ka' : rank < vip ? 'vip' : 'smb';
  });
  const load = new Map<string, number>();
  for (const c of planned) {
    if (c.plannedTier === 'smb' && c.createdDay === IMPORT_DAY && rng.chance(0.05)) continue; // in the pool (公海)
    c.owner = leastLoaded(c.team, OWNER_LEVELS[c.plannedTier], load);
    load.set(c.owner.id, (load.get(c.owner.id) ?? 0) + 1);
  }
  return planned;
}

function leastLoaded(team: DemoTeam, levels: string[], load: Map<string, number>): DemoUser {
  const eligible = team.reps.filter((r) => levels.includes(r.levelKey ?? ''));
  return eligible.reduce((best, r) => ((load.get(r.id) ?? 0) < (load.get(best.id) ?? 0) ? r : best));
}

function customerRecord(w: DemoWorld, c: DemoCustomer, rng: Rng, imported: boolean): TCustomerCreate {
  return {
    name: c.name,
    externalId: c.externalId,
    ...(imported ? { ownerId: c.owner?.id ?? null, tierId: w.tiers[c.plannedTier] } : {}),
    industry: c.industry,
    region: c.team.region.region,
    source: rng.pick(CUSTOMER_SOURCES),
    phone: landlineOf(rng, c.city),
    address: `${c.city.name}市${c.district}${rng.pick(ROADS)}路${rng.int(1, 999)}号`,
    tags: rng.sample(CUSTOMER_TAGS, rng.int(0, 2)),
    status: c.spendWeight === 0 ? 'prospect' : 'active',
  };
}

/**
 * Creates the customers: the imported base in one batch by the admin (owners and tiers as the old system had
 * them), the newer ones one by one by their reps on the day they were won (the lowest tier, until the rules run).
 */
export async function createAccounts(w: DemoWorld, rng: Rng) {
  const imported = w.customers.filter((c) => c.createdDay === IMPORT_DAY);
  const result = await createCustomers(
    as(w, w.admin, w.time.at(IMPORT_DAY, 10 * 60)),
    imported.map((c) => customerRecord(w, c, rng, true)),
    { mode: 'create', pathPrefix: 'records' },
  );
  for (const [i, c] of imported.entries()) {
    c.id = result.ids[i];
    await createContacts(w, c, rng, w.time.at(IMPORT_DAY, 11 * 60));
  }
  const later = w.customers.filter((c) => c.createdDay !== IMPORT_DAY).sort((a, b) => a.createdDay - b.createdDay);
  for (const c of later) {
    const at = w.time.officeHours(rng, c.createdDay);
    const { ids } = await createCustomers(as(w, c.owner as DemoUser, at), [customerRecord(w, c, rng, false)], {
      mode: 'create',
      pathPrefix: '',
    });
    c.id = ids[0];
    await createContacts(w, c, rng, at);
  }
}

/** 1–5 people per customer (more at larger customers): the first a decision maker, the second an economic buyer. */
async function createContacts(w: DemoWorld, c: DemoCustomer, rng: Rng, after: Date) {
  const count = c.plannedTier === 'ka' ? rng.int(3, 5) : c.plannedTier === 'vip' ? rng.int(2, 4) : rng.int(1, 3);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const seniority = i === 0 ? 'executive' : i === 1 ? 'manager' : rng.pick(['executive', 'manager', 'staff'] as const);
    const titles = i === 1 ? CONTACT_TITLES.manager.filter((t) => t[1] === 'economic_buyer') : CONTACT_TITLES[seniority];
    const [title, buyingRole] = i === 0 ? CONTACT_TITLES.executive[rng.pick([0, 1, 3])] : rng.pick(titles);
    let p = personOf(rng);
    while (names.has(p.name)) p = personOf(rng);
    names.add(p.name);
    const row = await createContact(as(w, c.owner ?? w.admin, new Date(after.getTime() + (i + 1) * 5 * 60_000)), {
      customerId: c.id,
      name: p.name,
      title,
      seniority,
      buyingRole,
      phone: mobileOf(rng),
      email: rng.chance(0.75) ? `${p.local}@${c.domain}` : null,
    });
    c.contacts.push({ id: row.id, name: row.name, title, buyingRole });
  }
}

/**
 * Key accounts get their account team (a mid-level colleague with write access, sometimes a service member who
 * reads) and most an account plan; a few are left without a team, so the policy's breach report has something to say.
 */
export async function createAccountTeams(w: DemoWorld, rng: Rng) {
  for (const c of w.customers.filter((x) => x.plannedTier === 'ka' && x.owner)) {
    const owner = c.owner as DemoUser;
    const day = Math.min(Math.max(c.createdDay + 5, -300) + rng.int(0, 30), -3);
    if (rng.chance(0.85)) {
      const colleagues = c.team.reps.filter((r) => r.id !== owner.id);
      const member = rng.pick(
        colleagues.filter((r) => r.levelKey === 'mid').length ? colleagues.filter((r) => r.levelKey === 'mid') : colleagues,
      );
      await putAccountTeamMember(as(w, owner, w.time.officeHours(rng, day)), c.id, member.id, { role: 'member', access: 'write' });
      const service = colleagues.find((r) => r.id !== member.id && r.levelKey === 'junior');
      if (service && rng.chance(0.5))
        await putAccountTeamMember(as(w, owner, w.time.officeHours(rng, day)), c.id, service.id, { role: 'service', access: 'read' });
    }
    if (rng.chance(0.7))
      await putAccountPlan(as(w, owner, w.time.officeHours(rng, day + 2)), c.id, 0, {
        objectives: `巩固${c.shortName}的核心供应商地位，年度采购额提升 20%。`,
        opportunities: '产线扩建带来的自动化设备需求；MES 系统升级；年度维保续约。',
        risks: '竞争对手低价切入；客户采购部门人员调整。',
        nextSteps: '季度业务回顾(QBR)；邀请技术总监参加新品发布会；推动框架协议续签。',
      });
  }
}
