import type { TExportFormat, TLocale } from '@tierline/contracts';

/**
 * One column of an exported list: its key (stable, the import's field key where there is one), its
 * header in each language, and how a row gives its value. `numeric` columns hold decimal text
 * (money, quantities) that a spreadsheet should receive as numbers.
 */
export type ExportColumn<T> = {
  key: string;
  zh: string;
  en: string;
  value: (row: T) => string | number | null | undefined;
  numeric?: boolean;
};

export type ExportCell = string | number | null;

/** Text a spreadsheet would run as a formula (or that hides one behind a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number such as -12.50: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Neutralises formula injection (CSV injection): a cell starting with =, +, -, @, tab or CR gets a
 * leading apostrophe, so Excel, WPS and LibreOffice show the text instead of evaluating it. Plain
 * numbers stay as they are, so a refund of -12.50 is still a number.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The cell a column gives for a row: empty as null, text neutralised, numeric text as a number in Excel. */
export function cellOf<T>(column: ExportColumn<T>, row: T, format: TExportFormat): ExportCell {
  const value = column.value(row);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  // In CSV the decimal text stays exact ("12.50"); in Excel a number cell sums and sorts as one.
  if (column.numeric && format === 'xlsx' && PLAIN_NUMBER.test(value)) return Number(value);
  return neutraliseCell(value);
}

export const cellsOf = <T>(columns: ExportColumn<T>[], row: T, format: TExportFormat) => columns.map((c) => cellOf(c, row, format));

export const headersOf = <T>(columns: ExportColumn<T>[], locale: TLocale) => columns.map((c) => (locale === 'en' ? c.en : c.zh));

/** The calendar date of an instant in a time zone, as YYYY-MM-DD (the organisation's "today"). */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `customers-2026-11-27.csv`: the list and the day it was taken, so repeated exports sort by date. */
export const exportFileName = (list: string, date: string, format: TExportFormat) => `${list}-${date}.${format}`;

export const CONTENT_TYPES: Record<TExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Content-Disposition for a download: an ASCII `filename` for old clients and the exact name as
 * RFC 5987 `filename*=UTF-8''…` (percent-encoded, including the characters encodeURIComponent keeps
 * but the RFC does not allow).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Text of a list of values in one cell (tags), in the form the import splits again. */
export const joinList = (values: readonly string[]) => values.join(', ');

/** A yes/no cell, in the form the import reads back. */
export const yesNo = (value: boolean) => (value ? 'true' : 'false');
