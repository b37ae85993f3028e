import { listOf, ZCustomer, ZCustomerTierSet, ZId, ZTierChange, ZTierHistoryQuery } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { customerView } from '../customers/customers.usecases.ts';
import { listTierHistory, setCustomerTier } from './customerTier.usecases.ts';

const ZParams = z.object({ id: ZId });

/** A customer's tier by hand, and its history. */
export const customerTierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/customers/:id/tier',
    {
      // Managers and above decide a tier by hand; a rep cannot promote their own customers.
      config: { access: access.roles('admin', 'director', 'manager') },
      schema: {
        tags: ['tiers'],
        summary: 'Set a customer’s tier by hand, with a reason; pinned keeps tier rules away from it',
        params: ZParams,
        body: ZCustomerTierSet,
        response: { 200: ZCustomer },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const c = await setCustomerTier(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(c.version)).send(customerView(c));
    },
  );
  app.get(
    '/api/v1/customers/:id/tier-history',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['tiers'],
        summary: 'Every change of a customer’s tier, newest first, with its source and explanation',
        params: ZParams,
        querystring: ZTierHistoryQuery,
        response: { 200: listOf(ZTierChange) },
      },
    },
    async (req) => listTierHistory(ctxOf(req), req.params.id, req.query),
  );
};
