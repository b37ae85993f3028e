import type { TTimelineEvent } from '@tierline/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { useCustomerContacts, useCustomerDeals } from '../activities.api.ts';
import { type EventNames, peopleOf } from '../timelineEvents.ts';

/**
 * The names a timeline's words need, looked up once for all its events: people (each fetched once and
 * cached), the org's tiers, and the customer's contacts and deals. Unknown ones read as "…" until they load.
 */
export function useEventNames(events: readonly TTimelineEvent[], customerId: string | null | undefined) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const people = useUsersById(peopleOf(events));
  const tiers = useTiers();
  const contacts = useCustomerContacts(customerId);
  const deals = useCustomerDeals(customerId);

  return useMemo(() => {
    const contactById = new Map((contacts.data ?? []).map((c) => [c.id, c.name]));
    const dealById = new Map((deals.data ?? []).map((d) => [d.id, d.name]));
    const names: EventNames = {
      user: (id) => (id ? (people.get(id)?.name ?? '…') : t('activities.events.someone')),
      // A tier deleted since keeps its key in the event: better than nothing.
      tier: (ref) => (tiers.byId.has(ref.id) ? tierName(tiers.byId.get(ref.id), lng) : ref.key),
      contact: (id) => contactById.get(id) ?? null,
      stage: (ref) => (lng.startsWith('zh') ? ref.nameZh : ref.nameEn),
      money: (amount, currency) => formatMoney(amount, currency, lng),
      date: (date) => formatDate(date, lng),
      activityKind: (kind) => t(`activities.kinds.${kind}`),
      outcome: (outcome) => t(`activities.outcomes.${outcome}`),
    };
    return { names, dealName: (id: string) => dealById.get(id) ?? null, actor: (id: string | null) => id && (people.get(id)?.name ?? '…') };
  }, [people, tiers.byId, contacts.data, deals.data, lng, t]);
}
