import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { migrationsFolder, serverPackageJson } from '../../paths.ts';
import {
  CHECKSUM_SETTINGS,
  checksumSql,
  HAS_MIGRATIONS_SQL,
  hasRowsSql,
  LIST_TABLES_SQL,
  MIGRATION_COUNT_SQL,
  type TableSum,
} from './backup.rules.ts';

/** Raw SQL inside the snapshot transaction. */
export type SnapshotQuery = <T>(text: string) => Promise<T[]>;

/**
 * Runs `work` in one read-only, repeatable-read transaction: every query in it (and pg_dump, when
 * given the exported snapshot) sees the same moment, so the sums describe exactly what is dumped.
 */
export async function inSnapshot<T>(db: Db, work: (query: SnapshotQuery) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      const query: SnapshotQuery = async <R>(text: string) => rowsOf<R>(await tx.execute(sql.raw(text)));
      for (const setting of CHECKSUM_SETTINGS) await query(setting);
      return work(query);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export const publicTables = async (query: SnapshotQuery) => (await query<{ name: string }>(LIST_TABLES_SQL)).map((r) => r.name);

/** Row count and checksum of every table of the public schema, by name. */
export async function tableSums(query: SnapshotQuery): Promise<TableSum[]> {
  const sums: TableSum[] = [];
  for (const table of await publicTables(query)) {
    const [row] = await query<{ row_count: string | number; checksum: string }>(checksumSql(table));
    sums.push({ table, rows: Number(row.row_count), checksum: row.checksum });
  }
  return sums;
}

export async function migrationCount(query: SnapshotQuery): Promise<number> {
  const [table] = await query<{ found: boolean }>(HAS_MIGRATIONS_SQL);
  if (!table.found) return 0;
  const [row] = await query<{ n: number }>(MIGRATION_COUNT_SQL);
  return Number(row.n);
}

/** The public tables that hold at least one row. */
export async function tablesWithRows(query: SnapshotQuery): Promise<string[]> {
  const found: string[] = [];
  for (const table of await publicTables(query)) {
    const [row] = await query<{ found: boolean }>(hasRowsSql(table));
    if (row.found) found.push(table);
  }
  return found;
}

/** How many migrations this Tierline ships: a backup with more comes from a newer version. */
export function knownMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export function tierlineVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(serverPackageJson, 'utf8')) as { version: string };
  return pkg.version;
}
