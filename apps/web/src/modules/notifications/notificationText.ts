import type { TNotification } from '@tierline/contracts';
import type { serviceZh } from '../../app/i18n/zh-CN/service.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';

type Messages = typeof serviceZh.notifications;
export type NotificationMessageKey = keyof Messages['messages'];
export type NotificationDetailKey = keyof Messages['details'];

/** A message key of `notifications.messages` / `.details` with the values to put into it. */
export interface Phrase<K extends string> {
  key: K;
  values: Record<string, string | number>;
}

export interface NotificationText {
  message: Phrase<NotificationMessageKey>;
  /** A second, quieter line (the rule that assigned, the deadline to meet); null when there is nothing to add. */
  detail: Phrase<NotificationDetailKey> | null;
}

export interface WordingContext {
  locale: string;
  /** A tier's name in the reader's language; tiers are org data, so the caller looks them up. */
  tierName: (tierId: string) => string;
  /** The reader: a notification sent to a rep and their manager alike (training overdue) is worded for each. */
  userId?: string;
}

type Params = TNotification['params'];

const text = (params: Params, key: string): string => {
  const v = params[key];
  return v === null || v === undefined ? '' : String(v);
};
const present = (params: Params, key: string): boolean => text(params, key) !== '';

const ASSIGNMENT_KEYS: Record<string, NotificationMessageKey> = {
  customer: 'assignmentCustomer',
  lead: 'assignmentLead',
  deal: 'assignmentDeal',
};

/**
 * The words of a notification in the reader's language. The server stores no text, only the kind and
 * the facts (`params`, docs/decisions/0021), so a Chinese rep and an English manager each read their own
 * language, and dates appear in the reader's format. Missing facts never break a message: it falls back
 * to a plainer sentence.
 */
export function notificationText(n: Pick<TNotification, 'kind' | 'params' | 'entity'>, ctx: WordingContext): NotificationText {
  const p = n.params;
  const date = (key: string) => formatDateTime(text(p, key), ctx.locale);
  // Due and expiry dates are calendar days (YYYY-MM-DD), shown without a time.
  const day = (key: string) => formatDate(text(p, key), ctx.locale);
  const phrase = (key: NotificationMessageKey, values: Phrase<NotificationMessageKey>['values'] = {}) => ({ key, values });
  switch (n.kind) {
    case 'assignment': {
      const entity = text(p, 'entity') || n.entity || '';
      if (entity === 'service_request')
        return {
          message: phrase('assignmentService', { title: text(p, 'title'), customerName: text(p, 'customerName') }),
          detail: present(p, 'slaDueAt') ? { key: 'respondBy', values: { at: date('slaDueAt') } } : null,
        };
      return {
        message: phrase(ASSIGNMENT_KEYS[entity] ?? 'assignmentOther', { name: text(p, 'name') }),
        detail: present(p, 'ruleName') ? { key: 'byRule', values: { rule: text(p, 'ruleName') } } : null,
      };
    }
    case 'task_due':
    case 'task_overdue':
      return {
        message: phrase(n.kind === 'task_due' ? 'taskDue' : 'taskOverdue', { title: text(p, 'title'), dueAt: date('dueAt') }),
        detail: null,
      };
    case 'pool_warning':
      return {
        message: phrase('poolWarning', {
          customerName: text(p, 'customerName'),
          days: text(p, 'daysSinceContact'),
          reclaimAt: date('reclaimAt'),
        }),
        detail: present(p, 'reclaimDays') ? { key: 'reclaimLimit', values: { days: text(p, 'reclaimDays') } } : null,
      };
    case 'pool_reclaim':
      return {
        message: phrase('poolReclaim', { customerName: text(p, 'customerName'), days: text(p, 'daysSinceContact') }),
        detail: present(p, 'reclaimDays') ? { key: 'reclaimLimit', values: { days: text(p, 'reclaimDays') } } : null,
      };
    case 'tier_change': {
      const source = text(p, 'source');
      const to = ctx.tierName(text(p, 'toTierId'));
      const customerName = text(p, 'customerName');
      return {
        // A customer's first tier has nothing to move from.
        message: present(p, 'fromTierId')
          ? phrase('tierChange', { customerName, from: ctx.tierName(text(p, 'fromTierId')), to })
          : phrase('tierSet', { customerName, to }),
        detail: source === 'manual' || source === 'rule' ? { key: source, values: {} } : null,
      };
    }
    case 'service_sla':
      return {
        message: phrase('serviceSla', { title: text(p, 'title'), customerName: text(p, 'customerName'), hours: text(p, 'slaHours') }),
        detail: null,
      };
    case 'level_recommendation':
      return { message: phrase('levelRecommendation'), detail: null };
    case 'level_changed': {
      // Levels are org data the server names in both languages at the time of the change.
      const name = (side: 'from' | 'to') => {
        const [mine, other] = ctx.locale.startsWith('zh') ? ['Zh', 'En'] : ['En', 'Zh'];
        return text(p, `${side}LevelName${mine}`) || text(p, `${side}LevelName${other}`);
      };
      const [from, to] = [name('from'), name('to')];
      const effectiveOn = formatDate(text(p, 'effectiveOn'), ctx.locale);
      const message = !to
        ? phrase('levelChangedPlain', { effectiveOn })
        : from
          ? phrase('levelChanged', { from, to, effectiveOn })
          : phrase('levelSet', { to, effectiveOn });
      return { message, detail: present(p, 'recommendation') ? { key: 'byEvaluation', values: {} } : null };
    }
    case 'review_submitted': {
      const cycleName = text(p, 'cycleName');
      const kind = text(p, 'reviewKind');
      if (kind === 'self' && present(p, 'repName'))
        return { message: phrase('reviewSubmittedSelf', { repName: text(p, 'repName'), cycleName }), detail: null };
      if (kind === 'manager' && present(p, 'reviewerName'))
        return { message: phrase('reviewSubmittedManager', { reviewerName: text(p, 'reviewerName'), cycleName }), detail: null };
      return { message: phrase('reviewSubmitted'), detail: null };
    }
    case 'training_assigned': {
      const courseTitle = text(p, 'courseTitle');
      const source = text(p, 'source');
      const key: NotificationMessageKey =
        source === 'trigger' ? 'trainingAssignedTrigger' : source === 'recertification' ? 'trainingAssignedRecert' : 'trainingAssigned';
      return {
        message: phrase(key, { courseTitle }),
        detail: present(p, 'dueOn') ? { key: 'completeBy', values: { dueOn: day('dueOn') } } : null,
      };
    }
    case 'training_due_soon':
      return {
        message: present(p, 'dueOn')
          ? phrase('trainingDueSoon', { courseTitle: text(p, 'courseTitle'), dueOn: day('dueOn') })
          : phrase('trainingDueSoonPlain', { courseTitle: text(p, 'courseTitle') }),
        detail: null,
      };
    case 'training_overdue': {
      // The same facts go to the rep and to their manager: the manager's copy names the rep, the rep's own does not.
      const courseTitle = text(p, 'courseTitle');
      const dueOn = day('dueOn');
      const named = present(p, 'repName') && !(ctx.userId && text(p, 'repId') === ctx.userId);
      return {
        message: named
          ? phrase('trainingOverdueOf', { repName: text(p, 'repName'), courseTitle, dueOn })
          : phrase('trainingOverdue', { courseTitle, dueOn }),
        detail: null,
      };
    }
    case 'certification_expiring': {
      const name = text(p, 'certificationName') || text(p, 'name') || text(p, 'courseTitle');
      return {
        message: present(p, 'expiresOn')
          ? phrase('certificationExpiring', { name, expiresOn: day('expiresOn') })
          : phrase('certificationExpiringPlain', { name }),
        // The reminders job enrols the rep in the course again for the renewal.
        detail: present(p, 'courseTitle') ? { key: 'recertify', values: { courseTitle: text(p, 'courseTitle') } } : null,
      };
    }
    default:
      return { message: phrase('other'), detail: null };
  }
}

/**
 * Where clicking a notification takes the reader: the record it is about. Tasks have no page of their
 * own; they live in 我的一天 (/activities); enrolments open on 我的学习. Null when the record kind has no page
 * (nothing to open).
 */
export function entityRoute(entity: string | null, entityId: string | null): string | null {
  if (!entity) return null;
  if (entity === 'task') return '/activities';
  // Training: an enrolment opens on 我的学习 (its drawer, at ?learn=); a certification lives there too.
  if (entity === 'enrolment') return entityId ? `/training?learn=${encodeURIComponent(entityId)}` : '/training';
  if (entity === 'certification') return '/training';
  if (!entityId) return null;
  switch (entity) {
    case 'customer':
      return `/customers/${entityId}`;
    case 'deal':
      return `/deals/${entityId}`;
    case 'lead':
      return `/leads/${entityId}`;
    case 'service_request':
      return `/service/${entityId}`;
    // A review opens the reviews page (its cycle is the open one); a level change the rep's own scorecard.
    case 'review':
      return '/performance/reviews';
    case 'level_decision':
      return '/performance';
    default:
      return null;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/**
 * "3 分钟前", "yesterday", "5 days ago" — how long ago something happened, in the reader's language.
 * Under a minute is "now"; after a week the date itself is clearer than "23 days ago".
 */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 60) return format.format(0, 'second');
  if (seconds >= 7 * 24 * 60 * 60) return formatDateTime(iso, locale);
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [u, s] of UNITS) if (seconds >= s) [unit, size] = [u, s];
  return format.format(-Math.floor(seconds / size), unit);
}
