import { ZChangePasswordBody, ZLoginBody, ZResetPasswordBody, ZSession } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { changePassword, currentSession, login, logout, resetPassword } from './auth.usecases.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: access.public,
        // The per-IP half of login throttling; the per-account lockout is in loginThrottle.rules.ts.
        rateLimit: { max: app.settings.loginRateLimit, timeWindow: 60_000 },
      },
      schema: { tags: ['auth'], summary: 'Sign in with email and password', security: [], body: ZLoginBody, response: { 200: ZSession } },
    },
    async (req, reply) => {
      const started = await login({ db: app.db, clock: app.clock, lockout: app.settings.lockout }, req.body);
      setSessionCookie(req, reply, started.cookieValue, started.maxAgeSeconds);
      return started.session;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: access.signedIn }, schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (req, reply) => {
      await logout(ctxOf(req));
      clearSessionCookie(req, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: access.signedIn },
      schema: { tags: ['auth'], summary: 'Who am I, and the CSRF token for this session', response: { 200: ZSession } },
    },
    async (req) => currentSession(ctxOf(req)),
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (ends my other sessions)',
        body: ZChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(ctxOf(req), req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: access.public, rateLimit: { max: app.settings.loginRateLimit, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a one-time reset token',
        security: [],
        body: ZResetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await resetPassword({ db: app.db, clock: app.clock }, req.body);
      return reply.code(204).send(null);
    },
  );
};
