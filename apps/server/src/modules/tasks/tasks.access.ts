import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { tasks } from './tasks.table.ts';

/**
 * Tasks follow their assignee's data scope: a rep sees their own, a manager their teams' (the task's
 * team is its assignee's), directors, admins and viewers the organisation's. Whoever created a task
 * keeps it in sight after giving it to a teammate.
 */
export function visibleTasks(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: tasks.assigneeId, teamId: tasks.teamId }, sql`${tasks.createdBy} = ${actor.userId}`);
  return sql`${tasks.orgId} = ${actor.orgId}${scope ? sql` and ${scope}` : sql``}`;
}

export function writableTasks(actor: Actor): SQL {
  return actor.role === 'viewer' ? sql`false` : visibleTasks(actor);
}
