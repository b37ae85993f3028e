import { and, eq } from 'drizzle-orm';
import { activities } from '../src/modules/activities/activities.table.ts';
import { contracts, payments } from '../src/modules/contracts/contracts.table.ts';
import { customers } from '../src/modules/customers/customers.table.ts';
import { deals } from '../src/modules/deals/deals.table.ts';
import { levelHistory } from '../src/modules/levels/levels.table.ts';
import { orders } from '../src/modules/orders/orders.table.ts';
import { appraisalCycles, forecastCommits, reviews, satisfactionScores, targets } from '../src/modules/performance/performance.table.ts';
import { DEFAULT_SCORING_SCHEME } from '../src/modules/performance/scorecard.rules.ts';
import { pipelines, stages } from '../src/modules/pipelines/pipelines.table.ts';
import { tasks } from '../src/modules/tasks/tasks.table.ts';
import { tiers } from '../src/modules/tiers/tiers.table.ts';
import { newId } from '../src/platform/ids.ts';
import { seedOrg, seedUser, type TestApp } from './testApp.ts';

/**
 * THE fixture (decision 0026), period 2026-Q3 in Asia/Shanghai = [2026-06-30T16:00Z, 2026-09-30T16:00Z), "now"
 * 2026-09-20 12:00 +08. Teams East (manager Mia) and West (manager Wes). Reps:
 * - Ann: East, junior all along — the busy one;
 * - Bob: West, then East from 2026-08-15, and junior → mid on the same day (mid at the period's end);
 * - Cid: West, junior, no records at all.
 * Cycle 2026-Q3: 60/40, cap 1.2, default bands; junior scheme revenueWon 50 · payments 20 · newCustomers 10 ·
 * activities 10 · followUp 10 with managerRating 60 · teamwork 40; the fallback is the built-in scheme.
 * Every figure is computed by hand in the comment beside the rows; kpis.db.test.ts and scorecards.db.test.ts
 * assert the KPIs and the scores against it. Rows are written straight to the tables (fixtures need past dates).
 */
const at = (s: string) => new Date(s.includes('T') ? s : `${s}T10:00:00+08:00`);

export async function seedScorecardFixture(t: TestApp) {
  t.clock.set(new Date('2026-09-20T12:00:00+08:00'));
  const acme = await seedOrg(t, 'Scorecard Co');
  const orgId = acme.orgId;
  const admin = acme.admin;
  const other = (await seedOrg(t, 'Elsewhere')).admin;
  const lv: { id: string; key: string }[] = (await admin.get('/api/v1/levels')).json().data;
  const junior = lv.find((l) => l.key === 'junior')!.id;
  const mid = lv.find((l) => l.key === 'mid')!.id;
  const mia = await seedUser(t, orgId, 'manager', { name: 'Mia' });
  const wes = await seedUser(t, orgId, 'manager', { name: 'Wes' });
  const east: { id: string } = (await admin.post('/api/v1/teams', { name: 'East', managerId: mia.userId })).json();
  const west: { id: string } = (await admin.post('/api/v1/teams', { name: 'West', managerId: wes.userId })).json();
  const ann = await seedUser(t, orgId, 'rep', { name: 'Ann', teamId: east.id, levelId: junior });
  const bob = await seedUser(t, orgId, 'rep', { name: 'Bob', teamId: east.id, levelId: mid });
  const cid = await seedUser(t, orgId, 'rep', { name: 'Cid', teamId: west.id, levelId: junior });
  const viewer = await seedUser(t, orgId, 'viewer');
  const A = ann.userId!;
  const B = bob.userId!;
  const E = east.id;
  const W = west.id;
  const base = { orgId, createdAt: at('2026-01-01'), updatedAt: at('2026-01-01') };
  await t.db.insert(levelHistory).values({
    orgId,
    id: newId(),
    userId: B,
    fromLevelId: junior,
    toLevelId: mid,
    effectiveOn: '2026-08-15',
    reason: 'manual',
    createdAt: at('2026-08-15'),
  });

  const [tier] = await t.db.select({ id: tiers.id }).from(tiers).where(eq(tiers.orgId, orgId));
  const cust = (name: string, ownerId: string, teamId: string, createdAt: string, deletedAt?: string) => ({
    ...base,
    id: newId(),
    name,
    tierId: tier!.id,
    ownerId,
    teamId,
    createdAt: at(createdAt),
    deletedAt: deletedAt ? at(deletedAt) : null,
  });
  const c = {
    a1: cust('A1', A, E, '2026-07-02'), // new ✓
    a2: cust('A2', A, E, '2026-08-05'), // new ✓
    a3: cust('A3', A, E, '2026-05-01'), // old
    a4: cust('A4', A, E, '2026-08-10', '2026-08-12'), // deleted ✗
    a5: cust('A5', A, E, '2026-06-30T16:10:00Z'), // 07-01 00:10 in Shanghai ✓
    b1: cust('B1', B, W, '2026-07-10'), // new ✓ (West)
    b2: cust('B2', B, E, '2026-09-05'), // new ✓ (East)
  };
  await t.db.insert(customers).values(Object.values(c));
  // Ann 3 new (A1, A2, A5), Bob 2; East 4 (A1, A2, A5, B2), West 1 (B1).

  const [short] = await t.db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.processType, 'short')));
  const stageRows = await t.db.select().from(stages).where(eq(stages.pipelineId, short!.id));
  const stage = (kind: string) => stageRows.find((s) => s.kind === kind)!.id;
  const deal = (
    ownerId: string,
    teamId: string,
    kind: 'won' | 'lost' | 'open',
    amount: string,
    closedAt: string | null,
    deletedAt?: Date,
  ) => ({
    ...base,
    id: newId(),
    name: `${kind} ${amount}`,
    pipelineId: short!.id,
    stageId: stage(kind),
    ownerId,
    teamId,
    amount,
    stageEnteredAt: closedAt ? at(closedAt) : at('2026-06-01'),
    closedAt: closedAt ? at(closedAt) : null,
    deletedAt: deletedAt ?? null,
  });
  await t.db.insert(deals).values([
    deal(A, E, 'won', '100000.00', '2026-07-10'), // ✓
    deal(A, E, 'won', '50000.00', '2026-06-30T16:30:00Z'), // 07-01 00:30 Shanghai ✓ (the time-zone boundary)
    deal(A, E, 'won', '30000.00', '2026-06-30T15:30:00Z'), // 06-30 23:30 Shanghai → Q2
    deal(A, E, 'won', '20000.00', '2026-09-30T16:30:00Z'), // 10-01 00:30 Shanghai → Q4
    deal(A, E, 'lost', '40000.00', '2026-08-01'), // lost ✓
    deal(A, E, 'won', '10000.00', '2026-08-02', at('2026-08-03')), // deleted ✗
    deal(A, E, 'open', '70000.00', null), // open ✗
    deal(A, E, 'won', '25000.00', '2026-09-30T15:59:00Z'), // 09-30 23:59 Shanghai ✓
    deal(B, W, 'won', '60000.00', '2026-07-20'), // ✓ West
    deal(B, E, 'won', '40000.00', '2026-09-01'), // ✓ East
    deal(B, E, 'lost', '10000.00', '2026-08-20'), // lost East
    deal(B, W, 'lost', '5000.00', '2026-07-05'), // lost West
  ]);
  // Ann: won 100000 + 50000 + 25000 = 175000.00, 3 won 1 lost → 0.7500. Bob: 60000 + 40000 = 100000.00, 2/4 → 0.5000.
  // East: 100000 + 50000 + 25000 + 40000 = 215000.00, 4 won 2 lost → 0.6667. West: 60000.00, 1/2 → 0.5000.

  const contract = (number: string, ownerId: string, teamId: string, customerId: string) => ({
    ...base,
    id: newId(),
    number,
    customerId,
    ownerId,
    teamId,
    amount: '500000.00',
    status: 'active' as const,
  });
  const ka = contract('K-A', A, E, c.a1.id);
  const kb1 = contract('K-B1', B, W, c.b1.id);
  const kb2 = contract('K-B2', B, E, c.b2.id);
  await t.db.insert(contracts).values([ka, kb1, kb2]);
  const pay = (contractId: string, receivedOn: string, amount: string) => ({
    orgId,
    id: newId(),
    contractId,
    receivedOn,
    amount,
    createdAt: at(receivedOn),
  });
  await t.db.insert(payments).values([
    pay(ka.id, '2026-07-15', '80000.00'), // ✓
    pay(ka.id, '2026-06-30', '20000.00'), // Q2
    pay(ka.id, '2026-10-01', '10000.00'), // Q4
    pay(ka.id, '2026-09-30', '15000.00'), // ✓
    pay(kb1.id, '2026-08-01', '30000.00'), // ✓ Bob, West contract
    pay(kb2.id, '2026-09-10', '20000.00'), // ✓ Bob, East contract
  ]);
  // Ann 95000.00, Bob 50000.00; East 80000 + 15000 + 20000 = 115000.00, West 30000.00.

  const order = (customerId: string, orderedAt: string) => ({
    ...base,
    id: newId(),
    customerId,
    orderedAt: at(orderedAt),
    amount: '100.00',
  });
  await t.db
    .insert(orders)
    .values([
      order(c.a3.id, '2026-07-20'),
      order(c.a1.id, '2026-08-01'),
      order(c.a3.id, '2026-06-15'),
      order(c.a4.id, '2026-08-11'),
      order(c.b1.id, '2026-09-01'),
    ]);
  // Ann 2 (A3 July, A1 Aug; A3 June is Q2, A4 is deleted), Bob 1; East 2, West 1.

  type Kind = 'call' | 'email' | 'visit' | 'meeting' | 'note';
  const act = (ownerId: string, teamId: string, kind: Kind, occurredAt: string, deletedAt?: Date) => ({
    ...base,
    id: newId(),
    kind,
    subject: kind,
    occurredAt: at(occurredAt),
    ownerId,
    teamId,
    deletedAt: deletedAt ?? null,
  });
  await t.db.insert(activities).values([
    act(A, E, 'call', '2026-07-03'),
    act(A, E, 'call', '2026-07-04'),
    act(A, E, 'call', '2026-08-04'),
    act(A, E, 'email', '2026-07-05'),
    act(A, E, 'email', '2026-09-05'),
    act(A, E, 'visit', '2026-08-06'),
    act(A, E, 'meeting', '2026-09-07'),
    act(A, E, 'note', '2026-09-08'),
    act(A, E, 'call', '2026-06-20'), // Q2
    act(A, E, 'call', '2026-07-09', at('2026-07-10')), // deleted
    act(B, W, 'call', '2026-07-11'),
    act(B, W, 'call', '2026-07-12'),
    act(B, E, 'visit', '2026-09-02'),
    act(B, E, 'meeting', '2026-09-03'),
  ]);
  // Ann 8 (call 3, email 2, visit 1, meeting 1, note 1); Bob 4 (call 2, visit 1, meeting 1).
  // East 10 (call 3, email 2, visit 2, meeting 2); West 2 (call 2).

  const score = (ownerId: string, teamId: string, customerId: string, value: number, recordedOn: string) => ({
    orgId,
    id: newId(),
    customerId,
    ownerId,
    teamId,
    score: value,
    recordedOn,
    createdAt: at(recordedOn),
  });
  await t.db
    .insert(satisfactionScores)
    .values([
      score(A, E, c.a1.id, 5, '2026-07-10'),
      score(A, E, c.a1.id, 4, '2026-08-10'),
      score(A, E, c.a2.id, 4, '2026-09-30'),
      score(A, E, c.a2.id, 1, '2026-06-30'),
      score(B, W, c.b1.id, 3, '2026-07-25'),
      score(B, E, c.b2.id, 4, '2026-09-02'),
    ]);
  // Ann 13/3 = 4.33; Bob 7/2 = 3.50; East (5+4+4+4)/4 = 4.25; West 3.00.

  const task = (
    assigneeId: string,
    teamId: string,
    dueAt: string,
    status: 'open' | 'done' | 'cancelled',
    completedAt?: string,
    source = 'cadence' as const,
  ) => ({
    ...base,
    id: newId(),
    title: 'follow up',
    dueAt: at(dueAt),
    assigneeId,
    teamId,
    status,
    source,
    completedAt: completedAt ? at(completedAt) : null,
  });
  await t.db.insert(tasks).values([
    task(A, E, '2026-07-05', 'done', '2026-07-04'), // on time
    task(A, E, '2026-07-20', 'done', '2026-07-22'), // late
    task(A, E, '2026-08-10', 'done', '2026-08-10'), // on time (completed exactly when due)
    task(A, E, '2026-08-20', 'open'), // overdue
    task(A, E, '2026-09-01', 'cancelled'), // not counted
    task(A, E, '2026-09-25', 'open'), // not yet due (after now)
    { ...task(A, E, '2026-08-01', 'done', '2026-07-30'), source: 'manual' as const }, // not a cadence task
    task(A, E, '2026-06-25', 'done', '2026-06-24'), // Q2
    task(B, W, '2026-07-10', 'done', '2026-07-09'), // on time, West
    task(B, E, '2026-09-05', 'done', '2026-09-05T09:00:00+08:00'), // on time, East
    task(B, E, '2026-09-10', 'done', '2026-09-11'), // late, East
  ]);
  // Ann 2 on time / 4 due = 0.5000; Bob 2/3 = 0.6667; East (2 + 1)/(4 + 2) = 0.5000; West 1/1 = 1.0000.

  const commit = (repId: string, teamId: string, amount: string) => ({
    orgId,
    id: newId(),
    repId,
    teamId,
    period: '2026-Q3',
    amount,
    committedAt: at('2026-07-01'),
  });
  await t.db.insert(forecastCommits).values([commit(A, E, '200000.00'), commit(B, W, '80000.00')]);
  // Ann 1 − |175000 − 200000|/200000 = 0.8750; Bob 1 − 20000/80000 = 0.7500;
  // East (Ann's commit) 1 − |215000 − 200000|/200000 = 0.9250; West (Bob's) 1 − |60000 − 80000|/80000 = 0.7500.

  const target = (kpi: string, period: string, value: string, subject: { repId?: string; teamId?: string; levelId?: string }) => ({
    orgId,
    id: newId(),
    kpi,
    period,
    value,
    updatedAt: at('2026-07-01'),
    ...subject,
  });
  await t.db.insert(targets).values([
    // Junior defaults per quarter — no activities default: a missing target.
    target('revenueWon', 'quarter', '150000', { levelId: junior }),
    target('paymentsCollected', 'quarter', '190000', { levelId: junior }),
    target('newCustomers', 'quarter', '4', { levelId: junior }),
    target('followUpCompliance', 'quarter', '0.8', { levelId: junior }),
    target('revenueWon', 'quarter', '200000', { levelId: mid }),
    target('paymentsCollected', 'quarter', '120000', { levelId: mid }),
    target('newCustomers', 'quarter', '5', { levelId: mid }),
    target('activities', 'quarter', '12', { levelId: mid }),
    target('followUpCompliance', 'quarter', '0.9', { levelId: mid }),
    target('revenueWon', '2026-Q3', '100000', { repId: A }), // Ann's own: over-achieved (1.75, above the cap)
    target('newCustomers', '2026-Q3', '0', { repId: A }), // a zero target
    target('orders', '2026-Q3', '4', { repId: A }), // a KPI outside the scheme: shown, weight 0
    target('revenueWon', '2026-Q2', '999999', { repId: A }), // another period: ignored
    target('revenueWon', '2026-Q3', '250000', { teamId: E }), // East's own
  ]);

  const cycleId = newId();
  await t.db.insert(appraisalCycles).values({
    orgId,
    id: cycleId,
    name: '2026 Q3',
    period: '2026-Q3',
    quantitativeWeight: 60,
    attainmentCap: 1.2,
    gradeBands: DEFAULT_SCORING_SCHEME.gradeBands,
    levelSchemes: [
      {
        levelId: junior,
        kpis: [
          { kpi: 'revenueWon', weight: 50 },
          { kpi: 'paymentsCollected', weight: 20 },
          { kpi: 'newCustomers', weight: 10 },
          { kpi: 'activities', weight: 10 },
          { kpi: 'followUpCompliance', weight: 10 },
        ],
        criteria: [
          { key: 'managerRating', weight: 60 },
          { key: 'teamwork', weight: 40 },
        ],
      },
      DEFAULT_SCORING_SCHEME.levels[0]!,
    ],
    createdAt: at('2026-07-01'),
    updatedAt: at('2026-07-01'),
  });
  const review = (
    repId: string,
    reviewerId: string,
    kind: 'manager' | 'self',
    status: 'draft' | 'submitted',
    ratings: { key: string; score: number; comment?: string }[],
  ) => ({
    ...base,
    id: newId(),
    cycleId,
    repId,
    reviewerId,
    kind,
    status,
    ratings,
    submittedAt: status === 'submitted' ? at('2026-09-15') : null,
  });
  await t.db.insert(reviews).values([
    review(A, mia.userId!, 'manager', 'submitted', [
      { key: 'managerRating', score: 4, comment: 'steady' },
      { key: 'teamwork', score: 5 },
    ]),
    review(B, mia.userId!, 'manager', 'draft', [{ key: 'managerRating', score: 5 }]), // a draft does not count
    review(B, B, 'self', 'submitted', [{ key: 'managerRating', score: 5 }]), // nor does a self-review
  ]);
  return { orgId, admin, other, junior, mid, mia, wes, east, west, ann, bob, cid, viewer };
}
export type ScorecardFixture = Awaited<ReturnType<typeof seedScorecardFixture>>;
