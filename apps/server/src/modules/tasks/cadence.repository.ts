import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { tierPolicies } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import { CADENCE_TITLE_PREFIX } from './tasks.rules.ts';
import { countOf, days, newIdAt, ts } from './tasks.sql.ts';
import { tasks } from './tasks.table.ts';

/**
 * The cadence tasks: one open task per owned customer whose tier has a policy, for its owner, due at
 * the last contact (else ownership, else creation) plus the tier's cadence days — `cadenceDueAt` of
 * tasks.rules.ts, written here in SQL for the set-based job. Each statement handles at most `limit`
 * tasks over all organisations and answers how many it changed, so the job can run again for more.
 */

/** The due time of the cadence task of customer `c` under policy `p` (SQL of `cadenceDueAt`). */
const cadenceDue = sql`coalesce(c.last_contact_at, c.owned_since, c.created_at) + ${days(sql`p.cadence_days`)}`;

/** Cancels the open cadence tasks of customers now in the pool, deleted, or in a tier without a policy. */
export async function cancelStaleCadenceTasks(db: DbOrTx, now: Date, limit: number): Promise<number> {
  const result = await db.execute(sql`
    with stale as (
      select t.org_id, t.id from ${tasks} t
      left join ${customers} c on c.org_id = t.org_id and c.id = t.customer_id
      left join ${tierPolicies} p on p.org_id = c.org_id and p.tier_id = c.tier_id
      where t.source = 'cadence' and t.status = 'open'
        and (c.owner_id is null or c.deleted_at is not null or p.tier_id is null)
      limit ${limit}
    ), cancelled as (
      update ${tasks} t set status = 'cancelled', updated_at = ${ts(now)}, version = t.version + 1
      from stale s where t.org_id = s.org_id and t.id = s.id
      returning 1
    )
    select count(*)::int as n from cancelled`);
  return countOf(result);
}

/**
 * Brings open cadence tasks in line with their customer: a new owner (or the owner's new team) takes
 * the task, and a changed last contact, owner or tier cadence moves its due time. A task that changes
 * hands or time earns its reminders again.
 */
export async function realignCadenceTasks(db: DbOrTx, now: Date, limit: number): Promise<number> {
  const result = await db.execute(sql`
    with drift as (
      select t.org_id, t.id, c.owner_id, u.team_id, ${cadenceDue} as due_at
      from ${tasks} t
      join ${customers} c on c.org_id = t.org_id and c.id = t.customer_id
      join ${tierPolicies} p on p.org_id = c.org_id and p.tier_id = c.tier_id
      join ${users} u on u.org_id = c.org_id and u.id = c.owner_id
      where t.source = 'cadence' and t.status = 'open' and c.deleted_at is null
        and (t.assignee_id <> c.owner_id or t.team_id is distinct from u.team_id or t.due_at <> ${cadenceDue})
      limit ${limit}
    ), realigned as (
      update ${tasks} t set assignee_id = d.owner_id, team_id = d.team_id, due_at = d.due_at,
        due_notified_at = case when t.assignee_id = d.owner_id and t.due_at = d.due_at then t.due_notified_at end,
        overdue_notified_at = case when t.assignee_id = d.owner_id and t.due_at = d.due_at then t.overdue_notified_at end,
        updated_at = ${ts(now)}, version = t.version + 1
      from drift d where t.org_id = d.org_id and t.id = d.id
      returning 1
    )
    select count(*)::int as n from realigned`);
  return countOf(result);
}

/** Creates the cadence task of every owned customer with a policy that has no open one. */
export async function createMissingCadenceTasks(db: DbOrTx, now: Date, limit: number): Promise<number> {
  const at = ts(now);
  const result = await db.execute(sql`
    with missing as (
      select c.org_id, c.id, c.name, c.owner_id, u.team_id, u.locale, ${cadenceDue} as due_at
      from ${customers} c
      join ${tierPolicies} p on p.org_id = c.org_id and p.tier_id = c.tier_id
      join ${users} u on u.org_id = c.org_id and u.id = c.owner_id
      where c.owner_id is not null and c.deleted_at is null
        and not exists (
          select 1 from ${tasks} t
          where t.org_id = c.org_id and t.customer_id = c.id and t.source = 'cadence' and t.status = 'open'
        )
      limit ${limit}
    ), created as (
      insert into ${tasks} (org_id, id, title, due_at, assignee_id, team_id, priority, status, source, customer_id, created_at, updated_at, version)
      select m.org_id, ${newIdAt(at)},
        (case when m.locale = 'en' then ${CADENCE_TITLE_PREFIX.en}::text else ${CADENCE_TITLE_PREFIX['zh-CN']}::text end) || m.name,
        m.due_at, m.owner_id, m.team_id, 'normal', 'open', 'cadence', m.id, ${at}, ${at}, 1
      from missing m
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from created`);
  return countOf(result);
}

/** What the cadence of one customer depends on; undefined when the customer does not exist. */
export async function cadenceFacts(db: DbOrTx, orgId: string, customerId: string) {
  const [row] = await db
    .select({
      name: customers.name,
      ownerId: customers.ownerId,
      deletedAt: customers.deletedAt,
      lastContactAt: customers.lastContactAt,
      ownedSince: customers.ownedSince,
      createdAt: customers.createdAt,
      cadenceDays: tierPolicies.cadenceDays,
      ownerTeamId: users.teamId,
      ownerLocale: users.locale,
    })
    .from(customers)
    .leftJoin(tierPolicies, and(eq(tierPolicies.orgId, customers.orgId), eq(tierPolicies.tierId, customers.tierId)))
    .leftJoin(users, and(eq(users.orgId, customers.orgId), eq(users.id, customers.ownerId)))
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return row;
}

/**
 * Puts the customer's open cadence task at `dueAt` for `assigneeId` (resetting its reminders when it
 * moves), or creates it when there is none. Answers whether a task was moved or created.
 */
export async function placeCadenceTask(
  db: DbOrTx,
  t: { orgId: string; customerId: string; dueAt: Date; assigneeId: string; teamId: string | null; title: string; now: Date },
): Promise<'moved' | 'created' | 'unchanged'> {
  const open = and(eq(tasks.orgId, t.orgId), eq(tasks.customerId, t.customerId), eq(tasks.source, 'cadence'), eq(tasks.status, 'open'));
  const moved = await db
    .update(tasks)
    .set({
      dueAt: t.dueAt,
      assigneeId: t.assigneeId,
      teamId: t.teamId,
      dueNotifiedAt: null,
      overdueNotifiedAt: null,
      updatedAt: t.now,
      version: sql`${tasks.version} + 1`,
    })
    .where(and(open, or(ne(tasks.dueAt, t.dueAt), ne(tasks.assigneeId, t.assigneeId))))
    .returning({ id: tasks.id });
  if (moved.length) return 'moved';
  const created = await db
    .insert(tasks)
    .values({
      orgId: t.orgId,
      id: newId(),
      title: t.title,
      dueAt: t.dueAt,
      assigneeId: t.assigneeId,
      teamId: t.teamId,
      source: 'cadence',
      customerId: t.customerId,
      createdAt: t.now,
      updatedAt: t.now,
    })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  return created.length ? 'created' : 'unchanged';
}
