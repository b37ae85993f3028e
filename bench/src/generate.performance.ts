/**
 * Sales performance inputs (issue 7): level history (every levelled user from their hire date, some reps promoted
 * since), customer satisfaction scores, forecast commits per rep for the last four quarters, targets (level defaults
 * per quarter set from what each level actually achieved, a few rep quotas and team targets for 2026-Q3), the 2026-Q3
 * appraisal cycle with a submitted manager review of every rep (and some self-reviews), and a commission plan per level.
 */
import { commissionPlans } from '../../apps/server/src/modules/commissions/commissions.table.ts';
import { levelHistory } from '../../apps/server/src/modules/levels/levels.table.ts';
import {
  appraisalCycles,
  forecastCommits,
  reviews,
  satisfactionScores,
  targets,
} from '../../apps/server/src/modules/performance/performance.table.ts';
import {
  type Customers,
  cols,
  DAY,
  dateStart,
  f,
  type Gen,
  iso,
  LEVEL_KEYS,
  levelPlaceholder,
  localDate,
  officeHours,
  type People,
  RepQuarterStats,
  STAT_QUARTERS,
} from './generate.shared.ts';
import { uuidv7At } from './prng.ts';
import { AS_OF, HISTORY_DAYS } from './scales.ts';
import { REVIEW_COMMENTS, SATISFACTION_COMMENTS } from './vocabulary.ts';

/** The period the benchmark's scorecards, evaluations and statements are asked for: the quarter ending at AS_OF. */
export const BENCH_PERIOD = STAT_QUARTERS[STAT_QUARTERS.length - 1].key;
const CRITERIA = ['managerRating', 'customerFeedback', 'teamwork'] as const;

/** Everyone with a level, in the order they were made: directors and managers (senior), then the reps. */
export type Levelled = { id: string; level: number; hired: string; rep: number };

export async function generatePerformance(
  g: Gen,
  people: People,
  c: Customers,
  levelled: Levelled[],
  skill: Float64Array,
  stats: RepQuarterStats,
) {
  const asOf = AS_OF.getTime();
  const reps = people.repIds.length;
  const director = people.directorIds[0];
  const managerOf = (r: number) => people.managerIds[people.repTeam[r]];

  // ── Level history: the hire, then the promotions that led to today's level (first of a month) ───────────────
  const lrng = g.root.fork(15);
  const lw = g.writer(
    levelHistory,
    cols(
      levelHistory.orgId,
      levelHistory.id,
      levelHistory.userId,
      levelHistory.fromLevelId,
      levelHistory.toLevelId,
      levelHistory.effectiveOn,
      levelHistory.reason,
      levelHistory.changedBy,
      levelHistory.createdAt,
    ),
  );
  let seq = 0;
  for (const u of levelled) {
    // A rep at mid or senior was promoted into it with some chance; a senior may have started as a junior.
    const steps = u.rep < 0 || u.level === 0 || !lrng.chance(0.45) ? 0 : u.level === 2 && lrng.chance(0.4) ? 2 : 1;
    const hired = dateStart(u.hired);
    await lw.row(['@ORG@', uuidv7At(hired, seq++, lrng), u.id, '', levelPlaceholder(u.level - steps), u.hired, 'manual', '', iso(hired)]);
    let after = hired + 365 * DAY;
    for (let k = steps; k > 0; k--) {
      // The latest promotion falls inside the benchmark's quarter for a few: a rep whose level changed in the period.
      const inQuarter = k === 1 && lrng.chance(0.06);
      const latest = asOf - 31 * DAY;
      const at = inQuarter ? asOf - lrng.int(1, 2) * 31 * DAY : after + lrng.next() * Math.max(0, (latest - after) / k);
      const month = `${localDate(at).slice(0, 7)}-01`;
      const created = officeHours(dateStart(month) - lrng.int(2, 10) * DAY, lrng);
      await lw.row([
        '@ORG@',
        uuidv7At(created, seq++, lrng),
        u.id,
        levelPlaceholder(u.level - k),
        levelPlaceholder(u.level - k + 1),
        month,
        'manual',
        managerOf(u.rep),
        iso(created),
      ]);
      after = dateStart(month) + 180 * DAY;
    }
  }
  await lw.close();

  // ── Satisfaction scores: some customers surveyed 1–3 times; they count for the owner of the time ────────────
  const srng = g.root.fork(16);
  const surveys: { at: number; fields: (string | number)[] }[] = [];
  const historyStart = asOf - HISTORY_DAYS * DAY;
  for (let i = 0; i < c.n; i++) {
    // Surveyed more often the longer the customer has been one (within the history window).
    const from = Math.max(c.createdAt[i], historyStart);
    const tenure = (asOf - from) / (asOf - historyStart);
    if (c.deletedOf[i] || !srng.chance((c.propensity[i] > 0 ? 0.45 : 0.15) * (0.3 + 0.7 * tenure))) continue;
    const owner = c.ownerOf[i] >= 0 ? c.ownerOf[i] : c.formerOwner[i];
    for (let k = srng.int(1, 3); k > 0; k--) {
      const at = officeHours(from + srng.next() * (asOf - DAY - from), srng);
      const score = Math.max(1, Math.min(5, Math.round(3.9 + (skill[owner] - 1) * 1.5 + srng.normal() * 0.9)));
      const comment = srng.chance(0.4) ? srng.pick(SATISFACTION_COMMENTS[score]) : null;
      surveys.push({
        at,
        fields: [
          '@ORG@',
          '',
          c.ids[i],
          people.repIds[owner],
          people.teamIds[people.repTeam[owner]],
          score,
          localDate(at),
          f(comment),
          people.repIds[owner],
          iso(at),
        ],
      });
      stats.add('satisfactionSum', owner, dateStart(localDate(at)), score);
      stats.add('satisfactionCount', owner, dateStart(localDate(at)));
    }
  }
  surveys.sort((a, b) => a.at - b.at);
  const sw = g.writer(
    satisfactionScores,
    cols(
      satisfactionScores.orgId,
      satisfactionScores.id,
      satisfactionScores.customerId,
      satisfactionScores.ownerId,
      satisfactionScores.teamId,
      satisfactionScores.score,
      satisfactionScores.recordedOn,
      satisfactionScores.comment,
      satisfactionScores.createdBy,
      satisfactionScores.createdAt,
    ),
  );
  for (let k = 0; k < surveys.length; k++) {
    surveys[k].fields[1] = uuidv7At(surveys[k].at, k, srng);
    await sw.row(surveys[k].fields);
  }
  await sw.close();

  // ── Forecast commits: each rep's commit for each of the last four quarters, early in the quarter ────────────
  const frng = g.root.fork(17);
  const fw = g.writer(
    forecastCommits,
    cols(
      forecastCommits.orgId,
      forecastCommits.id,
      forecastCommits.repId,
      forecastCommits.teamId,
      forecastCommits.period,
      forecastCommits.amount,
      forecastCommits.committedAt,
    ),
  );
  seq = 0;
  for (let q = 0; q < STAT_QUARTERS.length; q++) {
    for (let r = 0; r < reps; r++) {
      if (!frng.chance(0.95)) continue;
      const won = stats.get('revenueWon', r, q);
      const amount = Math.round((won * (0.7 + 0.6 * frng.next())) / 1000) * 1000;
      const at = officeHours(dateStart(STAT_QUARTERS[q].from) + frng.int(2, 10) * DAY, frng);
      await fw.row([
        '@ORG@',
        uuidv7At(at, seq++, frng),
        people.repIds[r],
        people.teamIds[people.repTeam[r]],
        STAT_QUARTERS[q].key,
        amount.toFixed(2),
        iso(at),
      ]);
    }
  }
  await fw.close();

  // ── Targets: level defaults per quarter from what each level achieved (a stretch above it), some quotas ─────
  const trng = g.root.fork(18);
  const tw = g.writer(
    targets,
    cols(
      targets.orgId,
      targets.id,
      targets.kpi,
      targets.period,
      targets.repId,
      targets.teamId,
      targets.levelId,
      targets.value,
      targets.updatedBy,
      targets.updatedAt,
    ),
  );
  const mean = (level: number, value: (r: number, q: number) => number | null) => {
    let sum = 0;
    let count = 0;
    for (let r = 0; r < reps; r++) {
      if (people.repLevel[r] !== level) continue;
      for (let q = 0; q < STAT_QUARTERS.length; q++) {
        const v = value(r, q);
        if (v === null) continue;
        sum += v;
        count++;
      }
    }
    return count ? sum / count : 0;
  };
  const ratio =
    (num: 'won' | 'cadenceOnTime' | 'satisfactionSum', den: 'lost' | 'cadenceDue' | 'satisfactionCount') => (r: number, q: number) => {
      const d = stats.get(den, r, q) + (num === 'won' ? stats.get('won', r, q) : 0);
      return d ? stats.get(num, r, q) / d : null;
    };
  const nice = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);
  const defaultsAt = Date.parse('2025-09-20T02:00:00.000Z');
  seq = 0;
  for (let level = 0; level < LEVEL_KEYS.length; level++) {
    const sum = (key: 'revenueWon' | 'paymentsCollected' | 'newCustomers' | 'orders' | 'activities') =>
      mean(level, (r, q) => stats.get(key, r, q));
    const values: [string, string][] = [
      ['revenueWon', nice(sum('revenueWon') * 1.1, 10_000).toFixed(2)],
      ['paymentsCollected', nice(sum('paymentsCollected') * 1.1, 10_000).toFixed(2)],
      ['newCustomers', String(nice(sum('newCustomers') * 1.1, 1))],
      ['orders', String(nice(sum('orders') * 1.05, 1))],
      ['activities', String(nice(sum('activities') * 1.1, 5))],
      ['winRate', Math.min(0.9, mean(level, ratio('won', 'lost')) * 1.05).toFixed(2)],
      ['followUpCompliance', Math.min(0.95, mean(level, ratio('cadenceOnTime', 'cadenceDue')) * 1.1).toFixed(2)],
      ['satisfaction', Math.min(5, mean(level, ratio('satisfactionSum', 'satisfactionCount')) * 1.03).toFixed(1)],
      ['forecastAccuracy', (0.8 + 0.05 * level).toFixed(2)],
    ];
    for (const [kpi, value] of values)
      await tw.row([
        '@ORG@',
        uuidv7At(defaultsAt, seq++, trng),
        kpi,
        'quarter',
        '',
        '',
        levelPlaceholder(level),
        value,
        director,
        iso(defaultsAt),
      ]);
  }
  // A tenth of the reps have their own revenue quota for the quarter; every other team a revenue target of its own.
  const quotasAt = Date.parse('2026-06-24T03:00:00.000Z');
  const last = STAT_QUARTERS.length - 1;
  const teamSum = new Float64Array(people.teamIds.length);
  for (let r = 0; r < reps; r++) {
    teamSum[people.repTeam[r]] += stats.get('revenueWon', r, last - 1);
    if (!trng.chance(0.1)) continue;
    const value = nice(stats.get('revenueWon', r, last - 1) * (1 + 0.3 * trng.next()), 10_000).toFixed(2);
    await tw.row([
      '@ORG@',
      uuidv7At(quotasAt, seq++, trng),
      'revenueWon',
      BENCH_PERIOD,
      people.repIds[r],
      '',
      '',
      value,
      managerOf(r),
      iso(quotasAt),
    ]);
  }
  for (let t = 0; t < people.teamIds.length; t += 2) {
    const value = nice(teamSum[t] * 1.1, 100_000).toFixed(2);
    await tw.row([
      '@ORG@',
      uuidv7At(quotasAt, seq++, trng),
      'revenueWon',
      BENCH_PERIOD,
      '',
      people.teamIds[t],
      '',
      value,
      director,
      iso(quotasAt),
    ]);
  }
  await tw.close();

  // ── The appraisal cycle of the quarter: per level, KPIs and criteria with weights; 70/30 ────────────────────
  const arng = g.root.fork(19);
  const criteria = (manager: number) => [
    { key: 'managerRating', weight: manager },
    { key: 'customerFeedback', weight: (100 - manager) / 2 },
    { key: 'teamwork', weight: (100 - manager) / 2 },
  ];
  const kpis = (pairs: [string, number][]) => pairs.map(([kpi, weight]) => ({ kpi, weight }));
  const schemes = [
    {
      levelId: levelPlaceholder(0),
      kpis: kpis([
        ['revenueWon', 30],
        ['paymentsCollected', 20],
        ['newCustomers', 15],
        ['activities', 20],
        ['followUpCompliance', 15],
      ]),
      criteria: criteria(50),
    },
    {
      levelId: levelPlaceholder(1),
      kpis: kpis([
        ['revenueWon', 35],
        ['paymentsCollected', 25],
        ['newCustomers', 10],
        ['winRate', 10],
        ['activities', 10],
        ['followUpCompliance', 10],
      ]),
      criteria: criteria(50),
    },
    {
      levelId: levelPlaceholder(2),
      kpis: kpis([
        ['revenueWon', 40],
        ['paymentsCollected', 30],
        ['winRate', 10],
        ['satisfaction', 10],
        ['forecastAccuracy', 10],
      ]),
      criteria: criteria(60),
    },
    {
      levelId: null,
      kpis: kpis([
        ['revenueWon', 40],
        ['paymentsCollected', 30],
        ['newCustomers', 10],
        ['activities', 10],
        ['followUpCompliance', 10],
      ]),
      criteria: criteria(50),
    },
  ];
  const bands = [
    { grade: 'S', min: 95 },
    { grade: 'A', min: 85 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 0 },
  ];
  const cycleAt = Date.parse('2026-06-25T02:00:00.000Z');
  const cycleId = uuidv7At(cycleAt, 0, arng);
  const cw = g.writer(
    appraisalCycles,
    cols(
      appraisalCycles.orgId,
      appraisalCycles.id,
      appraisalCycles.name,
      appraisalCycles.period,
      appraisalCycles.status,
      appraisalCycles.quantitativeWeight,
      appraisalCycles.attainmentCap,
      appraisalCycles.gradeBands,
      appraisalCycles.levelSchemes,
      appraisalCycles.createdBy,
      appraisalCycles.createdAt,
      appraisalCycles.updatedAt,
    ),
  );
  await cw.row([
    '@ORG@',
    cycleId,
    f('2026 年第三季度考核'),
    BENCH_PERIOD,
    'open',
    70,
    1.5,
    f(JSON.stringify(bands)),
    // The level ids are placeholders inside the JSON too: the content hash does not depend on them.
    f(JSON.stringify(schemes)),
    director,
    iso(cycleAt),
    iso(cycleAt),
  ]);
  await cw.close();

  // Every rep's manager review, submitted in the last ten days of the quarter; half the reps wrote a self-review.
  const rw = g.writer(
    reviews,
    cols(
      reviews.orgId,
      reviews.id,
      reviews.cycleId,
      reviews.repId,
      reviews.reviewerId,
      reviews.kind,
      reviews.ratings,
      reviews.comment,
      reviews.status,
      reviews.submittedAt,
      reviews.createdAt,
      reviews.updatedAt,
    ),
  );
  seq = 0;
  for (let r = 0; r < reps; r++) {
    for (const kind of ['manager', 'self'] as const) {
      if (kind === 'self' && !arng.chance(0.5)) continue;
      const ratings = CRITERIA.map((key) => ({
        key,
        score: Math.max(1, Math.min(5, Math.round(3.3 + (skill[r] - 1) * 3 + (kind === 'self' ? 0.4 : 0) + arng.normal() * 0.7))),
        comment: kind === 'manager' && arng.chance(0.5) ? arng.pick(REVIEW_COMMENTS[key]) : null,
      }));
      const submitted = kind === 'manager' || arng.chance(0.7) ? officeHours(asOf - arng.int(1, 10) * DAY, arng) : null;
      const created = officeHours((submitted ?? asOf - DAY) - arng.int(1, 5) * DAY, arng);
      await rw.row([
        '@ORG@',
        uuidv7At(created, seq++, arng),
        cycleId,
        people.repIds[r],
        kind === 'manager' ? managerOf(r) : people.repIds[r],
        kind,
        f(JSON.stringify(ratings)),
        f(kind === 'self' ? arng.pick(REVIEW_COMMENTS.self) : null),
        submitted === null ? 'draft' : 'submitted',
        submitted === null ? '' : iso(submitted),
        iso(created),
        iso(submitted ?? created),
      ]);
    }
  }
  await rw.close();

  // ── Commission plans: a base rate on payments received, higher rates above target attainment ────────────────
  const pw = g.writer(
    commissionPlans,
    cols(
      commissionPlans.orgId,
      commissionPlans.id,
      commissionPlans.levelId,
      commissionPlans.baseRate,
      commissionPlans.accelerators,
      commissionPlans.updatedBy,
      commissionPlans.updatedAt,
    ),
  );
  for (let level = 0; level < LEVEL_KEYS.length; level++) {
    const base = 0.02 + 0.005 * level;
    const accelerators = [
      { minAttainment: 1, rate: Math.round((base + 0.005) * 1000) / 1000 },
      { minAttainment: 1.2, rate: Math.round((base + 0.01) * 1000) / 1000 },
    ];
    await pw.row([
      '@ORG@',
      uuidv7At(defaultsAt, level, arng),
      levelPlaceholder(level),
      base,
      f(JSON.stringify(accelerators)),
      director,
      iso(defaultsAt),
    ]);
  }
  await pw.close();
  const writers = [lw, sw, fw, tw, cw, rw, pw];
  g.log(`  performance: ${writers.map((w) => `${w.table} ${w.rows}`).join(', ')}`);
  return writers.map((w) => ({ table: w.table, rows: w.rows, ms: w.ms }));
}

export { RepQuarterStats };
