import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from './access.ts';
import { sendProblem } from './problemJson.ts';

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
        await app.database.rawQuery('select 1');
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
