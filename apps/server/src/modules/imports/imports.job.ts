import type { TImportEntity, TImportMode } from '@tierline/contracts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { describeError } from '../../platform/jobs/jobs.rules.ts';
import type { JobHandler } from '../../platform/jobs/jobs.types.ts';
import { actorOfUser } from '../auth/auth.usecases.ts';
import { importerOf } from './importers.ts';
import { type Counters, FileRefused, InvalidRows, type RunSettings, runAllOrNothing, runInBatches } from './imports.engine.ts';
import { loadLookups } from './imports.lookups.ts';
import * as repo from './imports.repository.ts';

export const IMPORT_JOB = 'imports.run';

const countersOf = (r: repo.ImportRow): Counters => ({
  processed: r.processed,
  inserted: r.inserted,
  updated: r.updated,
  skipped: r.skipped,
  errorCount: r.errorCount,
});
const ZERO: Counters = { processed: 0, inserted: 0, updated: 0, skipped: 0, errorCount: 0 };

/**
 * Runs an import to its end, committing as it goes (see imports.engine.ts); safe to call again after
 * a crash: a finished import is left alone, a batched one resumes after its last committed batch,
 * an all-or-nothing one starts over (its transaction left nothing).
 */
export async function runImport(db: Db, clock: Clock, orgId: string, importId: string): Promise<void> {
  const row = await repo.findImport(db, orgId, importId);
  if (!row || row.status === 'succeeded' || row.status === 'failed') return;
  const fail = (reason: string) =>
    repo.updateImport(db, orgId, importId, { status: 'failed', failureReason: reason, finishedAt: clock.now() });
  const actor = await actorOfUser(db, orgId, row.createdBy);
  if (!actor) return fail('the user who started the import is no longer active');
  await repo.updateImport(db, orgId, importId, { status: 'running', startedAt: row.startedAt ?? clock.now() });

  const settings: RunSettings = {
    importer: importerOf(row.entity as TImportEntity),
    mapping: row.mapping,
    options: row.options,
    format: row.format,
    importId,
    ctx: { actor, clock, requestId: `import:${importId}` },
    lookups: await loadLookups(db, orgId),
  };
  const mode = row.mode as TImportMode;
  const succeed = (tx: DbOrTx, c: Counters) =>
    repo.updateImport(tx, orgId, importId, { ...c, total: c.processed, status: 'succeeded', finishedAt: clock.now() });
  try {
    if (mode === 'all-or-nothing') {
      try {
        await runAllOrNothing(db, settings, succeed);
      } catch (err) {
        if (!(err instanceof InvalidRows)) throw err;
        // Nothing was written; a dry run now lists every invalid row for the error file.
        await repo.deleteErrors(db, importId);
        await repo.updateImport(db, orgId, importId, { ...ZERO, firstErrors: [] });
        const c = await runInBatches(db, settings, ZERO, [], true);
        await repo.updateImport(db, orgId, importId, {
          status: 'failed',
          total: c.processed,
          inserted: 0,
          updated: 0,
          skipped: c.processed,
          failureReason: `${c.errorCount} problem(s) in the file; nothing was written (all or nothing)`,
          finishedAt: clock.now(),
        });
      }
      return;
    }
    const c = await runInBatches(db, settings, countersOf(row), row.firstErrors, mode === 'dry-run');
    await succeed(db, c);
  } catch (err) {
    if (err instanceof FileRefused) return fail(err.message);
    throw err;
  }
}

/**
 * The durable job of an import. The work commits in steps of its own (`prepare`), so it never holds one
 * transaction for the whole file except in all-or-nothing mode; `run` then announces the outcome and
 * drops the stored file, together with the job's completion.
 */
export const importJob: JobHandler = {
  kind: IMPORT_JOB,
  maxAttempts: 3,
  prepare: async ({ db, clock, job }) => {
    await runImport(db, clock, job.orgId as string, String(job.payload.importId));
  },
  run: async ({ tx, clock, job }) => {
    const row = await repo.findImport(tx, job.orgId as string, String(job.payload.importId));
    if (!row) return { importId: job.payload.importId, missing: true };
    await repo.deleteChunks(tx, row.id);
    await emitDomainEvent(tx, clock.now(), {
      orgId: row.orgId,
      type: 'import.finished',
      data: {
        import: {
          id: row.id,
          entity: row.entity,
          mode: row.mode,
          status: row.status,
          processed: row.processed,
          inserted: row.inserted,
          updated: row.updated,
          skipped: row.skipped,
          errorCount: row.errorCount,
        },
      },
    });
    return { importId: row.id, status: row.status, processed: row.processed };
  },
  onFailure: async ({ tx, job, error, final, clock }) => {
    if (!final) return;
    const orgId = job.orgId as string;
    const importId = String(job.payload.importId);
    await repo.updateImport(tx, orgId, importId, {
      status: 'failed',
      failureReason: `the import stopped: ${describeError(error)}`,
      finishedAt: clock.now(),
    });
    await repo.deleteChunks(tx, importId);
  },
};
