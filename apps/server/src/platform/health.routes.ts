import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from './access.ts';
import { sendProblem } from './problemJson.ts';

/** A load balancer's probe must get an answer, not hang on a database that does not reply. */
const READY_TIMEOUT_MS = 2_000;

function answersWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a late failure after the timeout is already reported
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: access.public },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: access.public },
      schema: {
        tags: ['health'],
        // The server listens only after migrations ran, so a database that answers means ready.
        summary: 'The database answers and migrations are done',
        response: { 200: z.object({ status: z.literal('ready'), engine: z.string() }) },
      },
    },
    async (req, reply) => {
      try {
        await answersWithin(app.database.rawQuery('select 1'), READY_TIMEOUT_MS);
      } catch (err) {
        req.log.warn({ err }, 'readiness check: database unreachable');
        return sendProblem(req, reply, {
          status: 503,
          code: 'not_ready',
          title: 'Service unavailable',
          detail: 'The database does not answer',
        });
      }
      return { status: 'ready' as const, engine: app.database.engine };
    },
  );
};
