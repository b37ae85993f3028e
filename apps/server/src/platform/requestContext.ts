import type { FastifyRequest } from 'fastify';
import type { DbOrTx, Tx } from '../db/client.ts';
import type { Actor } from './access.ts';
import type { Clock } from './clock.ts';
import { unauthenticated } from './errors.ts';

/** What a use case needs to know about the call it serves. */
export type Ctx = {
  /** The database, or the open transaction when the use case runs inside one. */
  db: DbOrTx;
  actor: Actor;
  requestId: string;
  clock: Clock;
};

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated();
  return { db: req.server.db, actor: req.actor, requestId: String(req.id), clock: req.server.clock };
}

/**
 * Runs `work` in a transaction with a context whose `db` is that transaction.
 * Inside, use only `tx.db`: on PGlite (one connection) a query on the outer `db` would wait
 * for the transaction to end, and the transaction for it — a deadlock.
 */
export function inTransaction<T>(ctx: Ctx, work: (tx: Ctx & { db: Tx }) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db }));
}
