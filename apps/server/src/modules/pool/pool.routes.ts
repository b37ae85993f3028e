import { listOf, ZClaimBody, ZCustomer, ZId, ZPoolEvent, ZPoolEventListQuery, ZPoolListQuery, ZReleaseBody } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf } from '../../platform/versioning.ts';
import { customerView } from '../customers/customers.usecases.ts';
import { claimCustomer, listPool, listPoolEvents, releaseCustomer } from './pool.usecases.ts';

const tags = ['pool'];
const ZParams = z.object({ id: ZId });

export const poolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/pool',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The public pool (公海): customers without an owner',
        querystring: ZPoolListQuery,
        response: { 200: listOf(ZCustomer) },
      },
    },
    async (req) => listPool(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/customers/:id/claim',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Claim a pool customer for myself, within my level’s limits',
        params: ZParams,
        body: ZClaimBody.nullish(),
        response: { 200: ZCustomer },
      },
    },
    async (req, reply) => {
      const c = await claimCustomer(ctxOf(req), req.params.id, req.body?.reason);
      return reply.header('etag', etagOf(c.version)).send(customerView(c));
    },
  );
  app.post(
    '/api/v1/customers/:id/release',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Return a customer to the pool, saying why',
        params: ZParams,
        body: ZReleaseBody,
        response: { 200: ZCustomer },
      },
    },
    async (req, reply) => {
      const c = await releaseCustomer(ctxOf(req), req.params.id, req.body.reason);
      return reply.header('etag', etagOf(c.version)).send(customerView(c));
    },
  );
  app.get(
    '/api/v1/customers/:id/pool-events',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The customer’s claims, releases, reclaims and warnings',
        params: ZParams,
        querystring: ZPoolEventListQuery,
        response: { 200: listOf(ZPoolEvent) },
      },
    },
    async (req) => listPoolEvents(ctxOf(req), req.params.id, req.query),
  );
};
