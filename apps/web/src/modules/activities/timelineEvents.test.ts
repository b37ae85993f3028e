import type { TActivity, TTimelineEvent } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  activityAsEvent,
  actorless,
  describeEvent,
  type EventNames,
  eventDay,
  eventLink,
  hasTimeOfDay,
  peopleOf,
  reasonDays,
} from './timelineEvents.ts';

const names: EventNames = {
  user: (id) => (id ? `user:${id}` : 'someone'),
  tier: (ref) => `tier:${ref.key}`,
  contact: (id) => (id === 'ct1' ? '李秀英' : null),
  stage: (ref) => ref.nameZh,
  money: (amount, currency) => `${currency} ${amount}`,
  date: (date) => `date:${date}`,
  activityKind: (kind) => `kind:${kind}`,
  outcome: (outcome) => `outcome:${outcome}`,
};

const base = { id: 'e1', at: '2025-03-01T06:00:00.000Z', actorId: 'u1', customerId: 'c1', dealId: null };
const event = (e: Record<string, unknown>) => ({ ...base, ...e }) as TTimelineEvent;
const stage = (nameZh: string) => ({ id: nameZh, nameZh, nameEn: nameZh });

describe('describeEvent', () => {
  it('an activity: kind and subject, then outcome, duration, contact and place', () => {
    const visit = event({
      kind: 'activity',
      data: {
        activityKind: 'visit',
        subject: '现场调研',
        outcome: 'interested',
        contactId: 'ct1',
        durationMinutes: 90,
        location: '苏州工厂',
      },
    });
    expect(describeEvent(visit, 'customer', names)).toEqual({
      headline: { key: 'activity', params: { kind: 'kind:visit', subject: '现场调研' } },
      details: [
        { key: 'outcome', params: { outcome: 'outcome:interested' } },
        { key: 'duration', params: { n: 90 } },
        { key: 'contact', params: { name: '李秀英' } },
        { key: 'location', params: { place: '苏州工厂' } },
      ],
    });
  });
  it('an activity without extras, or with a contact we cannot name, has no details', () => {
    const note = event({
      kind: 'activity',
      data: { activityKind: 'note', subject: '备忘', outcome: null, contactId: 'gone', durationMinutes: null, location: null },
    });
    expect(describeEvent(note, 'customer', names).details).toEqual([]);
  });
  it('a stage change names the deal on the customer’s timeline, not on the deal’s own', () => {
    const moved = event({ kind: 'stage_change', dealId: 'd1', data: { dealName: '二期', from: stage('初步接洽'), to: stage('提交方案') } });
    expect(describeEvent(moved, 'customer', names).headline).toEqual({
      key: 'stageMoved',
      params: { deal: '二期', from: '初步接洽', to: '提交方案' },
    });
    expect(describeEvent(moved, 'deal', names).headline.key).toBe('stageMovedHere');
    const created = event({ kind: 'stage_change', dealId: 'd1', data: { dealName: '二期', from: null, to: stage('初步接洽') } });
    expect(describeEvent(created, 'customer', names).headline).toEqual({ key: 'stageEntered', params: { deal: '二期', to: '初步接洽' } });
    expect(describeEvent(created, 'deal', names).headline.key).toBe('stageEnteredHere');
  });
  it('a tier change: from and to by name, by rule version or by hand, with the reason', () => {
    const tier = (key: string) => ({ id: key, key });
    const byRule = event({
      kind: 'tier_change',
      data: { from: tier('smb'), to: tier('vip'), source: 'rule', ruleVersion: 3, reason: null },
    });
    expect(describeEvent(byRule, 'customer', names)).toEqual({
      headline: { key: 'tierChanged', params: { from: 'tier:smb', to: 'tier:vip' } },
      details: [{ key: 'tierByRule', params: { version: 3 } }],
    });
    const byHand = event({
      kind: 'tier_change',
      data: { from: null, to: tier('ka'), source: 'manual', ruleVersion: null, reason: '战略客户' },
    });
    expect(describeEvent(byHand, 'customer', names)).toEqual({
      headline: { key: 'tierSet', params: { to: 'tier:ka' } },
      details: [
        { key: 'tierByHand', params: {} },
        { key: 'reason', params: { reason: '战略客户' } },
      ],
    });
    // The server's own English reason for a new customer's tier is said in the UI language, and is not "by hand".
    const initial = event({
      kind: 'tier_change',
      data: { from: null, to: tier('smb'), source: 'manual', ruleVersion: null, reason: 'initial tier: the lowest, until tier rules run' },
    });
    expect(describeEvent(initial, 'customer', names).details).toEqual([{ key: 'tierInitialLowest', params: {} }]);
    // Pinning without changing the tier writes a history row too.
    const pinned = event({
      kind: 'tier_change',
      data: { from: tier('ka'), to: tier('ka'), source: 'manual', ruleVersion: null, reason: null },
    });
    expect(describeEvent(pinned, 'customer', names).headline.key).toBe('tierKept');
  });
  it('an order and a payment with their amounts in their currency', () => {
    const order = event({ kind: 'order', data: { externalId: 'SO-1001', amount: '62400.00', currency: 'CNY' } });
    expect(describeEvent(order, 'customer', names)).toEqual({
      headline: { key: 'order', params: { amount: 'CNY 62400.00' } },
      details: [{ key: 'orderNumber', params: { number: 'SO-1001' } }],
    });
    const payment = event({
      kind: 'payment',
      data: { contractId: 'k1', contractNumber: 'HT-7', receivedOn: '2025-03-01', amount: '1000.50', currency: 'USD', method: null },
    });
    // Its contract is its link, not a detail.
    expect(describeEvent(payment, 'deal', names)).toEqual({ headline: { key: 'payment', params: { amount: 'USD 1000.50' } }, details: [] });
    expect(describeEvent({ ...payment, data: { ...payment.data, method: '银行转账' } } as TTimelineEvent, 'deal', names).details).toEqual([
      { key: 'paymentMethod', params: { method: '银行转账' } },
    ]);
  });
  it('an assignment: to whom, by which rule; or that nobody could take it', () => {
    const data = { entity: 'customer', entityId: 'c1', assignedUserId: 'u2', ruleId: 'r1', ruleName: 'KA → 高级' };
    expect(describeEvent(event({ kind: 'assignment', data }), 'customer', names).headline).toEqual({
      key: 'assignedByRule',
      params: { rule: 'KA → 高级', user: 'user:u2' },
    });
    const manual = event({ kind: 'assignment', data: { ...data, ruleId: null, ruleName: null } });
    expect(describeEvent(manual, 'customer', names).headline).toEqual({ key: 'assigned', params: { user: 'user:u2' } });
    const nobody = event({ kind: 'assignment', data: { ...data, assignedUserId: null } });
    expect(describeEvent(nobody, 'customer', names).headline).toEqual({ key: 'assignedNobodyRule', params: { rule: 'KA → 高级' } });
  });
  it('pool moves: who claimed or released, with a typed reason; a reclaim’s days read from the sweep’s reason', () => {
    const claim = event({ kind: 'pool', data: { action: 'claim', userId: 'u3', reason: 'claimed from the pool' } });
    expect(describeEvent(claim, 'customer', names)).toEqual({ headline: { key: 'poolClaim', params: { user: 'user:u3' } }, details: [] });
    const release = event({ kind: 'pool', data: { action: 'release', userId: null, reason: '客户暂无需求' } });
    expect(describeEvent(release, 'customer', names)).toEqual({
      headline: { key: 'poolRelease', params: { user: 'someone' } },
      details: [{ key: 'reason', params: { reason: '客户暂无需求' } }],
    });
    const reclaim = event({
      kind: 'pool',
      actorId: null,
      data: { action: 'reclaim', userId: 'u3', reason: 'No contact for 45 days; the tier returns customers to the pool after 30 days' },
    });
    expect(describeEvent(reclaim, 'customer', names)).toEqual({
      headline: { key: 'poolReclaim', params: {} },
      details: [
        { key: 'poolDays', params: { n: 45 } },
        { key: 'poolFormerOwner', params: { user: 'user:u3' } },
      ],
    });
    const warning = event({ kind: 'pool', actorId: null, data: { action: 'warning', userId: 'u3', reason: 'something else' } });
    expect(describeEvent(warning, 'customer', names).details).toEqual([{ key: 'poolWarned', params: { user: 'user:u3' } }]);
  });
  it('a project’s milestone and task, with due date, owner and status', () => {
    const milestone = event({ kind: 'milestone', data: { name: '方案评审', dueDate: '2025-04-01', status: 'done', ownerId: 'u4' } });
    expect(describeEvent(milestone, 'deal', names)).toEqual({
      headline: { key: 'milestone', params: { name: '方案评审' } },
      details: [
        { key: 'due', params: { date: 'date:2025-04-01' } },
        { key: 'assignee', params: { user: 'user:u4' } },
        { key: 'done', params: {} },
      ],
    });
    const task = event({
      kind: 'deal_task',
      data: { title: '现场勘测', department: '工程部', dueDate: null, status: 'in_progress', assigneeId: null },
    });
    expect(describeEvent(task, 'deal', names)).toEqual({
      headline: { key: 'dealTask', params: { title: '现场勘测', department: '工程部' } },
      details: [{ key: 'inProgress', params: {} }],
    });
  });
});

describe('eventDay and time of day', () => {
  const payment = event({
    kind: 'payment',
    // Midnight of 1 March in Shanghai is still 28 February in UTC.
    at: '2025-02-28T16:00:00.000Z',
    data: { contractId: 'k1', contractNumber: 'HT-7', receivedOn: '2025-03-01', amount: '1', currency: 'CNY', method: null },
  });
  it('keeps a payment on the date it was received, in any zone, and shows no time for it', () => {
    expect(eventDay(payment, 'UTC')).toBe('2025-03-01');
    expect(eventDay(payment, 'America/New_York')).toBe('2025-03-01');
    expect(hasTimeOfDay(payment)).toBe(false);
  });
  it('puts other events on the day of their moment in the zone', () => {
    const order = event({ kind: 'order', at: '2025-02-28T16:30:00.000Z', data: { externalId: null, amount: '1', currency: 'CNY' } });
    expect(eventDay(order, 'UTC')).toBe('2025-02-28');
    expect(eventDay(order, 'Asia/Shanghai')).toBe('2025-03-01');
    expect(hasTimeOfDay(order)).toBe(true);
  });
});

describe('actorless', () => {
  it('calls the system what rules and the sweep do, and names nobody where the author is simply not recorded', () => {
    expect(actorless(event({ kind: 'pool', actorId: null, data: { action: 'reclaim', userId: null, reason: '' } }))).toBe('system');
    expect(
      actorless(
        event({ kind: 'assignment', data: { entity: 'customer', entityId: 'c1', assignedUserId: null, ruleId: null, ruleName: null } }),
      ),
    ).toBe('system');
    expect(actorless(event({ kind: 'order', data: { externalId: null, amount: '1', currency: 'CNY' } }))).toBe('unknown');
    expect(actorless(event({ kind: 'milestone', data: { name: 'm', dueDate: null, status: 'open', ownerId: null } }))).toBe('unknown');
  });
});

describe('reasonDays', () => {
  it('reads the day count of the sweep’s reasons, and nothing from other text', () => {
    expect(reasonDays('No contact for 12 days; returns to the pool on 2025-03-01 09:00 unless contacted (limit: 30 days)')).toBe(12);
    expect(reasonDays('No contact for 1 day; …')).toBe(1);
    expect(reasonDays('客户要求退回')).toBeNull();
  });
});

describe('eventLink', () => {
  const dealName = (id: string) => (id === 'd1' ? '二期' : null);
  it('leads from the customer’s timeline to the deal of an activity, by its name when known', () => {
    const call = event({
      kind: 'activity',
      dealId: 'd1',
      data: { activityKind: 'call', subject: 's', outcome: null, contactId: null, durationMinutes: null, location: null },
    });
    expect(eventLink(call, 'customer', dealName)).toEqual({ to: '/deals/d1', label: '二期' });
    expect(eventLink({ ...call, dealId: 'd2' }, 'customer', dealName)).toEqual({ to: '/deals/d2', label: { key: 'openDeal', params: {} } });
    // On the deal's own page the link would only reload it.
    expect(eventLink(call, 'deal', dealName)).toBeNull();
  });
  it('leads a payment to its contract and an order to the customer’s purchases', () => {
    const payment = event({
      kind: 'payment',
      data: { contractId: 'k1', contractNumber: 'HT-7', receivedOn: '2025-03-01', amount: '1', currency: 'CNY', method: null },
    });
    expect(eventLink(payment, 'deal', dealName)).toEqual({
      to: '/contracts/k1',
      label: { key: 'paymentContract', params: { number: 'HT-7' } },
    });
    const order = event({ kind: 'order', data: { externalId: null, amount: '1', currency: 'CNY' } });
    expect(eventLink(order, 'customer', dealName)?.to).toBe('/customers/c1?tab=purchases');
  });
  it('has nothing for a tier change or a pool move', () => {
    const tier = event({
      kind: 'tier_change',
      data: { from: null, to: { id: 't', key: 'ka' }, source: 'rule', ruleVersion: 1, reason: null },
    });
    expect(eventLink(tier, 'customer', dealName)).toBeNull();
  });
});

describe('peopleOf', () => {
  it('collects who acted and whom each event concerns, once each', () => {
    const events = [
      event({
        kind: 'assignment',
        actorId: null,
        data: { entity: 'customer', entityId: 'c1', assignedUserId: 'u2', ruleId: null, ruleName: null },
      }),
      event({ kind: 'pool', actorId: 'u1', data: { action: 'claim', userId: 'u1', reason: '' } }),
      event({ kind: 'deal_task', data: { title: 't', department: 'd', dueDate: null, status: 'open', assigneeId: 'u5' } }),
    ];
    expect(peopleOf(events).sort()).toEqual(['u1', 'u2', 'u5']);
  });
});

describe('activityAsEvent', () => {
  it('shapes a lead’s activity as its timeline event: at when it happened, by its owner', () => {
    const activity = {
      id: 'a1',
      kind: 'email',
      subject: '发送报价',
      notes: null,
      outcome: null,
      occurredAt: '2025-03-01T06:00:00.000Z',
      durationMinutes: null,
      customerId: null,
      contactId: null,
      dealId: null,
      leadId: 'l1',
      ownerId: 'u7',
      location: null,
    } as TActivity;
    expect(activityAsEvent(activity)).toMatchObject({
      kind: 'activity',
      id: 'a1',
      at: '2025-03-01T06:00:00.000Z',
      actorId: 'u7',
      data: { activityKind: 'email', subject: '发送报价' },
    });
  });
});
