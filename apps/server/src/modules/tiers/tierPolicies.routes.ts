import { ZBreachQuery, ZBreachReport, ZCustomerCompliance, ZId, ZTierPolicy, ZTierPolicyUpdate } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { customerCompliance, listTierPolicies, tierPolicyBreaches, tierPolicyView, updateTierPolicy } from './tierPolicies.usecases.ts';

const tags = ['tiers'];

export const tierPoliciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tier-policies',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The service policy of every tier, highest tier first',
        response: { 200: z.object({ data: z.array(ZTierPolicy) }) },
      },
    },
    async (req) => listTierPolicies(ctxOf(req)),
  );
  app.put(
    '/api/v1/tier-policies/:tierId',
    {
      config: { access: access.roles('admin', 'director') },
      schema: {
        tags,
        summary: 'Replace a tier’s service policy; send the version it is based on',
        params: z.object({ tierId: ZId }),
        body: ZTierPolicyUpdate,
        response: { 200: ZTierPolicy },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const p = await updateTierPolicy(ctxOf(req), req.params.tierId, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(p.version)).send(tierPolicyView(p));
    },
  );
  app.get(
    '/api/v1/tier-policies/breaches',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Policy breaches in my scope, per rep, per team and in total',
        querystring: ZBreachQuery,
        response: { 200: ZBreachReport },
      },
    },
    async (req) => tierPolicyBreaches(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/customers/:id/compliance',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A customer’s compliance with its tier’s policy',
        params: z.object({ id: ZId }),
        response: { 200: ZCustomerCompliance },
      },
    },
    async (req) => customerCompliance(ctxOf(req), req.params.id),
  );
};
