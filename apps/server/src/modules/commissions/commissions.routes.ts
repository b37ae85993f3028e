import { ZCommissionPlan, ZCommissionPlanUpsert, ZCommissionStatement, ZCommissionStatementQuery } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { commissionStatementsExport } from './commissions.export.ts';
import { commissionStatements, listCommissionPlans, upsertCommissionPlan } from './commissions.usecases.ts';

/** Commission plans per level and statements per rep and period (decision 0028). */
export const commissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/commission-plans',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary: 'Commission plans, one per level, lowest level first',
        response: { 200: z.object({ data: z.array(ZCommissionPlan) }) },
      },
    },
    async (req) => ({ data: await listCommissionPlans(ctxOf(req)) }),
  );
  app.put(
    '/api/v1/commission-plans',
    {
      config: { access: access.roles('director', 'admin') },
      schema: {
        tags: ['performance'],
        summary:
          'Set a level’s plan (directors, admins): a base rate on payments received and accelerators by payments-collected attainment. ' +
          'Replacing a plan needs its version (If-Match or version)',
        body: ZCommissionPlanUpsert,
        response: { 200: ZCommissionPlan, 201: ZCommissionPlan },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const based = req.headers['if-match'] || version !== undefined ? requiredVersion(req.headers['if-match'], version) : undefined;
      const { plan, created } = await upsertCommissionPlan(ctxOf(req), input, based);
      return reply
        .code(created ? 201 : 200)
        .header('etag', etagOf(plan.version))
        .send(plan);
    },
  );
  app.get(
    '/api/v1/commissions/statements',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['performance'],
        summary:
          'Commission statements of a period, one per rep in my scope: the plan of the level in force at the period’s end; ' +
          'rate = the highest accelerator whose minAttainment the payments-collected attainment reaches, else the base rate (no plan: 0); ' +
          'one line per payment received in the period on the rep’s contracts, commission = round(amount × rate, 2); total = Σ lines',
        querystring: ZCommissionStatementQuery,
        response: { 200: z.object({ data: z.array(ZCommissionStatement) }) },
      },
    },
    async (req) => ({ data: await commissionStatements(ctxOf(req), req.query) }),
  );
  app.get(
    '/api/v1/commissions/statements/export',
    {
      config: { access: commissionStatementsExport.access },
      schema: {
        tags: ['performance'],
        summary: 'The statements’ lines (one row per payment) as CSV or Excel, with the statements’ filters',
        querystring: commissionStatementsExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), commissionStatementsExport, req.query),
  );
};
