import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';
import { customers } from '../customers/customers.table.ts';
import { notificationPreferences, notifications } from '../notifications/notifications.table.ts';
import { notificationsFromSql } from '../notifications/notify.ts';
import { serviceRequests } from './serviceRequests.table.ts';

/** Requests notified per run: a bounded batch (the job runs in one transaction); the next run takes the rest. */
const BATCH = 1000;

/**
 * Tells the owner of every open, unanswered request whose SLA deadline has passed — once per request and
 * owner: a request already notified to its current owner is skipped (the notification itself is the record),
 * and so is an owner who turned `service_sla` off. One set-based statement over every organisation.
 */
export async function notifySlaBreaches(db: DbOrTx, now: Date, limit = BATCH): Promise<{ notified: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const sr = serviceRequests;
  const result = await db.execute(sql`
    with due as (
      select ${sr.orgId} as org_id, ${sr.ownerId} as user_id, ${sr.id} as entity_id,
        jsonb_build_object('title', ${sr.title}, 'customerName', ${customers.name}, 'customerId', ${sr.customerId},
          'slaDueAt', to_char(${sr.slaDueAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'slaHours', ${sr.slaHours}) as params
      from ${sr}
      join ${customers} on ${customers.orgId} = ${sr.orgId} and ${customers.id} = ${sr.customerId}
      where ${sr.status} = 'open' and ${sr.firstAnsweredAt} is null and ${sr.slaDueAt} is not null and ${sr.slaDueAt} < ${at}
        and not exists (
          select 1 from ${notifications} n
          where n.org_id = ${sr.orgId} and n.user_id = ${sr.ownerId} and n.kind = 'service_sla'
            and n.entity = 'service_request' and n.entity_id = ${sr.id}
        )
        and not exists (
          select 1 from ${notificationPreferences} p
          where p.org_id = ${sr.orgId} and p.user_id = ${sr.ownerId} and p.kind = 'service_sla' and not p.enabled
        )
      order by ${sr.slaDueAt}, ${sr.id}
      limit ${limit}
    ), notified as (${notificationsFromSql({ kind: 'service_sla', entity: 'service_request', at, source: sql`select * from due` })})
    select count(*)::int as n from notified`);
  return { notified: Number((result as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0) };
}

/** The SLA watch: register in src/jobs.ts (`jobHandlers` and `jobSchedules`). */
export const serviceSlaJob: JobHandler = {
  kind: 'service_requests.sla',
  run: ({ tx, clock }) => notifySlaBreaches(tx, clock.now()),
};

/** Every 5 minutes: a breach is told at most 5 minutes after the deadline. */
export const serviceSlaSchedule: JobSchedule = { kind: serviceSlaJob.kind, everyMs: 5 * 60_000 };
