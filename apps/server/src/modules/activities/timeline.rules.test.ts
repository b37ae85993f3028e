import type { TTimelineEventKind } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../platform/pagination.ts';
import {
  branchBound,
  CUSTOMER_TIMELINE_KINDS,
  compareTimeline,
  DEAL_TIMELINE_KINDS,
  decodeTimelineCursor,
  kindsToRead,
  type TimelineKey,
  toTimelineEvent,
} from './timeline.rules.ts';

const ID1 = '0194a3b0-0000-7000-8000-000000000001';
const ID2 = '0194a3b0-0000-7000-8000-000000000002';
const key = (at: string, kind: TTimelineEventKind, id: string): TimelineKey => ({ at, kind, id });

describe('timeline order', () => {
  it('is newest first, then by kind, then by id, all descending', () => {
    const events = [
      key('2026-03-01T10:00:00.000000Z', 'activity', ID1),
      key('2026-03-01T10:00:00.000001Z', 'activity', ID1), // a microsecond later comes first
      key('2026-03-01T10:00:00.000000Z', 'tier_change', ID1),
      key('2026-03-01T10:00:00.000000Z', 'activity', ID2),
      key('2026-03-01T10:00:00.000000Z', 'stage_change', ID1),
    ];
    expect([...events].sort(compareTimeline)).toEqual([events[1], events[2], events[4], events[3], events[0]]);
  });

  it('bounds each branch by the cursor so that together they give exactly the events after it', () => {
    const cursor = key('2026-03-01T10:00:00.000000Z', 'order', ID1);
    expect(branchBound('pool', cursor)).toBe('before'); // 'pool' > 'order': at equal times pool came before the cursor
    expect(branchBound('activity', cursor)).toBe('at_or_before');
    expect(branchBound('order', cursor)).toBe('tuple');
    // The three bounds agree with the order itself, on every kind at the same, an earlier and a later time.
    const times = ['2026-03-01T09:59:59.999999Z', cursor.at, '2026-03-01T10:00:00.000001Z'];
    for (const kind of CUSTOMER_TIMELINE_KINDS)
      for (const at of times)
        for (const id of [ID1, ID2]) {
          const e = key(at, kind, id);
          const after = compareTimeline(cursor, e) < 0;
          const bound = branchBound(kind, cursor);
          const passes =
            bound === 'before'
              ? at < cursor.at
              : bound === 'at_or_before'
                ? at <= cursor.at
                : at < cursor.at || (at === cursor.at && id < cursor.id);
          expect(passes, `${kind} ${at} ${id}`).toBe(after);
        }
  });
});

describe('timeline kinds', () => {
  it('reads what the timeline has, narrowed to what was asked', () => {
    expect(kindsToRead(CUSTOMER_TIMELINE_KINDS)).toEqual(CUSTOMER_TIMELINE_KINDS);
    expect(kindsToRead(CUSTOMER_TIMELINE_KINDS, ['pool', 'activity'])).toEqual(['activity', 'pool']);
    expect(kindsToRead(DEAL_TIMELINE_KINDS, ['tier_change'])).toEqual([]);
  });
});

describe('timeline cursors', () => {
  it('reads back what it wrote and refuses anything else with a 400 naming the cursor', () => {
    const c = key('2026-03-01T10:00:00.123456Z', 'stage_change', ID1);
    expect(decodeTimelineCursor(encodeCursor([c.at, c.kind, c.id]))).toEqual(c);
    expect(decodeTimelineCursor(undefined)).toBeUndefined();
    for (const bad of [
      encodeCursor(['2026-03-01T10:00:00Z', 'activity', ID1]),
      encodeCursor([c.at, 'nope', ID1]),
      encodeCursor([c.at, 'activity', 'not-a-uuid']),
      encodeCursor([c.at, 'activity']),
      'garbage',
    ])
      expect(() => decodeTimelineCursor(bad)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
  });
});

describe('toTimelineEvent', () => {
  it('lifts who, customer and deal out of the data, with ISO times', () => {
    const e = toTimelineEvent(
      {
        kind: 'pool',
        at: '2026-03-01T10:00:00.123456Z',
        id: ID1,
        data: { actorId: null, customerId: ID2, action: 'release', userId: ID1, reason: 'moving on' },
      },
      { customerId: 'ignored' },
    );
    expect(e).toEqual({
      kind: 'pool',
      id: ID1,
      at: '2026-03-01T10:00:00.123Z',
      actorId: null,
      customerId: ID2,
      dealId: null,
      data: { action: 'release', userId: ID1, reason: 'moving on' },
    });
    expect(
      toTimelineEvent({ kind: 'milestone', at: '2026-03-01T10:00:00.000000Z', id: ID1, data: {} }, { customerId: ID2 }).customerId,
    ).toBe(ID2);
  });
});
