import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database, Db } from './db/client.ts';
import { actorFromApiToken, actorFromSessionCookie } from './modules/auth/auth.usecases.ts';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from './modules/auth/loginThrottle.rules.ts';
import { moduleRoutes } from './modules.ts';
import { accessControl } from './platform/accessControl.plugin.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { newId } from './platform/ids.ts';
import { frameworkErrorHandler, registerProblemHandlers, sendProblem } from './platform/problemJson.ts';
import { refuseNulCharacters } from './platform/textInput.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    clock: Clock;
    settings: AppSettings;
  }
}

export type AppSettings = {
  allowSignup: boolean;
  lockout: LockoutPolicy;
  /** Sign-in attempts allowed per IP per minute. */
  loginRateLimit: number;
  trustProxy: boolean;
  webDist?: string;
  /** Webhooks may target private, loopback and link-local addresses (TIERLINE_WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: boolean;
};

export type BuildAppOptions = {
  database: Database;
  clock?: Clock;
  settings?: Partial<AppSettings>;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
};

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the whole HTTP application; main.ts starts it, tests call `inject` on it. */
export async function buildApp(options: BuildAppOptions) {
  const settings: AppSettings = {
    allowSignup: false,
    lockout: DEFAULT_LOCKOUT,
    loginRateLimit: 20,
    trustProxy: false,
    webhookAllowPrivate: false,
    ...options.settings,
  };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: settings.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    // Keep a caller's request id (from a proxy) when it is sane, so logs can be joined across hops.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
  });
  const clock = options.clock ?? systemClock;
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  app.decorate('clock', clock);
  app.decorate('settings', settings);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerProblemHandlers(app);
  app.addHook('preValidation', refuseNulCharacters);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS injects <style> tags
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tierline API', version: '1', description: 'Tiered sales management CRM (销售分级管理)' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tl_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(accessControl, {
    resolvers: {
      fromSession: (secret) => actorFromSessionCookie({ db: app.db, clock }, secret),
      fromApiToken: (token) => actorFromApiToken({ db: app.db, clock }, token),
    },
    publicPrefixes: ['/api/docs', '/api/openapi.json'],
  });

  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());
  await app.register(apiReference, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });

  for (const routes of moduleRoutes) await app.register(routes);

  const webDist = settings.webDist;
  const hasWeb = webDist !== undefined && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });

  app.setNotFoundHandler((req, reply) => {
    // The web app routes on the client: any other GET outside the API gets its index page.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(req, reply, {
      status: 404,
      code: 'route_not_found',
      title: 'Not found',
      detail: `No route ${req.method} ${req.url.split('?')[0]}`,
    });
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
