import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { databaseUrlFor, testDatabaseUrl, testEngine } from './engine.ts';

/** A fresh, migrated database for one test file, on the engine this run tests. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplate'));
    return openPglite({ loadDataDir: new Blob([template]) });
  }
  const name = `tierline_test_${inject('testRunId')}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template tierline_template_${inject('testRunId')}`);
  await admin.end();
  const database = await openPostgres(databaseUrlFor(name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
