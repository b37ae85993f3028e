import type { TActivity, TActivityKind, TActivityOutcome, TTimelineEvent, TTimelineEventKind } from '@tierline/contracts';
import type { activitiesZh } from '../../app/i18n/zh-CN/activities.ts';
import { dayKey } from './timelineDays.ts';

export type TimelineScope = 'customer' | 'deal';

/** What each timeline merges (decision 0019), in the order of the filter chips. */
export const TIMELINE_KINDS: Record<TimelineScope, readonly TTimelineEventKind[]> = {
  customer: ['activity', 'stage_change', 'tier_change', 'order', 'payment', 'assignment', 'pool'],
  deal: ['activity', 'stage_change', 'milestone', 'deal_task', 'payment', 'assignment'],
};

/** A sentence of activities.events.* with its values, ready for t(). */
export type EventKey = keyof typeof activitiesZh.activities.events;
export interface EventMessage {
  key: EventKey;
  params: Record<string, string | number>;
}

/** What the words need from outside: names of people, tiers, contacts and stages, and money in the reader's format. */
export interface EventNames {
  /** A person's name; for null (nobody recorded), a word like "a colleague". */
  user: (id: string | null) => string;
  tier: (ref: { id: string; key: string }) => string;
  contact: (id: string) => string | null;
  stage: (ref: { nameZh: string; nameEn: string }) => string;
  money: (amount: string, currency: string) => string;
  date: (date: string) => string;
  activityKind: (kind: TActivityKind) => string;
  outcome: (outcome: TActivityOutcome) => string;
}

export interface EventDescription {
  headline: EventMessage;
  /** Shown after the headline, joined by " · ". */
  details: EventMessage[];
}

const msg = (key: EventKey, params: Record<string, string | number> = {}): EventMessage => ({ key, params });

/** Days without contact, read from the pool sweep's reason ("No contact for 45 days; …"); null when it says otherwise. */
export function reasonDays(reason: string): number | null {
  const match = /no contact for (\d+) days?/i.exec(reason);
  return match ? Number(match[1]) : null;
}

/** The reasons the server writes itself for a new customer's first tier (in English), said in the UI language. */
const SYSTEM_TIER_REASONS: Record<string, EventKey> = {
  'initial tier: the lowest, until tier rules run': 'tierInitialLowest',
  'initial tier set at creation': 'tierInitialSet',
};

/** The default reason of a claim says nothing the headline does not; a reason typed by a person does. */
const SYSTEM_POOL_REASONS = /^claimed from the pool$/i;

/**
 * An event in words: a headline and its details. On a deal's own timeline the deal is not named again.
 * Pool warnings and reclaims carry an English reason written by the sweep; its day count is kept, the prose is not.
 */
export function describeEvent(e: TTimelineEvent, scope: TimelineScope, names: EventNames): EventDescription {
  switch (e.kind) {
    case 'activity': {
      const d = e.data;
      const details: EventMessage[] = [];
      if (d.outcome) details.push(msg('outcome', { outcome: names.outcome(d.outcome) }));
      if (d.durationMinutes) details.push(msg('duration', { n: d.durationMinutes }));
      const contact = d.contactId ? names.contact(d.contactId) : null;
      if (contact) details.push(msg('contact', { name: contact }));
      if (d.location) details.push(msg('location', { place: d.location }));
      return { headline: msg('activity', { kind: names.activityKind(d.activityKind), subject: d.subject }), details };
    }
    case 'stage_change': {
      const { dealName, from, to } = e.data;
      const here = scope === 'deal';
      const params = { deal: dealName, to: names.stage(to), ...(from ? { from: names.stage(from) } : {}) };
      const key: EventKey = from ? (here ? 'stageMovedHere' : 'stageMoved') : here ? 'stageEnteredHere' : 'stageEntered';
      return { headline: msg(key, params), details: [] };
    }
    case 'tier_change': {
      const { from, to, source, ruleVersion, reason } = e.data;
      const headline =
        from === null
          ? msg('tierSet', { to: names.tier(to) })
          : from.id === to.id
            ? msg('tierKept', { to: names.tier(to) })
            : msg('tierChanged', { from: names.tier(from), to: names.tier(to) });
      const initial = SYSTEM_TIER_REASONS[reason ?? ''];
      if (initial) return { headline, details: [msg(initial)] };
      const how =
        source === 'manual'
          ? msg('tierByHand')
          : ruleVersion !== null
            ? msg('tierByRule', { version: ruleVersion })
            : msg('tierByRuleUnversioned');
      return { headline, details: [how, ...(reason ? [msg('reason', { reason })] : [])] };
    }
    case 'order':
      return {
        headline: msg('order', { amount: names.money(e.data.amount, e.data.currency) }),
        details: e.data.externalId ? [msg('orderNumber', { number: e.data.externalId })] : [],
      };
    case 'payment':
      return {
        headline: msg('payment', { amount: names.money(e.data.amount, e.data.currency) }),
        // Its contract is the event's link.
        details: e.data.method ? [msg('paymentMethod', { method: e.data.method })] : [],
      };
    case 'assignment': {
      const { assignedUserId, ruleName } = e.data;
      if (assignedUserId === null)
        return { headline: ruleName ? msg('assignedNobodyRule', { rule: ruleName }) : msg('assignedNobody'), details: [] };
      const user = names.user(assignedUserId);
      return { headline: ruleName ? msg('assignedByRule', { rule: ruleName, user }) : msg('assigned', { user }), details: [] };
    }
    case 'pool': {
      const { action, userId, reason } = e.data;
      const user = userId ? names.user(userId) : null;
      if (action === 'claim' || action === 'release') {
        const details = reason && !SYSTEM_POOL_REASONS.test(reason) ? [msg('reason', { reason })] : [];
        return { headline: msg(action === 'claim' ? 'poolClaim' : 'poolRelease', { user: names.user(userId) }), details };
      }
      const days = reasonDays(reason);
      const details: EventMessage[] = [];
      if (days !== null) details.push(msg('poolDays', { n: days }));
      if (user) details.push(msg(action === 'reclaim' ? 'poolFormerOwner' : 'poolWarned', { user }));
      return { headline: msg(action === 'reclaim' ? 'poolReclaim' : 'poolWarning'), details };
    }
    case 'milestone': {
      const { name, dueDate, status, ownerId } = e.data;
      const details: EventMessage[] = [];
      if (dueDate) details.push(msg('due', { date: names.date(dueDate) }));
      if (ownerId) details.push(msg('assignee', { user: names.user(ownerId) }));
      if (status === 'done') details.push(msg('done'));
      return { headline: msg('milestone', { name }), details };
    }
    case 'deal_task': {
      const { title, department, dueDate, status, assigneeId } = e.data;
      const details: EventMessage[] = [];
      if (dueDate) details.push(msg('due', { date: names.date(dueDate) }));
      if (assigneeId) details.push(msg('assignee', { user: names.user(assigneeId) }));
      if (status !== 'open') details.push(msg(status === 'done' ? 'done' : 'inProgress'));
      return { headline: msg('dealTask', { title, department }), details };
    }
  }
}

export interface EventLink {
  to: string;
  /** A record's own name when we have one (a contract number, a deal's name), else a sentence. */
  label: string | EventMessage;
}

/**
 * Where an event leads: to its deal from a customer's timeline, to the contract of a payment, to the
 * purchases of an order (orders have no page of their own). Nothing that would only reload this page.
 */
export function eventLink(e: TTimelineEvent, scope: TimelineScope, dealName: (id: string) => string | null): EventLink | null {
  if (e.kind === 'payment')
    return { to: `/contracts/${e.data.contractId}`, label: msg('paymentContract', { number: e.data.contractNumber }) };
  if (e.kind === 'order' && e.customerId) return { to: `/customers/${e.customerId}?tab=purchases`, label: msg('openPurchases') };
  if (scope === 'customer' && e.dealId && (e.kind === 'activity' || e.kind === 'stage_change' || e.kind === 'assignment')) {
    // A stage change names its deal in the headline already.
    const name = e.kind === 'stage_change' ? null : dealName(e.dealId);
    return { to: `/deals/${e.dealId}`, label: name ?? msg('openDeal') };
  }
  return null;
}

/** Every person an event mentions (who did it and whom it concerns), to fetch their names at once. */
export function peopleOf(events: readonly TTimelineEvent[]): string[] {
  const ids = events.flatMap((e) => {
    const about =
      e.kind === 'assignment'
        ? [e.data.assignedUserId]
        : e.kind === 'pool'
          ? [e.data.userId]
          : e.kind === 'milestone'
            ? [e.data.ownerId]
            : e.kind === 'deal_task'
              ? [e.data.assigneeId]
              : [];
    return [e.actorId, ...about];
  });
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** An activity read from /activities, shaped as its timeline event, so a lead's activities read like a timeline. */
export function activityAsEvent(a: TActivity): TTimelineEvent {
  return {
    kind: 'activity',
    id: a.id,
    at: a.occurredAt,
    actorId: a.ownerId,
    customerId: a.customerId,
    dealId: a.dealId,
    data: {
      activityKind: a.kind,
      subject: a.subject,
      outcome: a.outcome,
      contactId: a.contactId,
      durationMinutes: a.durationMinutes,
      location: a.location,
    },
  };
}

/**
 * The day an event belongs to. A payment is received on a date (the server places it at midnight in the
 * organisation's zone), so it keeps that date whatever the reader's zone; everything else is a moment.
 */
export function eventDay(e: TTimelineEvent, timeZone: string): string {
  return e.kind === 'payment' ? e.data.receivedOn : dayKey(e.at, timeZone);
}

/** A payment has a date, not a time of day. */
export const hasTimeOfDay = (e: TTimelineEvent): boolean => e.kind !== 'payment';

/**
 * Who to name for an event without an actor: "the system" where the server says null means its own rules
 * (automatic assignment, the pool sweep, tier rules); nobody where it simply does not record who
 * (orders and payments come from integrations, milestones and tasks carry no author).
 */
export function actorless(e: TTimelineEvent): 'system' | 'unknown' {
  return e.kind === 'assignment' || e.kind === 'pool' || e.kind === 'tier_change' ? 'system' : 'unknown';
}
