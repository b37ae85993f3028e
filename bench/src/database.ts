/**
 * Where each engine's benchmark data lives, how it is generated once and reused, and how the runner opens the
 * database itself for the raw-SQL side. PGlite: a cached DATA_DIR under bench/.data/<scale> (one process at a
 * time: the runner takes the app's own DATA_DIR lock, and never while the server has it). PostgreSQL: the
 * database tierline_bench_<scale> on BENCH_DATABASE_URL's server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, type Db, openPostgres } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { openDatabase } from '../../apps/server/src/db/open.ts';
import * as schema from '../../apps/server/src/db/schema.ts';
import { type GenerateStats, generate, type Loader } from './generate.ts';
import { type EngineName, GENERATOR_VERSION, SCALES, type ScaleName } from './scales.ts';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** The runner's own connection, for capturing and replaying the SQL an endpoint issues. */
export type RawHandle =
  | { engine: 'pglite'; client: PGlite; database: Database; close: () => Promise<void> }
  | { engine: 'postgres'; client: pg.Client; database: Database; close: () => Promise<void> };

export type BenchDatabase = {
  engine: EngineName;
  scale: ScaleName;
  /** Where the data is, for the report. */
  location: string;
  /** The environment that points the real server at this database. */
  serverEnv: Record<string, string>;
  /** Generates the data unless a matching copy exists; returns the generator's statistics (from the cache, or fresh). */
  ensure: (seed: number, log: (line: string) => void) => Promise<{ stats: GenerateStats; generatedNow: boolean }>;
  open: () => Promise<RawHandle>;
};

const pgliteClientOf = (db: Db) => (db as unknown as { $client: PGlite }).$client;
const matches = (stats: GenerateStats | undefined, seed: number) => stats?.version === GENERATOR_VERSION && stats.seed === seed;

function pgliteDatabase(scale: ScaleName): BenchDatabase {
  const dataDir = path.join(benchDir, '.data', scale);
  const markerPath = path.join(dataDir, 'bench.json');
  const readMarker = (): GenerateStats | undefined => {
    try {
      return JSON.parse(fs.readFileSync(markerPath, 'utf8')) as GenerateStats;
    } catch {
      return undefined;
    }
  };
  return {
    engine: 'pglite',
    scale,
    location: dataDir,
    serverEnv: { DATA_DIR: dataDir },
    async ensure(seed, log) {
      const cached = readMarker();
      if (matches(cached, seed) && cached) return { stats: cached, generatedNow: false };
      log(`generating scale ${scale} into ${dataDir} (PGlite, seed ${seed})`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const database = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        const client = pgliteClientOf(database.db);
        const loader: Loader = {
          engine: 'pglite',
          db: database.db,
          exec: async (sql) => {
            await client.exec(sql);
          },
          query: async <T>(sql: string) => (await client.query<T>(sql)).rows,
          copy: async (table, columns, csv) => {
            await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
          },
        };
        const stats = await generate(loader, SCALES[scale], seed, log);
        await client.exec('checkpoint');
        fs.writeFileSync(markerPath, `${JSON.stringify(stats, null, 2)}\n`);
        return { stats, generatedNow: true };
      } finally {
        await database.close();
      }
    },
    async open() {
      const database = await openDatabase({ dataDir, databaseUrl: undefined });
      return { engine: 'pglite', client: pgliteClientOf(database.db), database, close: () => database.close() };
    },
  };
}

export function postgresServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function postgresDatabase(scale: ScaleName): BenchDatabase {
  const name = `tierline_bench_${scale.toLowerCase()}`;
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const admin = async <T>(work: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: postgresServerUrl() });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  const readMarker = () =>
    admin(async (c) => {
      const { rows } = await c.query<{ d: string | null }>(
        `select shobj_description(oid, 'pg_database') as d from pg_database where datname = $1`,
        [name],
      );
      try {
        return rows[0]?.d ? (JSON.parse(rows[0].d) as GenerateStats) : undefined;
      } catch {
        return undefined;
      }
    });
  return {
    engine: 'postgres',
    scale,
    location: dbUrl.replace(/\/\/[^@/]*@/, '//'),
    serverEnv: { DATABASE_URL: dbUrl },
    async ensure(seed, log) {
      const cached = await readMarker();
      if (matches(cached, seed) && cached) return { stats: cached, generatedNow: false };
      log(`generating scale ${scale} into database ${name} (PostgreSQL, seed ${seed})`);
      await admin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`create database ${name}`);
      });
      const database = await openPostgres(dbUrl, 4);
      const client = new pg.Client({ connectionString: dbUrl });
      try {
        await runMigrations(database, dbUrl);
        await client.connect();
        const loader: Loader = {
          engine: 'postgres',
          db: drizzlePg({ client, schema }) as unknown as Db,
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string) => (await client.query(sql)).rows as T[],
          copy: async (table, columns, csv) => {
            const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
            await pipeline(Readable.from([csv]), stream);
          },
        };
        const stats = await generate(loader, SCALES[scale], seed, log);
        await client.query('checkpoint');
        await client.query(`comment on database ${name} is '${JSON.stringify(stats).replace(/'/g, "''")}'`);
        return { stats, generatedNow: true };
      } finally {
        await client.end().catch(() => {});
        await database.close();
      }
    },
    async open() {
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      const database = await openPostgres(dbUrl, 2);
      return {
        engine: 'postgres',
        client,
        database,
        close: async () => {
          await client.end();
          await database.close();
        },
      };
    },
  };
}

export function benchDatabase(engine: EngineName, scale: ScaleName): BenchDatabase {
  return engine === 'pglite' ? pgliteDatabase(scale) : postgresDatabase(scale);
}
