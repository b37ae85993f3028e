import { ZId, ZRepProfile, ZRepProfileUpdate } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { getRepProfile, setRepCapacity } from './repProfiles.usecases.ts';

const ZParams = z.object({ id: ZId });

/** Rep profiles (decision 0027): level and its history, tenure, capacity and availability. */
export const repProfilesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/reps/:id/profile',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['team'],
        summary: 'A rep’s profile: level since when, level history, hire date, capacity, open deals, availability',
        params: ZParams,
        response: { 200: ZRepProfile },
      },
    },
    async (req, reply) => {
      const profile = await getRepProfile(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(profile.version)).send(profile);
    },
  );
  app.patch(
    '/api/v1/reps/:id/profile',
    {
      config: { access: access.roles('manager', 'director', 'admin') },
      schema: {
        tags: ['team'],
        summary: 'Set a rep’s own capacity in open deals (null: their level’s); the manager of their team, directors, admins',
        params: ZParams,
        body: ZRepProfileUpdate,
        response: { 200: ZRepProfile },
      },
    },
    async (req, reply) => {
      const version = requiredVersion(req.headers['if-match'], req.body.version);
      const profile = await setRepCapacity(ctxOf(req), req.params.id, version, req.body.capacity);
      return reply.header('etag', etagOf(profile.version)).send(profile);
    },
  );
};
