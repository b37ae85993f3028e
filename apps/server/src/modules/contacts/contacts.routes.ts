import { listOf, ZContact, ZContactCreate, ZContactListQuery, ZContactUpdate, ZId, ZVersion } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { contactsExport } from './contacts.export.ts';
import { changeContact, contactView, createContact, getContact, listContacts } from './contacts.usecases.ts';

const ZParams = z.object({ id: ZId });

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/contacts',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['customers'],
        summary: 'Contacts of the customers I may see',
        querystring: ZContactListQuery,
        response: { 200: listOf(ZContact) },
      },
    },
    async (req) => listContacts(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/contacts/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['customers'],
        summary: 'The contacts I may see, with the list’s filters, as CSV or Excel',
        querystring: contactsExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), contactsExport, req.query),
  );
  app.get(
    '/api/v1/contacts/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['customers'], summary: 'One contact', params: ZParams, response: { 200: ZContact } },
    },
    async (req, reply) => {
      const c = await getContact(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(c.version)).send(contactView(c));
    },
  );
  app.post(
    '/api/v1/contacts',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Add a contact to a customer I may change',
        body: ZContactCreate,
        response: { 201: ZContact },
      },
    },
    async (req, reply) => reply.code(201).send(contactView(await createContact(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/contacts/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Change a contact; send its version',
        params: ZParams,
        body: ZContactUpdate,
        response: { 200: ZContact },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return contactView(await changeContact(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch));
    },
  );
  app.delete(
    '/api/v1/contacts/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Soft-delete a contact',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZContact },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return contactView(
        await changeContact(ctx, req.params.id, requiredVersion(req.headers['if-match'], req.query.version), {
          deletedAt: ctx.clock.now(),
        }),
      );
    },
  );
  app.post(
    '/api/v1/contacts/:id/restore',
    {
      config: { access: access.writers },
      schema: {
        tags: ['customers'],
        summary: 'Restore a soft-deleted contact',
        params: ZParams,
        body: z.object({ version: ZVersion.optional() }),
        response: { 200: ZContact },
      },
    },
    async (req) =>
      contactView(
        await changeContact(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body.version), { deletedAt: null }),
      ),
  );
};
