import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';

export const IMPORT_ENTITIES = [
  'customers',
  'contacts',
  'leads',
  'deals',
  'orders',
  'activities',
  'payments',
  'satisfaction',
  'users',
] as const;
export const ZImportEntity = z.enum(IMPORT_ENTITIES);
export type TImportEntity = z.infer<typeof ZImportEntity>;

/**
 * The fields each entity's import fills, by key (the web labels them `imports.fields.<entity>.<key>`).
 * Lookups take a name, an email or an externalId: owner (email or name), customer (externalId or exact name),
 * team (name), tier (key or name), pipeline (name or process type), stage (key or name), contract (number).
 */
export const IMPORT_FIELDS = {
  customers: ['externalId', 'name', 'tier', 'owner', 'team', 'industry', 'region', 'source', 'phone', 'email', 'address', 'tags', 'status'],
  contacts: ['externalId', 'customer', 'name', 'title', 'seniority', 'buyingRole', 'phone', 'email', 'notes'],
  leads: ['externalId', 'name', 'company', 'title', 'phone', 'email', 'source', 'region', 'industry', 'status', 'owner'],
  deals: [
    'externalId',
    'name',
    'customer',
    'pipeline',
    'stage',
    'owner',
    'amount',
    'currency',
    'expectedCloseDate',
    'probability',
    'forecastCategory',
    'lossReason',
  ],
  orders: [
    'orderNumber',
    'customer',
    'customerName',
    'customerRegion',
    'orderedAt',
    'currency',
    'productCode',
    'productName',
    'category',
    'quantity',
    'unitPrice',
  ],
  activities: ['externalId', 'kind', 'subject', 'notes', 'outcome', 'occurredAt', 'durationMinutes', 'customer', 'owner', 'location'],
  payments: ['externalId', 'contractNumber', 'receivedOn', 'amount', 'method', 'reference'],
  satisfaction: ['externalId', 'customer', 'score', 'recordedOn', 'comment'],
  users: ['email', 'name', 'role', 'team', 'level', 'hireDate'],
} as const satisfies Record<TImportEntity, readonly string[]>;

/**
 * dry-run: validate every row, write nothing. all-or-nothing: one invalid row → nothing written.
 * skip-invalid: write the valid rows, list the others in the error file.
 */
export const ZImportMode = z.enum(['dry-run', 'all-or-nothing', 'skip-invalid']);
export type TImportMode = z.infer<typeof ZImportMode>;

export const ZImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type TImportStatus = z.infer<typeof ZImportStatus>;

/** Where one target field takes its value: a column of the file, a constant when that is empty, and a value map. */
export const ZFieldSource = z.object({
  column: z.string().max(200).optional(),
  default: z.string().max(1000).optional(),
  /** The file's value → Tierline's value, e.g. "Won" → the key of a won stage. Compared trimmed and case-insensitively. */
  values: z.record(z.string().max(200), z.string().max(200)).optional(),
});
export type TFieldSource = z.infer<typeof ZFieldSource>;

/** Target field key → its source. Fields absent here are not written. */
export const ZImportMapping = z.record(z.string().max(100), ZFieldSource);
export type TImportMapping = z.infer<typeof ZImportMapping>;

export const ZImportOptions = z.object({
  /** Orders, contacts, deals, activities, payments: create a customer (in the pool) for an unknown customer externalId. */
  createMissingCustomers: z.boolean().optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;

/** A field an entity's import can fill, for the mapping editor. */
export const ZImportField = z.object({
  key: z.string(),
  required: z.boolean(),
  kind: z.enum(['text', 'number', 'money', 'date', 'datetime', 'email', 'enum', 'lookup', 'list', 'boolean']),
  /** For enum: the values Tierline accepts (stage keys, statuses…). */
  options: z.array(z.string()).optional(),
  /** For lookup: what the value is looked up by, e.g. "email or name". */
  lookup: z.string().optional(),
});
export type TImportField = z.infer<typeof ZImportField>;

export const ZImportError = z.object({
  /** 1-based data row of the file (the header is row 0). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type TImportError = z.infer<typeof ZImportError>;

export const ZImport = z.object({
  id: ZId,
  entity: ZImportEntity,
  mode: ZImportMode,
  status: ZImportStatus,
  fileName: z.string(),
  mapping: ZImportMapping,
  options: ZImportOptions,
  /** Data rows in the file; null until known. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errorCount: z.number().int(),
  /** The first 100 errors; all of them in errors.csv. */
  errors: z.array(ZImportError),
  failureReason: z.string().nullable(),
  createdBy: ZId,
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
});
export type TImport = z.infer<typeof ZImport>;

export const ZImportListQuery = ZListQuery.extend({ entity: ZImportEntity.optional(), status: ZImportStatus.optional() });

export const ZImportFieldsQuery = z.object({ entity: ZImportEntity });

/** What the wizard shows before an import starts: the file's columns, a sample, and the guessed mapping. */
export const ZImportPreview = z.object({
  entity: ZImportEntity,
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.string()),
  /** The first rows (up to 20), as text, in column order. */
  sampleRows: z.array(z.array(z.string())),
  fields: z.array(ZImportField),
  mapping: ZImportMapping,
  /** Distinct values (up to 50) of each column in the first 1,000 rows, for value mapping. */
  distinctValues: z.record(z.string(), z.array(z.string())),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;
