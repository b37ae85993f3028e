import type { TImportMapping } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';
import type { ImportFieldSpec, MappedRow } from './importer.ts';
import { lookupKey } from './imports.lookups.ts';

/** "Customer ID", "customer_id", "CustomerID", "客户 编号" → comparable header text. */
export const headerKey = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.·:：()（）[\]【】/]/g, '');

/**
 * The mapping guessed from the file's headers: a field takes the first column whose header is its key
 * or one of its aliases (zh-CN or en); a column serves one field at most.
 */
export function guessMapping(columns: string[], fields: ImportFieldSpec[]): TImportMapping {
  const taken = new Set<number>();
  const mapping: TImportMapping = {};
  for (const field of fields) {
    const names = new Set([field.key, ...field.aliases].map(headerKey));
    const index = columns.findIndex((c, i) => !taken.has(i) && names.has(headerKey(c)));
    if (index >= 0) {
      taken.add(index);
      mapping[field.key] = { column: columns[index] };
    }
  }
  return mapping;
}

/** What is wrong with a mapping for this file, by `mapping.<field>` path; empty when it can run. */
export function mappingErrors(mapping: TImportMapping, fields: ImportFieldSpec[], columns: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const columnSet = new Set(columns);
  for (const [key, source] of Object.entries(mapping)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push({ path: `mapping.${key}`, message: `no field "${key}"; fields are ${fields.map((f) => f.key).join(', ')}` });
      continue;
    }
    if (source.column !== undefined && !columnSet.has(source.column))
      errors.push({ path: `mapping.${key}.column`, message: `the file has no column "${source.column}"` });
    if (field.kind === 'enum' && field.options) {
      const allowed = new Set(field.options);
      for (const [from, to] of Object.entries(source.values ?? {}))
        if (!allowed.has(to))
          errors.push({ path: `mapping.${key}.values.${from}`, message: `"${to}" is not one of ${field.options.join(', ')}` });
      if (source.default !== undefined && !allowed.has(source.default))
        errors.push({ path: `mapping.${key}.default`, message: `"${source.default}" is not one of ${field.options.join(', ')}` });
    }
  }
  for (const field of fields) {
    const source = mapping[field.key];
    if (field.required && (!source || (source.column === undefined && source.default === undefined)))
      errors.push({ path: `mapping.${field.key}`, message: 'required: map a column or give a default value' });
  }
  return errors;
}

/**
 * Turns the file's rows into field values: the mapped column's text, trimmed; the value map applied
 * (compared like lookups: trimmed, case-insensitive); the default when the cell is empty.
 */
export function compileMapping(mapping: TImportMapping, columns: string[]) {
  const plan = Object.entries(mapping).map(([field, source]) => ({
    field,
    index: source.column === undefined ? -1 : columns.indexOf(source.column),
    fallback: source.default?.trim() || undefined,
    values: source.values ? new Map(Object.entries(source.values).map(([from, to]) => [lookupKey(from), to])) : undefined,
  }));
  const textOf = (p: (typeof plan)[number], cells: string[]) => {
    let text = p.index >= 0 ? cells[p.index]?.trim() || undefined : undefined;
    if (text !== undefined && p.values) text = p.values.get(lookupKey(text)) ?? text;
    return text ?? p.fallback;
  };
  const mapRow = (row: number, cells: string[]): MappedRow => {
    const values: Record<string, string | undefined> = {};
    for (const p of plan) values[p.field] = textOf(p, cells);
    return { row, values };
  };
  /** One field's value alone (the group key of rows skipped after a restart). */
  const keyReader = (field: string) => {
    const p = plan.find((x) => x.field === field);
    return (cells: string[]) => (p ? textOf(p, cells) : undefined);
  };
  return Object.assign(mapRow, { keyReader });
}

/** The file column a field's problem belongs to, for the error file. */
export const columnOf = (mapping: TImportMapping, field: string | null) => (field ? (mapping[field]?.column ?? field) : null);
