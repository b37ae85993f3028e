import {
  ZId,
  ZSkill,
  ZSkillAssessment,
  ZSkillCell,
  ZSkillsMatrix,
  ZSkillsMatrixQuery,
  ZSkillUpdate,
  ZSkillWrite,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { assessSkill, createSkill, deleteSkill, listSkills, skillsMatrix, updateSkill } from './skills.usecases.ts';

const ZParams = z.object({ id: ZId });
const editors = access.roles('director', 'admin');

/** The version a change names, when it names one (If-Match or the body): a first assessment needs none. */
const versionSent = (ifMatch: string | undefined, bodyVersion: number | undefined) =>
  bodyVersion ?? (ifMatch ? requiredVersion(ifMatch, undefined) : undefined);

/** Skills and the skills matrix (decision 0029). */
export const skillsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/skills',
    {
      config: { access: access.signedIn },
      schema: { tags: ['training'], summary: 'The skills, by category and name', response: { 200: z.object({ data: z.array(ZSkill) }) } },
    },
    async (req) => ({ data: await listSkills(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/skills',
    {
      config: { access: editors },
      schema: {
        tags: ['training'],
        summary: 'Add a skill (directors, admins); names are unique',
        body: ZSkillWrite,
        response: { 201: ZSkill },
      },
    },
    async (req, reply) => {
      const skill = await createSkill(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(skill.version)).send(skill);
    },
  );
  app.put(
    '/api/v1/skills/:id',
    {
      config: { access: editors },
      schema: {
        tags: ['training'],
        summary: 'Change a skill (directors, admins); send the version it is based on',
        params: ZParams,
        body: ZSkillUpdate,
        response: { 200: ZSkill },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const skill = await updateSkill(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(skill.version)).send(skill);
    },
  );
  app.delete(
    '/api/v1/skills/:id',
    {
      config: { access: editors },
      schema: {
        tags: ['training'],
        summary: 'Delete a skill and its assessments (directors, admins); a version, when sent, must be current',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteSkill(ctxOf(req), req.params.id, versionSent(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/skills-matrix',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['training'],
        summary: 'Each rep’s self and manager assessment of every skill (a rep their own row, a manager their teams’ reps)',
        querystring: ZSkillsMatrixQuery,
        response: { 200: ZSkillsMatrix },
      },
    },
    async (req) => skillsMatrix(ctxOf(req), req.query),
  );
  app.put(
    '/api/v1/skills-matrix/:repId/:skillId',
    {
      config: { access: access.writers },
      schema: {
        tags: ['training'],
        summary: 'Assess a rep’s skill: the rep their own self level; their manager, a director or an admin the manager level',
        params: z.object({ repId: ZId, skillId: ZId }),
        body: ZSkillAssessment,
        response: { 200: ZSkillCell },
      },
    },
    async (req, reply) => {
      const { version, ...levels } = req.body;
      const cell = await assessSkill(
        ctxOf(req),
        req.params.repId,
        req.params.skillId,
        levels,
        versionSent(req.headers['if-match'], version),
      );
      return reply.header('etag', etagOf(cell.version ?? 1)).send(cell);
    },
  );
};
