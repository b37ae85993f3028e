import { moveDeal } from '../modules/deals/dealMoves.usecases.ts';
import { addMilestone, addTask, setDealContacts, setDealLines } from '../modules/deals/dealParts.usecases.ts';
import { createDeal } from '../modules/deals/deals.usecases.ts';
import { createDealsBatch } from '../modules/deals/dealsBatch.usecases.ts';
import { CATALOGUE, PROJECT_PRODUCTS, type Product } from './catalogue.ts';
import { as, type DemoCustomer, type DemoDeal, type DemoUser, type DemoWorld, type ProcessType, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';
import { LOSS_REASONS } from './vocabulary.ts';

const PROCESS_MIX: Record<DemoCustomer['plannedTier'], [ProcessType, number][]> = {
  ka: [
    ['project', 4],
    ['long', 4],
    ['short', 2],
  ],
  vip: [
    ['long', 4.5],
    ['short', 4],
    ['project', 1.5],
  ],
  smb: [
    ['short', 8.5],
    ['long', 1.5],
  ],
};
/** Days from creation to close, and the share won, per process type. */
const CYCLE: Record<ProcessType, { days: [number, number]; winRate: number }> = {
  short: { days: [10, 45], winRate: 0.42 },
  long: { days: [60, 210], winRate: 0.3 },
  project: { days: [90, 270], winRate: 0.35 },
};
const PROJECT_NAMES = ['智能工厂建设', '数字化车间改造', '产线自动化升级', '仓储物流自动化', 'MES 系统实施', '工业网络改造'];
const MILESTONES = ['需求调研报告确认', '解决方案评审通过', '技术验证 (POC) 完成'];
const DEAL_TASKS = [
  ['出具技术方案与报价清单', '售前技术部'],
  ['合同条款审核', '法务部'],
  ['交付排期与资源评估', '交付中心'],
  ['现场勘察', '工程部'],
] as const;

/** Lines priced from the catalogue with a discount within every tier's cap (0–8 %), scaled to a target amount. */
function linesFor(rng: Rng, type: ProcessType, target: number) {
  const pool = type === 'short' ? CATALOGUE.filter((p) => p.price < 100_000) : PROJECT_PRODUCTS;
  const picks: Product[] = rng.sample(pool, type === 'project' ? rng.int(2, 4) : rng.int(1, 3));
  const discountPct = rng.pick([0, 0, 3, 5, 8]);
  let cents = 0;
  const lines = picks.map((p) => {
    const quantity = Math.max(1, Math.round(target / picks.length / p.price));
    cents += Math.round(quantity * p.price * (100 - discountPct));
    return { productCode: p.code, productName: p.name, quantity: String(quantity), unitPrice: p.price.toFixed(2), discountPct };
  });
  return { lines, amount: (cents / 100).toFixed(2), first: picks[0] };
}

/** Deal names as a rep writes them: 字号+行业词, then what it is about. */
const LONG_SUFFIX: Record<string, string> = {
  工业软件: '部署项目',
  网络与安全: '升级项目',
  云服务订阅: '',
  实施服务: '项目',
  维保与培训: '续签',
};
function dealName(rng: Rng, c: DemoCustomer, type: ProcessType, product: Product) {
  if (type === 'project') return `${c.shortName}${rng.pick(PROJECT_NAMES)}项目`;
  const what = product.name.replace(/（.*）/, '').replaceAll(' ', '');
  return `${c.shortName}${what}${type === 'long' ? (LONG_SUFFIX[product.category] ?? '采购项目') : '采购'}`;
}

/** Moments after `from`, one per step, spread evenly until `to`, each at least 10 minutes after the one before. */
function spread(w: DemoWorld, rng: Rng, from: Date, toDay: number, steps: number): Date[] {
  const fromDay = w.time.dayOf(from);
  const out: Date[] = [];
  let last = from.getTime();
  for (let k = 1; k <= steps; k++) {
    const day = Math.round(fromDay + ((toDay - fromDay) * k) / steps);
    const at = Math.max(w.time.officeHours(rng, day).getTime(), last + 10 * 60_000);
    out.push(new Date(at));
    last = at;
  }
  return out;
}

type PlannedDeal = {
  c: DemoCustomer;
  type: ProcessType;
  createdDay: number;
  length: number;
  outcome: DemoDeal['outcome'];
  name: string;
  lines: ReturnType<typeof linesFor>['lines'];
  amount: string;
};

function planDeals(w: DemoWorld, rng: Rng): PlannedDeal[] {
  const owned = w.customers.filter((c) => c.owner);
  const weightOf = (c: DemoCustomer) => (c.plannedTier === 'ka' ? 8 : c.plannedTier === 'vip' ? 3 : 1);
  return Array.from({ length: scaled(w, 400, 10) }, () => {
    const c = rng.weighted(owned, weightOf);
    let type = rng.weighted(PROCESS_MIX[c.plannedTier], (x) => x[1])[0];
    if (c.contacts.length < 2) type = 'short';
    const createdDay = rng.int(Math.max(c.createdDay + 1, -360), -1);
    const length = rng.int(...CYCLE[type].days);
    // A tenth of the deals slip: still open after their expected close date.
    const ends = createdDay + length < 0 && !rng.chance(0.1);
    const outcome = ends ? (rng.chance(CYCLE[type].winRate) ? 'won' : 'lost') : 'open';
    const target =
      type === 'short'
        ? 8_000 + rng.pareto(1.3, 40) * 12_000
        : type === 'long'
          ? 80_000 + rng.pareto(1.3, 30) * 60_000
          : 300_000 + rng.pareto(1.3, 10) * 250_000;
    const { lines, amount, first } = linesFor(rng, type, target);
    return { c, type, createdDay, length, outcome, name: dealName(rng, c, type, first), lines, amount } as PlannedDeal;
  }).sort((a, b) => a.createdDay - b.createdDay);
}

const rolesOf = (c: DemoCustomer, type: ProcessType) =>
  type === 'short'
    ? [{ contactId: c.contacts[0].id, role: 'decision_maker' as const }]
    : [
        { contactId: c.contacts[0].id, role: 'decision_maker' as const },
        { contactId: c.contacts[1].id, role: 'economic_buyer' as const },
        ...(c.contacts[2] ? [{ contactId: c.contacts[2].id, role: 'influencer' as const }] : []),
      ];

/**
 * Deals across the three pipelines. The year's closed deals are recorded month by month through the deals batch
 * (the path that takes created and closed dates: won, or lost with its reason); the won ones then get their
 * products and buying roles, and projects their milestones, from their owners. Open deals are created by their
 * owners on their day and moved stage by stage through the gates (contacts with buying roles, amounts, close
 * dates, milestones) to where they stand today.
 */
export async function createDeals(w: DemoWorld, rng: Rng): Promise<DemoDeal[]> {
  const planned = planDeals(w, rng);
  const closed = planned.filter((d) => d.outcome !== 'open');
  const deals: DemoDeal[] = [];
  const months = new Map<string, { d: PlannedDeal; closedAt: Date }[]>();
  for (const d of closed) {
    const closedAt = w.time.officeHours(rng, d.createdDay + d.length);
    const month = w.time.date(w.time.dayOf(closedAt)).slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), { d, closedAt }]);
  }
  for (const batch of months.values()) {
    const last = Math.max(...batch.map((x) => x.closedAt.getTime()));
    const { ids } = await createDealsBatch(
      as(w, w.admin, new Date(Math.min(last + 3_600_000, w.time.now.getTime()))),
      batch.map(({ d, closedAt }) => ({
        name: d.name,
        processType: d.type,
        stageKey: d.outcome,
        customerId: d.c.id,
        ownerId: (d.c.owner as DemoUser).id,
        amount: d.amount,
        currency: 'CNY',
        expectedCloseDate: w.time.date(d.createdDay + d.length + rng.int(-10, 10)),
        lossReason: d.outcome === 'lost' ? rng.pick(LOSS_REASONS) : null,
        createdAt: w.time.officeHours(rng, d.createdDay).toISOString(),
        closedAt: closedAt.toISOString(),
      })),
    );
    for (const [i, { d, closedAt }] of batch.entries()) {
      const owner = d.c.owner as DemoUser;
      deals.push({
        id: ids[i],
        name: d.name,
        customer: d.c,
        owner,
        processType: d.type,
        amount: d.amount,
        createdDay: d.createdDay,
        outcome: d.outcome,
        closedDay: w.time.dayOf(closedAt),
      });
      if (d.outcome !== 'won') continue;
      const after = new Date(closedAt.getTime() + 30 * 60_000);
      await setDealLines(as(w, owner, after), ids[i], d.lines);
      await setDealContacts(as(w, owner, after), ids[i], rolesOf(d.c, d.type));
      if (d.type === 'project')
        for (const [k, name] of MILESTONES.entries())
          await addMilestone(as(w, owner, after), ids[i], {
            name,
            dueDate: w.time.date(d.createdDay + Math.round((d.length * (k + 1)) / 4)),
            status: 'done',
          });
    }
  }
  for (const d of planned.filter((x) => x.outcome === 'open')) deals.push(await createOpenDeal(w, rng, d));
  return deals;
}

/** An open deal, created by its owner and moved through the gates to the stage its age suggests. */
async function createOpenDeal(w: DemoWorld, rng: Rng, d: PlannedDeal): Promise<DemoDeal> {
  const { c, type, createdDay, length } = d;
  const owner = c.owner as DemoUser;
  const pipeline = w.pipelines[type];
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  const reach = Math.min(open.length - 1, Math.floor((-createdDay / length) * open.length));
  const createdAt = w.time.officeHours(rng, createdDay);
  let deal = await createDeal(as(w, owner, createdAt), {
    name: d.name,
    pipelineId: pipeline.id,
    customerId: c.id,
    amount: d.amount,
    currency: 'CNY',
    expectedCloseDate: w.time.date(createdDay + length),
    contacts: rolesOf(c, type),
    lines: d.lines,
  });
  if (type === 'project') {
    const contractStage = open.findIndex((s) => s.key === 'contract');
    for (const [k, name] of MILESTONES.entries())
      await addMilestone(as(w, owner, new Date(createdAt.getTime() + (k + 1) * 60_000)), deal.id, {
        name,
        dueDate: w.time.date(createdDay + Math.round((length * (k + 1)) / 4)),
        status: reach >= contractStage || k < reach - 1 ? 'done' : 'open',
      });
    for (const [title, department] of rng.sample(DEAL_TASKS, rng.int(1, 2)))
      await addTask(as(w, owner, new Date(createdAt.getTime() + 5 * 60_000)), deal.id, {
        title,
        department,
        dueDate: w.time.date(createdDay + rng.int(7, 30)),
        status: rng.pick(['open', 'in_progress', 'done'] as const),
      });
  }
  const times = spread(w, rng, new Date(createdAt.getTime() + 10 * 60_000), -1, reach);
  for (const [k, stage] of open.slice(1, reach + 1).entries())
    deal = await moveDeal(as(w, owner, times[k]), deal.id, deal.version, { stageId: stage.id });
  return {
    id: deal.id,
    name: d.name,
    customer: c,
    owner,
    processType: type,
    amount: d.amount,
    createdDay,
    outcome: 'open',
    closedDay: null,
  };
}
