import { ZLevel, ZLevelCreate, ZLevelUpdate } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createLevel, getLevels, updateLevel } from './levels.usecases.ts';

export const levelsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/levels',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['team'],
        summary: 'Salesperson levels, lowest first, with their limits',
        response: { 200: z.object({ data: z.array(ZLevel) }) },
      },
    },
    async (req) => ({ data: await getLevels(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/levels',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'Add a level (admins): placed at its rank (1 = lowest; omitted: above the highest), the levels above move up by one',
        body: ZLevelCreate,
        response: { 201: ZLevel },
      },
    },
    async (req, reply) => {
      const level = await createLevel(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(level.version)).send(level);
    },
  );
  app.patch(
    '/api/v1/levels/:id',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'Rename a level or change its limits (admins); send the version it is based on',
        params: z.object({ id: z.uuid() }),
        body: ZLevelUpdate,
        response: { 200: ZLevel },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const level = await updateLevel(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(level.version)).send(level);
    },
  );
};
