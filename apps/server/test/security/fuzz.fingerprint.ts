import type { Database } from '../../src/db/client.ts';

/**
 * "Did anything change?" for the whole database, cheaply. A count-and-max fingerprint of 69 tables
 * cost ~90 ms a read on PGlite — too slow to take around thousands of refused writes — and misses an
 * update that leaves counts and timestamps alone. Instead every table of the public schema gets a row
 * trigger (test database only) that counts its inserted, updated and deleted rows in `fuzz.changes`,
 * in the writing transaction: a rolled-back write counts nothing, a committed one always shows.
 * Reading the fingerprint is one small select.
 */
export async function installChangeCounter(database: Database) {
  // One statement a call: PGlite's query takes one.
  await database.rawQuery('create schema if not exists fuzz');
  await database.rawQuery('create table if not exists fuzz.changes (tbl text primary key, n bigint not null)');
  await database.rawQuery(`
    create or replace function fuzz.count_change() returns trigger language plpgsql as $$
    begin
      insert into fuzz.changes values (tg_table_name, 1) on conflict (tbl) do update set n = fuzz.changes.n + 1;
      return null;
    end $$`);
  const { rows } = await database.rawQuery(
    `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  for (const { t } of rows) {
    const table = `public."${String(t).replaceAll('"', '""')}"`;
    await database.rawQuery(
      `create trigger fuzz_rows after insert or update or delete on ${table} for each row execute function fuzz.count_change()`,
    );
    await database.rawQuery(
      `create trigger fuzz_truncate after truncate on ${table} for each statement execute function fuzz.count_change()`,
    );
  }
  return rows.length;
}

/** Rows changed so far, per table: equal fingerprints mean nothing was written in between. */
export async function databaseFingerprint(database: Database): Promise<string> {
  const { rows } = await database.rawQuery(`select coalesce(string_agg(tbl || ':' || n, '|' order by tbl), '') as f from fuzz.changes`);
  return String(rows[0]?.f);
}

const countsOf = (f: string) => new Map(f ? f.split('|').map((x) => [x.split(':')[0], Number(x.split(':')[1])] as const) : []);

/** The tables written between two fingerprints. */
export function changedTables(before: string, after: string): string[] {
  const b = countsOf(before);
  return [...countsOf(after)].filter(([t, n]) => n !== (b.get(t) ?? 0)).map(([t]) => t);
}

/** The tables written between two fingerprints, with how many rows, for the failure message. */
export function describeChange(before: string, after: string): string {
  const b = countsOf(before);
  return [...countsOf(after)]
    .filter(([t, n]) => n !== (b.get(t) ?? 0))
    .map(([t, n]) => `${t} +${n - (b.get(t) ?? 0)} rows`)
    .join(', ');
}
