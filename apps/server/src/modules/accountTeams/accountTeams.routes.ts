import { ZAccountPlan, ZAccountPlanPut, ZAccountTeamMember, ZAccountTeamMemberPut, ZId } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { getAccountPlan, putAccountPlan } from './accountPlans.usecases.ts';
import { listAccountTeam, memberView, putAccountTeamMember, removeAccountTeamMember } from './accountTeams.usecases.ts';

const tags = ['key accounts'];
const ZCustomerParams = z.object({ id: ZId });
const ZMemberParams = z.object({ id: ZId, userId: ZId });

export const accountTeamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/customers/:id/account-team',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The customer’s account team',
        params: ZCustomerParams,
        response: { 200: z.object({ data: z.array(ZAccountTeamMember) }) },
      },
    },
    async (req) => listAccountTeam(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/v1/customers/:id/account-team/:userId',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Add a member to the account team, or change their role and access',
        params: ZMemberParams,
        body: ZAccountTeamMemberPut,
        response: { 200: ZAccountTeamMember, 201: ZAccountTeamMember },
      },
    },
    async (req, reply) => {
      const { member, created } = await putAccountTeamMember(ctxOf(req), req.params.id, req.params.userId, req.body);
      return reply.code(created ? 201 : 200).send(memberView(member));
    },
  );
  app.delete(
    '/api/v1/customers/:id/account-team/:userId',
    {
      config: { access: access.writers },
      schema: { tags, summary: 'Remove a member from the account team', params: ZMemberParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeAccountTeamMember(ctxOf(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/customers/:id/account-plan',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The customer’s account plan (version 0: none yet)',
        params: ZCustomerParams,
        response: { 200: ZAccountPlan },
      },
    },
    async (req, reply) => {
      const plan = await getAccountPlan(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(plan.version)).send(plan);
    },
  );
  app.put(
    '/api/v1/customers/:id/account-plan',
    {
      config: { access: access.writers },
      schema: {
        tags,
        summary: 'Replace the account plan; send the version it is based on (0 for the first)',
        params: ZCustomerParams,
        body: ZAccountPlanPut,
        response: { 200: ZAccountPlan },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const plan = await putAccountPlan(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(plan.version)).send(plan);
    },
  );
};
