import { type SQL, sql } from 'drizzle-orm';

/** SQL pieces the set-based statements of the tasks module share. */

/** A timestamp parameter. */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** `n` days as an exact duration (24 h each), as the rules count them (tasks.rules.ts `addDays`). */
export const days = (n: SQL): SQL => sql`make_interval(hours => 24 * (${n}))`;

/** A UUIDv7 made in SQL for rows inserted set-based, time-ordered like the ids the app makes (as pool.sweep.ts). */
export const newIdAt = (at: SQL): SQL =>
  sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from ${at}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** The single integer a `select count(*)::int as n …` answered. */
export const countOf = (result: unknown): number => Number((result as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
