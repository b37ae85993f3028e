import {
  listOf,
  ZContract,
  ZContractCreate,
  ZContractDetail,
  ZContractListQuery,
  ZContractStatusChange,
  ZContractUpdate,
  ZId,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { getContractDetail } from './contractPayments.usecases.ts';
import { contractsExport } from './contracts.export.ts';
import { changeContractStatus, createContract, deleteContract, listContracts, updateContract } from './contracts.usecases.ts';
import { contractView } from './contracts.views.ts';

const ZParams = z.object({ id: ZId });

export const contractsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/contracts',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['contracts'],
        summary: 'Contracts I may see, newest first',
        querystring: ZContractListQuery,
        response: { 200: listOf(ZContract) },
      },
    },
    async (req) => listContracts(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/contracts/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['contracts'],
        summary: 'The contracts I may see, with the list’s filters, as CSV or Excel',
        querystring: contractsExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), contractsExport, req.query),
  );
  app.get(
    '/api/v1/contracts/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['contracts'],
        summary: 'A contract with its payment plan, payments, paid and outstanding',
        params: ZParams,
        response: { 200: ZContractDetail },
      },
    },
    async (req, reply) => {
      const c = await getContractDetail(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(c.version)).send(c);
    },
  );
  app.post(
    '/api/v1/contracts',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Create a contract from a won deal (or for a customer); above the owner’s level limit it waits for approval',
        body: ZContractCreate,
        response: { 201: ZContract },
      },
    },
    async (req, reply) => reply.code(201).send(contractView(await createContract(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/contracts/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Change a contract’s fields; send its version',
        params: ZParams,
        body: ZContractUpdate,
        response: { 200: ZContract },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const c = await updateContract(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(c.version)).send(contractView(c));
    },
  );
  app.post(
    '/api/v1/contracts/:id/status',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Submit for approval, activate, complete or cancel; activation waits for a needed approval (422 names it)',
        params: ZParams,
        body: ZContractStatusChange,
        response: { 200: ZContract },
      },
    },
    async (req, reply) => {
      const c = await changeContractStatus(
        ctxOf(req),
        req.params.id,
        requiredVersion(req.headers['if-match'], req.body.version),
        req.body.status,
      );
      return reply.header('etag', etagOf(c.version)).send(contractView(c));
    },
  );
  app.delete(
    '/api/v1/contracts/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['contracts'],
        summary: 'Delete a draft contract without payments (others are cancelled instead)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZContract },
      },
    },
    async (req) => deleteContract(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version)),
  );
};
