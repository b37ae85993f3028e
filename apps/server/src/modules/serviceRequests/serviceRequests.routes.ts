import {
  listOf,
  ZId,
  ZServiceBreachQuery,
  ZServiceBreachReport,
  ZServiceRequest,
  ZServiceRequestAction,
  ZServiceRequestCreate,
  ZServiceRequestListQuery,
  ZServiceRequestResolve,
  ZServiceRequestUpdate,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { serviceBreachReport } from './serviceRequests.breaches.ts';
import { serviceRequestsExport } from './serviceRequests.export.ts';
import type { ServiceAction } from './serviceRequests.rules.ts';
import {
  actOnServiceRequest,
  createServiceRequest,
  getServiceRequest,
  listServiceRequests,
  updateServiceRequest,
} from './serviceRequests.usecases.ts';

const ZParams = z.object({ id: ZId });
const tags = ['service requests'];

/** The If-Match version of an action, when sent (actions do not require one). */
const optionalVersion = (ifMatch: string | undefined, body: number | undefined) =>
  body !== undefined || ifMatch ? requiredVersion(ifMatch, body) : undefined;

export const serviceRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/service-requests',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Service requests I may see, newest first (keyset by openedAt, id), with their SLA figures',
        querystring: ZServiceRequestListQuery,
        response: { 200: listOf(ZServiceRequest) },
      },
    },
    async (req) => listServiceRequests(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/service-requests/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The service requests I may see, with the list’s filters, as CSV or Excel',
        querystring: serviceRequestsExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), serviceRequestsExport, req.query),
  );
  app.get(
    '/api/v1/service-requests/breaches',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Response SLA per rep or team over the requests opened in [from, to): answered in time, breached, mean first response',
        querystring: ZServiceBreachQuery,
        response: { 200: ZServiceBreachReport },
      },
    },
    async (req) => serviceBreachReport(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/service-requests/:id',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'A service request (ETag: its version)', params: ZParams, response: { 200: ZServiceRequest } },
    },
    async (req, reply) => {
      const r = await getServiceRequest(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(r.version)).send(r);
    },
  );
  app.post(
    '/api/v1/service-requests',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Open a service request for a customer; its tier’s response SLA is fixed now',
        body: ZServiceRequestCreate,
        response: { 201: ZServiceRequest },
      },
    },
    async (req, reply) => {
      const r = await createServiceRequest(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(r.version)).send(r);
    },
  );
  app.patch(
    '/api/v1/service-requests/:id',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Change a service request’s fields or owner; send its version',
        params: ZParams,
        body: ZServiceRequestUpdate,
        response: { 200: ZServiceRequest },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const r = await updateServiceRequest(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(r.version)).send(r);
    },
  );
  const action = (name: ServiceAction, summary: string) =>
    app.post(
      `/api/v1/service-requests/:id/${name}`,
      {
        config: { access: access.writers },
        schema: { tags, summary, params: ZParams, body: ZServiceRequestAction.nullish(), response: { 200: ZServiceRequest } },
      },
      async (req, reply) => {
        const version = optionalVersion(req.headers['if-match'], req.body?.version);
        const r = await actOnServiceRequest(ctxOf(req), req.params.id, name, { version });
        return reply.header('etag', etagOf(r.version)).send(r);
      },
    );
  action('answer', 'Record the first answer (stops the SLA clock, once); 422 when already answered');
  action('reopen', 'Reopen a resolved request; its first answer is kept');
  app.post(
    '/api/v1/service-requests/:id/resolve',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Resolve a request with its resolution; an unanswered request is answered by it',
        params: ZParams,
        body: ZServiceRequestResolve,
        response: { 200: ZServiceRequest },
      },
    },
    async (req, reply) => {
      const version = optionalVersion(req.headers['if-match'], req.body.version);
      const r = await actOnServiceRequest(ctxOf(req), req.params.id, 'resolve', { version, resolution: req.body.resolution });
      return reply.header('etag', etagOf(r.version)).send(r);
    },
  );
};
