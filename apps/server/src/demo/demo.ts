import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { orgs } from '../modules/orgs/orgs.table.ts';
import { recomputeTiers } from '../modules/tiers/tierRecompute.usecases.ts';
import { findUserByLoginEmail } from '../modules/users/users.repository.ts';
import { createAccounts, createAccountTeams, planCustomers } from './accounts.ts';
import { createActivities } from './activities.ts';
import { createContracts } from './contracts.ts';
import { createDeals } from './deals.ts';
import { DemoClock, DemoTime } from './demoTime.ts';
import { allReps, as, type DemoOptions, type DemoUser, type DemoWorld, stepRngs } from './demoWorld.ts';
import { createFollowUpTasks, createServiceRequests } from './followUps.ts';
import { createLeads } from './leads.ts';
import { createPerformance } from './performance.ts';
import { workThePool } from './publicPool.ts';
import { createPurchases } from './purchases.ts';
import { createStaff, plannedStaffEmails } from './staff.ts';
import { createTraining } from './training.ts';

export type { DemoOptions } from './demoWorld.ts';

/** The password of every demo user unless --admin-password says otherwise: printed, so public. */
export const DEMO_PASSWORD = 'Tierline-Demo-2024';

/** The demo will not be made: an organisation of that name, or one of its sign-in emails, exists already. */
export class DemoRefused extends Error {}

/** The tables the summary counts, by the organisation's rows. */
const COUNTED = [
  'users',
  'teams',
  'customers',
  'contacts',
  'orders',
  'deals',
  'leads',
  'contracts',
  'payments',
  'approvals',
  'activities',
  'tasks',
  'service_requests',
  'pool_events',
  'tier_changes',
  'assignment_log',
] as const;
export type DemoCounts = Record<(typeof COUNTED)[number], number> & { tiers: Record<string, number> };

async function refuseDuplicates(db: DbOrTx, options: DemoOptions) {
  const named = await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.name} = ${options.orgName}`);
  if (named.length)
    throw new DemoRefused(`an organisation named "${options.orgName}" already exists; nothing was created (choose another --org-name)`);
  const emails = [options.adminEmail, ...plannedStaffEmails(options, stepRngs(options.seed)('staff-names'))];
  for (const email of emails)
    if (await findUserByLoginEmail(db, email))
      throw new DemoRefused(
        `${email} is already registered; nothing was created (the demo's people get emails on the --admin-email domain: choose another)`,
      );
}

export async function countOrganisation(db: DbOrTx, orgId: string): Promise<DemoCounts> {
  const counts = COUNTED.map((t) => sql`(select count(*)::int from ${sql.identifier(t)} where org_id = ${orgId}) as ${sql.identifier(t)}`);
  const [row] = rowsOf<Record<string, number>>(await db.execute(sql`select ${sql.join(counts, sql`, `)}`));
  const tiers = rowsOf<{ key: string; n: number }>(
    await db.execute(sql`select t.key, count(c.id)::int as n from tiers t left join customers c on c.org_id = t.org_id and c.tier_id = t.id
      where t.org_id = ${orgId} group by t.key, t.rank order by t.rank`),
  );
  return { ...(row as DemoCounts), tiers: Object.fromEntries(tiers.map((t) => [t.key, t.n])) };
}

/** One person of each role and level, to try the scopes with. */
function samplePeople(w: DemoWorld) {
  const east = w.teams[0];
  const rep = (level: string) => east.reps.find((r) => r.levelKey === level) as DemoUser;
  return [
    { ...w.directors[0], label: `director ${w.directors[0].name}` },
    { ...east.manager, label: `manager of ${east.name} ${east.manager.name}` },
    ...(['senior', 'mid', 'junior'] as const).map((l) => ({ ...rep(l), label: `${l} rep in ${east.name} ${rep(l).name}` })),
    { ...w.viewer, label: `viewer ${w.viewer.name}` },
  ].map(({ email, label }) => ({ email, label }));
}

/**
 * Creates the demo organisation — people, customers, a year of history — through the app's own use cases, in one
 * transaction: it is all there or not at all. The same seed and as-of date give the same organisation.
 * Each step reports one line to `report`.
 */
export async function createDemoOrganisation(db: Db, options: DemoOptions, report: (line: string) => void = () => {}) {
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    // Two demos at once (PostgreSQL) are made one after the other, so the name check holds.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tierline-demo'))`);
    await refuseDuplicates(tx, options);
    const time = new DemoTime(options.asOf);
    const rng = stepRngs(options.seed);
    const step = async (label: string, work: () => Promise<string>) => {
      const t0 = performance.now();
      const detail = await work();
      report(`${label.padEnd(16)} ${detail} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    };
    let w = undefined as unknown as DemoWorld;
    await step('staff', async () => {
      const staff = await createStaff({ db: tx, time, clock: new DemoClock(time.now), options }, rng('staff-names'), rng('staff'));
      w = { ...staff, customers: [], deals: [], rng };
      return `${w.teams.length} teams, ${w.directors.length} directors, ${allReps(w).length} reps, 1 viewer, assignment rules`;
    });
    await step('customers', async () => {
      w.customers = planCustomers(w, rng('customers'));
      await createAccounts(w, rng('accounts'));
      await createAccountTeams(w, rng('account-teams'));
      return `${w.customers.length} with ${w.customers.reduce((n, c) => n + c.contacts.length, 0)} contacts`;
    });
    await step('orders', async () => `${await createPurchases(w, rng('orders'))} over the year`);
    await step('deals', async () => {
      w.deals = await createDeals(w, rng('deals'));
      return `${w.deals.length} in three pipelines (${w.deals.filter((d) => d.outcome === 'won').length} won)`;
    });
    await step('leads', async () => {
      await createLeads(w, rng('leads'));
      return 'with scoring rules, assignment and conversions';
    });
    await step('contracts', async () => {
      await createContracts(w, rng('contracts'));
      return 'with approvals, instalments and payments';
    });
    await step('activities', async () => `${await createActivities(w, rng('activities'))} calls, visits, meetings, emails and notes`);
    await step('tasks', async () => `${await createFollowUpTasks(w, rng('tasks'))} follow-up tasks`);
    await step('service', async () => `${await createServiceRequests(w, rng('service'))} service requests`);
    await step('pool', async () => `${await workThePool(w, rng('pool'))} customers released to the pool`);
    await step('performance', async () => createPerformance(w, rng('performance')));
    await step('training', async () => createTraining(w, rng('training')));
    await step('tiers', async () => {
      const summary = await recomputeTiers(as(w, w.admin, time.now), { asOf: time.now.toISOString() });
      return `recomputed as of ${options.asOf}: ${summary.changed} changed`;
    });
    return { orgId: w.orgId, counts: await countOrganisation(tx, w.orgId), people: samplePeople(w) };
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}
