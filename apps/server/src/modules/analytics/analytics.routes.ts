import { ZRepPerformanceQuery, ZRepPerformanceRow } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { repPerformance } from './repPerformance.usecases.ts';

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/analytics/rep-performance',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['analytics'],
        summary: 'Won, lost and open deals, win rate and cycle per rep, team or region, within my scope',
        querystring: ZRepPerformanceQuery,
        response: { 200: z.object({ data: z.array(ZRepPerformanceRow) }) },
      },
    },
    async (req) => ({ data: await repPerformance(ctxOf(req), req.query) }),
  );
};
