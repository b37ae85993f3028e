import {
  type TImport,
  type TImportEntity,
  type TImportField,
  type TImportMapping,
  type TImportPreview,
  ZImportEntity,
  ZImportMapping,
  ZImportMode,
  ZImportOptions,
} from '@tierline/contracts';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { badRequest, forbidden, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import type { AnyImporter } from './importer.ts';
import { hasImporter, importerOf } from './importers.ts';
import { IMPORT_JOB } from './imports.job.ts';
import { lookupKey } from './imports.lookups.ts';
import { guessMapping, mappingErrors } from './imports.mapping.ts';
import * as repo from './imports.repository.ts';
import { imports } from './imports.table.ts';
import type { Upload } from './imports.upload.ts';

const fieldsOf = (importer: AnyImporter): TImportField[] => importer.fields.map(({ aliases: _a, ...f }) => f);

/** Admins and directors see every import of the organisation; a manager sees their own. */
const visibleImports = (ctx: Ctx) =>
  and(eq(imports.orgId, ctx.actor.orgId), ctx.actor.role === 'manager' ? eq(imports.createdBy, ctx.actor.userId) : undefined);

function importerFor(ctx: Ctx, entity: TImportEntity) {
  if (entity === 'users' && ctx.actor.role !== 'admin') throw forbidden('Only admins import users');
  if (!hasImporter(entity))
    throw badRequest('not_importable', `${entity} cannot be imported yet`, [{ path: 'entity', message: 'not importable' }]);
  const importer = importerOf(entity);
  if (importer.roles && !importer.roles.includes(ctx.actor.role)) throw forbidden(`You may not import ${entity}`);
  return importer;
}

function field<T extends z.ZodType>(schema: T, fields: Record<string, string>, name: string, json: boolean): z.output<T> {
  let value: unknown = fields[name];
  if (json && value !== undefined) {
    try {
      value = JSON.parse(value as string);
    } catch {
      throw badRequest('invalid_field', `${name} is not valid JSON`, [{ path: name, message: 'not valid JSON' }]);
    }
  }
  const r = schema.safeParse(value);
  if (!r.success)
    throw badRequest(
      'invalid_field',
      `${name}: ${r.error.issues[0].message}`,
      r.error.issues.map((i) => ({ path: [name, ...i.path].join('.'), message: i.message })),
    );
  return r.data;
}

/** Enum values the file uses that equal an allowed value (by key, case-insensitively) are mapped already. */
function guessValues(importer: AnyImporter, mapping: TImportMapping, distinct: Record<string, string[]>): TImportMapping {
  const out: TImportMapping = { ...mapping };
  for (const f of importer.fields) {
    const column = mapping[f.key]?.column;
    if (f.kind !== 'enum' || !f.options || !column) continue;
    const values: Record<string, string> = {};
    for (const v of distinct[column] ?? []) {
      const match = f.options.find((o) => lookupKey(o) === lookupKey(v));
      if (match && match !== v) values[v] = match;
    }
    if (Object.keys(values).length) out[f.key] = { ...out[f.key], values };
  }
  return out;
}

/** The wizard's first look at a file: columns, a sample, the guessed mapping and each column's values. */
export async function previewImport(ctx: Ctx, upload: Upload): Promise<TImportPreview> {
  const entity = field(ZImportEntity, upload.fields, 'entity', false);
  const importer = importerFor(ctx, entity);
  const { columns, rows } = await upload.head(1000);
  const distinctValues: Record<string, string[]> = {};
  columns.forEach((c, i) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const v = r[i]?.trim();
      if (v && seen.size < 50) seen.add(v);
    }
    distinctValues[c] = [...seen];
  });
  return {
    entity,
    format: upload.format,
    columns,
    sampleRows: rows.slice(0, 20).map((r) => columns.map((_, i) => r[i] ?? '')),
    fields: fieldsOf(importer),
    mapping: guessValues(importer, guessMapping(columns, importer.fields), distinctValues),
    distinctValues,
  };
}

/**
 * Stores the file and queues its import. The mapping (guessed from the headers when not sent) is
 * checked against the file's header now, so a wrong column is a 422 here, not a failed job later.
 */
export async function createImport(ctx: Ctx, upload: Upload): Promise<{ id: string }> {
  const entity = field(ZImportEntity, upload.fields, 'entity', false);
  const importer = importerFor(ctx, entity);
  const mode = field(ZImportMode.default('all-or-nothing'), upload.fields, 'mode', false);
  const options = field(ZImportOptions.default({}), upload.fields, 'options', true);
  const sent = field(ZImportMapping.optional(), upload.fields, 'mapping', true);
  const { columns } = await upload.head(0);
  const mapping = sent ?? guessMapping(columns, importer.fields);
  const problems = mappingErrors(mapping, importer.fields, columns);
  if (problems.length) throw unprocessable('invalid_mapping', `The mapping does not fit the file: ${problems[0].message}`, problems);

  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.insertImport(tx, {
      orgId: ctx.actor.orgId,
      id,
      entity,
      mode,
      fileName: upload.fileName.slice(0, 300),
      format: upload.format,
      fileBytes: upload.bytes,
      mapping,
      options,
      // A CSV's data rows by its line breaks (less the header); exact once the import has read it.
      total: upload.format === 'csv' ? Math.max(0, upload.lineBreaks - 1) : null,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    let seq = 0;
    for await (const chunk of upload.chunks()) await repo.insertChunk(tx, id, seq++, chunk);
    await enqueueJob(tx, now, { kind: IMPORT_JOB, orgId: ctx.actor.orgId, payload: { importId: id }, maxAttempts: 3 });
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'import',
      entityId: id,
      before: null,
      after: { entity, mode, fileName: upload.fileName, bytes: upload.bytes, mapping, options },
    });
  });
  return { id };
}

export const importView = (r: repo.ImportRow): TImport => ({
  id: r.id,
  entity: r.entity as TImportEntity,
  mode: r.mode as TImport['mode'],
  status: r.status,
  fileName: r.fileName,
  mapping: r.mapping,
  options: r.options,
  total: r.total,
  processed: r.processed,
  inserted: r.inserted,
  updated: r.updated,
  skipped: r.skipped,
  errorCount: r.errorCount,
  errors: r.firstErrors,
  failureReason: r.failureReason,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export async function getImport(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(imports)
    .where(and(visibleImports(ctx), eq(imports.id, id)));
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(ctx: Ctx, q: { limit: number; cursor?: string; entity?: TImportEntity; status?: TImport['status'] }) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await ctx.db
    .select()
    .from(imports)
    .where(
      and(
        visibleImports(ctx),
        q.entity ? eq(imports.entity, q.entity) : undefined,
        q.status ? eq(imports.status, q.status) : undefined,
        after
          ? or(
              lt(imports.createdAt, new Date(String(after[0]))),
              and(eq(imports.createdAt, new Date(String(after[0]))), lt(imports.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(importView), nextCursor: page.nextCursor };
}

/** Every error of the import in file order, a page at a time, for errors.csv. */
export async function* importErrorPages(ctx: Ctx, id: string) {
  const row = await getImport(ctx, id);
  let after = -1;
  for (;;) {
    const page = await repo.errorsAfter(ctx.db, row.id, after, 5000);
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].seq;
  }
}

export const importFields = (ctx: Ctx, entity: TImportEntity) => ({ fields: fieldsOf(importerFor(ctx, entity)) });
