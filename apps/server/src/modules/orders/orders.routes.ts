import {
  listOf,
  ZBatchResult,
  ZId,
  ZOrder,
  ZOrderBatch,
  ZOrderCreate,
  ZOrderListQuery,
  ZPurchaseSummary,
  ZTimestamp,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { ordersExport } from './orders.export.ts';
import { createOrders, getOrder, listOrders } from './orders.usecases.ts';
import { purchaseSummary } from './purchaseSummary.usecases.ts';

const ZParams = z.object({ id: ZId });

export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/orders',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['orders'],
        summary: 'Orders of the customers I may see, newest first',
        querystring: ZOrderListQuery,
        response: { 200: listOf(ZOrder) },
      },
    },
    async (req) => listOrders(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/orders/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['orders'],
        summary: 'Orders of the customers I may see, with the list’s filters, as CSV or Excel',
        querystring: ordersExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), ordersExport, req.query),
  );
  app.get(
    '/api/v1/orders/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['orders'], summary: 'One order with its lines', params: ZParams, response: { 200: ZOrder } },
    },
    async (req) => getOrder(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/orders',
    {
      config: { access: access.writers },
      schema: { tags: ['orders'], summary: 'Record an order with its lines', body: ZOrderCreate, response: { 201: ZOrder } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { ids } = await createOrders(ctx, [req.body], '');
      return reply.code(201).send(await getOrder(ctx, ids[0]));
    },
  );
  app.post(
    '/api/v1/orders/batch',
    {
      config: { access: access.writers },
      schema: {
        tags: ['orders'],
        summary: 'Record up to 1,000 orders, all or nothing',
        body: ZOrderBatch,
        response: { 200: ZBatchResult },
      },
    },
    async (req) => createOrders(ctxOf(req), req.body.records, 'records'),
  );
  app.get(
    '/api/v1/customers/:id/purchase-summary',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['customers'],
        summary: 'Purchase history up to asOf: RFM figures, intervals, top products and categories, monthly totals',
        params: ZParams,
        querystring: z.object({ asOf: ZTimestamp.optional() }),
        response: { 200: ZPurchaseSummary },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return purchaseSummary(ctx, req.params.id, req.query.asOf ? new Date(req.query.asOf) : ctx.clock.now());
    },
  );
};
