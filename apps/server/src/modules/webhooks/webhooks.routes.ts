import {
  listOf,
  WEBHOOK_EVENT_TYPES,
  ZId,
  ZListQuery,
  ZVersion,
  ZWebhook,
  ZWebhookCreate,
  ZWebhookDelivery,
  ZWebhookDeliveryListQuery,
  ZWebhookEventTypeList,
  ZWebhookListItem,
  ZWebhookUpdate,
  ZWebhookWithSecret,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliver,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from './webhooks.usecases.ts';

const ZParams = z.object({ id: ZId });
const tags = ['webhooks'];

/** Webhook subscriptions and their delivery log: admins only (decision 0022). */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const policy = () => ({ allowPrivate: app.settings.webhookAllowPrivate });

  app.get(
    '/api/v1/webhooks/event-types',
    {
      config: { access: access.admin },
      schema: { tags, summary: 'The domain events a subscription can ask for', response: { 200: ZWebhookEventTypeList } },
    },
    async () => ({ data: [...WEBHOOK_EVENT_TYPES] }),
  );
  app.get(
    '/api/v1/webhooks',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'The organisation’s webhook subscriptions, newest first, each with how its latest delivery went',
        querystring: ZListQuery,
        response: { 200: listOf(ZWebhookListItem) },
      },
    },
    async (req) => listWebhooks(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/webhooks/:id',
    {
      config: { access: access.admin },
      schema: { tags, summary: 'A webhook subscription (never its secret)', params: ZParams, response: { 200: ZWebhook } },
    },
    async (req, reply) => {
      const w = await getWebhook(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(w.version)).send(w);
    },
  );
  app.post(
    '/api/v1/webhooks',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary:
          'Subscribe a URL to domain events; the signing secret is in this answer only. Private and loopback targets are refused (422 on url) unless the instance allows them',
        body: ZWebhookCreate,
        response: { 201: ZWebhookWithSecret },
      },
    },
    async (req, reply) => {
      const w = await createWebhook(ctxOf(req), req.body, policy());
      return reply.code(201).header('etag', etagOf(w.version)).send(w);
    },
  );
  app.patch(
    '/api/v1/webhooks/:id',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Change a subscription’s URL, description, events or active flag; send its version',
        params: ZParams,
        body: ZWebhookUpdate,
        response: { 200: ZWebhook },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const w = await updateWebhook(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch, policy());
      return reply.header('etag', etagOf(w.version)).send(w);
    },
  );
  app.delete(
    '/api/v1/webhooks/:id',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Delete a subscription with its delivery log; send its version',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZWebhook },
      },
    },
    async (req) => deleteWebhook(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version)),
  );
  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Replace the signing secret; the new one is in this answer only',
        params: ZParams,
        response: { 200: ZWebhookWithSecret },
      },
    },
    async (req, reply) => {
      const w = await rotateWebhookSecret(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(w.version)).send(w);
    },
  );
  app.post(
    '/api/v1/webhooks/:id/test',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Queue a webhook.test event to this subscription; it shows in the delivery log',
        params: ZParams,
        response: { 202: ZWebhookDelivery },
      },
    },
    async (req, reply) => reply.code(202).send(await sendTestEvent(ctxOf(req), req.params.id)),
  );
  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'The delivery log of a subscription, newest first, each delivery with its attempts',
        params: ZParams,
        querystring: ZWebhookDeliveryListQuery,
        response: { 200: listOf(ZWebhookDelivery) },
      },
    },
    async (req) => listWebhookDeliveries(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/webhooks/deliveries/:deliveryId/redeliver',
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: 'Send a delivery again now (logged as manual) and answer it with the attempt’s outcome',
        params: z.object({ deliveryId: ZId }),
        response: { 200: ZWebhookDelivery },
      },
    },
    async (req) => redeliver(ctxOf(req), req.params.deliveryId, policy()),
  );
};
