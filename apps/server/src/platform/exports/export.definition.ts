import { type TExportFormat, type TLocale, ZExportFormat, ZLocale } from '@tierline/contracts';
import type { z } from 'zod';
import type { RouteAccess } from '../access.ts';
import type { Ctx } from '../requestContext.ts';
import type { ExportColumn } from './export.rules.ts';

/** Rows fetched per query: large enough that 100k rows take 200 queries, small enough that memory stays flat. */
export const EXPORT_PAGE_SIZE = 500;

export type ExportOptions = { format: TExportFormat; locale: TLocale };

/**
 * One exportable list. `pages` walks the SAME use case the list route calls, so the caller's data
 * scope and filters apply exactly as on screen; it yields one page at a time, with any names looked up.
 */
export type ExportDefinition<F, T> = {
  /** The list's path segment and file name: `customers` → /api/v1/customers/export, customers-2026-11-27.csv. */
  list: string;
  sheet: { zh: string; en: string };
  /** Who may export: the route declares the same (a test checks), and the CLI checks it for the user it acts as. */
  access: RouteAccess;
  /** The list's filters (its query without limit and cursor) plus format and locale. */
  query: z.ZodType<F & ExportOptions>;
  columns: ExportColumn<T>[];
  pages: (ctx: Ctx, filters: F, locale: TLocale) => AsyncIterable<T[]>;
};

/** Any list's definition, for the CLI that picks one by name. */
export type AnyExportDefinition = ExportDefinition<any, any>;

const exportOptions = {
  format: ZExportFormat.default('csv'),
  locale: ZLocale.default('zh-CN'),
};

/** Builds a list's export from its list query schema (limit and cursor already left out). */
export function defineExport<S extends z.ZodRawShape, T>(d: {
  list: string;
  sheet: { zh: string; en: string };
  access: RouteAccess;
  filters: z.ZodObject<S>;
  columns: ExportColumn<T>[];
  pages: (ctx: Ctx, filters: z.output<z.ZodObject<S>>, locale: TLocale) => AsyncIterable<T[]>;
}): ExportDefinition<z.output<z.ZodObject<S>>, T> {
  const query = d.filters.extend(exportOptions) as unknown as z.ZodType<z.output<z.ZodObject<S>> & ExportOptions>;
  return { list: d.list, sheet: d.sheet, access: d.access, query, columns: d.columns, pages: d.pages };
}

type Page<R> = { data: R[]; nextCursor: string | null };

/**
 * Walks a list use case page by page along its keyset cursor, turning each page into export rows
 * (where the names of owners, tiers, customers are looked up once for the page).
 */
export async function* pagesOf<R, T>(
  listPage: (cursor: string | undefined) => Promise<Page<R>>,
  toRows: (page: R[]) => T[] | Promise<T[]>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await listPage(cursor);
    if (page.data.length) yield await toRows(page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
