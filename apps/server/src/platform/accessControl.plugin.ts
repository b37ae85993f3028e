import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RouteAccess } from './access.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

export const SESSION_COOKIE = 'tl_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type ActorResolvers = {
  fromSession: (secret: string) => Promise<Actor | undefined>;
  fromApiToken: (token: string) => Promise<Actor | undefined>;
};

export type RegisteredRoute = { method: string; url: string; access?: RouteAccess };

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function resolveActor(req: FastifyRequest, resolvers: ActorResolvers): Promise<Actor | undefined> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const token = authorization.match(/^Bearer\s+(\S+)$/i)?.[1];
    const actor = token ? await resolvers.fromApiToken(token) : undefined;
    // A wrong token is an error even when a cookie is present: never fall back silently.
    if (!actor) throw new AppError(401, 'invalid_token', 'Not signed in', 'The API token is invalid, expired or revoked');
    return actor;
  }
  const secret = req.cookies[SESSION_COOKIE];
  return secret ? resolvers.fromSession(secret) : undefined;
}

/**
 * Enforces each route's declared access before its handler runs: who is calling (cookie or token),
 * whether their role may call, and CSRF for cookie-authenticated unsafe requests.
 * A route under /api that declares nothing is refused, so a forgotten declaration fails closed.
 */
export const accessControl = fp<{ resolvers: ActorResolvers; publicPrefixes: string[] }>(
  async (app: FastifyInstance, { resolvers, publicPrefixes }) => {
    const routes: RegisteredRoute[] = [];
    app.decorate('registeredRoutes', routes);
    app.addHook('onRoute', (route) => {
      // Routes added by third-party plugins (the API reference) cannot declare access themselves.
      if (!route.config?.access && publicPrefixes.some((p) => route.url.startsWith(p))) {
        route.config = { ...route.config, access: { kind: 'public' } };
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access });
      }
    });

    // preValidation, not preHandler: who may call is settled before the body is validated, so a caller
    // without the right answers 401/403 whatever they send, and validation errors describe nothing to them.
    app.addHook('preValidation', async (req) => {
      if (req.is404) return; // the not-found handler answers; there is nothing to protect
      const declared = req.routeOptions.config.access;
      if (!declared) {
        if (!req.url.startsWith('/api/')) return; // static web files and health checks
        req.log.error({ url: req.routeOptions.url }, 'route declares no access: refused');
        throw forbidden('This route declares no access rule');
      }
      if (declared.kind === 'public') return;
      const actor = await resolveActor(req, resolvers);
      if (!actor) throw unauthenticated();
      if (actor.via === 'session' && UNSAFE.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
          throw new AppError(403, 'csrf_failed', 'Forbidden', 'Missing or wrong x-csrf-token header');
        }
      }
      if (!declared.roles.includes(actor.role)) throw forbidden();
      req.actor = actor;
    });
  },
);

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}
