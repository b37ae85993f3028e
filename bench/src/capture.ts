/**
 * The yardstick: the SQL an endpoint issues, run directly on the same database. The statements are not written
 * by hand here — the endpoint's own use case runs once in this process on a Drizzle instance that logs every
 * statement with its parameters (the API-token lookup included), and the log is then replayed with the bare
 * driver, many times, timing each statement. The difference to the HTTP time is the API's own overhead: HTTP,
 * Fastify, validation, Drizzle's mapping and JSON serialisation.
 */

import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Db } from '../../apps/server/src/db/client.ts';
import * as schema from '../../apps/server/src/db/schema.ts';
import type { RawHandle } from './database.ts';

export type Statement = { kind: 'sql'; sql: string; params: unknown[] } | { kind: 'begin' } | { kind: 'end' };

class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super('rolled back after capture');
  }
}

const TX_WORDS: Record<string, 'begin' | 'end'> = { begin: 'begin', commit: 'end', rollback: 'end' };

/** A Drizzle instance over the runner's connection that records what it runs. */
export function capturingDb(raw: RawHandle) {
  let log: Statement[] = [];
  let rollback = false;
  const logger = {
    logQuery(query: string, params: unknown[]) {
      const word = TX_WORDS[query.trim().toLowerCase()];
      log.push(word ? { kind: word } : { kind: 'sql', sql: query, params: [...params] });
    },
  };
  const db = (raw.engine === 'pglite'
    ? drizzlePglite({ client: raw.client, schema, logger })
    : drizzlePg({ client: raw.client, schema, logger })) as unknown as Db;
  // PGlite's driver opens transactions outside Drizzle's logger; node-postgres logs begin/commit itself.
  // Either way a capture may ask for its transaction to be rolled back, so a write can be captured without effect.
  const original = db.transaction.bind(db);
  (db as { transaction: Db['transaction'] }).transaction = (async (
    work: Parameters<Db['transaction']>[0],
    config?: Parameters<Db['transaction']>[1],
  ) => {
    if (raw.engine === 'pglite') log.push({ kind: 'begin' });
    try {
      const value = await original(async (tx) => {
        const result = await work(tx);
        if (rollback) throw new RolledBack(result);
        return result;
      }, config);
      if (raw.engine === 'pglite') log.push({ kind: 'end' });
      return value;
    } catch (err) {
      if (raw.engine === 'pglite') log.push({ kind: 'end' });
      if (err instanceof RolledBack) return err.value;
      throw err;
    }
  }) as Db['transaction'];

  return {
    db,
    /** Runs `work`, returning what it returned and every statement it issued. */
    async capture<T>(work: (db: Db) => Promise<T>, options: { rollback?: boolean } = {}) {
      log = [];
      rollback = options.rollback ?? false;
      try {
        const result = await work(db);
        return { result, statements: log };
      } finally {
        rollback = false;
      }
    },
  };
}

/** Runs captured statements once with the bare driver; returns each statement's time in ms (transaction ends included). */
export async function replay(raw: RawHandle, statements: Statement[], end: 'commit' | 'rollback' = 'commit'): Promise<number[]> {
  const times: number[] = [];
  for (const s of statements) {
    const text = s.kind === 'sql' ? s.sql : s.kind === 'begin' ? 'begin' : end;
    const params = s.kind === 'sql' ? s.params : [];
    const t = performance.now();
    if (raw.engine === 'pglite') await raw.client.query(text, params);
    else await raw.client.query({ text, values: params, rowMode: 'array' });
    times.push(performance.now() - t);
  }
  return times;
}

/** A short, one-line form of a statement for the report. */
export function describe(s: Statement): string {
  if (s.kind !== 'sql') return s.kind;
  const one = s.sql.replace(/\s+/g, ' ').trim();
  return one.length > 140 ? `${one.slice(0, 137)}…` : one;
}
