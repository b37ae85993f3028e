import type { TImportEntity, TImportField, TImportOptions } from '@tierline/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../platform/requestContext.ts';
import type { Lookups } from './imports.lookups.ts';

/** A target field, with the header names (zh-CN and en, compared loosely) that map to it. */
export type ImportFieldSpec = TImportField & { aliases: string[] };

/** One data row of the file after mapping: field key → its text (trimmed; undefined when empty or unmapped). */
export type MappedRow = { row: number; values: Record<string, string | undefined> };

/** What is wrong with a row, naming the import field (the engine names the file's column). */
export type FieldIssue = { row: number; field: string | null; message: string };

export type ParsedRecord<R> = { record: R } | { issues: FieldIssue[] };

/**
 * What makes one entity importable. The engine reads, maps and batches rows; the importer turns rows
 * into records (pure) and writes a batch through the entity's own batch use case, so an import obeys
 * exactly the rules, permissions and audit of the API.
 */
export type Importer<R> = {
  entity: TImportEntity;
  /** Who may import this entity (beyond the imports route's own roles). */
  roles?: readonly Ctx['actor']['role'][];
  fields: ImportFieldSpec[];
  /** Rows with the same value of this field form one record (an order's lines). */
  groupBy?: string;
  /**
   * Pure: the record its rows make, or what is wrong with them. `continues`: more rows of a record an
   * earlier batch wrote (with `groupBy` only) — the record must add to it, not replace it.
   */
  toRecord: (rows: MappedRow[], lookups: Lookups, options: TImportOptions, continues: boolean) => ParsedRecord<R>;
  /**
   * Writes the batch (upserting by externalId) through the entity's batch use case, which throws a 422
   * naming `records.<i>.<property>` for records it refuses. Runs in the engine's transaction or savepoint.
   */
  writeBatch: (ctx: Ctx, records: R[], options: TImportOptions) => Promise<{ inserted: number; updated: number }>;
  /** The import field a record property belongs to, for errors the use case names by property. */
  fieldOfProperty?: Record<string, string>;
};

// ---------------------------------------------------------------------------------------------
// Value parsers shared by importers: they take the file's text and say what is wrong in words.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** "1,234.50", "¥1234.5", "1 234,50"? — we accept grouping commas and currency signs, not decimal commas. */
export function parseDecimal(text: string): Parsed<string> {
  const cleaned = text.replace(/[,\s¥￥$€£]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return bad(`"${text}" is not a number`);
  return ok(cleaned);
}

export function parseInteger(text: string): Parsed<number> {
  const d = parseDecimal(text);
  if (!d.ok) return d;
  if (!/^-?\d+(\.0+)?$/.test(d.value)) return bad(`"${text}" is not a whole number`);
  return ok(Number.parseInt(d.value, 10));
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const DATETIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const pad = (n: string) => n.padStart(2, '0');

function validDate(y: string, m: string, d: string) {
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
}

/** 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, or a datetime of which the date is kept. */
export function parseDate(text: string): Parsed<string> {
  const m = DATE.exec(text) ?? DATETIME.exec(text);
  if (!m || !validDate(m[1], m[2], m[3])) return bad(`"${text}" is not a date (YYYY-MM-DD)`);
  return ok(`${m[1]}-${pad(m[2])}-${pad(m[3])}`);
}

/**
 * A moment: ISO with an offset, or a local date/time read in the organisation's time zone
 * (`offsetOn(date)` gives that zone's offset on the date, e.g. "+08:00"). A bare date is midnight.
 */
export function parseDateTime(text: string, offsetOn: (date: string) => string): Parsed<string> {
  const m = DATETIME.exec(text);
  if (m) {
    if (!validDate(m[1], m[2], m[3]) || +m[4] > 23) return bad(`"${text}" is not a date and time`);
    const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    const offset = m[8] === 'Z' ? 'Z' : m[8] ? `${m[8].slice(0, 3)}:${m[8].slice(-2)}` : offsetOn(date);
    return ok(`${date}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}${offset}`);
  }
  const d = parseDate(text);
  return d.ok ? ok(`${d.value}T00:00:00${offsetOn(d.value)}`) : bad(`"${text}" is not a date and time`);
}

/** Tags or other lists: split on commas, semicolons, 、 and ；. */
export const parseList = (text: string) =>
  text
    .split(/[,;，；、|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Checks a record against the entity's contract schema; issues name the import field via `fieldOf`
 * (record property → import field).
 */
export function checkRecord<S extends z.ZodType>(
  schema: S,
  record: unknown,
  row: number,
  fieldOf: (property: string) => string | null,
): ParsedRecord<z.output<S>> {
  const r = schema.safeParse(record);
  if (r.success) return { record: r.data };
  return {
    issues: r.error.issues.map((i) => ({ row, field: fieldOf(String(i.path[0] ?? '')), message: i.message })),
  };
}

/** Collects a row's value problems; `take` returns undefined for a bad value and remembers why. */
export function issueCollector(row: number) {
  const issues: FieldIssue[] = [];
  return {
    issues,
    take<T>(field: string, text: string | undefined, parse: (t: string) => Parsed<T>): T | undefined {
      if (text === undefined) return undefined;
      const p = parse(text);
      if (p.ok) return p.value;
      issues.push({ row, field, message: p.message });
      return undefined;
    },
    need(field: string, text: string | undefined): string | undefined {
      if (text === undefined) issues.push({ row, field, message: 'required' });
      return text;
    },
    fail(field: string | null, message: string) {
      issues.push({ row, field, message });
    },
  };
}

/** An importer of any record type: the engine hands each importer back only the records it made. */
export type AnyImporter = Importer<any>;
