import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Placeholder until its routes are built in this change. */
export const forecastsRoutes: FastifyPluginAsyncZod = async () => {};
