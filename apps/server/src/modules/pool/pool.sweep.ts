import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import type { Clock } from '../../platform/clock.ts';
import { customers } from '../customers/customers.table.ts';
import { notificationsFromSql } from '../notifications/notify.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { tierPolicies } from '../tiers/tiers.table.ts';
import { poolEvents } from './pool.table.ts';

/**
 * The reclaim job of the public pool, set-based: per organisation one statement warns owners and one
 * returns neglected customers to the pool, whatever the number of customers. It applies the schedule of
 * pool.rules.ts (`sweepAction`): the clock starts at the later of the last contact and the start of the
 * ownership; an owner is warned once per such period; a customer is never taken without a warning
 * `warningDays` before. Running it twice changes nothing the second time.
 */

export type SweepResult = { orgs: number; warned: number; reclaimed: number; failed: { orgId: string; error: string }[] };

/** A UUIDv7 made in SQL for rows inserted set-based, time-ordered like the ids the app makes. */
const newIdAt = (at: SQL) =>
  sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from ${at}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** `n` days as an exact duration (24 h each), so a daylight-saving change never moves a deadline. */
const days = (n: SQL) => sql`make_interval(hours => 24 * (${n}))`;

/** The start of the reclaim clock of `c` (customers aliased as c). */
const touchOf = sql`coalesce(greatest(c.last_contact_at, c.owned_since), c.created_at)`;

const rowCount = (result: unknown) => Number((result as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);

/**
 * (a) Warns the owner of every customer that reaches its warning date and was not warned since its last touch:
 * a pool event and, unless they turned it off, a `pool_warning` notification.
 */
async function warnOwners(tx: DbOrTx, orgId: string, at: SQL) {
  const result = await tx.execute(sql`
    with warned as (
      update ${customers} c set pool_warned_at = ${at}
      from ${tierPolicies} p, ${orgs} o
      where p.org_id = c.org_id and p.tier_id = c.tier_id and o.id = c.org_id
        and c.org_id = ${orgId} and c.owner_id is not null and c.deleted_at is null and p.pool_reclaim_days is not null
        and (c.pool_warned_at is null or c.pool_warned_at < ${touchOf})
        and ${at} >= ${touchOf} + ${days(sql`p.pool_reclaim_days - p.pool_warning_days`)}
      returning c.id, c.owner_id, c.name, p.pool_reclaim_days as reclaim_days,
        floor(extract(epoch from (${at} - ${touchOf})) / 86400)::int as days_since,
        greatest(${touchOf} + ${days(sql`p.pool_reclaim_days`)}, ${at} + ${days(sql`p.pool_warning_days`)}) as reclaim_at,
        o.time_zone
    ), notified as (${notificationsFromSql({
      kind: 'pool_warning',
      entity: 'customer',
      at,
      source: sql`select ${orgId}::uuid as org_id, w.owner_id as user_id, w.id as entity_id,
        jsonb_build_object('customerName', w.name, 'daysSinceContact', w.days_since, 'reclaimDays', w.reclaim_days,
          'reclaimAt', to_char(w.reclaim_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) as params
        from warned w`,
    })}), events as (
      insert into ${poolEvents} (org_id, id, customer_id, kind, user_id, actor_id, reason, at)
      select ${orgId}, ${newIdAt(at)}, w.id, 'warning', w.owner_id, null,
        format('No contact for %s days; returns to the pool on %s unless contacted (limit: %s days)',
          w.days_since, to_char(w.reclaim_at at time zone w.time_zone, 'YYYY-MM-DD HH24:MI'), w.reclaim_days),
        ${at}
      from warned w
      returning 1
    )
    select count(*)::int as n from events
  `);
  return rowCount(result);
}

/**
 * (b) Returns to the pool every customer whose owner has not touched it within its tier's reclaim days,
 * warned at least `warningDays` ago. The conditions sit on the updated row itself, so a contact or a
 * release committed meanwhile is seen and the customer is left alone. Each reclaim writes its pool event,
 * its audit entry (the owner change) and a `pool_reclaim` notification to the former owner in the same statement.
 */
async function reclaimNeglected(tx: DbOrTx, orgId: string, at: SQL) {
  const result = await tx.execute(sql`
    with reclaimed as (
      update ${customers} c
      set owner_id = null, owned_since = null, pool_warned_at = null, updated_at = ${at}, version = c.version + 1
      from ${tierPolicies} p, ${customers} old
      where p.org_id = c.org_id and p.tier_id = c.tier_id and old.org_id = c.org_id and old.id = c.id
        and c.org_id = ${orgId} and c.owner_id is not null and c.owner_id = old.owner_id and c.deleted_at is null
        and p.pool_reclaim_days is not null
        and c.pool_warned_at is not null and c.pool_warned_at >= ${touchOf}
        and ${at} >= ${touchOf} + ${days(sql`p.pool_reclaim_days`)}
        and ${at} >= c.pool_warned_at + ${days(sql`p.pool_warning_days`)}
      returning c.id, old.owner_id, c.name, p.pool_reclaim_days as reclaim_days,
        floor(extract(epoch from (${at} - coalesce(greatest(old.last_contact_at, old.owned_since), old.created_at))) / 86400)::int as days_since
    ), notified as (${notificationsFromSql({
      kind: 'pool_reclaim',
      entity: 'customer',
      at,
      source: sql`select ${orgId}::uuid as org_id, r.owner_id as user_id, r.id as entity_id,
        jsonb_build_object('customerName', r.name, 'daysSinceContact', r.days_since, 'reclaimDays', r.reclaim_days) as params
        from reclaimed r`,
    })}), events as (
      insert into ${poolEvents} (org_id, id, customer_id, kind, user_id, actor_id, reason, at)
      select ${orgId}, ${newIdAt(at)}, r.id, 'reclaim', r.owner_id, null,
        format('No contact for %s days; the tier returns customers to the pool after %s days', r.days_since, r.reclaim_days),
        ${at}
      from reclaimed r
      returning 1
    ), audited as (
      insert into ${auditLog} (org_id, id, at, actor_id, action, entity, entity_id, changes, request_id)
      select ${orgId}, ${newIdAt(at)}, ${at}, null, 'update', 'customer', r.id::text,
        jsonb_build_object('ownerId', jsonb_build_object('before', r.owner_id, 'after', null)), null
      from reclaimed r
      returning 1
    )
    select (select count(*) from events)::int as n, (select count(*) from audited)::int as audited
  `);
  return rowCount(result);
}

/** Runs the sweep over every organisation, each in its own transaction; one organisation's failure does not stop the others. */
export async function runPoolSweep(db: DbOrTx, clock: Clock): Promise<SweepResult> {
  const now = clock.now();
  const at = sql`${now.toISOString()}::timestamptz`;
  const orgRows = await db.select({ id: orgs.id }).from(orgs);
  const result: SweepResult = { orgs: orgRows.length, warned: 0, reclaimed: 0, failed: [] };
  for (const { id } of orgRows) {
    try {
      const done = await db.transaction(async (tx) => ({
        warned: await warnOwners(tx, id, at),
        reclaimed: await reclaimNeglected(tx, id, at),
      }));
      result.warned += done.warned;
      result.reclaimed += done.reclaimed;
    } catch (err) {
      result.failed.push({ orgId: id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
