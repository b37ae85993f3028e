import { listOf, ZId, ZTarget, ZTargetBatch, ZTargetListQuery, ZVersion } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { requiredVersion } from '../../platform/versioning.ts';
import { deleteTarget, listTargets, setTargets } from './targets.usecases.ts';

const ZParams = z.object({ id: ZId });

/** KPI targets per rep, per team and per level (defaults), per period (decision 0026). */
export const targetsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/targets',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Targets I may see: a rep their own, their team’s and their level’s defaults; a manager their teams’ and reps’',
        querystring: ZTargetListQuery,
        response: { 200: listOf(ZTarget) },
      },
    },
    async (req) => listTargets(ctxOf(req), req.query),
  );
  app.put(
    '/api/v1/targets',
    {
      config: { access: access.roles('admin', 'director', 'manager') },
      schema: {
        tags: ['performance'],
        summary:
          'Set targets, all or nothing: each replaces the value of the same subject, KPI and period. Managers set their teams’ and their reps’',
        body: ZTargetBatch,
        response: { 200: listOf(ZTarget) },
      },
    },
    async (req) => setTargets(ctxOf(req), req.body.targets),
  );
  app.delete(
    '/api/v1/targets/:id',
    {
      config: { access: access.roles('admin', 'director', 'manager') },
      schema: {
        tags: ['performance'],
        summary: 'Delete a target (the level default, if any, applies again); send its version',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZTarget },
      },
    },
    async (req) => deleteTarget(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version)),
  );
};
