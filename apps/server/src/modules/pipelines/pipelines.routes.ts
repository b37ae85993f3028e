import { ZId, ZPipeline, ZPipelineStagesUpdate } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { listPipelines, replaceStages } from './pipelines.usecases.ts';

export const pipelinesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/pipelines',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['deals'],
        summary: 'The three pipelines with their stages and gates',
        response: { 200: z.object({ data: z.array(ZPipeline) }) },
      },
    },
    async (req) => ({ data: await listPipelines(ctxOf(req)) }),
  );
  app.put(
    '/api/v1/pipelines/:id/stages',
    {
      config: { access: access.admin },
      schema: {
        tags: ['deals'],
        summary: 'Replace a pipeline’s stages (admins); stages in use keep their id',
        params: z.object({ id: ZId }),
        body: ZPipelineStagesUpdate,
        response: { 200: ZPipeline },
      },
    },
    async (req) => replaceStages(ctxOf(req), req.params.id, req.body.stages),
  );
};
