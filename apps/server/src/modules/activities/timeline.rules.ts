import { TIMELINE_EVENT_KINDS, type TTimelineEvent, type TTimelineEventKind } from '@tierline/contracts';
import { badRequest } from '../../platform/errors.ts';
import { decodeCursor } from '../../platform/pagination.ts';

/** What a customer's timeline merges: its activities and the history of its deals, tier, orders, payments, owners and pool moves. */
export const CUSTOMER_TIMELINE_KINDS: readonly TTimelineEventKind[] = [
  'activity',
  'stage_change',
  'tier_change',
  'order',
  'payment',
  'assignment',
  'pool',
];
/** What a deal's timeline merges: its activities, stage changes, milestones, tasks, assignments and its contracts' payments. */
export const DEAL_TIMELINE_KINDS: readonly TTimelineEventKind[] = [
  'activity',
  'stage_change',
  'milestone',
  'deal_task',
  'payment',
  'assignment',
];

/** The kinds to read: those the timeline has, narrowed to the ones asked for. */
export const kindsToRead = (available: readonly TTimelineEventKind[], requested?: readonly TTimelineEventKind[]) =>
  requested ? available.filter((k) => requested.includes(k)) : [...available];

/**
 * The position of an event in a timeline, and the cursor after it: its time with microseconds
 * (`YYYY-MM-DDTHH:MM:SS.ffffffZ`, what timestamptz holds, so no two rows a millisecond apart collide), its kind and id.
 */
export type TimelineKey = { at: string; kind: TTimelineEventKind; id: string };

const AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeTimelineCursor(cursor: string | undefined): TimelineKey | undefined {
  const values = decodeCursor(cursor, 3);
  if (!values) return undefined;
  const [at, kind, id] = values;
  if (
    typeof at === 'string' &&
    AT.test(at) &&
    !Number.isNaN(Date.parse(at)) &&
    typeof kind === 'string' &&
    (TIMELINE_EVENT_KINDS as readonly string[]).includes(kind) &&
    typeof id === 'string' &&
    UUID.test(id)
  )
    return { at, kind: kind as TTimelineEventKind, id };
  throw badRequest('invalid_cursor', 'The cursor is not one this server issued', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/** Kinds compare as the database compares them under collation "C": code unit by code unit. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Timeline order: newest first by (at, kind, id), all descending. Negative when `a` comes first. */
export const compareTimeline = (a: TimelineKey, b: TimelineKey) => cmp(b.at, a.at) || cmp(b.kind, a.kind) || cmp(b.id, a.id);

/**
 * The rows of one branch (one kind) that come after the cursor, newest first by (at, kind, id). The kind
 * is fixed within a branch, so the condition narrows to one its (…, time, id) index can serve:
 * a kind sorting after the cursor's comes first at equal times, so only earlier times remain (`before`);
 * a kind sorting before it follows at equal times (`at_or_before`); the same kind compares (at, id) (`tuple`).
 */
export function branchBound(kind: TTimelineEventKind, cursor: TimelineKey): 'before' | 'at_or_before' | 'tuple' {
  const c = cmp(kind, cursor.kind);
  return c > 0 ? 'before' : c < 0 ? 'at_or_before' : 'tuple';
}

/** A row as the timeline query returns it: `data` holds the event's fields, with who, which customer and which deal among them. */
export type TimelineRow = { kind: TTimelineEventKind; at: string; id: string; data: Record<string, unknown> | null };

export function toTimelineEvent(row: TimelineRow, defaults: { customerId?: string | null; dealId?: string | null } = {}): TTimelineEvent {
  const { actorId, customerId, dealId, ...data } = row.data ?? {};
  return {
    kind: row.kind,
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: (actorId as string | null | undefined) ?? null,
    customerId: (customerId as string | null | undefined) ?? defaults.customerId ?? null,
    dealId: (dealId as string | null | undefined) ?? defaults.dealId ?? null,
    data,
  } as TTimelineEvent;
}
