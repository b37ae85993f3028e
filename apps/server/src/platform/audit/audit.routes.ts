import { listOf, ZAuditEntry, ZAuditQuery } from '@tierline/contracts';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../access.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { ctxOf } from '../requestContext.ts';
import { auditLog } from './audit.table.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit-log',
    {
      config: { access: access.admin },
      schema: {
        tags: ['audit'],
        summary: 'Every change of a business record, newest first (admins)',
        querystring: ZAuditQuery,
        response: { 200: listOf(ZAuditEntry) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const q = req.query;
      const after = decodeCursor(q.cursor, 2);
      const rows = await ctx.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.orgId, ctx.actor.orgId),
            q.entity ? eq(auditLog.entity, q.entity) : undefined,
            q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
            q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
            q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
            q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
            after ? sql`(${auditLog.at}, ${auditLog.id}) < (${new Date(String(after[0]))}, ${after[1]})` : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.limit + 1);
      const page = toPage(rows, q.limit, (r) => [r.at.toISOString(), r.id]);
      return {
        data: page.data.map((r) => ({ ...r, at: r.at.toISOString() })).map(({ orgId: _, ...r }) => r),
        nextCursor: page.nextCursor,
      };
    },
  );
};
