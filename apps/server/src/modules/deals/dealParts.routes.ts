import { ZDealContactRole, ZDealLine, ZDealTask, ZDealTaskInput, ZId, ZMilestone, ZMilestoneInput, ZVersion } from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { requiredVersion } from '../../platform/versioning.ts';
import { addMilestone, addTask, setDealContacts, setDealLines, updateMilestone, updateTask } from './dealParts.usecases.ts';

const ZDealParams = z.object({ id: ZId });
const ZPartParams = z.object({ id: ZId, partId: ZId });
const milestoneView = (m: {
  id: string;
  name: string;
  dueDate: string | null;
  status: 'open' | 'done';
  ownerId: string | null;
  version: number;
}) => ({ id: m.id, name: m.name, dueDate: m.dueDate, status: m.status, ownerId: m.ownerId, version: m.version });
const taskView = (t: {
  id: string;
  title: string;
  department: string;
  assigneeId: string | null;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'done';
  version: number;
}) => ({
  id: t.id,
  title: t.title,
  department: t.department,
  assigneeId: t.assigneeId,
  dueDate: t.dueDate,
  status: t.status,
  version: t.version,
});

export const dealPartsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/v1/deals/:id/contacts',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Replace the deal’s contacts and their buying roles',
        params: ZDealParams,
        body: z.object({ contacts: z.array(ZDealContactRole).max(50) }),
        response: { 200: z.object({ contacts: z.array(ZDealContactRole) }) },
      },
    },
    async (req) => ({ contacts: await setDealContacts(ctxOf(req), req.params.id, req.body.contacts) }),
  );
  app.put(
    '/api/v1/deals/:id/lines',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Replace the deal’s product lines',
        params: ZDealParams,
        body: z.object({ lines: z.array(ZDealLine).max(200) }),
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (req) => ({ count: (await setDealLines(ctxOf(req), req.params.id, req.body.lines)).length }),
  );
  app.post(
    '/api/v1/deals/:id/milestones',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Add a milestone (project deals)',
        params: ZDealParams,
        body: ZMilestoneInput,
        response: { 201: ZMilestone },
      },
    },
    async (req, reply) => reply.code(201).send(milestoneView(await addMilestone(ctxOf(req), req.params.id, req.body))),
  );
  app.patch(
    '/api/v1/deals/:id/milestones/:partId',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Change a milestone',
        params: ZPartParams,
        body: ZMilestoneInput.partial().extend({ version: ZVersion.optional() }),
        response: { 200: ZMilestone },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return milestoneView(
        await updateMilestone(ctxOf(req), req.params.id, req.params.partId, requiredVersion(req.headers['if-match'], version), patch),
      );
    },
  );
  app.post(
    '/api/v1/deals/:id/tasks',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Hand a task to another department (project deals)',
        params: ZDealParams,
        body: ZDealTaskInput,
        response: { 201: ZDealTask },
      },
    },
    async (req, reply) => reply.code(201).send(taskView(await addTask(ctxOf(req), req.params.id, req.body))),
  );
  app.patch(
    '/api/v1/deals/:id/tasks/:partId',
    {
      config: { access: access.writers },
      schema: {
        tags: ['deals'],
        summary: 'Change a deal task',
        params: ZPartParams,
        body: ZDealTaskInput.partial().extend({ version: ZVersion.optional() }),
        response: { 200: ZDealTask },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return taskView(
        await updateTask(ctxOf(req), req.params.id, req.params.partId, requiredVersion(req.headers['if-match'], version), patch),
      );
    },
  );
};
