import type { TRole } from '@tierline/contracts';
import type { DbOrTx } from '../db/client.ts';
import { installDefaultRules } from '../modules/assignment/assignmentRules.usecases.ts';
import { getLevels, updateLevel } from '../modules/levels/levels.usecases.ts';
import { createOrganisation } from '../modules/orgs/orgs.usecases.ts';
import { listPipelines } from '../modules/pipelines/pipelines.usecases.ts';
import { createTeam } from '../modules/teams/teams.usecases.ts';
import { listTierDefinitions } from '../modules/tiers/tiers.usecases.ts';
import { createUser, updateUser } from '../modules/users/users.usecases.ts';
import type { DemoClock, DemoTime } from './demoTime.ts';
import {
  actorOf,
  as,
  type DemoOptions,
  type DemoPipeline,
  type DemoTeam,
  type DemoUser,
  type DemoWorld,
  type LevelKey,
  type ProcessType,
  type TierKey,
} from './demoWorld.ts';
import type { Rng } from './random.ts';
import { personOf, SALES_REGIONS } from './vocabulary.ts';

/** Reps per team (华东 … 华中) and the level mix of each: 30 reps, 12 junior, 10 mid, 8 senior. */
const TEAM_LEVELS: LevelKey[][] = [
  ['senior', 'senior', 'mid', 'mid', 'junior', 'junior', 'junior'],
  ['senior', 'senior', 'mid', 'mid', 'junior', 'junior', 'junior'],
  ['senior', 'senior', 'mid', 'mid', 'junior', 'junior'],
  ['senior', 'mid', 'mid', 'junior', 'junior'],
  ['senior', 'mid', 'mid', 'junior', 'junior'],
];

/** Level limits that make the ladder matter: pool limits, deal capacity and the contract amount above which a manager approves. */
const LEVEL_LIMITS: Record<LevelKey, { maxCustomers: number; maxClaimsPerDay: number; maxOpenDeals: number; maxContractAmount: string }> = {
  junior: { maxCustomers: 60, maxClaimsPerDay: 3, maxOpenDeals: 15, maxContractAmount: '100000' },
  mid: { maxCustomers: 100, maxClaimsPerDay: 5, maxOpenDeals: 25, maxContractAmount: '500000' },
  senior: { maxCustomers: 150, maxClaimsPerDay: 8, maxOpenDeals: 40, maxContractAmount: '2000000' },
};

/** Years since hiring by level, for hire dates. */
const TENURE: Record<LevelKey, [number, number]> = { junior: [0.3, 1.5], mid: [1.5, 4], senior: [3.5, 9] };

type Shared = { db: DbOrTx; time: DemoTime; clock: DemoClock; options: DemoOptions };

/** Unique names and emails on the admin's domain: 张伟 → wei.zhang@tierline.local, then wei.zhang2@… */
function namer(rng: Rng, domain: string) {
  const names = new Set<string>();
  const emails = new Set<string>();
  return () => {
    let p = personOf(rng);
    while (names.has(p.name)) p = personOf(rng);
    names.add(p.name);
    let email = `${p.local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${p.local}${n}@${domain}`;
    emails.add(email);
    return { name: p.name, email };
  };
}

/** The emails the staff will have: checked before anything is written, since sign-in emails are global. */
export function plannedStaffEmails(options: DemoOptions, names: Rng): string[] {
  const next = namer(names, options.adminEmail.split('@')[1]);
  const count = 2 + 1 + SALES_REGIONS.length + TEAM_LEVELS.flat().length;
  return Array.from({ length: count }, () => next().email);
}

/**
 * The organisation and its people: created with its defaults (levels, KA/VIP/SMB with policies and rules,
 * the three pipelines), then level limits, 2 directors, a viewer, and per region a team with its manager and reps.
 * Everyone signs in with the demo password.
 */
export async function createStaff(s: Shared, names: Rng, rng: Rng): Promise<Omit<DemoWorld, 'customers' | 'deals' | 'rng'>> {
  const { options, time } = s;
  const founded = time.at(-420, 9 * 60);
  const { orgId, admin: adminRow } = await createOrganisation(
    s.db,
    { orgName: options.orgName, admin: { name: '系统管理员', email: options.adminEmail, password: options.adminPassword } },
    founded,
  );
  const admin: DemoUser = {
    id: adminRow.id,
    email: adminRow.email,
    name: adminRow.name,
    role: 'admin',
    levelKey: null,
    actor: actorOf(orgId, adminRow),
  };
  const at = (minutes: number) => time.at(-420, 9 * 60 + minutes);

  const levelRows = await getLevels(as(s, admin, at(1)));
  const levels = Object.fromEntries(levelRows.map((l) => [l.key, l.id])) as Record<LevelKey, string>;
  for (const l of levelRows) await updateLevel(as(s, admin, at(2)), l.id, l.version, LEVEL_LIMITS[l.key as LevelKey]);

  const next = namer(names, options.adminEmail.split('@')[1]);
  const hire = (level: LevelKey | null) => {
    const [lo, hi] = level ? TENURE[level] : [4, 10];
    return time.date(-420 - Math.round((lo + rng.next() * (hi - lo)) * 365));
  };
  const person = async (role: TRole, level: LevelKey | null, teamId: string | null, minute: number): Promise<DemoUser> => {
    const p = next();
    const row = await createUser(as(s, admin, at(minute)), {
      ...p,
      role,
      password: options.adminPassword,
      teamId,
      levelId: level ? levels[level] : null,
      locale: 'zh-CN',
      hireDate: hire(level),
    });
    return { id: row.id, email: row.email, name: row.name, role, levelKey: level, actor: actorOf(orgId, row) };
  };

  const directors = [await person('director', null, null, 5), await person('director', null, null, 5)];
  const viewer = await person('viewer', null, null, 6);
  const teams: DemoTeam[] = [];
  for (const [i, region] of SALES_REGIONS.entries()) {
    const manager = await person('manager', null, null, 10 + i);
    const team = await createTeam(as(s, admin, at(20 + i)), { name: region.team, region: region.region, managerId: manager.id });
    const updated = await updateUser(as(s, admin, at(20 + i)), manager.id, 1, { teamId: team.id });
    manager.actor = actorOf(orgId, updated, [team.id]);
    const reps = [];
    for (const level of TEAM_LEVELS[i]) reps.push(await person('rep', level, team.id, 30 + i));
    teams.push({ id: team.id, name: team.name, region, manager, reps });
  }
  await installDefaultRules(as(s, admin, at(60)), false);

  const tierRows = await listTierDefinitions(as(s, admin, at(61)));
  const tiers = Object.fromEntries(tierRows.map((t) => [t.key, t.id])) as Record<TierKey, string>;
  const pipelineRows = await listPipelines(as(s, admin, at(61)));
  const pipelines = Object.fromEntries(
    pipelineRows.map((p) => [
      p.processType,
      { id: p.id, processType: p.processType, stages: p.stages.map((st) => ({ id: st.id, key: st.key, kind: st.kind })) },
    ]),
  ) as Record<ProcessType, DemoPipeline>;
  return { ...s, orgId, admin, directors, viewer, teams, tiers, levels, pipelines };
}
