import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Placeholder until built (issue 8). */
export const enrolmentsRoutes: FastifyPluginAsyncZod = async () => {};
