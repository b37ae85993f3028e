import type { Db, Tx } from '../db/client.ts';
import type { Ctx } from './requestContext.ts';

/**
 * The request context bound to a transaction, for use cases that call other modules' use cases
 * inside their own transaction: every read then sees the transaction's snapshot, and on PGlite (one
 * connection, whose transaction holds it exclusively) a read outside the transaction would wait forever.
 */
export const within = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx as unknown as Db });
