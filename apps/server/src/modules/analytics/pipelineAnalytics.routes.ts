import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Placeholder until built (issue 9). */
export const pipelineAnalyticsRoutes: FastifyPluginAsyncZod = async () => {};
