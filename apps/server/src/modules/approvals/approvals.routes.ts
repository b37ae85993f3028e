import { listOf, ZApproval, ZApprovalListQuery, ZApprove, ZDiscountApprovalRequest, ZId, ZReject } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { approvalView, decideApproval, getApproval, listApprovals } from './approvals.usecases.ts';
import { requestDiscountApproval } from './discountApprovals.usecases.ts';

const ZParams = z.object({ id: ZId });
/** Reps and viewers never decide: the approver is a manager, director or admin. */
const deciders = access.roles('manager', 'director', 'admin');

export const approvalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/approvals',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['approvals'],
        summary: 'Approvals I am asked to decide or have requested (directors and admins: view=all)',
        querystring: ZApprovalListQuery,
        response: { 200: listOf(ZApproval) },
      },
    },
    async (req) => listApprovals(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/approvals/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['approvals'], summary: 'One approval', params: ZParams, response: { 200: ZApproval } },
    },
    async (req) => getApproval(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/approvals/:id/approve',
    {
      config: { access: deciders },
      schema: {
        tags: ['approvals'],
        summary: 'Approve (only the approver, a director or an admin; a decided approval → 409)',
        params: ZParams,
        body: ZApprove,
        response: { 200: ZApproval },
      },
    },
    async (req) => decideApproval(ctxOf(req), req.params.id, 'approved', req.body.comment ?? null),
  );
  app.post(
    '/api/v1/approvals/:id/reject',
    {
      config: { access: deciders },
      schema: {
        tags: ['approvals'],
        summary: 'Reject with a comment saying why',
        params: ZParams,
        body: ZReject,
        response: { 200: ZApproval },
      },
    },
    async (req) => decideApproval(ctxOf(req), req.params.id, 'rejected', req.body.comment),
  );
  app.post(
    '/api/v1/deals/:id/discount-approvals',
    {
      config: { access: access.writers },
      schema: {
        tags: ['approvals'],
        summary: 'Ask for approval of the lines’ discounts above the customer’s tier cap',
        params: ZParams,
        body: ZDiscountApprovalRequest,
        response: { 201: ZApproval },
      },
    },
    async (req, reply) => reply.code(201).send(approvalView(await requestDiscountApproval(ctxOf(req), req.params.id, req.body.lines))),
  );
};
