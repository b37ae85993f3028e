import type { TAssignmentEntity, TAssignmentRule } from '@tierline/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber, levelName } from '../../../shared/format.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { parseMatched } from '../explanation.ts';
import { type ConditionPart, conditionParts, eligibility, orList } from '../ruleSummary.ts';

/**
 * A rule and an explanation in the reader's language: conditions, who may receive, strategy and
 * the matched conditions. Tiers, levels and teams are org data, so their names come from the API.
 */
export function useRuleWords() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const tiers = useTiers();
  const levels = useLevels();
  const teams = useTeamOptions();
  const list = (values: readonly string[]) => orList(values, locale);
  const money = (value: string) => formatNumber(value, locale);

  const part = (p: ConditionPart): string => {
    switch (p.kind) {
      case 'tier':
        return t('assignment.summary.tier', { values: list(p.values) });
      case 'processType':
        return t('assignment.summary.processType', { values: list(p.values.map((v) => t(`assignment.processTypes.${v}`))) });
      case 'region':
        return t('assignment.summary.region', { values: list(p.values) });
      case 'industry':
        return t('assignment.summary.industry', { values: list(p.values) });
      case 'amountBetween':
        return t('assignment.summary.amountBetween', { min: money(p.min), max: money(p.max) });
      case 'amountAtLeast':
        return t('assignment.summary.amountAtLeast', { min: money(p.min) });
      case 'amountAtMost':
        return t('assignment.summary.amountAtMost', { max: money(p.max) });
    }
  };

  /** "客户分级为大客户，且区域为华东" / "customer tier is KA and region is East"; "any customer" when none. */
  const conditions = (rule: { entity: TAssignmentEntity; conditions: TAssignmentRule['conditions'] }): string => {
    const parts = conditionParts(rule.conditions, (id) => tierName(tiers.byId.get(id), locale));
    return parts.length ? parts.map(part).join(t('assignment.summary.join')) : t(`assignment.summary.any.${rule.entity}`);
  };

  /** "中级或高级销售 · 任意团队" / "Mid or Senior reps · any team". */
  const receivers = (rule: Pick<TAssignmentRule, 'eligibleLevelIds' | 'eligibleTeamIds'>): string => {
    const who = eligibility(
      rule,
      (id) => {
        const level = levels.byId.get(id);
        return level ? levelName(level, locale) : '…';
      },
      (id) => teams.byId.get(id)?.name ?? '…',
    );
    return [
      who.levels ? t('assignment.summary.levels', { values: list(who.levels) }) : t('assignment.summary.anyLevel'),
      who.teams ? t('assignment.summary.teams', { values: list(who.teams) }) : t('assignment.summary.anyTeam'),
    ].join(' · ');
  };

  /** A strategy as the server stored it; an unknown one is shown as it came. */
  const strategy = (value: string | null): string =>
    value === 'round_robin' || value === 'least_loaded' ? t(`assignment.strategies.${value}`) : (value ?? '—');

  /** One matched condition of an explanation ("tier KA" → "客户分级：大客户"). */
  const matched = (text: string): string => {
    const m = parseMatched(text);
    switch (m.kind) {
      case 'any':
        return t('assignment.explain.matchedAny');
      case 'raw':
        return m.value;
      case 'tier': {
        // The server names tiers in English; show the reader's name for the same tier.
        const tier = tiers.tiers.find((x) => x.nameEn === m.value);
        return t('assignment.explain.matchedParts.tier', { value: tier ? tierName(tier, locale) : m.value });
      }
      case 'processType':
        return t('assignment.explain.matchedParts.processType', { value: t(`assignment.processTypes.${m.value}`) });
      case 'amountAtLeast':
      case 'amountAtMost':
        return t(`assignment.explain.matchedParts.${m.kind}`, { value: money(m.value) });
      default:
        return t(`assignment.explain.matchedParts.${m.kind}`, { value: m.value });
    }
  };

  return { conditions, receivers, strategy, matched };
}
