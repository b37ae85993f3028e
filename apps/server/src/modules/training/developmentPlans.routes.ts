import {
  listOf,
  ZDevelopmentPlan,
  ZDevelopmentPlanDetail,
  ZDevelopmentPlanDetailQuery,
  ZDevelopmentPlanListQuery,
  ZDevelopmentPlanUpdate,
  ZDevelopmentPlanWrite,
  ZId,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { requiredVersion } from '../../platform/versioning.ts';
import { createDevelopmentPlan, getDevelopmentPlan, listDevelopmentPlans, updateDevelopmentPlan } from './developmentPlans.usecases.ts';

const ZParams = z.object({ id: ZId });
const writers = access.roles('manager', 'director', 'admin');

/** Development plans toward a target level, with goals and the level gap (decision 0029). */
export const developmentPlansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/development-plans',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['training'],
        summary: 'Plans I may see (a rep their own, a manager their teams’ reps’), newest first, each goal judged today',
        querystring: ZDevelopmentPlanListQuery,
        response: { 200: listOf(ZDevelopmentPlan) },
      },
    },
    async (req) => listDevelopmentPlans(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/development-plans/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['training'],
        summary: 'One plan with its level gap: the level evaluation’s step toward the target level, each check met or missing',
        description: 'period: the evaluated period (default the last closed quarter); course checks are judged today.',
        params: ZParams,
        querystring: ZDevelopmentPlanDetailQuery,
        response: { 200: ZDevelopmentPlanDetail },
      },
    },
    async (req) => getDevelopmentPlan(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/development-plans',
    {
      config: { access: writers },
      schema: {
        tags: ['training'],
        summary: 'Make a plan for an active rep (the manager of their team, a director or an admin)',
        body: ZDevelopmentPlanWrite,
        response: { 201: ZDevelopmentPlan },
      },
    },
    async (req, reply) => reply.code(201).send(await createDevelopmentPlan(ctxOf(req), req.body)),
  );
  app.put(
    '/api/v1/development-plans/:id',
    {
      config: { access: writers },
      schema: {
        tags: ['training'],
        summary: 'Replace a plan (goals whole, with new ids), its status included; send its version',
        params: ZParams,
        body: ZDevelopmentPlanUpdate,
        response: { 200: ZDevelopmentPlan },
      },
    },
    async (req) => updateDevelopmentPlan(ctxOf(req), req.params.id, req.body, requiredVersion(req.headers['if-match'], req.body.version)),
  );
};
