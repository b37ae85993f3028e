import {
  listOf,
  ZId,
  ZLead,
  ZLeadConversion,
  ZLeadConvert,
  ZLeadCreate,
  ZLeadDuplicate,
  ZLeadListQuery,
  ZLeadMerge,
  ZLeadScoringRules,
  ZLeadScoringRulesResult,
  ZLeadUpdate,
  ZLeadWithDuplicates,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { convertLead } from './leadConvert.usecases.ts';
import { mergeLead } from './leadMerge.usecases.ts';
import { listScoringRules, replaceScoringRules } from './leadScoring.usecases.ts';
import { leadsExport } from './leads.export.ts';
import { createLead, getLeadDuplicates, getVisibleLead, leadView, listLeads, setLeadDeleted, updateLead } from './leads.usecases.ts';

const ZParams = z.object({ id: ZId });
const scoringAdmins = access.roles('admin', 'director');

export const leadsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/leads',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['leads'],
        summary: 'Leads I may see, filtered; sort by score',
        querystring: ZLeadListQuery,
        response: { 200: listOf(ZLead) },
      },
    },
    async (req) => listLeads(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/leads/export',
    {
      config: { access: access.signedIn },
      schema: { tags: ['leads'], summary: 'The leads I may see, with the list’s filters, as CSV or Excel', querystring: leadsExport.query },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), leadsExport, req.query),
  );
  app.get(
    '/api/v1/leads/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['leads'], summary: 'One lead with its score breakdown', params: ZParams, response: { 200: ZLead } },
    },
    async (req, reply) => {
      const lead = await getVisibleLead(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(lead.version)).send(leadView(lead));
    },
  );
  app.get(
    '/api/v1/leads/:id/duplicates',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['leads'],
        summary: 'Leads and customers that look like this lead (normalised email, phone, company)',
        params: ZParams,
        response: { 200: z.object({ data: z.array(ZLeadDuplicate) }) },
      },
    },
    async (req) => getLeadDuplicates(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/leads',
    {
      config: { access: access.writers },
      schema: {
        tags: ['leads'],
        summary: 'Capture a lead; likely duplicates come back with it',
        body: ZLeadCreate,
        response: { 201: ZLeadWithDuplicates },
      },
    },
    async (req, reply) => {
      const { lead, duplicates } = await createLead(ctxOf(req), req.body);
      return reply.code(201).send({ ...leadView(lead), duplicates });
    },
  );
  app.patch(
    '/api/v1/leads/:id',
    {
      config: { access: access.writers },
      schema: { tags: ['leads'], summary: 'Change a lead; send its version', params: ZParams, body: ZLeadUpdate, response: { 200: ZLead } },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const lead = await updateLead(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(lead.version)).send(leadView(lead));
    },
  );
  app.delete(
    '/api/v1/leads/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['leads'],
        summary: 'Soft-delete a lead (restorable)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZLead },
      },
    },
    async (req) =>
      leadView(await setLeadDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version), true)),
  );
  app.post(
    '/api/v1/leads/:id/restore',
    {
      config: { access: access.writers },
      schema: {
        tags: ['leads'],
        summary: 'Restore a soft-deleted lead',
        params: ZParams,
        body: z.object({ version: ZVersion.optional() }),
        response: { 200: ZLead },
      },
    },
    async (req) =>
      leadView(await setLeadDeleted(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body.version), false)),
  );
  app.post(
    '/api/v1/leads/:id/merge',
    {
      config: { access: access.writers },
      schema: {
        tags: ['leads'],
        summary: 'Merge this lead into another: the kept lead gains the fields it lacks; this one becomes merged',
        params: ZParams,
        body: ZLeadMerge,
        response: { 200: z.object({ kept: ZLead, merged: ZLead }) },
      },
    },
    async (req) => {
      const r = await mergeLead(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.body.version), req.body.intoId);
      return { kept: leadView(r.kept), merged: leadView(r.merged) };
    },
  );
  app.post(
    '/api/v1/leads/:id/convert',
    {
      config: { access: access.writers },
      schema: {
        tags: ['leads'],
        summary: 'Convert into a customer (new or reused), a contact and a deal — all or nothing',
        params: ZParams,
        body: ZLeadConvert,
        response: { 200: ZLeadConversion },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const r = await convertLead(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return { ...r, lead: leadView(r.lead) };
    },
  );
  app.get(
    '/api/v1/lead-scoring-rules',
    {
      config: { access: scoringAdmins },
      schema: { tags: ['leads'], summary: 'The lead scoring rules, in order', response: { 200: ZLeadScoringRulesResult } },
    },
    async (req) => listScoringRules(ctxOf(req)),
  );
  app.put(
    '/api/v1/lead-scoring-rules',
    {
      config: { access: scoringAdmins },
      schema: {
        tags: ['leads'],
        summary: 'Replace the scoring rules; every open lead is rescored in the same transaction (score = Σ points, clamped to 0–100)',
        body: ZLeadScoringRules,
        response: { 200: ZLeadScoringRulesResult },
      },
    },
    async (req) => replaceScoringRules(ctxOf(req), req.body.rules),
  );
};
