import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';
import { eventGroups, eventLabelKey, WEBHOOK_EVENT_TYPES } from './eventTypes.ts';

const lookup = (messages: object, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);

describe('webhook event types in the form', () => {
  it('groups the types by the record they are about, in list order', () => {
    expect(eventGroups().map((g) => [g.entity, g.types])).toEqual([
      ['customer', ['customer.created', 'customer.updated', 'customer.tier_changed']],
      ['deal', ['deal.stage_changed', 'deal.won', 'deal.lost']],
      ['lead', ['lead.converted']],
      ['task', ['task.overdue']],
      ['user', ['user.level_changed']],
      ['import', ['import.finished']],
    ]);
  });

  it('has a label for every type and group in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const type of [...WEBHOOK_EVENT_TYPES, 'webhook.test']) {
        const key = eventLabelKey(type);
        expect(key, type).not.toBeNull();
        expect(typeof lookup(messages, key as string), type).toBe('string');
      }
      for (const { entity } of eventGroups()) expect(typeof lookup(messages, `webhooks.groups.${entity}`)).toBe('string');
    }
  });

  it('shows a type it does not know by its code', () => {
    expect(eventLabelKey('contract.signed')).toBeNull();
  });
});
