import {
  listOf,
  ZAvailabilityUpdate,
  ZId,
  ZPasswordResetTicket,
  ZUser,
  ZUserCreate,
  ZUserListQuery,
  ZUserUpdate,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { usersExport } from './users.export.ts';
import { createUser, getUser, listUsers, setOwnAvailability, startPasswordReset, updateUser, userView } from './users.usecases.ts';

const ZUserParams = z.object({ id: ZId });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: access.signedIn },
      schema: { tags: ['team'], summary: 'The people of my organisation', querystring: ZUserListQuery, response: { 200: listOf(ZUser) } },
    },
    async (req) => listUsers(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/users/export',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'The people of my organisation as CSV or Excel (admins; no password hashes or secrets)',
        querystring: usersExport.query,
      },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), usersExport, req.query),
  );
  app.get(
    '/api/v1/users/:id',
    { config: { access: access.signedIn }, schema: { tags: ['team'], summary: 'One user', params: ZUserParams, response: { 200: ZUser } } },
    async (req, reply) => {
      const user = await getUser(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(user.version)).send(userView(user));
    },
  );
  app.post(
    '/api/v1/users',
    {
      config: { access: access.admin },
      schema: { tags: ['team'], summary: 'Create a user (admins)', body: ZUserCreate, response: { 201: ZUser } },
    },
    async (req, reply) => {
      const user = await createUser(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(user.version)).send(userView(user));
    },
  );
  app.put(
    '/api/v1/users/me/availability',
    {
      config: { access: access.writers },
      schema: {
        tags: ['team'],
        summary: 'Mark yourself away or back: automatic assignment skips people who are away',
        body: ZAvailabilityUpdate,
        response: { 200: ZUser },
      },
    },
    async (req) => userView(await setOwnAvailability(ctxOf(req), req.body.available)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'Change a user (admins); send the version it is based on',
        params: ZUserParams,
        body: ZUserUpdate,
        response: { 200: ZUser },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const user = await updateUser(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(user.version)).send(userView(user));
    },
  );
  app.post(
    '/api/v1/users/:id/password-reset',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'Issue a one-time password reset token for a user (admins)',
        params: ZUserParams,
        response: { 201: ZPasswordResetTicket },
      },
    },
    async (req, reply) => reply.code(201).send(await startPasswordReset(ctxOf(req), req.params.id)),
  );
};
