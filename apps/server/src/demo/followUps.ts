import { actOnServiceRequest, createServiceRequest } from '../modules/serviceRequests/serviceRequests.usecases.ts';
import { completeTask } from '../modules/tasks/taskCompletion.usecases.ts';
import { createTask } from '../modules/tasks/tasks.usecases.ts';
import { IMPORT_DAY } from './accounts.ts';
import { as, type DemoCustomer, type DemoUser, type DemoWorld, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';

const TASKS = [
  ['电话回访', 'call'],
  ['发送报价', 'email'],
  ['上门拜访', 'visit'],
  ['准备季度业务回顾材料', 'meeting'],
  ['催收到期款项', 'call'],
  ['确认交付时间', 'call'],
  ['寄送样品并确认收货', 'email'],
] as const;
const SLA_HOURS = { ka: 4, vip: 12, smb: 24 } as const;
const REQUESTS = [
  ['设备报警无法复位', 'urgent'],
  ['系统登录异常', 'high'],
  ['备件发货延迟', 'normal'],
  ['发票信息需更正', 'low'],
  ['申请现场技术支持', 'high'],
  ['软件升级后报表数据不一致', 'normal'],
  ['交换机端口故障', 'high'],
  ['咨询操作员培训安排', 'low'],
] as const;
const CHANNELS = ['phone', 'phone', 'wechat', 'email', 'portal', 'visit'] as const;

/**
 * Follow-up tasks set by hand: most of the past ones done (completing one logs its contact), the open ones due over
 * the next two weeks — and some already overdue. Completed tasks end no later than the customer's planned last
 * contact, so they do not change who is about to return to the pool.
 */
export async function createFollowUpTasks(w: DemoWorld, rng: Rng) {
  const owned = w.customers.filter((c) => c.owner && c.lastContactDay !== null);
  let count = 0;
  for (const c of rng.sample(owned, scaled(w, 240, 5))) {
    const owner = c.owner as DemoUser;
    const [what, kind] = rng.pick(TASKS);
    const done = rng.chance(0.5) && (c.lastContactDay as number) > c.createdDay + 3;
    const dueDay = done
      ? rng.int(Math.max(c.createdDay + 2, (c.lastContactDay as number) - 60), c.lastContactDay as number)
      : rng.int(-10, 14);
    const createdDay = Math.min(dueDay - rng.int(1, 7), -1);
    const byManager = rng.chance(0.2);
    const task = await createTask(as(w, byManager ? c.team.manager : owner, w.time.officeHours(rng, Math.max(createdDay, c.createdDay))), {
      title: `${what}：${c.shortName}`,
      dueAt: w.time.at(dueDay, rng.pick([10, 14, 17]) * 60).toISOString(),
      assigneeId: owner.id,
      priority: rng.pick(['normal', 'normal', 'high', 'low', 'urgent'] as const),
      activityKind: kind,
      customerId: c.id,
    });
    count++;
    if (!done) continue;
    const at = w.time.officeHours(rng, dueDay);
    await completeTask(as(w, owner, new Date(at.getTime() + 20 * 60_000)), task.id, task.version, {
      outcome: kind === 'email' ? 'reached' : rng.pick(['reached', 'interested', 'follow_up'] as const),
      occurredAt: at.toISOString(),
      notes: '已按计划完成。',
    });
  }
  return count;
}

/**
 * Service requests (客户服务) of the last two months, mostly from bigger customers: most answered within the tier's
 * SLA and resolved, some answered late, a few still open — the older of those breaching their SLA.
 */
export async function createServiceRequests(w: DemoWorld, rng: Rng) {
  const owned = w.customers.filter((c) => c.owner);
  const weightOf = (c: DemoCustomer) => (c.plannedTier === 'ka' ? 10 : c.plannedTier === 'vip' ? 4 : 1);
  const n = scaled(w, 30, 3);
  for (let i = 0; i < n; i++) {
    const c = rng.weighted(owned, weightOf);
    const owner = c.owner as DemoUser;
    const [title, priority] = rng.pick(REQUESTS);
    const fate =
      i < 2
        ? 'open'
        : rng.weighted(['resolved', 'answered', 'open', 'late'] as const, (f) => ({ resolved: 55, answered: 15, open: 15, late: 15 })[f]);
    const day = fate === 'open' ? rng.int(-6, -1) : rng.int(-60, -3);
    const openedAt = w.time.officeHours(rng, day);
    const sla = SLA_HOURS[c.createdDay === IMPORT_DAY ? c.plannedTier : 'smb'] * 3_600_000; // newer customers are SMB until the rules run
    const request = await createServiceRequest(as(w, owner, new Date(openedAt.getTime() + rng.int(5, 40) * 60_000)), {
      customerId: c.id,
      contactId: c.contacts[0]?.id ?? null,
      title,
      description: `${c.contacts[0]?.name ?? '客户'}来电反映：${title}，请尽快处理。`,
      channel: rng.pick(CHANNELS),
      priority,
      openedAt: openedAt.toISOString(),
    });
    if (fate === 'open') continue;
    const answeredAt = new Date(openedAt.getTime() + sla * (fate === 'late' ? 1.2 + rng.next() * 2 : 0.2 + rng.next() * 0.7));
    if (answeredAt > w.time.now) continue;
    await actOnServiceRequest(as(w, owner, answeredAt), request.id, 'answer', {});
    if (fate === 'answered') continue;
    const resolvedAt = new Date(answeredAt.getTime() + rng.int(2, 48) * 3_600_000);
    if (resolvedAt > w.time.now) continue;
    await actOnServiceRequest(as(w, owner, resolvedAt), request.id, 'resolve', { resolution: '已远程指导客户处理，问题解决，客户确认。' });
  }
  return n;
}
