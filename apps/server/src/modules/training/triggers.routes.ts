import {
  listOf,
  ZId,
  ZTrainingTrigger,
  ZTrainingTriggerUpdate,
  ZTrainingTriggerWrite,
  ZTriggerFire,
  ZTriggerFireListQuery,
  ZTriggerRun,
  ZTriggerRunResult,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { createTrigger, deleteTrigger, getTrigger, listFires, listTriggers, runTrigger, updateTrigger } from './triggers.usecases.ts';

const ZParams = z.object({ id: ZId });
const readers = access.roles('manager', 'director', 'admin', 'viewer');
const writers = access.roles('director', 'admin');
const tags = ['training'];

/** Training triggered by outcomes (decision 0029): rules, their log of fires, and explicit runs. */
export const triggersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/training-triggers',
    {
      config: { access: readers },
      schema: { tags, summary: 'The organisation’s outcome triggers, by name', response: { 200: listOf(ZTrainingTrigger) } },
    },
    async (req) => listTriggers(ctxOf(req)),
  );
  app.get(
    '/api/v1/training-triggers/:id',
    {
      config: { access: readers },
      schema: { tags, summary: 'One outcome trigger', params: ZParams, response: { 200: ZTrainingTrigger } },
    },
    async (req, reply) => {
      const trigger = await getTrigger(ctxOf(req), req.params.id);
      return reply.header('etag', etagOf(trigger.version)).send(trigger);
    },
  );
  app.post(
    '/api/v1/training-triggers',
    {
      config: { access: writers },
      schema: {
        tags,
        summary:
          'Add a trigger: enrol reps whose figure over a closed period is below the threshold. Periods ending after now are run by the job',
        body: ZTrainingTriggerWrite,
        response: { 201: ZTrainingTrigger },
      },
    },
    async (req, reply) => {
      const trigger = await createTrigger(ctxOf(req), req.body);
      return reply.code(201).header('etag', etagOf(trigger.version)).send(trigger);
    },
  );
  app.put(
    '/api/v1/training-triggers/:id',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Replace a trigger’s settings; send the version it is based on (body or If-Match)',
        params: ZParams,
        body: ZTrainingTriggerUpdate,
        response: { 200: ZTrainingTrigger },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const trigger = await updateTrigger(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], version), input);
      return reply.header('etag', etagOf(trigger.version)).send(trigger);
    },
  );
  app.delete(
    '/api/v1/training-triggers/:id',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Delete a trigger that never ran (one that ran keeps its log: disable it); send its version',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 200: ZTrainingTrigger },
      },
    },
    async (req) => deleteTrigger(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version)),
  );
  app.post(
    '/api/v1/training-triggers/:id/run',
    {
      config: { access: writers },
      schema: {
        tags,
        summary:
          'Run a trigger for a closed period of its kind (422 period_not_closed while it runs). A period already run answers its log with ran: false',
        params: ZParams,
        body: ZTriggerRun,
        response: { 200: ZTriggerRunResult },
      },
    },
    async (req) => runTrigger(ctxOf(req), req.params.id, req.body.period),
  );
  app.get(
    '/api/v1/training-trigger-fires',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Who each trigger fired for, with the figure that fired it, latest first (a manager: their teams’ reps)',
        querystring: ZTriggerFireListQuery,
        response: { 200: listOf(ZTriggerFire) },
      },
    },
    async (req) => listFires(ctxOf(req), req.query),
  );
};
