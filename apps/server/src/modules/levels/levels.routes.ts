import { ZLevel } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { listLevels } from './levels.repository.ts';

export const levelsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/levels',
    {
      config: { access: access.signedIn },
      schema: { tags: ['team'], summary: 'Salesperson levels, lowest first', response: { 200: z.object({ data: z.array(ZLevel) }) } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const rows = await listLevels(ctx.db, ctx.actor.orgId);
      return { data: rows.map(({ orgId: _, ...l }) => l) };
    },
  );
};
