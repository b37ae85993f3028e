import { listOf, ZJob, ZJobListQuery, ZJobSummary } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../access.ts';
import { ctxOf } from '../requestContext.ts';
import { getJob, jobSummary, listJobs, retryJob } from './jobs.admin.ts';

const ZJobParams = z.object({ id: z.uuid() });

/** Admins watch the durable jobs: what ran, what waits, what failed and why; and retry failures. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  const schema = { tags: ['jobs'] };
  app.get(
    '/api/v1/jobs',
    {
      config: { access: access.admin },
      schema: {
        ...schema,
        summary: 'Jobs of the organisation and system jobs, newest first',
        querystring: ZJobListQuery,
        response: { 200: listOf(ZJob) },
      },
    },
    (req) => listJobs(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/jobs/summary',
    { config: { access: access.admin }, schema: { ...schema, summary: 'Job counts by status', response: { 200: ZJobSummary } } },
    (req) => jobSummary(ctxOf(req)),
  );
  app.get(
    '/api/v1/jobs/:id',
    { config: { access: access.admin }, schema: { ...schema, summary: 'One job', params: ZJobParams, response: { 200: ZJob } } },
    (req) => getJob(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/jobs/:id/retry',
    {
      config: { access: access.admin },
      schema: { ...schema, summary: 'Queue a failed job again with fresh attempts', params: ZJobParams, response: { 200: ZJob } },
    },
    (req) => retryJob(ctxOf(req), req.params.id),
  );
};
