import type { TImportError, TImportMapping, TImportOptions } from '@tierline/contracts';
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * An import of a CSV or Excel file: what it is, how its columns map, and how far it got.
 * The job `import.run` does the work; this row is what the wizard and the API show.
 */
export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    entity: text('entity').notNull(),
    mode: text('mode').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    mapping: jsonb('mapping').$type<TImportMapping>().notNull(),
    options: jsonb('options').$type<TImportOptions>().notNull().default({}),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The first errors, for the status answer; all of them are in import_errors. */
    firstErrors: jsonb('first_errors').$type<TImportError[]>().notNull().default([]),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.createdAt, t.id)],
);

/**
 * The uploaded file, in 1 MiB chunks: kept in the database so any Tierline process can run the
 * import, it survives a restart, and memory stays flat (one chunk read at a time). Deleted when the import ends.
 */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Every invalid row of an import, for errors.csv. */
export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    row: integer('row').notNull(),
    column: text('column'),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
