import { listOf, ZId, ZTimelineEvent, ZTimelineQuery } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { customerTimeline, dealTimeline } from './timeline.usecases.ts';

const ZParams = z.object({ id: ZId });
const tags = ['activities'];

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/customers/:id/timeline',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'The customer’s timeline, newest first: activities, stage changes, tier changes, orders, payments, assignments, pool moves (?kinds= to narrow)',
        params: ZParams,
        querystring: ZTimelineQuery,
        response: { 200: listOf(ZTimelineEvent) },
      },
    },
    async (req) => customerTimeline(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/deals/:id/timeline',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'The deal’s timeline, newest first: activities, stage changes, milestones, tasks, assignments, payments (?kinds= to narrow)',
        params: ZParams,
        querystring: ZTimelineQuery,
        response: { 200: listOf(ZTimelineEvent) },
      },
    },
    async (req) => dealTimeline(ctxOf(req), req.params.id, req.query),
  );
};
