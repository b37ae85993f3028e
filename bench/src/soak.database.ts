/**
 * The soak writes (activities, tasks, deal moves, customer edits), so it runs on a fresh copy of the benchmark's
 * generated data, never on the data itself: the benchmark's figures stay comparable, and every soak starts from the
 * same state. PostgreSQL: CREATE DATABASE … TEMPLATE (a file copy, seconds at S). PGlite: a copy of the data directory,
 * taken under the app's own DATA_DIR lock so no server writes it meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { lockDataDir } from '../../apps/server/src/db/dataDirLock.ts';
import { benchDir, postgresServerUrl } from './database.ts';
import type { EngineName, ScaleName } from './scales.ts';

export type SoakDatabase = { location: string; serverEnv: Record<string, string>; copyMs: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function copyPostgres(scale: ScaleName): Promise<SoakDatabase> {
  const source = `tierline_bench_${scale.toLowerCase()}`;
  const target = `tierline_soak_${scale.toLowerCase()}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  const started = performance.now();
  try {
    await admin.query(`drop database if exists ${target} with (force)`);
    // A template must have no other session: a benchmark running on the source makes us wait (up to 2 minutes).
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${target} template ${source} strategy file_copy`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 60) throw err;
        await sleep(2000);
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(postgresServerUrl());
  url.pathname = `/${target}`;
  return {
    location: url.toString().replace(/\/\/[^@/]*@/, '//'),
    serverEnv: { DATABASE_URL: url.toString() },
    copyMs: Math.round(performance.now() - started),
  };
}

function copyPglite(scale: ScaleName): SoakDatabase {
  const source = path.join(benchDir, '.data', scale);
  const target = path.join(benchDir, '.data', `soak-${scale}`);
  const started = performance.now();
  const unlock = lockDataDir(source);
  try {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, { recursive: true, filter: (from) => path.basename(from) !== 'tierline.lock' });
  } finally {
    unlock();
  }
  return { location: target, serverEnv: { DATA_DIR: target }, copyMs: Math.round(performance.now() - started) };
}

export async function soakCopy(engine: EngineName, scale: ScaleName): Promise<SoakDatabase> {
  return engine === 'postgres' ? copyPostgres(scale) : copyPglite(scale);
}
