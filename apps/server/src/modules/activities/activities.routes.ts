import { listOf, ZActivity, ZActivityCreate, ZActivityListQuery, ZActivityUpdate, ZId, ZVersion } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { activitiesExport } from './activities.export.ts';
import { activityView, createActivity, deleteActivity, getVisibleActivity, listActivities, updateActivity } from './activities.usecases.ts';

const ZParams = z.object({ id: ZId });
const tags = ['activities'];

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/activities',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Activities of the customers and leads I may see, newest first',
        querystring: ZActivityListQuery,
        response: { 200: listOf(ZActivity) },
      },
    },
    async (req) => listActivities(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/activities/export',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'The activities I may see, with the list’s filters, as CSV or Excel', querystring: activitiesExport.query },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), activitiesExport, req.query),
  );
  app.get(
    '/api/v1/activities/:id',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'An activity', params: ZParams, response: { 200: ZActivity } },
    },
    async (req, reply) => {
      const a = await getVisibleActivity(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(a.version)).send(activityView(a));
    },
  );
  app.post(
    '/api/v1/activities',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Log a call, email, visit, meeting or note on a customer (or a lead); a contact moves the customer’s last contact',
        body: ZActivityCreate,
        response: { 201: ZActivity },
      },
    },
    async (req, reply) => {
      const a = await createActivity(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(a.version)).send(activityView(a));
    },
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Change an activity; send its version',
        params: ZParams,
        body: ZActivityUpdate,
        response: { 200: ZActivity },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const a = await updateActivity(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(a.version)).send(activityView(a));
    },
  );
  app.delete(
    '/api/v1/activities/:id',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Soft-delete an activity (the customer’s last contact stays)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZActivity },
      },
    },
    async (req) =>
      activityView(await deleteActivity(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version))),
  );
};
