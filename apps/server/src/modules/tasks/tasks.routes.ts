import {
  listOf,
  ZId,
  ZOverdueTasks,
  ZOverdueTasksQuery,
  ZTask,
  ZTaskComplete,
  ZTaskCreate,
  ZTaskListQuery,
  ZTaskUpdate,
  ZVersion,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { sendExport } from '../../platform/exports/export.writer.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { etagOf, requiredVersion } from '../../platform/versioning.ts';
import { completeTask } from './taskCompletion.usecases.ts';
import { tasksExport } from './tasks.export.ts';
import { createTask, deleteTask, getVisibleTask, listOverdueTasks, listTasks, taskView, updateTask } from './tasks.usecases.ts';

const ZParams = z.object({ id: ZId });

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tasks',
    {
      config: { access: access.signedIn },
      schema: { tags: ['tasks'], summary: 'Tasks I may see, by due time', querystring: ZTaskListQuery, response: { 200: listOf(ZTask) } },
    },
    async (req) => listTasks(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/tasks/export',
    {
      config: { access: access.signedIn },
      schema: { tags: ['tasks'], summary: 'The tasks I may see, with the list’s filters, as CSV or Excel', querystring: tasksExport.query },
    },
    async (req, reply) => sendExport(reply, ctxOf(req), tasksExport, req.query),
  );
  app.get(
    '/api/v1/tasks/overdue',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['tasks'],
        summary: 'Overdue tasks, mine or my teams’, with counts per rep and per team',
        querystring: ZOverdueTasksQuery,
        response: { 200: ZOverdueTasks },
      },
    },
    async (req) => listOverdueTasks(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/tasks/:id',
    {
      config: { access: access.signedIn },
      schema: { tags: ['tasks'], summary: 'A task', params: ZParams, response: { 200: ZTask } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const t = await getVisibleTask(ctx, req.params.id);
      return reply.header('etag', etagOf(t.version)).send(taskView(t, ctx.clock.now()));
    },
  );
  app.post(
    '/api/v1/tasks',
    {
      config: { access: access.writers },
      schema: {
        tags: ['tasks'],
        summary: 'Create a task for myself or (within my team or teams) someone else',
        body: ZTaskCreate,
        response: { 201: ZTask },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.code(201).send(taskView(await createTask(ctx, req.body), ctx.clock.now()));
    },
  );
  app.patch(
    '/api/v1/tasks/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['tasks'],
        summary: 'Change a task; send its version. Cadence tasks change only title, notes, priority and status',
        params: ZParams,
        body: ZTaskUpdate,
        response: { 200: ZTask },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { version, ...patch } = req.body;
      const t = await updateTask(ctx, req.params.id, requiredVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', etagOf(t.version)).send(taskView(t, ctx.clock.now()));
    },
  );
  app.post(
    '/api/v1/tasks/:id/complete',
    {
      config: { access: access.writers },
      schema: {
        tags: ['tasks'],
        summary: 'Complete a task, optionally logging its activity in the same step; send its version',
        params: ZParams,
        body: ZTaskComplete,
        response: { 200: ZTask },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const t = await completeTask(ctx, req.params.id, requiredVersion(req.headers['if-match'], req.body.version), req.body.activity);
      return reply.header('etag', etagOf(t.version)).send(taskView(t, ctx.clock.now()));
    },
  );
  app.delete(
    '/api/v1/tasks/:id',
    {
      config: { access: access.writers },
      schema: {
        tags: ['tasks'],
        summary: 'Delete a task made by hand (cadence and plan tasks are cancelled instead)',
        params: ZParams,
        querystring: z.object({ version: z.coerce.number().pipe(ZVersion).optional() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteTask(ctxOf(req), req.params.id, requiredVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );
};
