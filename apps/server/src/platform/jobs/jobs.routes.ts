import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder wired by the lead; the routes are being built.
export const jobsRoutes: FastifyPluginAsyncZod = async () => {};
