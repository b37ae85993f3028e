import { PassThrough } from 'node:stream';
import type { TExportFormat, TLocale } from '@tierline/contracts';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../requestContext.ts';
import { orgTimeZone } from './export.lookups.ts';
import { CONTENT_TYPES, contentDisposition, type ExportColumn, exportFileName, localDate } from './export.rules.ts';
import { writeExport } from './export.writer.ts';

/**
 * A computed figure's data (a chart's or a table's rows, already in memory: analytics answers are small) as a CSV or
 * Excel file, with the same neutralised cells, localised headers and dated file name as every list export.
 */
export type Figures<T> = {
  /** The file name's stem: `funnel` → funnel-2026-11-27.csv. */
  name: string;
  sheet: { zh: string; en: string };
  columns: ExportColumn<T>[];
  rows: T[];
};

export async function sendFigures<T>(
  reply: FastifyReply,
  ctx: Ctx,
  figures: Figures<T>,
  options: { format: TExportFormat; locale: TLocale },
) {
  const fileName = exportFileName(figures.name, localDate(ctx.clock.now(), await orgTimeZone(ctx)), options.format);
  const body = new PassThrough();
  async function* onePage() {
    yield figures.rows;
  }
  writeExport(body, { ...options, sheet: figures.sheet, columns: figures.columns, pages: onePage() }).catch((err) => {
    reply.log.error({ err, figures: figures.name }, 'figures export failed while streaming');
    body.destroy(err);
  });
  return reply
    .header('content-type', CONTENT_TYPES[options.format])
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}
