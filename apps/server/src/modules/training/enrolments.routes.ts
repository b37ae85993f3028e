import {
  listOf,
  ZCertification,
  ZCertificationListQuery,
  ZEnrolment,
  ZEnrolmentCreate,
  ZEnrolmentCreateResult,
  ZEnrolmentListQuery,
  ZEnrolmentProgress,
  ZId,
  ZQuizAnswers,
  ZQuizAttempt,
  ZQuizForLearner,
  ZTeamCompliance,
  ZTeamComplianceQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { listCertifications, teamCompliance } from './compliance.usecases.ts';
import {
  cancelEnrolment,
  completeEnrolment,
  createEnrolments,
  getEnrolment,
  getQuiz,
  listEnrolments,
  recordProgress,
  submitAttempt,
} from './enrolments.usecases.ts';

const ZParams = z.object({ id: ZId });
const tags = ['training'];
/** Only the enrolled rep learns: anyone else's enrolment is not found; other roles may not call at all. */
const learner = access.roles('rep');
const assigners = access.roles('manager', 'director', 'admin');

/** Enrolments, quiz attempts, certifications and team compliance (decision 0029). */
export const enrolmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/enrolments',
    {
      config: { access: assigners },
      schema: {
        tags,
        summary: 'Assign a course to a rep, a team or a level (managers: their teams); reps with it open already are skipped',
        body: ZEnrolmentCreate,
        response: { 201: ZEnrolmentCreateResult },
      },
    },
    async (req, reply) => reply.code(201).send(await createEnrolments(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/enrolments',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Enrolments I may see (rep: own; manager: their teams’ reps; others: the organisation), newest first',
        querystring: ZEnrolmentListQuery,
        response: { 200: listOf(ZEnrolment) },
      },
    },
    async (req) => listEnrolments(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/enrolments/:id',
    { config: { access: access.signedIn }, schema: { tags, summary: 'One enrolment', params: ZParams, response: { 200: ZEnrolment } } },
    async (req, reply) => {
      const enrolment = await getEnrolment(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(enrolment.version)).send(enrolment);
    },
  );
  app.patch(
    '/api/v1/enrolments/:id/progress',
    {
      config: { access: learner },
      schema: {
        tags,
        summary: 'Record my progress (starts an assigned enrolment); send its version',
        params: ZParams,
        body: ZEnrolmentProgress,
        response: { 200: ZEnrolment },
      },
    },
    async (req) => recordProgress(ctxOf(req), req.params.id, req.body.progress, requiredVersion(req.headers['if-match'], req.body.version)),
  );
  app.post(
    '/api/v1/enrolments/:id/complete',
    {
      config: { access: learner },
      schema: { tags, summary: 'Complete my course (one without a quiz)', params: ZParams, response: { 200: ZEnrolment } },
    },
    async (req) => completeEnrolment(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/enrolments/:id/quiz',
    {
      config: { access: learner },
      schema: { tags, summary: 'The quiz of my course, without the answer key', params: ZParams, response: { 200: ZQuizForLearner } },
    },
    async (req) => getQuiz(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/enrolments/:id/attempts',
    {
      config: { access: learner },
      schema: {
        tags,
        summary: 'Submit a quiz attempt: scored at once; a pass completes the course, the last failed attempt fails it',
        params: ZParams,
        body: ZQuizAnswers,
        response: { 201: ZQuizAttempt },
      },
    },
    async (req, reply) => reply.code(201).send(await submitAttempt(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/enrolments/:id/cancel',
    {
      config: { access: assigners },
      schema: { tags, summary: 'Cancel an open enrolment', params: ZParams, response: { 200: ZEnrolment } },
    },
    async (req) => cancelEnrolment(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/certifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Certifications I may see (rep: own; manager: their teams’ reps; others: the organisation), latest first',
        querystring: ZCertificationListQuery,
        response: { 200: listOf(ZCertification) },
      },
    },
    async (req) => listCertifications(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/training-compliance',
    {
      config: { access: access.roles('manager', 'director', 'admin', 'viewer') },
      schema: {
        tags,
        summary: 'Training compliance per rep: required and assigned courses and where each stands (managers: their teams)',
        querystring: ZTeamComplianceQuery,
        response: { 200: ZTeamCompliance },
      },
    },
    async (req) => teamCompliance(ctxOf(req), req.query),
  );
};
