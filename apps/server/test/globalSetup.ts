import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from './engine.ts';

/**
 * Migrates one template database per run; every test file then gets a fresh copy of it
 * (a PGlite data-dir dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`), instead of running initdb each time.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}`;
  process.env.TIERLINE_TEST_RUN = runId;
  project.provide('testRunId', runId);
  if (testEngine === 'pglite') {
    const database = await openPglite({});
    await runMigrations(database);
    const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const file = path.join(os.tmpdir(), `tierline-template-${runId}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    return () => fs.rmSync(file, { force: true });
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  const template = `tierline_template_${runId}`;
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openPostgres(databaseUrlFor(template), 2);
  await runMigrations(database, databaseUrlFor(template));
  await database.close();
  project.provide('pgliteTemplate', '');
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
    pgliteTemplate: string;
  }
}
