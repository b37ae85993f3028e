import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type the code sees, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A use case runs against the database or inside a caller's transaction alike. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs raw SQL, for migrations, benchmarks and health checks. */
  rawQuery: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  close: () => Promise<void>;
};

/**
 * PGlite's own start parameters, less `-F` (fsync off) and with a smaller WAL (PGlite's pg_wal
 * otherwise grows to ~300 MB). Every commit is written to the OS before it is acknowledged, so it
 * survives a killed process; PGlite's WASM file system issues no fsync, so a power loss may lose
 * the last commits — see docs/decisions/0003-embedded-durability.md.
 */
const PGLITE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'max_wal_size=64MB',
  '-c',
  'min_wal_size=32MB',
];

export const pgliteExtensions = { pg_trgm };

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: pgliteExtensions,
    startParams: PGLITE_START_PARAMS,
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    rawQuery: async (sql, params) => ({ rows: (await client.query<Record<string, unknown>>(sql, params)).rows }),
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // A bounded wait for a connection (opening one, or for a busy pool to free one): a server that
  // does not answer fails the request with a 503 instead of holding it forever. Long enough that a
  // merely busy pool waits rather than fails.
  // JIT compilation costs ~140 ms on short, scope-filtered queries (measured in bench/), more than it saves here.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off', connectionTimeoutMillis: 30_000 });
  // An idle connection can die (server restart, admin termination). The pool drops it and opens
  // another on demand; without a listener the 'error' event would crash the process.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL connection lost while idle: ${err.message}`);
  });
  // A connection checked out of the pool (a transaction in progress) has no pool listener: when the
  // server goes away, its client emits 'error' and, unheard, that crashed the process. The query in
  // progress fails by itself (→ 503), and the pool discards the dead client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  // Fail fast with a clear message when the server is unreachable.
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    rawQuery: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    close: () => pool.end(),
  };
}

/**
 * Whether `db` is the embedded database: one connection, so work outside an open transaction waits for it.
 * (Drizzle keeps the driver client as `$client`.)
 */
export const isEmbedded = (db: Db): boolean => (db as unknown as { $client: unknown }).$client instanceof PGlite;
