import type { TNotification } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { entityRoute, notificationText, relativeTime } from './notificationText.ts';

const TIERS: Record<string, string> = { t1: 'KA', t2: 'VIP', t3: 'SMB' };
const ctx = { locale: 'en', tierName: (id: string) => TIERS[id] ?? '…' };
const note = (kind: TNotification['kind'], params: TNotification['params'], entity: string | null = null) => ({ kind, params, entity });

describe('notificationText', () => {
  it('words an assignment by the kind of record assigned, with the rule that chose', () => {
    expect(notificationText(note('assignment', { entity: 'customer', name: 'Acme', ruleName: 'KA → senior' }, 'customer'), ctx)).toEqual({
      message: { key: 'assignmentCustomer', values: { name: 'Acme' } },
      detail: { key: 'byRule', values: { rule: 'KA → senior' } },
    });
    expect(notificationText(note('assignment', { entity: 'lead', name: 'L', ruleName: null }), ctx)).toEqual({
      message: { key: 'assignmentLead', values: { name: 'L' } },
      detail: null,
    });
    expect(notificationText(note('assignment', { entity: 'deal', name: 'D' }), ctx).message.key).toBe('assignmentDeal');
    expect(notificationText(note('assignment', { entity: 'contract', name: 'C' }), ctx).message.key).toBe('assignmentOther');
  });

  it('words a service request assigned with its customer and the deadline to answer by', () => {
    const at = '2025-03-01T06:00:00.000Z';
    const text = notificationText(
      note('assignment', { entity: 'service_request', title: 'Printer down', customerName: 'Acme', slaDueAt: at }, 'service_request'),
      ctx,
    );
    expect(text.message).toEqual({ key: 'assignmentService', values: { title: 'Printer down', customerName: 'Acme' } });
    expect(text.detail).toEqual({ key: 'respondBy', values: { at: formatDateTime(at, 'en') } });
    // Without an SLA there is no deadline to name.
    expect(
      notificationText(note('assignment', { entity: 'service_request', title: 'x', customerName: 'y', slaDueAt: null }), ctx).detail,
    ).toBeNull();
  });

  it('falls back to the notification’s entity when params lack one', () => {
    expect(notificationText(note('assignment', { name: 'Acme' }, 'customer'), ctx).message.key).toBe('assignmentCustomer');
  });

  it('gives task reminders their title and due time in the reader’s format', () => {
    const dueAt = '2025-03-01T06:00:00.000Z';
    expect(notificationText(note('task_due', { title: 'Call back', dueAt }), { ...ctx, locale: 'zh-CN' }).message).toEqual({
      key: 'taskDue',
      values: { title: 'Call back', dueAt: formatDateTime(dueAt, 'zh-CN') },
    });
    expect(notificationText(note('task_overdue', { title: 'Call back', dueAt }), ctx).message.key).toBe('taskOverdue');
  });

  it('words pool warnings and reclaims with the days without contact and the tier’s limit', () => {
    const reclaimAt = '2025-04-01T00:00:00.000Z';
    expect(notificationText(note('pool_warning', { customerName: 'Acme', daysSinceContact: 25, reclaimDays: 30, reclaimAt }), ctx)).toEqual(
      {
        message: { key: 'poolWarning', values: { customerName: 'Acme', days: '25', reclaimAt: formatDateTime(reclaimAt, 'en') } },
        detail: { key: 'reclaimLimit', values: { days: '30' } },
      },
    );
    expect(notificationText(note('pool_reclaim', { customerName: 'Acme', daysSinceContact: 31, reclaimDays: 30 }), ctx).message).toEqual({
      key: 'poolReclaim',
      values: { customerName: 'Acme', days: '31' },
    });
  });

  it('names the tiers of a tier change, and says a first tier without a "from"', () => {
    expect(
      notificationText(note('tier_change', { customerName: 'Acme', fromTierId: 't2', toTierId: 't1', source: 'manual' }), ctx),
    ).toEqual({
      message: { key: 'tierChange', values: { customerName: 'Acme', from: 'VIP', to: 'KA' } },
      detail: { key: 'manual', values: {} },
    });
    const first = notificationText(note('tier_change', { customerName: 'Acme', fromTierId: null, toTierId: 't3', source: 'rule' }), ctx);
    expect(first.message).toEqual({ key: 'tierSet', values: { customerName: 'Acme', to: 'SMB' } });
    expect(first.detail?.key).toBe('rule');
  });

  it('words an SLA breach with the promised hours', () => {
    expect(notificationText(note('service_sla', { title: 'Down', customerName: 'Acme', slaHours: 4 }), ctx).message).toEqual({
      key: 'serviceSla',
      values: { title: 'Down', customerName: 'Acme', hours: '4' },
    });
  });

  it('words a level change in the reader’s language, with the date it took effect', () => {
    const params = {
      fromLevelId: 'l1',
      toLevelId: 'l2',
      effectiveOn: '2026-10-01',
      fromLevelNameZh: '中级',
      fromLevelNameEn: 'Mid',
      toLevelNameZh: '高级',
      toLevelNameEn: 'Senior',
      recommendation: 'promote',
    };
    expect(notificationText(note('level_changed', params, 'level_decision'), { ...ctx, locale: 'zh-CN' })).toEqual({
      message: { key: 'levelChanged', values: { from: '中级', to: '高级', effectiveOn: formatDate('2026-10-01', 'zh-CN') } },
      detail: { key: 'byEvaluation', values: {} },
    });
    expect(notificationText(note('level_changed', params), ctx).message.values).toEqual({
      from: 'Mid',
      to: 'Senior',
      effectiveOn: formatDate('2026-10-01', 'en'),
    });
  });

  it('falls back for a level change: the other language’s name, no "from", or no names at all', () => {
    const onlyZh = { toLevelNameZh: '高级', fromLevelNameZh: '中级', effectiveOn: '2026-10-01' };
    expect(notificationText(note('level_changed', onlyZh), ctx).message).toMatchObject({
      key: 'levelChanged',
      values: { from: '中级', to: '高级' },
    });
    expect(notificationText(note('level_changed', { toLevelNameEn: 'Junior', effectiveOn: '2026-10-01' }), ctx).message.key).toBe(
      'levelSet',
    );
    const plain = notificationText(note('level_changed', { effectiveOn: '2026-10-01' }), ctx);
    expect(plain).toEqual({ message: { key: 'levelChangedPlain', values: { effectiveOn: formatDate('2026-10-01', 'en') } }, detail: null });
  });

  it('words a submitted review by who wrote it: a rep’s self review to the manager, a manager’s review to the rep', () => {
    const base = { cycleName: '2026 Q3', period: '2026-Q3', repName: '陈静', reviewerName: '王经理' };
    expect(notificationText(note('review_submitted', { ...base, reviewKind: 'self' }, 'review'), ctx).message).toEqual({
      key: 'reviewSubmittedSelf',
      values: { repName: '陈静', cycleName: '2026 Q3' },
    });
    expect(notificationText(note('review_submitted', { ...base, reviewKind: 'manager' }, 'review'), ctx).message).toEqual({
      key: 'reviewSubmittedManager',
      values: { reviewerName: '王经理', cycleName: '2026 Q3' },
    });
    expect(notificationText(note('review_submitted', { reviewKind: 'manager', reviewerName: null }), ctx).message).toEqual({
      key: 'reviewSubmitted',
      values: {},
    });
  });

  it('words a course assigned by how it came: by hand, by an outcome rule, for re-certification; with its due date', () => {
    const params = { courseId: 'c1', courseTitle: 'Negotiation 101', dueOn: '2026-12-01', source: 'manual' };
    expect(notificationText(note('training_assigned', params, 'enrolment'), { ...ctx, locale: 'zh-CN' })).toEqual({
      message: { key: 'trainingAssigned', values: { courseTitle: 'Negotiation 101' } },
      detail: { key: 'completeBy', values: { dueOn: formatDate('2026-12-01', 'zh-CN') } },
    });
    expect(notificationText(note('training_assigned', { ...params, source: 'trigger' }), ctx).message.key).toBe('trainingAssignedTrigger');
    expect(notificationText(note('training_assigned', { ...params, source: 'recertification' }), ctx).message.key).toBe(
      'trainingAssignedRecert',
    );
    // Without a due date there is no deadline to name.
    expect(notificationText(note('training_assigned', { ...params, dueOn: null }), ctx).detail).toBeNull();
  });

  it('words training reminders with the due date as a calendar day', () => {
    const params = { courseTitle: 'Compliance', dueOn: '2026-12-01' };
    expect(notificationText(note('training_due_soon', params, 'enrolment'), ctx)).toEqual({
      message: { key: 'trainingDueSoon', values: { courseTitle: 'Compliance', dueOn: formatDate('2026-12-01', 'en') } },
      detail: null,
    });
    expect(notificationText(note('training_due_soon', { courseTitle: 'Compliance' }), ctx).message.key).toBe('trainingDueSoonPlain');
    expect(notificationText(note('training_overdue', params), ctx).message).toEqual({
      key: 'trainingOverdue',
      values: { courseTitle: 'Compliance', dueOn: formatDate('2026-12-01', 'en') },
    });
  });

  it('names the rep in the manager’s copy of an overdue reminder, not in the rep’s own', () => {
    const params = { courseTitle: 'Compliance', dueOn: '2026-12-01', repId: 'rep-1', repName: '陈静' };
    expect(notificationText(note('training_overdue', params), { ...ctx, userId: 'manager-1' }).message).toEqual({
      key: 'trainingOverdueOf',
      values: { repName: '陈静', courseTitle: 'Compliance', dueOn: formatDate('2026-12-01', 'en') },
    });
    expect(notificationText(note('training_overdue', params), { ...ctx, userId: 'rep-1' }).message.key).toBe('trainingOverdue');
  });

  it('words an expiring certification with its expiry date and the renewal course', () => {
    const params = { certificationName: 'Certified negotiator', expiresOn: '2027-01-31', courseTitle: 'Negotiation 101' };
    expect(notificationText(note('certification_expiring', params, 'enrolment'), ctx)).toEqual({
      message: { key: 'certificationExpiring', values: { name: 'Certified negotiator', expiresOn: formatDate('2027-01-31', 'en') } },
      detail: { key: 'recertify', values: { courseTitle: 'Negotiation 101' } },
    });
    expect(notificationText(note('certification_expiring', { name: 'Cert' }), ctx)).toEqual({
      message: { key: 'certificationExpiringPlain', values: { name: 'Cert' } },
      detail: null,
    });
  });

  it('has a plain sentence for kinds without facts to show', () => {
    expect(notificationText(note('level_recommendation', {}), ctx).message.key).toBe('levelRecommendation');
    expect(notificationText(note('other' as TNotification['kind'], {}), ctx).message.key).toBe('other');
  });
});

describe('entityRoute', () => {
  it('links each record kind to its page', () => {
    expect(entityRoute('customer', 'c1')).toBe('/customers/c1');
    expect(entityRoute('deal', 'd1')).toBe('/deals/d1');
    expect(entityRoute('lead', 'l1')).toBe('/leads/l1');
    expect(entityRoute('service_request', 's1')).toBe('/service/s1');
    expect(entityRoute('review', 'r1')).toBe('/performance/reviews');
    expect(entityRoute('level_decision', 'd1')).toBe('/performance');
  });
  it('opens an enrolment on my learning, in its drawer', () => {
    expect(entityRoute('enrolment', 'e1')).toBe('/training?learn=e1');
    expect(entityRoute('enrolment', null)).toBe('/training');
    expect(entityRoute('certification', 'c1')).toBe('/training');
  });
  it('sends tasks to my day, which lists them', () => {
    expect(entityRoute('task', 't1')).toBe('/activities');
  });
  it('has no link for records without a page, or without an id', () => {
    expect(entityRoute(null, null)).toBeNull();
    expect(entityRoute('customer', null)).toBeNull();
    expect(entityRoute('contract_line', 'x')).toBeNull();
  });
});

describe('relativeTime', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  it('says now under a minute (and for clocks slightly ahead)', () => {
    expect(relativeTime(ago(20), now, 'en')).toBe('now');
    expect(relativeTime(ago(-5), now, 'en')).toBe('now');
  });
  it('counts whole minutes, hours and days', () => {
    expect(relativeTime(ago(60), now, 'en')).toBe('1 minute ago');
    expect(relativeTime(ago(59 * 60 + 59), now, 'en')).toBe('59 minutes ago');
    expect(relativeTime(ago(3 * 3600 + 100), now, 'en')).toBe('3 hours ago');
    expect(relativeTime(ago(26 * 3600), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 86400), now, 'zh-CN')).toBe('3天前');
  });
  it('gives the date after a week', () => {
    const iso = ago(8 * 86400);
    expect(relativeTime(iso, now, 'en')).toBe(formatDateTime(iso, 'en'));
  });
});
