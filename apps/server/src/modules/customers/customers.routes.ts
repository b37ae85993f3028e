import {
  listOf,
  ZBatchResult,
  ZCustomer,
  ZCustomerBatch,
  ZCustomerCreate,
  ZCustomerListQuery,
  ZCustomerUpdate,
  ZId,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createCustomers } from './customers.create.usecases.ts';
import { customersExport } from './customers.export.ts';
import { customerView, getVisibleCustomer, listCustomers, setCustomerDeleted, updateCustomer } from './customers.usecases.ts';

const ZParams = z.object({ id: ZId });
const ZVersionQuery = z.object({ version: z.coerce.number().pipe(ZVersion).optional() });

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/customers',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['customers'],
        summary: 'Customers I may see, filtered and sorted',
        querystring: ZCustomerListQuery,
        response: { 200: listOf(ZCustomer) },
      },
    },
    async (req) => listCustomers(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/customers/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['customers'],
        summary: 'The customers I may see, with the list’s filters, as CSV or Excel',
        querystring: customersExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), customersExport, req.query),
  );
  app.get(
    '/api/v1/customers/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['customers'], summary: 'One customer', params: ZParams, response: { 200: ZCustomer } },
    },
    async (req, reply) => {
      const c = await getVisibleCustomer(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(c.version)).send(customerView(c));
    },
  );
  app.post(
    '/api/v1/customers',
    {
      config: { access: access.writers },
      schema: { tags: ['customers'], summary: 'Create a customer', body: ZCustomerCreate, response: { 201: ZCustomer } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { ids } = await createCustomers(ctx, [req.body], { mode: 'create', pathPrefix: '' });
      return reply.code(201).send(customerView(await getVisibleCustomer(ctx, ids[0])));
    },
  );
  app.post(
    '/api/v1/customers/batch',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Create (or upsert by externalId) up to 1,000 customers, all or nothing',
        body: ZCustomerBatch,
        response: { 200: ZBatchResult },
      },
    },
    async (req) => createCustomers(ctxOf(req), req.body.records, { mode: req.body.mode, pathPrefix: 'records' }),
  );
  app.patch(
    '/api/v1/customers/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Change a customer; send the version it is based on',
        params: ZParams,
        body: ZCustomerUpdate,
        response: { 200: ZCustomer },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const c = await updateCustomer(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(c.version)).send(customerView(c));
    },
  );
  app.delete(
    '/api/v1/customers/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Soft-delete a customer (restorable)',
        params: ZParams,
        querystring: ZVersionQuery,
        response: { 200: ZCustomer },
      },
    },
    async (req) =>
      customerView(await setCustomerDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version), true)),
  );
  app.post(
    '/api/v1/customers/:id/restore',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Restore a soft-deleted customer',
        params: ZParams,
        body: z.object({ version: ZVersion.optional() }),
        response: { 200: ZCustomer },
      },
    },
    async (req) =>
      customerView(await setCustomerDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body.version), false)),
  );
};
