import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

/** Names compare trimmed, case- and width-insensitively ("Ｋａ" = "ka"). */
export const lookupKey = (text: string) => text.normalize('NFKC').trim().toLowerCase();

type Named = { id: string; names: string[] };
export type StageRef = { id: string; pipelineId: string; kind: 'open' | 'won' | 'lost'; names: string[] };

/**
 * The organisation's small reference tables, loaded once per import so rows resolve owners, teams,
 * tiers, pipelines and stages by name without a query each.
 */
export type Lookups = {
  timeZone: string;
  /** The zone's UTC offset on a date ("+08:00"), for local times in the file. */
  offsetOn: (date: string) => string;
  user: (text: string) => string | undefined;
  team: (text: string) => string | undefined;
  tier: (text: string) => string | undefined;
  level: (text: string) => string | undefined;
  pipeline: (text: string) => string | undefined;
  /** A stage of the pipeline by key or name (zh or en). */
  stage: (pipelineId: string, text: string) => StageRef | undefined;
  stagesOf: (pipelineId: string) => StageRef[];
};

function index(items: Named[]) {
  const map = new Map<string, string>();
  for (const item of items) for (const n of item.names) if (n && !map.has(lookupKey(n))) map.set(lookupKey(n), item.id);
  return (text: string) => map.get(lookupKey(text));
}

export function utcOffsetOn(timeZone: string, date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}):?(\d{2})/.exec(name ?? '');
  return m ? `${m[1]}:${m[2]}` : '+00:00';
}

export async function loadLookups(db: DbOrTx, orgId: string): Promise<Lookups> {
  const [org] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  const userRows = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.active, true)));
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId));
  const tierRows = await db.select().from(tiers).where(eq(tiers.orgId, orgId));
  const levelRows = await db.select().from(levels).where(eq(levels.orgId, orgId));
  const pipelineRows = await db.select().from(pipelines).where(eq(pipelines.orgId, orgId));
  const stageRows = await db.select().from(stages).where(eq(stages.orgId, orgId));

  const stageRefs: StageRef[] = stageRows
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ id: s.id, pipelineId: s.pipelineId, kind: s.kind, names: [s.key, s.nameZh, s.nameEn] }));
  const timeZone = org?.timeZone ?? 'Asia/Shanghai';
  const offsets = new Map<string, string>();
  return {
    timeZone,
    offsetOn: (date) => {
      const known = offsets.get(date);
      if (known) return known;
      const offset = utcOffsetOn(timeZone, date);
      offsets.set(date, offset);
      return offset;
    },
    // Email first: two people may share a name, never an email.
    user: index([...userRows.map((u) => ({ id: u.id, names: [u.email] })), ...userRows.map((u) => ({ id: u.id, names: [u.name] }))]),
    team: index(teamRows.map((t) => ({ id: t.id, names: [t.name] }))),
    tier: index(tierRows.map((t) => ({ id: t.id, names: [t.key, t.nameZh, t.nameEn] }))),
    level: index(levelRows.map((l) => ({ id: l.id, names: [l.key, l.nameZh, l.nameEn] }))),
    pipeline: index(pipelineRows.map((p) => ({ id: p.id, names: [p.nameZh, p.nameEn, p.processType] }))),
    stage: (pipelineId, text) =>
      stageRefs.find((s) => s.pipelineId === pipelineId && s.names.some((n) => lookupKey(n) === lookupKey(text))),
    stagesOf: (pipelineId) => stageRefs.filter((s) => s.pipelineId === pipelineId),
  };
}
