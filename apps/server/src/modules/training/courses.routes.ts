import { listOf, ZCourse, ZCourseListQuery, ZCourseUpdate, ZCourseWrite, ZId } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createCourse, getCourse, listCourses, updateCourse } from './courses.usecases.ts';

const ZParams = z.object({ id: ZId });
const editors = access.roles('director', 'admin');

/** The course catalogue (decision 0029). */
export const coursesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/courses',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['training'],
        summary: 'The course catalogue by title; retired courses only with includeInactive (directors, admins); the quiz key only for them',
        querystring: ZCourseListQuery,
        response: { 200: listOf(ZCourse) },
      },
    },
    async (req) => listCourses(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/courses/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['training'], summary: 'A course, active or retired', params: ZParams, response: { 200: ZCourse } },
    },
    async (req, reply) => {
      const course = await getCourse(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(course.version)).send(course);
    },
  );
  app.post(
    '/api/v1/courses',
    {
      config: { access: editors },
      schema: {
        tags: ['training'],
        summary: 'Add a course, with its materials, quiz and certification (directors, admins)',
        body: ZCourseWrite,
        response: { 201: ZCourse },
      },
    },
    async (req, reply) => {
      const course = await createCourse(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(course.version)).send(course);
    },
  );
  app.put(
    '/api/v1/courses/:id',
    {
      config: { access: editors },
      schema: {
        tags: ['training'],
        summary: 'Replace a course (directors, admins; retire it with active false); send the version it is based on',
        params: ZParams,
        body: ZCourseUpdate,
        response: { 200: ZCourse },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const course = await updateCourse(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(course.version)).send(course);
    },
  );
};
