import type { TWebhookEventType } from '@tierline/contracts';

/**
 * The events a subscription can ask for, as the form lists them. The web does not load the contracts' runtime
 * list (zod stays out of the bundle), so this copy is checked against the contracts' type: a type added there
 * and missing here fails the build (see `Missing` below).
 */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.tier_changed',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'lead.converted',
  'task.overdue',
  'user.level_changed',
  'import.finished',
] as const satisfies readonly TWebhookEventType[];

type Missing = Exclude<TWebhookEventType, (typeof WEBHOOK_EVENT_TYPES)[number]>;
const everyTypeListed: [Missing] extends [never] ? true : Missing = true;
void everyTypeListed;

export type EventEntity = 'customer' | 'deal' | 'lead' | 'task' | 'user' | 'import';

/** The event types grouped by the record they are about, in list order: the form's checkbox groups. */
export function eventGroups(types: readonly string[] = WEBHOOK_EVENT_TYPES): { entity: EventEntity; types: TWebhookEventType[] }[] {
  const groups = new Map<EventEntity, TWebhookEventType[]>();
  for (const type of types) {
    const entity = type.split('.')[0] as EventEntity;
    groups.set(entity, [...(groups.get(entity) ?? []), type as TWebhookEventType]);
  }
  return [...groups].map(([entity, list]) => ({ entity, types: list }));
}

/** The i18n key of an event type's label (`deal.won` → webhooks.eventTypes.deal.won); null for a type this web does not know yet. */
export function eventLabelKey(type: string): `webhooks.eventTypes.${TWebhookEventType | 'webhook.test'}` | null {
  return type === 'webhook.test' || (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
    ? (`webhooks.eventTypes.${type}` as `webhooks.eventTypes.${TWebhookEventType}`)
    : null;
}
