import { listOf, ZSatisfactionCreate, ZSatisfactionListQuery, ZSatisfactionScore } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { createSatisfactionScore, listSatisfactionScores } from './satisfaction.usecases.ts';

/** Customer satisfaction scores, the input of the satisfaction KPI (decision 0026). */
export const satisfactionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/satisfaction-scores',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Satisfaction scores of the customers I may see, latest first',
        querystring: ZSatisfactionListQuery,
        response: { 200: listOf(ZSatisfactionScore) },
      },
    },
    async (req) => listSatisfactionScores(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/satisfaction-scores',
    {
      config: { access: access.writers },
      schema: {
        tags: ['performance'],
        summary: 'Record a customer’s satisfaction score (1–5), for its owner now; dated today unless given, never in the future',
        body: ZSatisfactionCreate,
        response: { 201: ZSatisfactionScore },
      },
    },
    async (req, reply) => reply.code(201).send(await createSatisfactionScore(ctxOf(req), req.body)),
  );
};
