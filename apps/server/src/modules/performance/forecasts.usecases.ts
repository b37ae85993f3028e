import type { TForecastCommit } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, dataScopeOf } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { compareDecimal } from '../../platform/decimal.ts';
import { AppError, conflict, staleVersion, unprocessable } from '../../platform/errors.ts';
import { localDate } from '../../platform/exports/export.rules.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { orgTimeZone } from './appraisal.repository.ts';
import * as repo from './forecasts.repository.ts';
import { forecastCommits } from './performance.table.ts';
import { parsePeriod } from './periods.rules.ts';

/**
 * Forecast commits (提交预测): what a rep commits to win in a period, the input of forecast accuracy (decision
 * 0026). A rep commits their own; their manager, a director or an admin may set it for them. Once the period has
 * ended the commit is frozen, since accuracy compares it with what was actually won.
 */

export const commitView = (c: repo.CommitRow): TForecastCommit => ({
  id: c.id,
  repId: c.repId,
  period: c.period,
  amount: c.amount,
  committedAt: c.committedAt.toISOString(),
  version: c.version,
});

/** Like other owned records: a rep their own, a manager their teams' (by the team stamped on the commit), others all. */
function visibleCommits(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: forecastCommits.repId, teamId: forecastCommits.teamId });
  return sql`${forecastCommits.orgId} = ${actor.orgId}${scope ? sql` and ${scope}` : sql``}`;
}

export async function listForecastCommits(ctx: Ctx, q: repo.CommitFilter) {
  const rows = await repo.listCommits(ctx.db, visibleCommits(ctx.actor), q);
  return { data: rows.map(commitView), nextCursor: null };
}

/** Whether the actor may commit for `rep`: themselves; a manager the people of their teams; directors and admins anyone. */
function mayCommitFor(actor: Actor, rep: { id: string; teamId: string | null }) {
  const scope = dataScopeOf(actor);
  if (scope.kind === 'org') return true;
  if (rep.id === actor.userId) return true;
  return scope.kind === 'team' && rep.teamId !== null && scope.teamIds.includes(rep.teamId);
}

const repNotFound = () =>
  new AppError(404, 'not_found', 'Not found', 'Rep not found', [{ path: 'repId', message: 'no such rep that you may see' }]);

/**
 * Commits (or re-commits) the amount of a rep's period, stamped with the rep's current team. Answers the commit
 * and whether it is new. `ifMatch`, when sent, must be the current commit's version (409 otherwise).
 */
export async function commitForecast(ctx: Ctx, input: { period: string; amount: string; repId?: string }, ifMatch?: number) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const { orgId } = ctx.actor;
      const rep = await repo.findPerson(tx.db, orgId, input.repId ?? ctx.actor.userId);
      if (!rep || !mayCommitFor(ctx.actor, rep)) throw repNotFound();
      if (!rep.active || rep.role === 'viewer')
        throw unprocessable('invalid_forecast', 'Only active people who sell commit forecasts', [
          { path: 'repId', message: rep.active ? 'a viewer does not sell' : 'the person is inactive' },
        ]);
      const [, fraction = ''] = input.amount.split('.');
      if (fraction.replace(/0+$/, '').length > 2)
        throw unprocessable('invalid_forecast', 'An amount has at most 2 decimals', [{ path: 'amount', message: 'at most 2 decimals' }]);
      const today = localDate(ctx.clock.now(), await orgTimeZone(tx.db, orgId));
      if (today >= parsePeriod(input.period).to)
        throw conflict('period_ended', `The period ${input.period} has ended; its forecast is frozen`, [
          { path: 'period', message: 'ended; forecast accuracy compares against the commit' },
        ]);
      const before = await repo.findCommit(tx.db, orgId, rep.id, input.period);
      if (before && ifMatch !== undefined && ifMatch !== before.version) throw staleVersion('forecast commit', before.version);
      if (before && compareDecimal(before.amount, input.amount) === 0 && before.teamId === rep.teamId)
        return { commit: before, created: false };
      const now = ctx.clock.now();
      const after = before
        ? await repo.updateCommitRow(tx.db, orgId, before.id, before.version, {
            amount: input.amount,
            teamId: rep.teamId,
            committedAt: now,
          })
        : await repo.insertCommit(tx.db, {
            orgId,
            id: newId(),
            repId: rep.id,
            teamId: rep.teamId,
            period: input.period,
            amount: input.amount,
            committedAt: now,
          });
      if (!after) throw staleVersion('forecast commit', before?.version ?? 0);
      await recordAudit(tx.db, tx, {
        action: before ? 'update' : 'create',
        entity: 'forecast_commit',
        entityId: after.id,
        before: before ? commitView(before) : null,
        after: commitView(after),
      });
      return { commit: after, created: !before };
    });
  } catch (err) {
    // Two first commits of one rep and period at once: the unique key lets one in.
    if (isUniqueViolation(err)) throw conflict('forecast_committed', 'The forecast was committed meanwhile; reload and try again');
    throw err;
  }
}
