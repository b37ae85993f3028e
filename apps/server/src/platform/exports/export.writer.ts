import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TExportFormat, TLocale } from '@tierline/contracts';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../requestContext.ts';
import type { ExportDefinition, ExportOptions } from './export.definition.ts';
import { orgTimeZone } from './export.lookups.ts';
import { CONTENT_TYPES, cellsOf, contentDisposition, type ExportColumn, exportFileName, headersOf, localDate } from './export.rules.ts';

export type WriteExport<T> = {
  format: TExportFormat;
  locale: TLocale;
  sheet: { zh: string; en: string };
  columns: ExportColumn<T>[];
  pages: AsyncIterable<T[]>;
  /** Called after each page with the rows written so far (the CLI's progress line). */
  onProgress?: (rows: number) => void;
};

/**
 * Writes a header row and every page's rows to `out` as CSV or XLSX, one page in memory at a time,
 * and ends `out`. Resolves with the number of data rows written.
 */
export function writeExport<T>(out: Writable, o: WriteExport<T>): Promise<number> {
  return o.format === 'csv' ? writeCsv(out, o) : writeXlsx(out, o);
}

async function writeCsv<T>(out: Writable, o: WriteExport<T>): Promise<number> {
  let rows = 0;
  async function* records() {
    yield headersOf(o.columns, o.locale);
    for await (const page of o.pages) {
      for (const row of page) yield cellsOf(o.columns, row, 'csv');
      rows += page.length;
      o.onProgress?.(rows);
    }
  }
  // The BOM makes Excel read the file as UTF-8 (Chinese names otherwise come out garbled); CRLF is
  // what RFC 4180 and Excel expect. pipeline() waits for a slow reader instead of buffering pages.
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: 'windows' }), out);
  return rows;
}

async function writeXlsx<T>(out: Writable, o: WriteExport<T>): Promise<number> {
  // Streaming writer, no shared strings: each row goes to the zip as it is committed.
  // Loaded on first use: ExcelJS is a quarter of the server's start-up time.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const name = (o.locale === 'en' ? o.sheet.en : o.sheet.zh).slice(0, 31);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headersOf(o.columns, o.locale)).commit();
  let rows = 0;
  for await (const page of o.pages) {
    if (out.destroyed) throw new Error('the export stream was closed before the end');
    for (const row of page) sheet.addRow(cellsOf(o.columns, row, 'xlsx')).commit();
    rows += page.length;
    o.onProgress?.(rows);
    await compressorCaughtUp(sheet);
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/**
 * ExcelJS's streaming writer never says "wait": committed rows pile up, uncompressed, in the stream
 * that feeds the sheet into the zip (measured: ~90 MB for 100,000 rows of 15 columns) whenever rows
 * come faster than deflate or the client takes them. That stream (ExcelJS 4 internals: the sheet's
 * StreamBuf pipes into a readable-stream PassThrough) does signal back-pressure, so the next page is
 * read only once it has drained; with that the peak stays at a few MB. Without those internals
 * (another ExcelJS), this waits for nothing and the export still works, with the memory cost above.
 */
async function compressorCaughtUp(sheet: unknown) {
  type Feed = { _writableState?: { needDrain?: boolean }; once: (event: 'drain', listener: () => void) => void };
  const feed = (sheet as { _stream?: { pipes?: Feed[] } })._stream?.pipes?.[0];
  if (feed?._writableState?.needDrain) await new Promise<void>((resolve) => feed.once('drain', resolve));
}

/**
 * Fetches the first page before answering, so a refused or invalid request (scope, bad filter) is
 * still a problem+json response; the pages after it are read while the file streams out.
 */
async function primed<T>(pages: AsyncIterable<T[]>): Promise<AsyncIterable<T[]>> {
  const it = pages[Symbol.asyncIterator]();
  const first = await it.next();
  return (async function* () {
    try {
      for (let next = first; !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  })();
}

/** The export as the HTTP answer: the file streamed with its type and a dated file name. */
export async function sendExport<F, T>(reply: FastifyReply, ctx: Ctx, def: ExportDefinition<F, T>, query: F & ExportOptions) {
  const { format, locale, ...filters } = query;
  const pages = await primed(def.pages(ctx, filters as F, locale));
  const fileName = exportFileName(def.list, localDate(ctx.clock.now(), await orgTimeZone(ctx)), format);
  const body = new PassThrough();
  writeExport(body, { format, locale, sheet: def.sheet, columns: def.columns, pages }).catch((err) => {
    // A client that goes away mid-download is routine; anything else is a fault worth an error line.
    if (body.destroyed) reply.log.info({ list: def.list }, 'export abandoned by the client');
    else reply.log.error({ err, list: def.list }, 'export failed while streaming');
    // Headers are gone by now: cutting the stream is the one way left to tell the client it is incomplete.
    body.destroy(err);
  });
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}
