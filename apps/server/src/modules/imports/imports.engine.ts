import type { TImportError, TImportMapping, TImportOptions } from '@tierline/contracts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { isEmbedded } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import type { AnyImporter, FieldIssue, MappedRow } from './importer.ts';
import type { Lookups } from './imports.lookups.ts';
import { columnOf, compileMapping, mappingErrors } from './imports.mapping.ts';
import * as repo from './imports.repository.ts';
import { type FileFormat, readRows, storedChunks } from './imports.source.ts';

/** A batch ends at a record boundary once it holds this many records or rows. */
const BATCH_RECORDS = 1000;
const BATCH_ROWS = 20_000;

export type Counters = { processed: number; inserted: number; updated: number; skipped: number; errorCount: number };
export type RunSettings = {
  importer: AnyImporter;
  mapping: TImportMapping;
  options: TImportOptions;
  format: FileFormat;
  importId: string;
  /** The import's creator, as whom every batch is written. */
  ctx: Omit<Ctx, 'db'>;
  lookups: Lookups;
};

/** Thrown inside the all-or-nothing transaction at the first invalid row, to roll it back. */
export class InvalidRows extends Error {}
/** Thrown when the file itself cannot be imported (its columns do not match the mapping). */
export class FileRefused extends Error {}
/** Rolls a dry run's savepoint back after the use case accepted the batch. */
class DryRunRollback extends Error {}

/** One record's rows; `continues` when its key had rows in an earlier batch (an order's late lines). */
type Group = { rows: MappedRow[]; continues: boolean };

/**
 * Reads the stored file and yields batches of row groups (a group is one record's rows), skipping the
 * first `skip` data rows (done before a restart). Rows sharing a group key join one group within a batch
 * even when other rows come between them (real order exports interleave invoices); a key met again in a
 * later batch makes a continuation group, which the importer appends. Checks the header first.
 */
async function* batchesOf(source: DbOrTx, s: RunSettings, skip: number): AsyncGenerator<{ groups: Group[] }> {
  const rows = readRows(storedChunks(source, s.importId), s.format);
  const header = await rows.next();
  if (header.done) throw new FileRefused('the file is empty');
  const columns = header.value.map((c) => c.trim());
  const problems = mappingErrors(s.mapping, s.importer.fields, columns);
  if (problems.length) throw new FileRefused(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const map = compileMapping(s.mapping, columns);
  const groupBy = s.importer.groupBy;
  const groupColumn = groupBy ? map.keyReader(groupBy) : undefined;
  /** Keys written in earlier batches (or skipped rows, after a restart). */
  const earlier = new Set<string>();
  let open = new Map<string, Group>();
  let groups: Group[] = [];
  let rowsInBatch = 0;
  let rowNo = 0;
  for await (const cells of rows) {
    rowNo++;
    if (rowNo <= skip) {
      const key = groupColumn?.(cells);
      if (key !== undefined) earlier.add(key);
      continue;
    }
    if (groups.length >= BATCH_RECORDS || rowsInBatch >= BATCH_ROWS) {
      yield { groups };
      for (const key of open.keys()) earlier.add(key);
      open = new Map();
      groups = [];
      rowsInBatch = 0;
    }
    const mapped = map(rowNo, cells);
    rowsInBatch++;
    const key = groupBy ? mapped.values[groupBy] : undefined;
    const group = key === undefined ? undefined : open.get(key);
    if (group) {
      group.rows.push(mapped);
      continue;
    }
    const created: Group = { rows: [mapped], continues: key !== undefined && earlier.has(key) };
    groups.push(created);
    if (key !== undefined) open.set(key, created);
  }
  if (groups.length) yield { groups };
}

const RECORD_PATH = /^records\.(\d+)(?:\.([^.]+))?/;

/**
 * Writes one batch's valid records through the importer. The use case refuses a batch whole, naming
 * the records at fault; those become row errors and the rest are tried again (twice at most).
 * In a dry run every attempt is rolled back: the checks are the real ones, nothing stays.
 */
async function writeValid(tx: DbOrTx, s: RunSettings, valid: { rows: number[]; record: unknown }[], dryRun: boolean) {
  const issues: FieldIssue[] = [];
  let remaining = valid;
  for (let attempt = 0; remaining.length && attempt < 3; attempt++) {
    try {
      let result = { inserted: 0, updated: 0 };
      await tx
        .transaction(async (sp) => {
          result = await s.importer.writeBatch(
            { ...s.ctx, db: sp },
            remaining.map((v) => v.record),
            s.options,
          );
          if (dryRun) throw new DryRunRollback();
        })
        .catch((err) => {
          if (!(err instanceof DryRunRollback)) throw err;
        });
      return { ...result, issues, written: remaining };
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const bad = new Set<number>();
      for (const e of err.errors ?? []) {
        const m = RECORD_PATH.exec(e.path);
        if (!m || !remaining[+m[1]]) continue;
        bad.add(+m[1]);
        const field = m[2] ? (s.importer.fieldOfProperty?.[m[2]] ?? m[2]) : null;
        issues.push({ row: remaining[+m[1]].rows[0], field, message: e.message });
      }
      if (!bad.size || attempt === 2) {
        // Nothing names a record (or it keeps failing): every record left carries the use case's message.
        for (const [i, v] of remaining.entries()) if (!bad.has(i)) issues.push({ row: v.rows[0], field: null, message: err.message });
        return { inserted: 0, updated: 0, issues, written: [] };
      }
      remaining = remaining.filter((_, i) => !bad.has(i));
    }
  }
  return { inserted: 0, updated: 0, issues, written: [] };
}

/** One batch: rows → records (pure), then the valid ones written; what it did and what was wrong. */
async function runBatch(tx: DbOrTx, s: RunSettings, batch: { groups: Group[] }, dryRun: boolean) {
  const issues: FieldIssue[] = [];
  const valid: { rows: number[]; record: unknown }[] = [];
  for (const group of batch.groups) {
    const parsed = s.importer.toRecord(group.rows, s.lookups, s.options, group.continues);
    if ('issues' in parsed) issues.push(...parsed.issues);
    else valid.push({ rows: group.rows.map((r) => r.row), record: parsed.record });
  }
  const written = valid.length ? await writeValid(tx, s, valid, dryRun) : { inserted: 0, updated: 0, issues: [], written: [] };
  issues.push(...written.issues);
  const rows = batch.groups.reduce((n, g) => n + g.rows.length, 0);
  const writtenRows = written.written.reduce((n, v) => n + v.rows.length, 0);
  const errors: TImportError[] = issues
    .sort((a, b) => a.row - b.row)
    .map((i) => ({ row: i.row, column: columnOf(s.mapping, i.field), message: i.message }));
  return { rows, inserted: written.inserted, updated: written.updated, skipped: rows - writtenRows, errors };
}

const add = (c: Counters, b: Awaited<ReturnType<typeof runBatch>>): Counters => ({
  processed: c.processed + b.rows,
  inserted: c.inserted + b.inserted,
  updated: c.updated + b.updated,
  skipped: c.skipped + b.skipped,
  errorCount: c.errorCount + b.errors.length,
});

/**
 * Dry run and skip-invalid: each batch commits on its own with its errors and the progress, so a
 * restart resumes after the last committed batch and memory holds one batch.
 */
export async function runInBatches(db: Db, s: RunSettings, from: Counters, firstErrors: TImportError[], dryRun: boolean) {
  let counters = from;
  const first = [...firstErrors];
  for await (const batch of batchesOf(db, s, from.processed)) {
    await db.transaction(async (tx) => {
      const done = await runBatch(tx, s, batch, dryRun);
      await repo.insertErrors(tx, s.importId, counters.errorCount, done.errors);
      first.push(...done.errors.slice(0, Math.max(0, repo.FIRST_ERRORS - first.length)));
      counters = add(counters, done);
      await repo.updateImport(tx, s.ctx.actor.orgId, s.importId, { ...counters, firstErrors: first });
    });
  }
  return counters;
}

/**
 * All or nothing: every batch in one transaction, which ends with the import marked succeeded — the rows
 * and the verdict commit together, and a killed process leaves nothing. At the first invalid row it rolls
 * back (InvalidRows); the caller then lists every error with a dry run. Progress is written from outside
 * the transaction where another connection exists (PostgreSQL); PGlite has one, so it shows at the end.
 */
export async function runAllOrNothing(db: Db, s: RunSettings, finish: (tx: DbOrTx, c: Counters) => Promise<void>) {
  const reportOutside = !isEmbedded(db);
  return db.transaction(async (tx) => {
    let counters: Counters = { processed: 0, inserted: 0, updated: 0, skipped: 0, errorCount: 0 };
    for await (const batch of batchesOf(tx, s, 0)) {
      const done = await runBatch(tx, s, batch, false);
      if (done.errors.length) throw new InvalidRows();
      counters = add(counters, done);
      if (reportOutside) await repo.updateImport(db, s.ctx.actor.orgId, s.importId, { processed: counters.processed });
    }
    await finish(tx, counters);
    return counters;
  });
}
