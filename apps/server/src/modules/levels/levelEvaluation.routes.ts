import {
  ZLevelCriteria,
  ZLevelCriteriaReplace,
  ZLevelDecision,
  ZLevelDecisionCreate,
  ZLevelEvaluation,
  ZLevelEvaluationQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { getLevelCriteria, replaceLevelCriteria } from './levelCriteria.usecases.ts';
import { decideLevel, listLevelEvaluations } from './levelEvaluation.usecases.ts';

/** Level criteria, evaluations and decisions (decision 0027). */
export const levelEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/level-criteria',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['team'],
        summary: 'The criteria of each step of the level ladder (the built-in ones while isDefault), with the default grade bands',
        response: { 200: ZLevelCriteria },
      },
    },
    async (req) => getLevelCriteria(ctxOf(req)),
  );
  app.put(
    '/api/v1/level-criteria',
    {
      config: { access: access.roles('director', 'admin') },
      schema: {
        tags: ['team'],
        summary:
          'Replace every step (directors and admins); problems are named steps.N.field; an empty list returns to the built-in criteria',
        body: ZLevelCriteriaReplace,
        response: { 200: ZLevelCriteria },
      },
    },
    async (req) => replaceLevelCriteria(ctxOf(req), req.body.steps),
  );
  app.get(
    '/api/v1/level-evaluations',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['team'],
        summary:
          'Per rep in scope: promote, hold or demote for the period, every criterion met or not with its evidence per period, and the decision taken',
        description:
          'A step is met when every criterion is met over its consecutive periods ending with the one containing the evaluated ' +
          'period’s last day; a period without a complete scorecard (manager review submitted) fails grade criteria. Demotion wins; ' +
          'otherwise the highest promotion met.',
        querystring: ZLevelEvaluationQuery,
        response: { 200: z.object({ data: z.array(ZLevelEvaluation) }) },
      },
    },
    async (req) => ({ data: await listLevelEvaluations(ctxOf(req), req.query) }),
  );
  app.post(
    '/api/v1/level-evaluations/decisions',
    {
      config: { access: access.roles('manager', 'director', 'admin') },
      schema: {
        tags: ['team'],
        summary:
          'Accept or reject a rep’s recommendation for a period (the manager of their team, a director or an admin); one per rep and period',
        body: ZLevelDecisionCreate,
        response: { 201: ZLevelDecision },
      },
    },
    async (req, reply) => reply.code(201).send(await decideLevel(ctxOf(req), req.body)),
  );
};
