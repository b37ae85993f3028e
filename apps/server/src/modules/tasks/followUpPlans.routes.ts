import {
  listOf,
  ZFollowUpPlan,
  ZFollowUpPlanCreate,
  ZFollowUpPlanListQuery,
  ZFollowUpPlanUpdate,
  ZId,
  ZPlanEnrollment,
  ZPlanEnrollmentCreate,
  ZPlanEnrollmentListQuery,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createPlan, deletePlan, getPlanView, listPlans, updatePlan } from './followUpPlans.usecases.ts';
import { enroll, listEnrollments, stopEnrollment } from './planEnrollments.usecases.ts';

const tags = ['follow-up plans'];
const ZParams = z.object({ id: ZId });
/** Who designs the organisation's plans. */
const planners = access.roles('admin', 'director', 'manager');

export const followUpPlansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/follow-up-plans',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The organisation’s follow-up plans',
        querystring: ZFollowUpPlanListQuery,
        response: { 200: listOf(ZFollowUpPlan) },
      },
    },
    async (req) => listPlans(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/follow-up-plans/:id',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'A follow-up plan with its enrollment counts', params: ZParams, response: { 200: ZFollowUpPlan } },
    },
    async (req, reply) => {
      const plan = await getPlanView(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(plan.version)).send(plan);
    },
  );
  app.post(
    '/api/v1/follow-up-plans',
    {
      config: { access: planners },
      schema: {
        tags,
        summary: 'Create a plan: steps ("day 0 call, day 3 email") for the customers of a tier or the deals of a stage',
        body: ZFollowUpPlanCreate,
        response: { 201: ZFollowUpPlan },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlan(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/follow-up-plans/:id',
    {
      config: { access: planners },
      schema: {
        tags,
        summary: 'Rename, re-step, deactivate or reactivate a plan; send its version',
        params: ZParams,
        body: ZFollowUpPlanUpdate,
        response: { 200: ZFollowUpPlan },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const plan = await updatePlan(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(plan.version)).send(plan);
    },
  );
  app.delete(
    '/api/v1/follow-up-plans/:id',
    {
      config: { access: planners },
      schema: {
        tags,
        summary: 'Delete a plan nobody was enrolled in (otherwise deactivate it)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePlan(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/follow-up-plans/:id/enrollments',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The plan’s enrollments whose customer or deal I may see, newest first',
        params: ZParams,
        querystring: ZPlanEnrollmentListQuery,
        response: { 200: listOf(ZPlanEnrollment) },
      },
    },
    async (req) => listEnrollments(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/follow-up-plans/:id/enrollments',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Enroll a customer or deal I may change, once; steps due at once become tasks now',
        params: ZParams,
        body: ZPlanEnrollmentCreate,
        response: { 201: ZPlanEnrollment },
      },
    },
    async (req, reply) => reply.code(201).send(await enroll(ctxOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/follow-up-plans/:id/enrollments/:enrollmentId',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Stop an enrollment (reason manual) and cancel its open tasks',
        params: ZParams.extend({ enrollmentId: ZId }),
        response: { 200: ZPlanEnrollment },
      },
    },
    async (req) => stopEnrollment(ctxOf(req), req.params.id, req.params.enrollmentId),
  );
};
