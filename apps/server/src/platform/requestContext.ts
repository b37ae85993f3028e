import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from './access.ts';
import type { Clock } from './clock.ts';
import { unauthenticated } from './errors.ts';

/** What a use case needs to know about the call it serves. */
export type Ctx = {
  db: Db;
  actor: Actor;
  requestId: string;
  clock: Clock;
};

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated();
  return { db: req.server.db, actor: req.actor, requestId: String(req.id), clock: req.server.clock };
}
