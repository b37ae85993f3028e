import { ZApiToken, ZApiTokenCreate, ZApiTokenCreated, ZId } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './apiTokens.usecases.ts';

export const apiTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/api-tokens',
    {
      config: { access: access.signedIn },
      schema: { tags: ['auth'], summary: 'My live API tokens', response: { 200: z.object({ data: z.array(ZApiToken) }) } },
    },
    async (req) => ({ data: await listApiTokens(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/api-tokens',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token acting with my rights (shown once)',
        body: ZApiTokenCreate,
        response: { 201: ZApiTokenCreated },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(ctxOf(req), req.body)),
  );
  app.delete(
    '/api/v1/api-tokens/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['auth'], summary: 'Revoke one of my API tokens', params: z.object({ id: ZId }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeApiToken(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
