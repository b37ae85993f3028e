import {
  listOf,
  ZBatchResult,
  ZDeal,
  ZDealBatch,
  ZDealCreate,
  ZDealDetail,
  ZDealListQuery,
  ZDealMove,
  ZDealUpdate,
  ZId,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { moveDeal } from './dealMoves.usecases.ts';
import { dealsExport } from './deals.export.ts';
import { createDeal, dealView, getDealDetail, listDeals, setDealDeleted, updateDeal } from './deals.usecases.ts';
import { createDealsBatch } from './dealsBatch.usecases.ts';

const ZParams = z.object({ id: ZId });

export const dealsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/deals',
    {
      config: { access: access.signedIn },
      schema: { tags: ['deals'], summary: 'Deals I may see', querystring: ZDealListQuery, response: { 200: listOf(ZDeal) } },
    },
    async (req) => listDeals(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/deals/export',
    {
      config: { access: access.signedIn },
      schema: { tags: ['deals'], summary: 'The deals I may see, with the list’s filters, as CSV or Excel', querystring: dealsExport.query },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), dealsExport, req.query),
  );
  app.get(
    '/api/v1/deals/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['deals'],
        summary: 'A deal with contacts, lines, stage history, milestones and tasks',
        params: ZParams,
        response: { 200: ZDealDetail },
      },
    },
    async (req, reply) => {
      const d = await getDealDetail(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(d.version)).send(d);
    },
  );
  app.post(
    '/api/v1/deals',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Create a deal in an open stage (its gate applies)',
        body: ZDealCreate,
        response: { 201: ZDeal },
      },
    },
    async (req, reply) => reply.code(201).send(dealView(await createDeal(ctxOf(req), req.body))),
  );
  app.post(
    '/api/v1/deals/batch',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Migrate up to 1,000 deals in any stage with their dates, all or nothing',
        body: ZDealBatch,
        response: { 200: ZBatchResult },
      },
    },
    async (req) => createDealsBatch(ctxOf(req), req.body.records),
  );
  app.patch(
    '/api/v1/deals/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Change a deal’s fields (not its stage); send its version',
        params: ZParams,
        body: ZDealUpdate,
        response: { 200: ZDeal },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const d = await updateDeal(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(d.version)).send(dealView(d));
    },
  );
  app.post(
    '/api/v1/deals/:id/move',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Move a deal to another stage; 422 names what the stage gate still misses',
        params: ZParams,
        body: ZDealMove,
        response: { 200: ZDeal },
      },
    },
    async (req) => {
      const { version, ...move } = req.body;
      return dealView(await moveDeal(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), move));
    },
  );
  app.delete(
    '/api/v1/deals/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Soft-delete a deal',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZDeal },
      },
    },
    async (req) =>
      dealView(await setDealDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version), true)),
  );
  app.post(
    '/api/v1/deals/:id/restore',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Restore a soft-deleted deal',
        params: ZParams,
        body: z.object({ version: ZVersion.optional() }),
        response: { 200: ZDeal },
      },
    },
    async (req) =>
      dealView(await setDealDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body.version), false)),
  );
};
