import { listOf, ZId, ZTeam, ZTeamCreate, ZTeamListQuery, ZTeamUpdate, ZVersion } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createTeam, deleteTeam, getTeam, listTeams, teamView, updateTeam } from './teams.usecases.ts';

const ZTeamParams = z.object({ id: ZId });

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/teams',
    {
      config: { access: access.signedIn },
      schema: { tags: ['team'], summary: 'Sales teams', querystring: ZTeamListQuery, response: { 200: listOf(ZTeam) } },
    },
    async (req) => listTeams(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/teams/:id',
    { config: { access: access.signedIn }, schema: { tags: ['team'], summary: 'One team', params: ZTeamParams, response: { 200: ZTeam } } },
    async (req, reply) => {
      const team = await getTeam(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(team.version)).send(teamView(team));
    },
  );
  app.post(
    '/api/v1/teams',
    {
      config: { access: access.admin },
      schema: { tags: ['team'], summary: 'Create a team (admins)', body: ZTeamCreate, response: { 201: ZTeam } },
    },
    async (req, reply) => reply.code(201).send(teamView(await createTeam(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/teams/:id',
    {
      config: { access: access.admin },
      schema: { tags: ['team'], summary: 'Change a team (admins)', params: ZTeamParams, body: ZTeamUpdate, response: { 200: ZTeam } },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const team = await updateTeam(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(team.version)).send(teamView(team));
    },
  );
  app.delete(
    '/api/v1/teams/:id',
    {
      config: { access: access.admin },
      schema: {
        tags: ['team'],
        summary: 'Delete an empty team (admins)',
        params: ZTeamParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteTeam(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );
};
