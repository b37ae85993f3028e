import { z } from 'zod';

/** One table's fingerprint: its row count and an order-independent checksum of its rows. */
export type TableSum = { table: string; rows: number; checksum: string };

export type Engine = 'pglite' | 'postgres';

/**
 * Fixed output settings for the checksum transaction: a row's text depends on the session's time
 * zone, date style and float digits, so backup and restore must read rows under the same ones.
 */
export const CHECKSUM_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

export const LIST_TABLES_SQL = "select tablename as name from pg_tables where schemaname = 'public' order by tablename";

/** Drizzle's own bookkeeping: one row per applied migration (absent before the first migration). */
export const HAS_MIGRATIONS_SQL = "select to_regclass('drizzle.__drizzle_migrations') is not null as found";
export const MIGRATION_COUNT_SQL = 'select count(*)::int as n from drizzle.__drizzle_migrations';

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Count and checksum of a public table. Each row's text is hashed and the hashes are sorted before
 * they are joined, so the checksum does not depend on the physical order a restore writes rows in.
 */
export function checksumSql(table: string): string {
  return (
    "select count(*)::bigint as row_count, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as checksum " +
    `from public.${quoteIdent(table)} t`
  );
}

/** Whether a table has any row, without counting them all (the restore target check). */
export const hasRowsSql = (table: string) => `select exists (select 1 from public.${quoteIdent(table)}) as found`;

export const ZManifest = z.object({
  format: z.literal('tierline-backup/1'),
  tierlineVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.iso.datetime(),
  migrations: z.number().int().min(0),
  file: z.object({ name: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().min(0), checksum: z.string() })),
});
export type Manifest = z.infer<typeof ZManifest>;

/** The manifest sits beside the backup, so the backup itself stays a plain tar.gz or pg_dump file. */
export const manifestPathFor = (backupFile: string) => `${backupFile}.manifest.json`;

export function parseManifest(text: string): Manifest | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  const r = ZManifest.safeParse(json);
  return r.success ? r.data : `is not a Tierline backup manifest (${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message})`;
}

/** Every way the restored tables differ from the backed-up ones, one line each; empty when they agree. */
export function compareSums(expected: TableSum[], actual: TableSum[]): string[] {
  const found = new Map(actual.map((s) => [s.table, s]));
  const differences: string[] = [];
  for (const e of expected) {
    const a = found.get(e.table);
    if (!a) differences.push(`${e.table}: missing`);
    else if (a.rows !== e.rows) differences.push(`${e.table}: ${a.rows} rows, expected ${e.rows}`);
    else if (a.checksum !== e.checksum) differences.push(`${e.table}: checksum ${a.checksum}, expected ${e.checksum}`);
    found.delete(e.table);
  }
  for (const extra of found.keys()) differences.push(`${extra}: not in the backup`);
  return differences;
}

export const totalRows = (sums: TableSum[]) => sums.reduce((n, s) => n + s.rows, 0);

/**
 * Why a backup cannot be restored by this Tierline, or null: the engines must match (a PGlite data
 * directory is not a pg_dump), and a backup from a newer schema cannot be migrated backwards.
 */
export function restoreRefusal(manifest: Manifest, target: { engine: Engine; knownMigrations: number }): string | null {
  if (manifest.engine !== target.engine)
    return `this is a ${manifest.engine} backup and the configured database is ${target.engine} (${
      target.engine === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is not set'
    })`;
  if (manifest.migrations > target.knownMigrations)
    return `the backup has ${manifest.migrations} migrations applied and this Tierline knows ${target.knownMigrations}: restore it with Tierline ${manifest.tierlineVersion} or later`;
  return null;
}

/** A sortable, file-name-safe time: 2025-06-30T12-00-00-000Z. */
export const fileStamp = (at: Date) => at.toISOString().replaceAll(':', '-').replaceAll('.', '-');

/** Where --force moves the replaced database: beside it, never deleted. */
export const movedAsideName = (dir: string, at: Date) => `${dir}.before-restore-${fileStamp(at)}`;

/**
 * The URL without its password, and the password, which goes to pg_dump through PGPASSWORD:
 * on the command line every local user could read it in the process list.
 */
export function splitPassword(databaseUrl: string): { url: string; password: string | null } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.password = '';
  return { url: url.toString(), password };
}

/** The URL as it may be printed. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Tool output passed on to the operator, with the password blanked should a tool ever echo it. */
export const redact = (text: string, secret: string | null) => (secret ? text.replaceAll(secret, '***') : text);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
