import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.ts';
import { createDemoOrganisation, type DemoOptions, DemoRefused } from '../../src/demo/demo.ts';
import { createTestApp, signIn, type TestApp } from '../testApp.ts';
import { createTestDatabase } from '../testDatabase.ts';
import { demoFingerprint } from './demoFingerprint.ts';

// A twentieth of the full demo: the same staff, tiers, pipelines and products; 30 customers and their year.
const OPTIONS: DemoOptions = {
  orgName: '演示公司',
  adminEmail: 'demo@demo.test',
  adminPassword: 'Demo-Password-1',
  seed: 7,
  asOf: '2025-06-30',
  scale: 0.05,
};

type Made = Awaited<ReturnType<typeof createDemoOrganisation>>;

describe('the demo organisation', () => {
  let t: TestApp;
  let made: Made;
  beforeAll(async () => {
    t = await createTestApp();
    made = await createDemoOrganisation(t.db, OPTIONS);
  }, 240_000);

  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(q));

  it('has five regional teams with their managers, 30 reps on three levels, two directors, a viewer and the admin', async () => {
    const teams = await query<{ region: string; manager: string }>(
      sql`select t.region, m.role as manager from teams t join users m on m.org_id = t.org_id and m.id = t.manager_id where t.org_id = ${made.orgId} order by t.region`,
    );
    expect(teams.map((x) => x.region).sort()).toEqual(['华东', '华中', '华北', '华南', '西南'].sort());
    expect(teams.every((x) => x.manager === 'manager')).toBe(true);
    const people = await query<{ role: string; level: string | null; n: number }>(
      sql`select u.role, l.key as level, count(*)::int as n from users u left join levels l on l.org_id = u.org_id and l.id = u.level_id
        where u.org_id = ${made.orgId} group by u.role, l.key order by u.role, l.key`,
    );
    expect(people).toEqual([
      { role: 'admin', level: null, n: 1 },
      { role: 'director', level: null, n: 2 },
      { role: 'manager', level: null, n: 5 },
      { role: 'rep', level: 'junior', n: 12 },
      { role: 'rep', level: 'mid', n: 10 },
      { role: 'rep', level: 'senior', n: 8 },
      { role: 'viewer', level: null, n: 1 },
    ]);
  });

  it('has customers with contacts, a year of orders, deals in all three pipelines and the rest of a working year', async () => {
    const c = made.counts;
    expect(c.customers).toBeGreaterThanOrEqual(30);
    expect(c.contacts).toBeGreaterThan(c.customers);
    expect(c.orders).toBeGreaterThan(50);
    expect(c.deals).toBeGreaterThanOrEqual(20);
    expect(c.leads).toBeGreaterThanOrEqual(8);
    expect(c.activities).toBeGreaterThan(100);
    expect(c.tasks).toBeGreaterThan(c.customers / 2);
    expect(c.service_requests).toBeGreaterThanOrEqual(3);
    expect(c.pool_events).toBeGreaterThanOrEqual(1);
    const kinds = await query<{ process_type: string; kind: string }>(
      sql`select distinct p.process_type, s.kind from deals d join pipelines p on p.org_id = d.org_id and p.id = d.pipeline_id
        join stages s on s.org_id = d.org_id and s.id = d.stage_id where d.org_id = ${made.orgId}`,
    );
    expect(new Set(kinds.map((k) => k.process_type))).toEqual(new Set(['short', 'long', 'project']));
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['open', 'won', 'lost']));
    const [orders] = await query<{ first: Date; last: Date }>(
      sql`select min(ordered_at) as first, max(ordered_at) as last from orders where org_id = ${made.orgId}`,
    );
    expect(new Date(orders.first).getTime()).toBeGreaterThanOrEqual(Date.parse('2024-06-30T00:00:00+08:00'));
    expect(new Date(orders.last).getTime()).toBeLessThan(Date.parse('2025-06-30T00:00:00+08:00'));
    const [open] = await query<{ overdue: number; pool: number }>(
      sql`select (select count(*)::int from tasks where org_id = ${made.orgId} and status = 'open' and due_at < '2025-06-30T08:00:00+08:00') as overdue,
        (select count(*)::int from customers where org_id = ${made.orgId} and owner_id is null) as pool`,
    );
    expect(open.overdue).toBeGreaterThan(0);
    expect(open.pool).toBeGreaterThan(0);
  });

  it('spreads the customers over KA, VIP and SMB once the tier rules have run', () => {
    expect(made.counts.tiers.ka).toBeGreaterThan(0);
    expect(made.counts.tiers.vip).toBeGreaterThan(made.counts.tiers.ka);
    expect(made.counts.tiers.smb).toBeGreaterThan(made.counts.tiers.vip);
  });

  it('has the performance ladder filled: level defaults, an appraisal cycle with every rep reviewed, commission plans, level history', async () => {
    const [p] = await query<Record<string, number>>(
      sql`select (select count(*)::int from appraisal_cycles where org_id = ${made.orgId}) as cycles,
        (select count(distinct rep_id)::int from reviews where org_id = ${made.orgId} and kind = 'manager' and status = 'submitted') as reviewed,
        (select count(*)::int from targets where org_id = ${made.orgId} and level_id is not null) as level_targets,
        (select count(*)::int from commission_plans where org_id = ${made.orgId}) as plans,
        (select count(*)::int from users u where u.org_id = ${made.orgId} and u.role = 'rep'
          and not exists (select 1 from level_history h where h.org_id = u.org_id and h.user_id = u.id)) as reps_without_history`,
    );
    expect(p).toEqual({ cycles: 1, reviewed: 30, level_targets: 15, plans: 3, reps_without_history: 0 });
  });

  it('has training: a catalogue with quizzes, curricula, enrolments in every state, certifications, the skills matrix, plans and a trigger log', async () => {
    const [c] = await query<Record<string, number>>(
      sql`select (select count(*)::int from courses where org_id = ${made.orgId}) as courses,
        (select count(distinct category)::int from courses where org_id = ${made.orgId}) as categories,
        (select count(*)::int from courses where org_id = ${made.orgId} and quiz is not null) as quizzes,
        (select count(distinct level_id)::int from curriculum_items where org_id = ${made.orgId}) as curricula,
        (select count(*)::int from skills where org_id = ${made.orgId}) as skills,
        (select count(distinct rep_id)::int from skill_assessments where org_id = ${made.orgId} and self_level is not null and manager_level is not null) as assessed,
        (select count(*)::int from development_plans where org_id = ${made.orgId} and status = 'active') as plans,
        (select count(*)::int from training_triggers where org_id = ${made.orgId}) as triggers,
        (select count(*)::int from training_trigger_runs where org_id = ${made.orgId}) as runs`,
    );
    // The trigger is set up 330 days before 2025-06-30 and run for each quarter closed since: 2024-Q3 to 2025-Q1.
    expect(c).toEqual({ courses: 10, categories: 5, quizzes: 5, curricula: 3, skills: 9, assessed: 30, plans: 4, triggers: 1, runs: 3 });
    const states = await query<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from enrolments where org_id = ${made.orgId} group by status order by status`,
    );
    expect(states.map((s) => s.status)).toEqual(['assigned', 'completed', 'failed', 'in_progress']);
    const [e] = await query<Record<string, number>>(
      sql`select (select count(*)::int from enrolments where org_id = ${made.orgId} and status in ('assigned', 'in_progress') and due_on < '2025-06-30') as overdue,
        (select count(*)::int from enrolments where org_id = ${made.orgId} and status = 'completed' and attempts_used = 1) as first_time,
        (select count(*)::int from enrolments where org_id = ${made.orgId} and status = 'completed' and attempts_used = 2) as second_time,
        (select count(*)::int from enrolments where org_id = ${made.orgId} and status = 'failed') as failed,
        (select count(*)::int from quiz_attempts where org_id = ${made.orgId} and not passed) as failed_attempts,
        (select count(*)::int from certifications where org_id = ${made.orgId}) as certifications,
        (select count(*)::int from certifications where org_id = ${made.orgId} and expires_on is null) as lifelong,
        (select count(*)::int from enrolments where org_id = ${made.orgId} and source = 'recertification') as recertifications,
        (select count(*)::int from skill_assessments where org_id = ${made.orgId} and abs(self_level - manager_level) >= 2) as gaps,
        (select count(*)::int from training_trigger_fires where org_id = ${made.orgId}) as fires,
        (select count(*)::int from enrolments where org_id = ${made.orgId} and source = 'trigger') as triggered`,
    );
    expect(e.overdue).toBeGreaterThan(0);
    expect(e.first_time).toBeGreaterThan(e.second_time);
    expect(e.second_time).toBeGreaterThan(0);
    expect(e.failed).toBe(1);
    expect(e.failed_attempts).toBeGreaterThan(e.second_time);
    expect(e.certifications).toBeGreaterThan(60);
    expect(e.lifelong).toBeGreaterThan(0);
    expect(e.recertifications).toBeGreaterThan(0);
    expect(e.gaps).toBeGreaterThan(0);
    expect(e.fires).toBeGreaterThan(0);
    expect(e.triggered).toBe(e.fires);
  });

  it('shows a junior’s development plan toward mid with what is still missing, in the level evaluation’s own terms', async () => {
    const before = t.clock.now();
    t.clock.set(new Date('2025-06-30T10:00:00+08:00'));
    try {
      const [plan] = await query<{ id: string; manager: string }>(
        sql`select p.id, m.email as manager from development_plans p join users r on r.org_id = p.org_id and r.id = p.rep_id
          join teams tm on tm.org_id = r.org_id and tm.id = r.team_id join users m on m.org_id = tm.org_id and m.id = tm.manager_id
          where p.org_id = ${made.orgId} order by r.email limit 1`,
      );
      const manager = await signIn(t, plan.manager, OPTIONS.adminPassword);
      const res = await manager.get(`/api/v1/development-plans/${plan.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.goals.map((g: { kind: string }) => g.kind)).toEqual(['kpi', 'course', 'course', 'skill']);
      expect(body.levelGap.reached).toBe(false);
      // The junior level's two promotion courses are criteria of the step to mid.
      expect(body.levelGap.checks.filter((c: { kind: string }) => c.kind === 'course')).toHaveLength(2);
      expect(body.levelGap.missing.length).toBeGreaterThan(0);
    } finally {
      t.clock.set(before);
    }
  });

  it('lets every demo user sign in with the demo password; a rep sees the customers they own or share, and the pool', async () => {
    const users = await query<{ id: string; email: string; role: string }>(
      sql`select id, email, role from users where org_id = ${made.orgId} order by email`,
    );
    expect(users).toHaveLength(39);
    for (const u of users) {
      const caller = await signIn(t, u.email, OPTIONS.adminPassword);
      if (u.role !== 'rep') continue;
      const res = await caller.get('/api/v1/customers?limit=200');
      expect(res.statusCode).toBe(200);
      const mine = await query<{ id: string }>(
        sql`select id from customers c where c.org_id = ${made.orgId} and c.deleted_at is null and (c.owner_id = ${u.id} or c.owner_id is null
          or exists (select 1 from account_team_members m where m.org_id = c.org_id and m.customer_id = c.id and m.user_id = ${u.id}))`,
      );
      const seen: string[] = res.json().data.map((c: { id: string }) => c.id);
      expect(seen.sort()).toEqual(mine.map((c) => c.id).sort());
    }
    const [owners] = await query<{ n: number }>(sql`select count(distinct owner_id)::int as n from customers where org_id = ${made.orgId}`);
    expect(owners.n).toBeGreaterThan(10);
  }, 120_000);

  it('refuses a second organisation of the same name, and writes nothing', async () => {
    const before = await query<{ n: number }>(sql`select count(*)::int as n from orgs`);
    await expect(createDemoOrganisation(t.db, { ...OPTIONS, adminEmail: 'other@elsewhere.test' })).rejects.toThrow(DemoRefused);
    await expect(createDemoOrganisation(t.db, { ...OPTIONS, orgName: '另一家演示公司' })).rejects.toThrow(/already registered/);
    expect(await query<{ n: number }>(sql`select count(*)::int as n from orgs`)).toEqual(before);
  });

  it('comes out the same from the same seed and as-of date in a fresh database, and differently from another seed', async () => {
    const other = await createTestDatabase();
    try {
      const again = await createDemoOrganisation(other.db, OPTIONS);
      expect(await demoFingerprint(other.db, again.orgId)).toEqual(await demoFingerprint(t.db, made.orgId));
      const reseeded = await createDemoOrganisation(other.db, { ...OPTIONS, orgName: '种子八', adminEmail: 'demo@seed8.test', seed: 8 });
      const a = await demoFingerprint(t.db, made.orgId);
      const b = await demoFingerprint(other.db, reseeded.orgId);
      expect(b.customers).not.toEqual(a.customers);
      expect(b.activities).not.toEqual(a.activities);
    } finally {
      await other.close();
    }
  }, 480_000);
});
