import {
  ZBatchResult,
  ZContractDetail,
  ZId,
  ZInstallmentsPut,
  ZOverdueQuery,
  ZOverdueReport,
  ZPayment,
  ZPaymentBatch,
  ZPaymentCreate,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { recordPayment, setInstallments } from './contractPayments.usecases.ts';
import { createPaymentsBatch } from './paymentsBatch.usecases.ts';
import { overdueReceivables } from './receivables.usecases.ts';

const ZParams = z.object({ id: ZId });

/** Payment plans, payments received (回款) and overdue receivables. */
export const paymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/contracts/:id/installments',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Replace the payment plan; the instalments must sum to the contract amount; send the contract’s version',
        params: ZParams,
        body: ZInstallmentsPut,
        response: { 200: ZContractDetail },
      },
    },
    async (req, reply) => {
      const c = await setInstallments(
        ctxOf(req),
        req.params.id,
        requiredVersion(req.headers['if-match'], req.body.version),
        req.body.installments,
      );
      return reply.header('etag', etagOf(c.version)).send(c);
    },
  );
  app.post(
    '/api/v1/contracts/:id/payments',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Record a payment received against an active contract (not more than the outstanding balance)',
        params: ZParams,
        body: ZPaymentCreate,
        response: { 201: ZPayment },
      },
    },
    async (req, reply) => reply.code(201).send(await recordPayment(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/payments/batch',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Record up to 1,000 payments (contracts by id or number), all or nothing',
        body: ZPaymentBatch,
        response: { 200: ZBatchResult },
      },
    },
    async (req) => createPaymentsBatch(ctxOf(req), req.body.records),
  );
  app.get(
    '/api/v1/receivables/overdue',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['contracts'],
        summary: 'Overdue receivables per customer and per rep as of a date (default today), within my scope',
        querystring: ZOverdueQuery,
        response: { 200: ZOverdueReport },
      },
    },
    async (req) => overdueReceivables(ctxOf(req), req.query),
  );
};
