import type { TKpi, TScorecardKpi } from '@tierline/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';
import { decimalRatio, formatKpiValue, isAdditive } from './kpis.rules.ts';
import { targets } from './performance.table.ts';
import type { Period } from './periods.rules.ts';

/**
 * Which target a scorecard compares with (decision 0026):
 * - a rep: their own target for the period key → else their level's default for the period's kind (the level in
 *   force at the period's end) → else none;
 * - a team: its own target → else the members' resolved targets, summed for money and counts, averaged for rates
 *   and satisfaction (members without a target for that KPI are left out) → else none.
 */
export type ResolvedTarget = { value: string; source: TScorecardKpi['targetSource'] };
export type TargetsByKpi = Map<TKpi, ResolvedTarget>;

/** Rep and level-default targets of these reps for the period, resolved per rep. */
export async function resolveRepTargets(
  db: DbOrTx,
  orgId: string,
  period: Period,
  reps: { id: string; levelId: string | null }[],
): Promise<Map<string, TargetsByKpi>> {
  const result = new Map<string, TargetsByKpi>(reps.map((r) => [r.id, new Map()]));
  if (reps.length === 0) return result;
  const repIds = reps.map((r) => r.id);
  const levelIds = [...new Set(reps.map((r) => r.levelId).filter((l): l is string => l !== null))];
  const rows = await db
    .select({ kpi: targets.kpi, repId: targets.repId, levelId: targets.levelId, value: targets.value })
    .from(targets)
    .where(
      and(
        eq(targets.orgId, orgId),
        or(
          and(inArray(targets.repId, repIds), eq(targets.period, period.key)),
          levelIds.length ? and(inArray(targets.levelId, levelIds), eq(targets.period, period.kind)) : sql`false`,
        ),
      ),
    );
  const defaults = new Map<string, { kpi: TKpi; value: string }[]>();
  for (const r of rows) {
    const kpi = r.kpi as TKpi;
    if (r.repId) result.get(r.repId)?.set(kpi, { value: formatKpiValue(kpi, r.value), source: 'rep' });
    else if (r.levelId) defaults.set(r.levelId, [...(defaults.get(r.levelId) ?? []), { kpi, value: r.value }]);
  }
  for (const rep of reps) {
    const resolved = result.get(rep.id) as TargetsByKpi;
    for (const d of rep.levelId ? (defaults.get(rep.levelId) ?? []) : [])
      if (!resolved.has(d.kpi)) resolved.set(d.kpi, { value: formatKpiValue(d.kpi, d.value), source: 'level' });
  }
  return result;
}

/** The team's own targets for the period, else what its members' resolved targets add up to (or average). */
export async function resolveTeamTargets(
  db: DbOrTx,
  orgId: string,
  period: Period,
  teamId: string,
  members: { id: string; levelId: string | null }[],
): Promise<TargetsByKpi> {
  const resolved: TargetsByKpi = new Map();
  const own = await db
    .select({ kpi: targets.kpi, value: targets.value })
    .from(targets)
    .where(and(eq(targets.orgId, orgId), eq(targets.teamId, teamId), eq(targets.period, period.key)));
  for (const r of own) resolved.set(r.kpi as TKpi, { value: formatKpiValue(r.kpi as TKpi, r.value), source: 'team' });
  const ofMembers = membersTargets([...(await resolveRepTargets(db, orgId, period, members)).values()]);
  for (const [kpi, value] of ofMembers) if (!resolved.has(kpi)) resolved.set(kpi, { value, source: 'members' });
  return resolved;
}

/** Σ of the members' targets for money and counts, their mean for rates and scores; exact, at 4 places. */
export function membersTargets(members: TargetsByKpi[]): Map<TKpi, string> {
  const values = new Map<TKpi, bigint[]>();
  for (const m of members)
    for (const [kpi, t] of m) {
      const list = values.get(kpi) ?? [];
      list.push(toUnits(t.value, 4));
      values.set(kpi, list);
    }
  const result = new Map<TKpi, string>();
  for (const [kpi, list] of values) {
    const sum = list.reduce((s, v) => s + v, 0n);
    const value = isAdditive(kpi) ? fromUnits(sum, 4) : decimalRatio(sum, BigInt(list.length) * 10_000n, 4);
    result.set(kpi, formatKpiValue(kpi, value));
  }
  return result;
}
