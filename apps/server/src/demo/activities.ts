import type { TActivityCreate } from '@tierline/contracts';
import { createActivity } from '../modules/activities/activities.usecases.ts';
import { as, type DemoCustomer, type DemoUser, type DemoWorld, type TierKey } from './demoWorld.ts';
import type { Rng } from './random.ts';

type Kind = TActivityCreate['kind'];

/** Activities per customer in a full year, and how recently its owner was last in touch (days before as-of). */
const RHYTHM: Record<TierKey, { perYear: [number, number]; recent: [number, number]; lapsed: [number, number]; lapseRate: number }> = {
  ka: { perYear: [18, 30], recent: [1, 7], lapsed: [8, 20], lapseRate: 0.15 },
  vip: { perYear: [7, 13], recent: [1, 14], lapsed: [15, 40], lapseRate: 0.15 },
  // Small customers return to the pool after 30 days without contact (warned 3 days before): a few are close.
  smb: { perYear: [1, 5], recent: [1, 26], lapsed: [27, 29], lapseRate: 0.08 },
};
const KIND_MIX: Record<TierKey, [Kind, number][]> = {
  ka: [
    ['call', 30],
    ['visit', 25],
    ['meeting', 15],
    ['email', 18],
    ['note', 12],
  ],
  vip: [
    ['call', 35],
    ['visit', 20],
    ['meeting', 10],
    ['email', 20],
    ['note', 15],
  ],
  smb: [
    ['call', 45],
    ['visit', 10],
    ['meeting', 5],
    ['email', 25],
    ['note', 15],
  ],
};
const SUBJECTS: Record<Kind, string[]> = {
  call: ['电话沟通本季度采购计划', '电话回访设备使用情况', '确认报价单细节', '跟进付款进度', '了解新产线建设进度', '预约下周上门拜访'],
  visit: ['上门拜访，演示新品', '现场勘察产线', '拜访采购部，沟通年度框架协议', '售后回访，检查设备运行', '拜访技术总监，介绍解决方案'],
  meeting: ['方案评审会', '季度业务回顾 (QBR)', '技术交流会', '商务谈判会议', '项目启动会'],
  email: ['发送报价单', '发送合同草稿', '发送产品手册与案例', '发送会议纪要', '发送培训邀请'],
  note: [
    '客户内部预算调整，采购延后一个月',
    '竞争对手近期报价偏低，需关注',
    '客户新任采购经理已到岗',
    '客户计划明年扩建厂房',
    '客户对交付周期较为敏感',
  ],
};
const NOTES: Record<Kind, string[]> = {
  call: ['客户反馈良好，近期有补货需求。', '对方在开会，约定明天再联系。', '客户询问批量折扣，已答复将申请。'],
  visit: ['客户对新品兴趣较大，要求提供试用。', '设备运行正常，提出两条改进建议。', '见到采购经理与技术总监，需求已基本明确。'],
  meeting: ['双方确认方案范围与交付计划。', '客户提出预算上限，需调整配置。', '会议确定下一步由我方提交正式方案。'],
  email: ['附件已发送，等待客户确认。', '客户已回复，下周给出反馈。'],
  note: ['记录备查。'],
};
const OUTCOMES: Record<Kind, TActivityCreate['outcome'][]> = {
  call: ['reached', 'reached', 'interested', 'follow_up', 'no_answer', 'not_interested'],
  visit: ['reached', 'interested', 'follow_up', 'done'],
  meeting: ['done', 'interested', 'follow_up'],
  email: [null, null, 'reached', 'follow_up'],
  note: [null],
};

type Planned = { customer: DemoCustomer; owner: DemoUser; kind: Kind; at: Date };

/**
 * The contact rhythm of the last year: each owned customer gets calls, visits, meetings, emails and notes by its owner,
 * more the bigger it is, ending with a recent contact — a few key accounts and VIPs lapse past their cadence, and a
 * few small customers come close to returning to the pool. Logged in time order, each a little after it happened,
 * so last contact, cadence tasks and the timeline come out as they would have.
 */
export function planActivities(w: DemoWorld, rng: Rng): Planned[] {
  const planned: Planned[] = [];
  for (const c of w.customers) {
    if (!c.owner) continue;
    const rhythm = RHYTHM[c.plannedTier];
    const first = w.time.workdayFrom(Math.max(c.createdDay + 1, -365));
    const lastDay = -(rng.chance(rhythm.lapseRate) ? rng.int(...rhythm.lapsed) : rng.int(...rhythm.recent));
    // Moved off a weekend forwards, so "days since last contact" stays within the range drawn.
    const last = Math.max(w.time.workdayFrom(lastDay), first);
    c.lastContactDay = last;
    const count = Math.max(1, Math.round(rng.int(...rhythm.perYear) * Math.min(1, (-first + 1) / 365)));
    const days = [last, ...Array.from({ length: count - 1 }, () => rng.int(first, Math.max(first, last)))];
    for (const [k, day] of days.entries()) {
      const kind = k === 0 ? rng.pick<Kind>(['call', 'visit', 'email']) : rng.weighted(KIND_MIX[c.plannedTier], (x) => x[1])[0];
      planned.push({ customer: c, owner: c.owner, kind, at: w.time.officeHours(rng, w.time.workdayFrom(day, last)) });
    }
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function openDealOn(w: DemoWorld, c: DemoCustomer, day: number) {
  return w.deals.find((d) => d.customer === c && d.createdDay <= day && (d.closedDay === null || d.closedDay >= day));
}

export function activityInput(w: DemoWorld, rng: Rng, p: Planned): TActivityCreate {
  const c = p.customer;
  const contact = c.contacts.length ? rng.pick(c.contacts) : null;
  const deal = p.kind === 'note' ? undefined : openDealOn(w, c, w.time.dayOf(p.at));
  const others = c.contacts.filter((x) => x.id !== contact?.id);
  const visit = p.kind === 'visit';
  return {
    kind: p.kind,
    subject: rng.pick(SUBJECTS[p.kind]),
    notes: rng.chance(0.7) ? rng.pick(NOTES[p.kind]) : null,
    outcome: rng.pick(OUTCOMES[p.kind]),
    occurredAt: p.at.toISOString(),
    durationMinutes: p.kind === 'call' ? rng.int(3, 25) : visit ? rng.int(60, 180) : p.kind === 'meeting' ? rng.int(45, 120) : null,
    customerId: c.id,
    contactId: p.kind === 'note' ? null : (contact?.id ?? null),
    dealId: deal && rng.chance(0.6) ? deal.id : null,
    contactIds: p.kind === 'meeting' ? rng.sample(others, rng.int(0, 2)).map((x) => x.id) : [],
    userIds: p.kind === 'meeting' && rng.chance(0.3) ? [c.team.manager.id] : [],
    ...(visit
      ? {
          location: `${c.name}（${c.city.name}${c.district}）`,
          latitude: Math.round((c.city.lat + (rng.next() - 0.5) * 0.1) * 1e6) / 1e6,
          longitude: Math.round((c.city.lng + (rng.next() - 0.5) * 0.1) * 1e6) / 1e6,
        }
      : {}),
  };
}

/** Logs the year's activities through the activities use case, in time order. */
export async function createActivities(w: DemoWorld, rng: Rng) {
  const planned = planActivities(w, rng);
  for (const p of planned) {
    const input = activityInput(w, rng, p);
    await createActivity(as(w, p.owner, new Date(p.at.getTime() + rng.int(5, 90) * 60_000)), input);
  }
  return planned.length;
}
