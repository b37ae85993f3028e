import {
  ZAssignmentEntity,
  ZAssignmentResult,
  ZAssignmentRule,
  ZAssignmentRuleCreate,
  ZAssignmentRuleOrder,
  ZAssignmentRuleUpdate,
  ZId,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import {
  createRule,
  deleteRule,
  getRule,
  installDefaultRules,
  listRules,
  reorderRules,
  ruleView,
  updateRule,
} from './assignmentRules.usecases.ts';
import { assignRecord, explainAssignment } from './assignments.usecases.ts';

const ZParams = z.object({ id: ZId });
const ZTarget = z.object({ entity: ZAssignmentEntity, id: ZId });
const ZRules = z.object({ data: z.array(ZAssignmentRule) });
const ruleEditors = access.roles('admin', 'director');
const assigners = access.roles('admin', 'director', 'manager');

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/assignment-rules',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['assignment'],
        summary: 'Assignment rules in the order they are tried (the defaults are installed on first use)',
        querystring: z.object({ entity: ZAssignmentEntity.optional() }),
        response: { 200: ZRules },
      },
    },
    async (req) => listRules(ctxOf(req), req.query.entity),
  );
  app.get(
    '/api/v1/assignment-rules/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['assignment'], summary: 'One assignment rule', params: ZParams, response: { 200: ZAssignmentRule } },
    },
    async (req, reply) => {
      const r = await getRule(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(r.version)).send(ruleView(r));
    },
  );
  app.post(
    '/api/v1/assignment-rules',
    {
      config: { access: ruleEditors },
      schema: {
        tags: ['assignment'],
        summary: 'Add a rule at a position among its entity’s rules (the end by default)',
        body: ZAssignmentRuleCreate,
        response: { 201: ZAssignmentRule },
      },
    },
    async (req, reply) => reply.code(201).send(ruleView(await createRule(ctxOf(req), req.body))),
  );
  app.patch(
    '/api/v1/assignment-rules/:id',
    {
      config: { access: ruleEditors },
      schema: {
        tags: ['assignment'],
        summary: 'Change a rule; send its version',
        params: ZParams,
        body: ZAssignmentRuleUpdate,
        response: { 200: ZAssignmentRule },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const r = await updateRule(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(r.version)).send(ruleView(r));
    },
  );
  app.delete(
    '/api/v1/assignment-rules/:id',
    {
      config: { access: ruleEditors },
      schema: {
        tags: ['assignment'],
        summary: 'Delete a rule (the log keeps its explanations)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteRule(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/v1/assignment-rules/order',
    {
      config: { access: ruleEditors },
      schema: {
        tags: ['assignment'],
        summary: 'Reorder an entity’s rules: list every one of them, first tried first',
        body: ZAssignmentRuleOrder,
        response: { 200: ZRules },
      },
    },
    async (req) => reorderRules(ctxOf(req), req.body.entity, req.body.ids),
  );
  app.post(
    '/api/v1/assignment-rules/defaults',
    {
      config: { access: ruleEditors },
      schema: {
        tags: ['assignment'],
        summary: 'Install the default rules (KA and project → senior; long → mid/senior; SMB, short and leads → junior/mid)',
        body: z.object({ replace: z.boolean().default(false) }),
        response: { 200: ZRules },
      },
    },
    async (req) => installDefaultRules(ctxOf(req), req.body.replace),
  );
  app.post(
    '/api/v1/assignments/:entity/:id/assign',
    {
      config: { access: assigners },
      schema: {
        tags: ['assignment'],
        summary: 'Run the assignment rules for a lead, customer or deal and give it to the chosen rep; returns why',
        params: ZTarget,
        response: { 200: ZAssignmentResult },
      },
    },
    async (req) => assignRecord(ctxOf(req), req.params.entity, req.params.id),
  );
  app.get(
    '/api/v1/assignments/:entity/:id/explain',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['assignment'],
        summary: 'The latest automatic assignment of a record: the rule that matched and why each other rep was passed over',
        params: ZTarget,
        response: { 200: ZAssignmentResult },
      },
    },
    async (req) => explainAssignment(ctxOf(req), req.params.entity, req.params.id),
  );
};
