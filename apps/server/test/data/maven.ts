import fs from 'node:fs';
import type { Caller } from '../testApp.ts';

/**
 * The Maven Analytics CRM data set (../shared/data/crm-sales-opportunities: 35 agents under 6 managers in 3 offices,
 * 85 accounts, 8,800 opportunities), read as the data tests load it through the API.
 */
export const MAVEN_DIR = new URL('../../../../../shared/data/crm-sales-opportunities/', import.meta.url);
export const mavenPresent = fs.existsSync(MAVEN_DIR);

/** A CSV of the set without its header (the files have no quoted commas). */
export const mavenCsv = (name: string) =>
  fs
    .readFileSync(new URL(name, MAVEN_DIR), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));

export const mavenEmail = (agent: string) => `${agent.toLowerCase().replace(/[^a-z]+/g, '.')}@maven.test`;

/**
 * The sales force: with `teams`, a team per manager (region = their office) and each agent a rep in it; without, the
 * agents as reps in no team. Returns agent → user id and manager → team id.
 */
export async function seedMavenStaff(admin: Caller, opts: { teams: boolean }) {
  const agents = mavenCsv('sales_teams.csv');
  const teamIds = new Map<string, string>();
  if (opts.teams) {
    for (const [, manager, office] of agents) {
      if (teamIds.has(manager)) continue;
      teamIds.set(manager, (await admin.post('/api/v1/teams', { name: manager, region: office })).json().id);
    }
  }
  const repIds = new Map<string, string>();
  for (const [agent, manager] of agents) {
    const res = await admin.post('/api/v1/users', {
      email: mavenEmail(agent),
      name: agent,
      role: 'rep',
      password: 'Maven-Pass-123',
      ...(opts.teams ? { teamId: teamIds.get(manager) } : {}),
    });
    if (res.statusCode !== 201) throw new Error(`rep ${agent}: ${res.statusCode} ${res.body}`);
    repIds.set(agent, res.json().id);
  }
  return { repIds, teamIds };
}

/** The 85 accounts as customers in the pool (industry = sector, region = office location); returns the CSV rows. */
export async function seedMavenAccounts(admin: Caller): Promise<string[][]> {
  const accounts = mavenCsv('accounts.csv');
  const res = await admin.post('/api/v1/customers/batch', {
    records: accounts.map(([account, sector, , , , office]) => ({
      name: account,
      externalId: account,
      industry: sector,
      region: office,
      ownerId: null,
    })),
  });
  if (res.json().created !== accounts.length) throw new Error(`accounts: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return accounts;
}
