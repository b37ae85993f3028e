import {
  listOf,
  ZAppraisalCycle,
  ZAppraisalCycleCreate,
  ZAppraisalCycleUpdate,
  ZCycleStatus,
  ZId,
  ZListQuery,
  ZPeriod,
  ZReview,
  ZReviewCreate,
  ZReviewListQuery,
  ZReviewUpdate,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createCycle, cycleView, getCycle, listCycles, updateCycle } from './appraisal.usecases.ts';
import { createReview, getReview, listReviews, lockReview, reviewView, submitReview, updateReview } from './reviews.usecases.ts';

const ZParams = z.object({ id: ZId });
const ZCycleListQuery = ZListQuery.extend({ status: ZCycleStatus.optional(), period: ZPeriod.optional() });
/** Submitting and locking name the version they were based on, here or as If-Match. */
const ZVersionBody = z.object({ version: ZVersion.optional() }).optional();
const directors = access.roles('admin', 'director');

/** Appraisal cycles (考核周期) and reviews (decision 0026). */
export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/appraisal-cycles',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Appraisal cycles, latest period first',
        querystring: ZCycleListQuery,
        response: { 200: listOf(ZAppraisalCycle) },
      },
    },
    async (req) => listCycles(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/appraisal-cycles/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'An appraisal cycle and its scoring scheme',
        params: ZParams,
        response: { 200: ZAppraisalCycle },
      },
    },
    async (req, reply) => {
      const c = await getCycle(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(c.version)).send(cycleView(c));
    },
  );
  app.post(
    '/api/v1/appraisal-cycles',
    {
      config: { access: directors },
      schema: {
        tags: ['performance'],
        summary: 'Open the appraisal cycle of a period (one per period); what the scheme leaves out is the built-in default',
        body: ZAppraisalCycleCreate,
        response: { 201: ZAppraisalCycle },
      },
    },
    async (req, reply) => reply.code(201).send(cycleView(await createCycle(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/appraisal-cycles/:id',
    {
      config: { access: directors },
      schema: {
        tags: ['performance'],
        summary: 'Change a cycle’s name or scheme, or close it (locks its submitted reviews); send its version',
        params: ZParams,
        body: ZAppraisalCycleUpdate,
        response: { 200: ZAppraisalCycle },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const c = await updateCycle(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(c.version)).send(cycleView(c));
    },
  );

  app.get(
    '/api/v1/reviews',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Reviews I may read: my own and of me (a manager’s once submitted); a manager’s of their teams’ reps once submitted',
        querystring: ZReviewListQuery,
        response: { 200: listOf(ZReview) },
      },
    },
    async (req) => listReviews(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/reviews/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['performance'], summary: 'A review I may read', params: ZParams, response: { 200: ZReview } },
    },
    async (req, reply) => {
      const r = await getReview(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(r.version)).send(reviewView(r));
    },
  );
  app.post(
    '/api/v1/reviews',
    {
      config: { access: access.writers },
      schema: {
        tags: ['performance'],
        summary: 'Start a review as a draft: a manager of their team’s rep (kind manager), a rep of themselves (kind self)',
        body: ZReviewCreate,
        response: { 201: ZReview },
      },
    },
    async (req, reply) => reply.code(201).send(reviewView(await createReview(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/reviews/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['performance'],
        summary: 'Change my draft review’s ratings or comment; send its version',
        params: ZParams,
        body: ZReviewUpdate,
        response: { 200: ZReview },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const r = await updateReview(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(r.version)).send(reviewView(r));
    },
  );
  app.post(
    '/api/v1/reviews/:id/submit',
    {
      config: { access: access.writers },
      schema: {
        tags: ['performance'],
        summary: 'Submit my draft review (a manager review rates every criterion); notifies the rep or their manager',
        params: ZParams,
        body: ZVersionBody,
        response: { 200: ZReview },
      },
    },
    async (req, reply) => {
      const r = await submitReview(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body?.version));
      return reply.header('etag', etagOf(r.version)).send(reviewView(r));
    },
  );
  app.post(
    '/api/v1/reviews/:id/lock',
    {
      config: { access: directors },
      schema: {
        tags: ['performance'],
        summary: 'Lock a submitted review (closing the cycle locks them all)',
        params: ZParams,
        body: ZVersionBody,
        response: { 200: ZReview },
      },
    },
    async (req, reply) => {
      const r = await lockReview(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body?.version));
      return reply.header('etag', etagOf(r.version)).send(reviewView(r));
    },
  );
};
