import { ZCurriculum, ZCurriculumReplace, ZId } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { listCurricula, replaceCurriculum } from './curricula.usecases.ts';

/** Curricula per level (decision 0029): courses required at each level and for promotion from it. */
export const curriculaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/curricula',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['training'],
        summary: 'Every level’s curriculum, lowest level first: the courses required while at it and those for promotion from it',
        response: { 200: z.object({ data: z.array(ZCurriculum) }) },
      },
    },
    async (req) => ({ data: await listCurricula(ctxOf(req)) }),
  );
  app.put(
    '/api/v1/curricula/:levelId',
    {
      config: { access: access.roles('director', 'admin') },
      schema: {
        tags: ['training'],
        summary: 'Replace a level’s two course lists (directors, admins); a course may be in both, but not twice in one',
        params: z.object({ levelId: ZId }),
        body: ZCurriculumReplace,
        response: { 200: ZCurriculum },
      },
    },
    async (req) => replaceCurriculum(ctxOf(req), req.params.levelId, req.body),
  );
};
