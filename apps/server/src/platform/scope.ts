import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { type Actor, dataScopeOf } from './access.ts';

/**
 * The SQL condition "this owned record is within the actor's data scope".
 * `shared` is an optional EXISTS condition for records shared with the actor (account teams).
 * rep → own or shared; manager → their teams' records, their own, or shared; others → the whole org
 * (the org condition itself is always applied by the caller).
 */
export function ownedRecordScope(actor: Actor, cols: { ownerId: AnyColumn; teamId: AnyColumn }, shared?: SQL): SQL | undefined {
  const scope = dataScopeOf(actor);
  const sharedOr = shared ? sql` or ${shared}` : sql``;
  switch (scope.kind) {
    case 'org':
      return undefined;
    case 'own':
      return sql`(${cols.ownerId} = ${scope.userId}${sharedOr})`;
    case 'team': {
      const teams = scope.teamIds.length
        ? sql`${cols.teamId} in (${sql.join(
            scope.teamIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`;
      return sql`(${teams} or ${cols.ownerId} = ${scope.userId}${sharedOr})`;
    }
  }
}
