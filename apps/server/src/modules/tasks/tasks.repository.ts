import { and, asc, count, desc, eq, gte, lt, min, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { tasks } from './tasks.table.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

export async function findTask(db: DbOrTx, where: SQL, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(where, eq(tasks.id, id)));
  return row;
}

export type TaskFilter = {
  assigneeId?: string;
  teamId?: string;
  status?: TaskRow['status'];
  source?: TaskRow['source'];
  customerId?: string;
  dealId?: string;
  leadId?: string;
  dueFrom?: Date;
  dueTo?: Date;
  /** true: open and due before `now`; false: anything else. */
  overdue?: boolean;
  now: Date;
};

const overdueNow = (now: Date) => sql`(${tasks.status} = 'open' and ${tasks.dueAt} < ${now.toISOString()}::timestamptz)`;

function filterOf(f: TaskFilter): (SQL | undefined)[] {
  return [
    f.assigneeId ? eq(tasks.assigneeId, f.assigneeId) : undefined,
    f.teamId ? eq(tasks.teamId, f.teamId) : undefined,
    f.status ? eq(tasks.status, f.status) : undefined,
    f.source ? eq(tasks.source, f.source) : undefined,
    f.customerId ? eq(tasks.customerId, f.customerId) : undefined,
    f.dealId ? eq(tasks.dealId, f.dealId) : undefined,
    f.leadId ? eq(tasks.leadId, f.leadId) : undefined,
    f.dueFrom ? gte(tasks.dueAt, f.dueFrom) : undefined,
    f.dueTo ? lt(tasks.dueAt, f.dueTo) : undefined,
    f.overdue === true ? overdueNow(f.now) : f.overdue === false ? sql`not ${overdueNow(f.now)}` : undefined,
  ];
}

/** A page of tasks by due time then id (keyset: the cursor holds the last row's due time and id). */
export async function listTasks(db: DbOrTx, visible: SQL, f: TaskFilter, page: { limit: number; desc: boolean; after?: CursorValue[] }) {
  let after: SQL | undefined;
  if (page.after) {
    const [dueAt, id] = page.after;
    const key = sql`(${tasks.dueAt}, ${tasks.id})`;
    const value = sql`(${String(dueAt)}::timestamptz, ${String(id)}::uuid)`;
    after = page.desc ? sql`${key} < ${value}` : sql`${key} > ${value}`;
  }
  return db
    .select()
    .from(tasks)
    .where(and(visible, ...filterOf(f), after))
    .orderBy(...(page.desc ? [desc(tasks.dueAt), desc(tasks.id)] : [asc(tasks.dueAt), asc(tasks.id)]))
    .limit(page.limit + 1);
}

/** Overdue open tasks within `where`, counted per assignee and per team. */
export async function overdueCounts(db: DbOrTx, where: SQL, now: Date) {
  const overdue = and(where, overdueNow(now));
  const [byRep, byTeam] = await Promise.all([
    db
      .select({ userId: tasks.assigneeId, name: users.name, teamId: users.teamId, overdue: count(), oldestDueAt: min(tasks.dueAt) })
      .from(tasks)
      .innerJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, tasks.assigneeId)))
      .where(overdue)
      .groupBy(tasks.assigneeId, users.name, users.teamId)
      .orderBy(desc(count()), asc(users.name), asc(tasks.assigneeId)),
    db
      .select({ teamId: tasks.teamId, name: teams.name, overdue: count(), oldestDueAt: min(tasks.dueAt) })
      .from(tasks)
      .leftJoin(teams, and(eq(teams.orgId, tasks.orgId), eq(teams.id, tasks.teamId)))
      .where(overdue)
      .groupBy(tasks.teamId, teams.name)
      .orderBy(desc(count()), asc(teams.name)),
  ]);
  return { byRep, byTeam };
}

export async function insertTask(db: DbOrTx, row: NewTaskRow): Promise<TaskRow> {
  const [inserted] = await db.insert(tasks).values(row).returning();
  return inserted;
}

/** The versioned update: changes the row only if it is still at `version` (and within `writable`). */
export async function updateTaskRow(db: DbOrTx, writable: SQL, id: string, version: number, patch: Partial<NewTaskRow>) {
  const [row] = await db
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1` })
    .where(and(writable, eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}

export async function deleteTaskRow(db: DbOrTx, writable: SQL, id: string, version: number) {
  const [row] = await db
    .delete(tasks)
    .where(and(writable, eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}

/** The people a task may go to, with what the assignment rule needs. */
export async function findAssignee(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, teamId: users.teamId, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}
