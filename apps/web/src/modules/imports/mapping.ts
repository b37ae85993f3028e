import type {
  TFieldSource,
  TImport,
  TImportEntity,
  TImportField,
  TImportMapping,
  TImportMode,
  TImportOptions,
  TImportPreview,
  TImportStatus,
  TRole,
} from '@tierline/contracts';

/**
 * What the import wizard computes without React or the network: the mapping the user edits, what is still
 * missing, the form bodies it sends, and how far a running import got. Unit-tested in mapping.test.ts.
 */

/**
 * The entities in the order the wizard offers them. The web does not load the contracts' runtime lists (zod stays
 * out of the bundle), so this copy is checked against the contracts' type: an entity added there fails the build here.
 */
export const IMPORT_ENTITY_LIST = [
  'customers',
  'contacts',
  'leads',
  'deals',
  'orders',
  'activities',
  'payments',
  'satisfaction',
  'users',
] as const satisfies readonly TImportEntity[];

type MissingEntity = Exclude<TImportEntity, (typeof IMPORT_ENTITY_LIST)[number]>;
const everyEntityListed: [MissingEntity] extends [never] ? true : MissingEntity = true;
void everyEntityListed;

export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'skip-invalid'] as const satisfies readonly TImportMode[];
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const satisfies readonly TImportStatus[];

/** The entities a role may import: users are the admin's alone (the server checks again). */
export function entitiesFor(role: TRole): TImportEntity[] {
  return IMPORT_ENTITY_LIST.filter((entity) => entity !== 'users' || role === 'admin');
}

/** Entities whose rows name a customer: they may create the missing ones (option createMissingCustomers). */
const CUSTOMER_REFERENCING: readonly TImportEntity[] = ['contacts', 'deals', 'orders', 'activities', 'satisfaction'];

export function offersCreateMissingCustomers(entity: TImportEntity): boolean {
  return CUSTOMER_REFERENCING.includes(entity);
}

// ---------------------------------------------------------------------------------------------------------------
// The file

export type FileFormat = 'csv' | 'xlsx';

/** The format by the file's name; null for anything the server does not read. */
export function fileFormat(name: string): FileFormat | null {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** How much of a large CSV the preview needs: its header, 20 sample rows and the distinct values of ~1,000 rows. */
export const PREVIEW_CSV_BYTES = 1024 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * The length of the longest prefix of `bytes` that ends with a complete CSV record: just after the last newline
 * that is not inside a quoted field. 0 when there is none. Quotes and newlines are ASCII, so they are never part
 * of a multi-byte UTF-8 character, and a doubled quote ("") flips the state twice, leaving it as it was.
 */
export function completeRecordsLength(bytes: Uint8Array): number {
  let quoted = false;
  let end = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === NEWLINE && !quoted) end = i + 1;
  }
  return end;
}

/**
 * What the preview is sent: an .xlsx whole (a zip cannot be cut), a CSV whole when small, else its first
 * ~1 MB cut after the last complete record (the whole file is read only by the import itself).
 */
export async function previewPart(file: Blob & { name: string }, limit = PREVIEW_CSV_BYTES): Promise<Blob> {
  if (fileFormat(file.name) !== 'csv' || file.size <= limit) return file;
  const head = new Uint8Array(await file.slice(0, limit).arrayBuffer());
  const end = completeRecordsLength(head);
  return end > 0 ? file.slice(0, end) : file.slice(0, limit);
}

/** The preview's form: the entity, then the file last (the server streams the file and needs the fields first). */
export function buildPreviewForm(entity: TImportEntity, part: Blob, fileName: string): FormData {
  const form = new FormData();
  form.append('entity', entity);
  form.append('file', part, fileName);
  return form;
}

export interface ImportRequest {
  entity: TImportEntity;
  mode: TImportMode;
  mapping: TImportMapping;
  options: TImportOptions;
  file: Blob & { name: string };
}

/** The start form: entity, mode, mapping and options as JSON, then the whole file last. */
export function buildImportForm(request: ImportRequest): FormData {
  const form = new FormData();
  form.append('entity', request.entity);
  form.append('mode', request.mode);
  form.append('mapping', JSON.stringify(cleanMapping(request.mapping)));
  form.append('options', JSON.stringify(cleanOptions(request.entity, request.options)));
  form.append('file', request.file, request.file.name);
  return form;
}

/** Options that apply to the entity only: createMissingCustomers is dropped where no row names a customer. */
export function cleanOptions(entity: TImportEntity, options: TImportOptions): TImportOptions {
  return offersCreateMissingCustomers(entity) && options.createMissingCustomers ? { createMissingCustomers: true } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// The mapping

/** One field's source without its empty parts: no blank default, no value map entries without a target. */
function cleanSource(source: TFieldSource): TFieldSource | null {
  const out: TFieldSource = {};
  if (source.column) out.column = source.column;
  if (source.default !== undefined && source.default.trim() !== '') out.default = source.default;
  const values = Object.entries(source.values ?? {}).filter(([from, to]) => from.trim() !== '' && to.trim() !== '');
  if (values.length > 0) out.values = Object.fromEntries(values);
  return out.column || out.default !== undefined ? out : null;
}

/** The mapping as sent: fields with neither a column nor a default are left out (they are not written). */
export function cleanMapping(mapping: TImportMapping): TImportMapping {
  const out: TImportMapping = {};
  for (const [key, source] of Object.entries(mapping)) {
    const clean = cleanSource(source);
    if (clean) out[key] = clean;
  }
  return out;
}

/**
 * The field's column set or cleared. Choosing another column drops the value map, which named the old
 * column's values; the default stays.
 */
export function setColumn(mapping: TImportMapping, key: string, column: string | undefined): TImportMapping {
  const { [key]: before = {}, ...rest } = mapping;
  if (before.column === column) return mapping;
  const { column: _old, values: _values, ...kept } = before;
  return { ...rest, [key]: column ? { ...kept, column } : kept };
}

/** The field's constant for rows whose cell is empty (or when no column is chosen); '' clears it. */
export function setDefault(mapping: TImportMapping, key: string, value: string | undefined): TImportMapping {
  const { [key]: before = {}, ...rest } = mapping;
  const { default: _old, ...kept } = before;
  return { ...rest, [key]: value === undefined || value === '' ? kept : { ...kept, default: value } };
}

/** One entry of the field's value map: the file's value → Tierline's; undefined or '' removes it. */
export function setValue(mapping: TImportMapping, key: string, fileValue: string, target: string | undefined): TImportMapping {
  const before = mapping[key] ?? {};
  const { [fileValue]: _old, ...values } = before.values ?? {};
  if (target !== undefined && target !== '') values[fileValue] = target;
  const { values: _v, ...kept } = before;
  return { ...mapping, [key]: Object.keys(values).length > 0 ? { ...kept, values } : kept };
}

/** Required fields with neither a column nor a default: the wizard does not go on until each has one. */
export function missingRequired(fields: readonly TImportField[], mapping: TImportMapping): TImportField[] {
  return fields.filter((field) => field.required && !cleanSource(mapping[field.key] ?? {}));
}

/** The file's columns no field reads, so the user sees what will be ignored. */
export function unusedColumns(columns: readonly string[], mapping: TImportMapping): string[] {
  const used = new Set(Object.values(mapping).map((source) => source.column));
  return columns.filter((column) => !used.has(column));
}

/** Column → the fields reading it, for the sample table's headers. */
export function fieldsByColumn(mapping: TImportMapping): Map<string, string[]> {
  const byColumn = new Map<string, string[]>();
  for (const [key, source] of Object.entries(mapping)) {
    if (source.column) byColumn.set(source.column, [...(byColumn.get(source.column) ?? []), key]);
  }
  return byColumn;
}

const normalise = (value: string) => value.trim().toLowerCase();

/** Whether the server takes the file's value as it is: it equals an option, compared trimmed and case-insensitively. */
export function matchesOption(value: string, options: readonly string[]): boolean {
  const wanted = normalise(value);
  return options.some((option) => normalise(option) === wanted);
}

/**
 * The values of the field's column that a value map can translate: the column's distinct values, blanks left out.
 * Empty without a column.
 */
export function valuesToMap(source: TFieldSource | undefined, distinctValues: Record<string, string[]>): string[] {
  if (!source?.column) return [];
  return (distinctValues[source.column] ?? []).filter((value) => value.trim() !== '');
}

/**
 * An enum field's file values that are neither an option nor mapped to one: rows carrying them would be invalid.
 * Shown as a warning beside the field; not blocking (the dry run says which rows).
 */
export function unmappedValues(field: TImportField, source: TFieldSource | undefined, distinctValues: Record<string, string[]>): string[] {
  if (field.kind !== 'enum' || !field.options?.length) return [];
  const mapped = new Set(Object.keys(source?.values ?? {}).map(normalise));
  return valuesToMap(source, distinctValues).filter((value) => !matchesOption(value, field.options ?? []) && !mapped.has(normalise(value)));
}

/** Kinds whose file values a value map can sensibly translate (not names, numbers, dates or emails). */
const MAPPABLE_KINDS: ReadonlySet<TImportField['kind']> = new Set(['text', 'lookup', 'list', 'boolean']);

/** Fields that name one record (or one person) each: their values repeat only as lines of one record, never as categories. */
const IDENTIFYING_FIELDS: ReadonlySet<string> = new Set(['externalId', 'orderNumber', 'contractNumber', 'name', 'email', 'phone']);

/** The preview's distinct values are cut at this many: a column that reaches it is not a category. */
const DISTINCT_CAP = 50;

/**
 * Whether a column holds categories rather than one value per row: fewer distinct values than the cap, and
 * some value repeated within the sample rows (names, ids and phone numbers do not repeat).
 */
export function isCategoryColumn(column: string, preview: Pick<TImportPreview, 'columns' | 'sampleRows' | 'distinctValues'>): boolean {
  const distinct = (preview.distinctValues[column] ?? []).filter((value) => value.trim() !== '');
  if (distinct.length === 0 || distinct.length >= DISTINCT_CAP) return false;
  const index = preview.columns.indexOf(column);
  const seen = new Set<string>();
  for (const row of preview.sampleRows) {
    const value = row[index]?.trim().toLowerCase();
    if (!value) continue;
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

/**
 * Whether the field gets a value-map editor: an enum with options once a column is chosen, or a text-like field
 * (text, lookup, list, yes/no) whose column holds categories — e.g. owners by name, or "technolgy" → "technology".
 */
export function hasValueMap(
  field: TImportField,
  source: TFieldSource | undefined,
  preview: Pick<TImportPreview, 'columns' | 'sampleRows' | 'distinctValues'>,
): boolean {
  if (!source?.column) return false;
  if (field.kind === 'enum') return Boolean(field.options?.length);
  return MAPPABLE_KINDS.has(field.kind) && !IDENTIFYING_FIELDS.has(field.key) && isCategoryColumn(source.column, preview);
}

// ---------------------------------------------------------------------------------------------------------------
// The run

export function isFinished(status: TImportStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/**
 * How far the import got, 0–100; null while the total is not known yet (the progress bar is indeterminate).
 * A finished import is at 100 whatever its counts say.
 */
export function progressPercent(run: Pick<TImport, 'status' | 'total' | 'processed'>): number | null {
  if (isFinished(run.status)) return 100;
  if (run.total === null) return null;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.floor((run.processed / run.total) * 100));
}

/** The modes a dry run's "import for real" offers, and the one preselected: skip the invalid rows when there were any. */
export function realRunMode(dryRun: Pick<TImport, 'errorCount'>): Exclude<TImportMode, 'dry-run'> {
  return dryRun.errorCount > 0 ? 'skip-invalid' : 'all-or-nothing';
}
