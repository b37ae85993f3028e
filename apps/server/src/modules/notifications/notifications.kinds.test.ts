import { NOTIFICATION_KINDS as API_KINDS } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './notifications.table.ts';

describe('notification kinds', () => {
  it('are the same in the API contract and in the table', () => {
    expect([...API_KINDS]).toEqual([...NOTIFICATION_KINDS]);
  });
});
