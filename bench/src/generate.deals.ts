/**
 * Deals over the three built-in pipelines, their stage history, and the contracts, payment plans and payments (回款) of
 * part of the won deals. About `dealsPerCustomer` deals per customer (more for bigger buyers), owned by the customer's
 * owner (a pool customer's by the rep who had it) with that rep's team stamped; ~60 % closed (won or lost, closed in the
 * history window after they were created), the rest open and spread over the open stages by age.
 */

import { contracts, installments, payments } from '../../apps/server/src/modules/contracts/contracts.table.ts';
import { dealStageHistory, deals } from '../../apps/server/src/modules/deals/deals.table.ts';
import {
  type Customers,
  cols,
  DAY,
  dateStart,
  f,
  type Gen,
  HOUR,
  iso,
  localDate,
  MINUTE,
  officeHours,
  type People,
  type RepQuarterStats,
} from './generate.shared.ts';
import { uuidv7At, WeightedPicker } from './prng.ts';
import { AS_OF, HISTORY_DAYS } from './scales.ts';
import { LOSS_REASONS, PAYMENT_METHODS, PRODUCT_CATEGORIES, PROJECT_NAMES } from './vocabulary.ts';

const TYPES = ['short', 'long', 'project'] as const;
/** Days from creation to close, the share won, and the deal size, per process type (as the demo organisation has them). */
const CYCLE = [
  { days: [10, 45], winRate: 0.42, base: 8_000, unit: 12_000, cap: 40 },
  { days: [60, 210], winRate: 0.3, base: 80_000, unit: 60_000, cap: 30 },
  { days: [90, 270], winRate: 0.35, base: 300_000, unit: 250_000, cap: 10 },
] as const;
/** Process mix for the biggest 5 % of buyers, the next 15 %, and the rest (short, long, project). */
const MIX = [new WeightedPicker([2, 4, 4]), new WeightedPicker([4, 4.5, 1.5]), new WeightedPicker([8.5, 1.5, 0])];
/** Payment plans per process type: shares of the amount and days after signing. */
const PLANS: [number, number][][][] = [
  [
    [[100, 15]],
    [
      [50, 7],
      [50, 45],
    ],
  ],
  [
    [
      [50, 15],
      [50, 90],
    ],
    [
      [30, 10],
      [40, 60],
      [30, 120],
    ],
  ],
  [
    [
      [30, 10],
      [40, 90],
      [30, 180],
    ],
    [
      [20, 10],
      [50, 120],
      [30, 240],
    ],
  ],
];
const CLOSED_SHARE = 0.6;
const CONTRACT_SHARE = 0.75;

/** Splits cents by percentages; the last share takes the rounding, so the plan sums exactly. */
function split(cents: number, shares: number[]): number[] {
  let left = cents;
  return shares.map((pct, i) => {
    const part = i === shares.length - 1 ? left : Math.round((cents * pct) / 100);
    left -= part;
    return part;
  });
}
const money = (cents: number) => (cents / 100).toFixed(2);
const shortName = (name: string) => name.replace(/(股份)?有限(责任)?公司.*$/, '').replace(/\(.*\)$/, '');

export type StageRef = { placeholder: string; kind: 'open' | 'won' | 'lost' };
/** The pipelines' stages in position order, by process type, as placeholders for their random ids. */
export async function pipelineStages(g: Gen, orgId: string) {
  const rows = await g.loader.query<{ type: string; pipeline_id: string; id: string; key: string; kind: StageRef['kind'] }>(
    `select p.process_type as type, p.id as pipeline_id, s.id, s.key, s.kind from stages s
     join pipelines p on p.org_id = s.org_id and p.id = s.pipeline_id where s.org_id = '${orgId}' order by p.process_type, s.position`,
  );
  return TYPES.map((type) => {
    const own = rows.filter((r) => r.type === type);
    const pipeline = `@PIPE_${type.toUpperCase()}@`;
    g.placeholders.set(pipeline, own[0].pipeline_id);
    const stages = own.map((s) => {
      const placeholder = `@STAGE_${type.toUpperCase()}_${s.key.toUpperCase()}@`;
      g.placeholders.set(placeholder, s.id);
      return { placeholder, kind: s.kind };
    });
    return {
      pipeline,
      open: stages.filter((s) => s.kind === 'open'),
      won: stages.find((s) => s.kind === 'won')!,
      lost: stages.find((s) => s.kind === 'lost')!,
    };
  });
}

export type DealsResult = {
  /** Per customer: the rows its timeline shows from here (stage history of undeleted deals, payments). */
  timelineEvents: Int32Array;
  deals: number;
  heavy: { deals: number; payments: number };
  writers: { table: string; rows: number; ms: number }[];
};

export async function generateDeals(
  g: Gen,
  orgId: string,
  people: People,
  c: Customers,
  skill: Float64Array,
  stats: RepQuarterStats,
  heavy: number,
): Promise<DealsResult> {
  const pipes = await pipelineStages(g, orgId);
  const rng = g.root.fork(12);
  const { n } = c;
  const asOf = AS_OF.getTime();
  const historyStart = asOf - HISTORY_DAYS * DAY;
  const sorted = Float64Array.from(c.propensity).sort();
  const cuts = [sorted[Math.floor(n * 0.95)], sorted[Math.floor(n * 0.8)]];

  // How many deals each customer has: like contacts, more for bigger buyers, fewer for the pool and the inactive — and
  // in proportion to its time in the history window, so a young customer's few deals do not crowd the last months.
  const weight = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    let w = c.propensity[i] > 0 ? Math.sqrt(c.propensity[i]) : 0.5;
    w *= (asOf - Math.max(c.createdAt[i], historyStart)) / (asOf - historyStart);
    if (c.ownerOf[i] < 0) w *= 0.6;
    if (c.inactiveOf[i]) w *= 0.5;
    weight[i] = w;
    weightSum += w;
  }
  const dealCount = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = ((weight[i] * g.scale.dealsPerCustomer * n) / weightSum) * (0.4 + 1.2 * rng.next());
    dealCount[i] = Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
    total += dealCount[i];
  }

  // Plan every deal: customer, process, dates, outcome, stage, amount.
  const dCust = new Int32Array(total);
  const dType = new Uint8Array(total);
  const dCreated = new Float64Array(total);
  const dClosed = new Float64Array(total).fill(Number.NaN);
  const dOutcome = new Uint8Array(total); // 0 open, 1 won, 2 lost
  const dStage = new Uint8Array(total); // index among the pipeline's open stages
  const dEntered = new Float64Array(total);
  const dCents = new Float64Array(total).fill(Number.NaN);
  const dExpected = new Float64Array(total);
  for (let i = 0, d = 0; i < n; i++) {
    if (!dealCount[i]) continue;
    const from = Math.max(c.createdAt[i], historyStart);
    const to = asOf - HOUR;
    const span = to - from;
    const size = c.propensity[i] >= cuts[0] && c.propensity[i] > 0 ? 0 : c.propensity[i] >= cuts[1] && c.propensity[i] > 0 ? 1 : 2;
    const owner = c.formerOwner[i];
    for (let k = 0; k < dealCount[i]; k++, d++) {
      const type = MIX[size].pick(rng);
      const cycle = CYCLE[type];
      let length = rng.int(cycle.days[0], cycle.days[1]) * DAY;
      dCust[d] = i;
      dType[d] = type;
      if (rng.chance(CLOSED_SHARE)) {
        if (span < length) length = span * (0.2 + 0.7 * rng.next()); // a young customer's deals close sooner
        const created = Math.max(from, officeHours(from + rng.next() * (span - length), rng));
        const closed = Math.min(to, Math.max(created + HOUR, officeHours(created + length, rng)));
        const won = rng.chance(Math.min(0.9, cycle.winRate * skill[owner]));
        dCreated[d] = created;
        dClosed[d] = closed;
        dEntered[d] = closed;
        dOutcome[d] = won ? 1 : 2;
      } else {
        // Open deals are mostly young and as far along as their age suggests; a fifth have gone stale, open long after
        // they should have closed, stuck at any stage.
        const stale = rng.chance(0.2);
        const start = stale ? from + rng.next() * span : Math.max(from, to - length * 1.2 * rng.next());
        const created = Math.min(to - HOUR, Math.max(from, officeHours(start, rng)));
        const reach = Math.min(0.999, stale ? rng.next() : ((asOf - created) / length) * (0.5 + 0.5 * rng.next()));
        dCreated[d] = created;
        dStage[d] = Math.floor(reach * pipes[type].open.length);
        dEntered[d] = dStage[d] === 0 ? created : created + (asOf - HOUR - created) * (0.3 + 0.6 * rng.next());
      }
      dExpected[d] = dCreated[d] + length + rng.int(-10, 10) * DAY;
      // Amount: required from the second stage on (gates) and to win; an early open deal may not have one yet.
      if (dOutcome[d] !== 0 || dStage[d] > 0 || rng.chance(0.7)) {
        const amount = (cycle.base + rng.pareto(1.3, cycle.cap) * cycle.unit) * (0.6 + 0.8 * rng.next());
        dCents[d] = Math.round(amount / 100) * 10_000;
      }
    }
  }
  const order = new Uint32Array(total);
  for (let d = 0; d < total; d++) order[d] = d;
  order.sort((a, b) => dCreated[a] - dCreated[b] || a - b);

  const dw = g.writer(
    deals,
    cols(
      deals.orgId,
      deals.id,
      deals.name,
      deals.pipelineId,
      deals.stageId,
      deals.customerId,
      deals.ownerId,
      deals.teamId,
      deals.amount,
      deals.currency,
      deals.expectedCloseDate,
      deals.forecastCategory,
      deals.lossReason,
      deals.stageEnteredAt,
      deals.closedAt,
      deals.createdAt,
      deals.updatedAt,
      deals.deletedAt,
    ),
  );
  const hw = g.writer(
    dealStageHistory,
    cols(
      dealStageHistory.orgId,
      dealStageHistory.id,
      dealStageHistory.dealId,
      dealStageHistory.stageId,
      dealStageHistory.enteredAt,
      dealStageHistory.leftAt,
      dealStageHistory.actorId,
    ),
  );
  const wrng = g.root.fork(13);
  const timelineEvents = new Int32Array(n);
  const dealIds: string[] = new Array(total);
  const dDeleted = new Uint8Array(total);
  let heavyDeals = 0;
  for (let s = 0; s < total; s++) {
    const d = order[s];
    const i = dCust[d];
    const type = dType[d];
    const pipe = pipes[type];
    const owner = c.formerOwner[i];
    const created = dCreated[d];
    const closed = dClosed[d];
    const id = uuidv7At(created, s, wrng);
    dealIds[d] = id;
    const stage = dOutcome[d] === 1 ? pipe.won : dOutcome[d] === 2 ? pipe.lost : pipe.open[dStage[d]];
    const category = wrng.pick(PRODUCT_CATEGORIES);
    const name =
      type === 2
        ? `${shortName(c.names[i])}${wrng.pick(PROJECT_NAMES)}项目`
        : `${shortName(c.names[i])}${wrng.pick(category.items)}${type === 1 ? '升级项目' : '采购'}`;
    const late = dStage[d] >= pipe.open.length - 2;
    const forecast =
      dOutcome[d] === 1 ? 'closed' : dOutcome[d] === 2 ? 'omitted' : late ? wrng.pick(['commit', 'best_case', 'pipeline']) : 'pipeline';
    const updated = dEntered[d];
    const deleted = i !== heavy && wrng.chance(0.003) ? Math.min(asOf - MINUTE, updated + wrng.int(1, 60) * DAY) : null;
    dDeleted[d] = deleted === null ? 0 : 1;
    const cents = dCents[d];
    await dw.row([
      '@ORG@',
      id,
      f(name),
      pipe.pipeline,
      stage.placeholder,
      c.ids[i],
      people.repIds[owner],
      people.teamIds[people.repTeam[owner]],
      Number.isNaN(cents) ? '' : money(cents),
      'CNY',
      localDate(dExpected[d]),
      forecast,
      dOutcome[d] === 2 ? f(wrng.pick(LOSS_REASONS)) : '',
      iso(dEntered[d]),
      Number.isNaN(closed) ? '' : iso(closed),
      iso(created),
      iso(deleted ?? updated),
      deleted === null ? '' : iso(deleted),
    ]);
    // One history row, for the stage the deal is in (as the deals batch import records a migrated deal).
    await hw.row(['@ORG@', uuidv7At(dEntered[d], s, wrng), id, stage.placeholder, iso(dEntered[d]), '', people.repIds[owner]]);
    if (deleted === null) {
      timelineEvents[i]++;
      if (dOutcome[d] === 1) {
        stats.add('revenueWon', owner, closed, cents / 100);
        stats.add('won', owner, closed);
      } else if (dOutcome[d] === 2) stats.add('lost', owner, closed);
    }
    if (i === heavy) heavyDeals++;
  }
  await dw.close();
  await hw.close();
  g.log(`  deals: ${dw.rows} rows (${hw.rows} stage history rows)`);

  // ── Contracts for most won deals, signed days after the win, with their payment plans and the payments received ──
  const crng = g.root.fork(14);
  const signed: { d: number; at: number }[] = [];
  for (let d = 0; d < total; d++) {
    if (dOutcome[d] !== 1 || dDeleted[d] || !crng.chance(CONTRACT_SHARE)) continue;
    const at = officeHours(dClosed[d] + crng.int(1, 10) * DAY, crng);
    if (at < asOf - DAY) signed.push({ d, at });
  }
  signed.sort((a, b) => a.at - b.at || a.d - b.d);
  const kw = g.writer(
    contracts,
    cols(
      contracts.orgId,
      contracts.id,
      contracts.number,
      contracts.dealId,
      contracts.customerId,
      contracts.ownerId,
      contracts.teamId,
      contracts.amount,
      contracts.currency,
      contracts.signedOn,
      contracts.startsOn,
      contracts.endsOn,
      contracts.status,
      contracts.createdAt,
      contracts.updatedAt,
    ),
  );
  const iw = g.writer(
    installments,
    cols(installments.orgId, installments.id, installments.contractId, installments.position, installments.dueOn, installments.amount),
  );
  const paid: { at: number; fields: string[] }[] = [];
  const perDay = new Map<string, number>();
  let heavyPayments = 0;
  for (let k = 0; k < signed.length; k++) {
    const { d, at } = signed[k];
    const i = dCust[d];
    const owner = c.formerOwner[i];
    const day = localDate(at);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const id = uuidv7At(at, k, crng);
    const plan = crng.pick(PLANS[dType[d]]);
    const parts = split(
      dCents[d],
      plan.map(([pct]) => pct),
    );
    let paidInFull = true;
    let lastPaid = at;
    for (let p = 0; p < plan.length; p++) {
      const due = at + plan[p][1] * DAY;
      const instId = uuidv7At(at, k * 4 + p, crng);
      await iw.row(['@ORG@', instId, id, p + 1, localDate(due), money(parts[p])]);
      const roll = crng.next();
      const received = officeHours(Math.min(due + crng.int(-3, roll < 0.75 ? 5 : 25) * DAY, asOf - DAY), crng);
      if (due >= asOf - DAY || roll >= 0.9 || received <= at) {
        paidInFull = false;
        continue;
      }
      const cents = roll < 0.82 ? parts[p] : Math.round(parts[p] / 2);
      if (cents !== parts[p]) paidInFull = false;
      lastPaid = Math.max(lastPaid, received);
      const on = localDate(received);
      paid.push({
        at: received,
        fields: [
          '@ORG@',
          '', // id: given in time order below
          id,
          instId,
          on,
          money(cents),
          f(crng.pick(PAYMENT_METHODS)),
          `HK${on.replaceAll('-', '')}${crng.int(1000, 9999)}`,
          '',
          iso(received),
        ],
      });
      stats.add('paymentsCollected', owner, dateStart(on), cents / 100);
      timelineEvents[i]++;
      if (i === heavy) heavyPayments++;
    }
    await kw.row([
      '@ORG@',
      id,
      `HT${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
      dealIds[d],
      c.ids[i],
      people.repIds[owner],
      people.teamIds[people.repTeam[owner]],
      money(dCents[d]),
      'CNY',
      day,
      day,
      localDate(at + 365 * DAY),
      paidInFull && dType[d] === 0 ? 'completed' : 'active',
      iso(at),
      iso(lastPaid),
    ]);
  }
  await kw.close();
  await iw.close();
  paid.sort((a, b) => a.at - b.at);
  const pw = g.writer(
    payments,
    cols(
      payments.orgId,
      payments.id,
      payments.contractId,
      payments.installmentId,
      payments.receivedOn,
      payments.amount,
      payments.method,
      payments.reference,
      payments.externalId,
      payments.createdAt,
    ),
  );
  for (let k = 0; k < paid.length; k++) {
    paid[k].fields[1] = uuidv7At(paid[k].at, k, crng);
    await pw.row(paid[k].fields);
  }
  await pw.close();
  g.log(`  contracts: ${kw.rows} rows, installments: ${iw.rows}, payments: ${pw.rows}`);
  return {
    timelineEvents,
    deals: total,
    heavy: { deals: heavyDeals, payments: heavyPayments },
    writers: [dw, hw, kw, iw, pw].map((w) => ({ table: w.table, rows: w.rows, ms: w.ms })),
  };
}
