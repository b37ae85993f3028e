import type { TCertification, TTeamCompliance, ZCertificationListQuery } from '@tierline/contracts';
import type { z } from 'zod';
import { dataScopeOf } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { users } from '../users/users.table.ts';
import * as certs from './certifications.repository.ts';
import { certificationStatus } from './certifications.rules.ts';
import * as repo from './compliance.repository.ts';
import { complianceOf, repCells } from './compliance.rules.ts';
import { orgTodayAt, teamExists } from './enrolments.repository.ts';
import { courseHoldings } from './holdings.repository.ts';
import { certifications } from './training.table.ts';

const todayOf = (ctx: Ctx) => orgTodayAt(ctx.db, ctx.actor.orgId, ctx.clock.now());

export function certificationView(row: { certification: certs.CertificationRow; repName: string }, today: string): TCertification {
  const c = row.certification;
  return {
    id: c.id,
    repId: c.repId,
    repName: row.repName,
    courseId: c.courseId,
    name: c.name,
    grantedOn: c.grantedOn,
    expiresOn: c.expiresOn,
    status: certificationStatus(c.expiresOn, today),
    enrolmentId: c.enrolmentId,
  };
}

/** Certifications the actor may see (rep: own; manager: their teams' reps; others: the org), latest granted first. */
export async function listCertifications(ctx: Ctx, q: z.infer<typeof ZCertificationListQuery>) {
  const today = await todayOf(ctx);
  const scope = ownedRecordScope(ctx.actor, { ownerId: certifications.repId, teamId: users.teamId });
  const rows = await certs.listCertifications(ctx.db, ctx.actor.orgId, scope, q, today, {
    limit: q.limit,
    after: decodeCursor(q.cursor, 2),
  });
  const page = toPage(rows, q.limit, (r) => [r.certification.grantedOn, r.certification.id]);
  return { data: page.data.map((r) => certificationView(r, today)), nextCursor: page.nextCursor };
}

/**
 * Team training compliance (today, organisation's zone): every active rep in scope (a manager their teams', others
 * the organisation's, or one team asked for) against the courses their level requires and those assigned to them.
 * A team outside the actor's scope is 404.
 */
export async function teamCompliance(ctx: Ctx, q: { teamId?: string }): Promise<TTeamCompliance> {
  const { orgId } = ctx.actor;
  const scope = dataScopeOf(ctx.actor);
  if (q.teamId && (!(await teamExists(ctx.db, orgId, q.teamId)) || (scope.kind === 'team' && !scope.teamIds.includes(q.teamId))))
    throw notFound('team');
  const teamIds = q.teamId ? [q.teamId] : scope.kind === 'team' ? scope.teamIds : undefined;
  const reps = await repo.activeReps(ctx.db, orgId, teamIds);
  const repIds = reps.map((r) => r.id);
  const today = await todayOf(ctx);
  const levelIds = [...new Set(reps.flatMap((r) => (r.levelId ? [r.levelId] : [])))];
  const [required, latest, holdings] = [
    await repo.requiredCourses(ctx.db, orgId, levelIds),
    await repo.latestEnrolments(ctx.db, orgId, repIds),
    await courseHoldings(ctx.db, orgId, repIds, today),
  ];
  const columnIds = new Set<string>();
  for (const r of reps) {
    for (const id of (r.levelId && required.get(r.levelId)) || []) columnIds.add(id);
    for (const id of latest.get(r.id)?.keys() ?? []) columnIds.add(id);
    for (const id of holdings.get(r.id)?.keys() ?? []) columnIds.add(id);
  }
  const columns = await repo.coursesByIds(ctx.db, orgId, [...columnIds]);
  const courseIds = columns.map((c) => c.id);
  return {
    courses: columns,
    reps: reps.map((r) => {
      const cells = repCells({
        courseIds,
        required: (r.levelId && required.get(r.levelId)) || new Set(),
        latest: latest.get(r.id) ?? new Map(),
        holdings: holdings.get(r.id) ?? new Map(),
        today,
      });
      return { repId: r.id, name: r.name, teamId: r.teamId, levelId: r.levelId, cells, compliance: complianceOf(cells) };
    }),
  };
}
