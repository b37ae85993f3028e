import {
  ZId,
  ZTier,
  ZTierCreate,
  ZTierPreviewRequest,
  ZTierRecomputeRequest,
  ZTierRules,
  ZTierRulesInput,
  ZTierSummary,
  ZTierUpdate,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { customerTierRoutes } from './customerTier.routes.ts';
import { previewTierRules, recomputeTiers } from './tierRecompute.usecases.ts';
import { createTier, getCurrentRules, listTierDefinitions, replaceRules, ruleSetView, tierView, updateTier } from './tiers.usecases.ts';

/** Who shapes the tier ladder and its rules, and applies them: the people who run the sales organisation. */
const tierAdmins = access.roles('admin', 'director');
const tags = ['tiers'];

export const tiersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tiers',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Tier definitions, highest first', response: { 200: z.object({ data: z.array(ZTier) }) } },
    },
    async (req) => ({ data: await listTierDefinitions(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/tiers',
    {
      config: { access: tierAdmins },
      schema: {
        tags,
        summary: 'Add a tier at a rank; the tiers from there down move one lower',
        body: ZTierCreate,
        response: { 201: ZTier },
      },
    },
    async (req, reply) => {
      const tier = tierView(await createTier(ctxOf(req), req.body));
      return reply.code(201).header('etag', tier.etag).send(tier);
    },
  );
  app.patch(
    '/api/v1/tiers/:id',
    {
      config: { access: tierAdmins },
      schema: {
        tags,
        summary: 'Rename or recolour a tier; send its etag (If-Match or body)',
        params: z.object({ id: ZId }),
        body: ZTierUpdate,
        response: { 200: ZTier },
      },
    },
    async (req, reply) => {
      const { etag, ...patch } = req.body;
      const tier = tierView(await updateTier(ctxOf(req), req.params.id, etag ?? req.headers['if-match'], patch));
      return reply.header('etag', tier.etag).send(tier);
    },
  );

  app.get(
    '/api/v1/tier-rules',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'The tier rules in force (latest version)', response: { 200: ZTierRules } },
    },
    async (req, reply) => {
      const rules = await getCurrentRules(ctxOf(req));
      return reply.header('etag', etagOf(rules.version)).send(ruleSetView(rules));
    },
  );
  app.put(
    '/api/v1/tier-rules',
    {
      config: { access: tierAdmins },
      schema: {
        tags,
        summary: 'Save new tier rules as the next version; send the version they are based on',
        body: ZTierRulesInput,
        response: { 200: ZTierRules },
      },
    },
    async (req, reply) => {
      const { version, ...rules } = req.body;
      const saved = await replaceRules(ctxOf(req), requiredVersion(req.headers['if-match'], version), rules);
      return reply.header('etag', etagOf(saved.version)).send(ruleSetView(saved));
    },
  );
  app.post(
    '/api/v1/tier-rules/preview',
    {
      config: { access: tierAdmins },
      schema: {
        tags,
        summary: 'What the current or proposed rules would do as of a date; changes nothing',
        body: ZTierPreviewRequest,
        response: { 200: ZTierSummary },
      },
    },
    async (req) => previewTierRules(ctxOf(req), req.body),
  );
  app.post(
    '/api/v1/tiers/recompute',
    {
      config: { access: tierAdmins },
      schema: {
        tags,
        summary: 'Apply the current rules as of a date (default now); returns what changed',
        body: ZTierRecomputeRequest,
        response: { 200: ZTierSummary },
      },
    },
    async (req) => recomputeTiers(ctxOf(req), req.body),
  );

  await app.register(customerTierRoutes);
};
