import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { levels } from '../levels/levels.table.ts';
import { tierPolicies, tierRuleSets, tiers } from './tiers.table.ts';

/** The tiers, policies and rules every new organisation starts with; all of it is editable. */
export const DEFAULT_TIERS = [
  {
    key: 'ka',
    nameZh: '大客户',
    nameEn: 'Key account',
    rank: 1,
    color: 'gold',
    policy: {
      cadenceDays: 7,
      minLevelKey: 'senior',
      responseSlaHours: 4,
      maxDiscountPct: '20.00',
      accountTeamRequired: true,
      poolReclaimDays: 90,
      poolWarningDays: 7,
    },
  },
  {
    key: 'vip',
    nameZh: 'VIP客户',
    nameEn: 'VIP',
    rank: 2,
    color: 'purple',
    policy: {
      cadenceDays: 14,
      minLevelKey: 'mid',
      responseSlaHours: 12,
      maxDiscountPct: '15.00',
      accountTeamRequired: false,
      poolReclaimDays: 60,
      poolWarningDays: 5,
    },
  },
  {
    key: 'smb',
    nameZh: '小客户',
    nameEn: 'SMB',
    rank: 3,
    color: 'blue',
    policy: {
      cadenceDays: 30,
      minLevelKey: null,
      responseSlaHours: 24,
      maxDiscountPct: '10.00',
      accountTeamRequired: false,
      poolReclaimDays: 30,
      poolWarningDays: 3,
    },
  },
] as const;

/** Default rules: monetary value over the last year; KA the top 5 %, VIP the next up to 20 %, SMB the rest. */
export const DEFAULT_RULE_SET = { metric: 'monetary' as const, windowDays: 365, topPercent: { ka: 5, vip: 20 } };

export async function insertDefaultTiers(tx: DbOrTx, orgId: string, now: Date) {
  const levelRows = await tx
    .select()
    .from(levels)
    .where(and(eq(levels.orgId, orgId)));
  const levelId = (key: string | null) => (key ? (levelRows.find((l) => l.key === key)?.id ?? null) : null);
  const ids: Record<string, string> = {};
  for (const t of DEFAULT_TIERS) {
    ids[t.key] = newId();
    await tx.insert(tiers).values({ orgId, id: ids[t.key], key: t.key, nameZh: t.nameZh, nameEn: t.nameEn, rank: t.rank, color: t.color });
    const { minLevelKey, ...policy } = t.policy;
    await tx.insert(tierPolicies).values({ orgId, tierId: ids[t.key], minLevelId: levelId(minLevelKey), ...policy });
  }
  await tx.insert(tierRuleSets).values({
    orgId,
    version: 1,
    metric: DEFAULT_RULE_SET.metric,
    windowDays: DEFAULT_RULE_SET.windowDays,
    cutoffs: [
      { tierId: ids.ka, kind: 'top_percent', value: DEFAULT_RULE_SET.topPercent.ka },
      { tierId: ids.vip, kind: 'top_percent', value: DEFAULT_RULE_SET.topPercent.vip },
    ],
    createdAt: now,
    createdBy: null,
  });
}
