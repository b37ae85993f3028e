import type { AssignmentConditions } from './assignment.table.ts';

type DefaultRule = {
  entity: 'lead' | 'customer' | 'deal';
  name: string;
  conditions: AssignmentConditions;
  eligibleLevelIds: string[];
  strategy: 'round_robin' | 'least_loaded';
};

/**
 * The rules an organisation starts with (PRODUCT.md B): KA customers and project deals → senior;
 * long-cycle deals → mid or senior; SMB customers and short-cycle deals → junior or mid; leads →
 * junior or mid. VIP (and any tier an org adds) is not named by the brief: it goes to mid or
 * senior, between SMB and KA. Big accounts go least-loaded (spread the weight), the high-volume
 * flows round-robin (spread the count). A level or tier an org has renamed away is left out, and a
 * rule left with no level is not created rather than made to accept anyone.
 */
export function defaultAssignmentRules(levelIdByKey: Record<string, string>, tierIdByKey: Record<string, string>): DefaultRule[] {
  const lv = (...keys: string[]) => keys.flatMap((k) => (levelIdByKey[k] ? [levelIdByKey[k]] : []));
  const tier = (key: string) => (tierIdByKey[key] ? [tierIdByKey[key]] : null);
  const rules: (DefaultRule | null)[] = [
    tier('ka') && {
      entity: 'customer',
      name: 'KA customers → senior',
      conditions: { tierIds: tier('ka') ?? [] },
      eligibleLevelIds: lv('senior'),
      strategy: 'least_loaded',
    },
    tier('smb') && {
      entity: 'customer',
      name: 'SMB customers → junior or mid',
      conditions: { tierIds: tier('smb') ?? [] },
      eligibleLevelIds: lv('junior', 'mid'),
      strategy: 'round_robin',
    },
    {
      entity: 'customer',
      name: 'Other customers (VIP) → mid or senior',
      conditions: {},
      eligibleLevelIds: lv('mid', 'senior'),
      strategy: 'least_loaded',
    },
    {
      entity: 'deal',
      name: 'Project deals → senior',
      conditions: { processTypes: ['project'] },
      eligibleLevelIds: lv('senior'),
      strategy: 'least_loaded',
    },
    {
      entity: 'deal',
      name: 'Long-cycle deals → mid or senior',
      conditions: { processTypes: ['long'] },
      eligibleLevelIds: lv('mid', 'senior'),
      strategy: 'least_loaded',
    },
    {
      entity: 'deal',
      name: 'Short-cycle deals → junior or mid',
      conditions: { processTypes: ['short'] },
      eligibleLevelIds: lv('junior', 'mid'),
      strategy: 'round_robin',
    },
    { entity: 'lead', name: 'Leads → junior or mid', conditions: {}, eligibleLevelIds: lv('junior', 'mid'), strategy: 'round_robin' },
  ];
  return rules.filter((r): r is DefaultRule => r !== null && r.eligibleLevelIds.length > 0);
}
