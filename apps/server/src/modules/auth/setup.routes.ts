import { ZSession, ZSetupBody, ZSetupStatus, ZSignupBody } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import { forbidden } from '../../platform/errors.ts';
import { setSessionCookie } from './cookies.ts';
import { firstSetup, isSetupRequired, signup } from './setup.usecases.ts';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/setup',
    {
      config: { access: access.public },
      schema: { tags: ['auth'], summary: 'Whether first-start setup is still needed', security: [], response: { 200: ZSetupStatus } },
    },
    async () => ({ setupRequired: await isSetupRequired(app.db), signupAllowed: app.settings.allowSignup }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { access: access.public, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'First start: create the first organisation and its admin (refused once any user exists)',
        security: [],
        body: ZSetupBody,
        response: { 201: ZSession },
      },
    },
    async (req, reply) => {
      const started = await firstSetup(app.db, app.clock, req.body);
      setSessionCookie(req, reply, started.cookieValue, started.maxAgeSeconds);
      return reply.code(201).send(started.session);
    },
  );

  app.post(
    '/api/v1/auth/signup',
    {
      config: { access: access.public, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Create a new organisation with me as its admin (when TIERLINE_ALLOW_SIGNUP=true)',
        security: [],
        body: ZSignupBody,
        response: { 201: ZSession },
      },
    },
    async (req, reply) => {
      if (!app.settings.allowSignup) throw forbidden('Sign-up is disabled on this server');
      const started = await signup(app.db, app.clock, req.body);
      setSessionCookie(req, reply, started.cookieValue, started.maxAgeSeconds);
      return reply.code(201).send(started.session);
    },
  );
};
