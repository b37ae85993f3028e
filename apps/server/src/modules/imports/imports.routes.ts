import multipart from '@fastify/multipart';
import { listOf, ZId, ZImport, ZImportField, ZImportFieldsQuery, ZImportListQuery, ZImportPreview } from '@tierline/contracts';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import { neutraliseCell } from '../../platform/exports/export.rules.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { receiveUpload } from './imports.upload.ts';
import { createImport, getImport, importErrorPages, importFields, importView, listImports, previewImport } from './imports.usecases.ts';

const tags = ['imports'];
const ZParams = z.object({ id: ZId });
/** Imports write many records at once: admins, directors and managers (users: admins only). Decision 0024. */
const importers = access.roles('admin', 'director', 'manager');
const MULTIPART =
  'multipart/form-data with the text fields first and the file last, named `file` (.csv in UTF-8 or GB18030, or .xlsx; up to 200 MB).';

/** CSV and Excel imports: preview, start, follow, and the error file. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart);

  app.post(
    '/api/v1/imports/preview',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Read a file’s header and first rows: columns, a sample, the guessed mapping and each column’s values',
        description: `${MULTIPART} Fields: \`entity\`. Only the first 1,000 rows are read; a CSV may be cut short.`,
        response: { 200: ZImportPreview },
      },
    },
    async (req) => {
      const upload = await receiveUpload(req);
      try {
        return await previewImport(ctxOf(req), upload);
      } finally {
        await upload.dispose();
      }
    },
  );
  app.post(
    '/api/v1/imports',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Start an import: the file is stored and a job imports it; follow it with GET /imports/{id}',
        description: `${MULTIPART} Fields: \`entity\`; \`mode\` (dry-run, all-or-nothing (default), skip-invalid); \`mapping\` (JSON: field → {column, default, values}; guessed from the headers when left out); \`options\` (JSON, e.g. {"createMissingCustomers": true}).`,
        response: { 202: z.object({ id: ZId }) },
      },
    },
    async (req, reply) => {
      const upload = await receiveUpload(req);
      try {
        return reply.code(202).send(await createImport(ctxOf(req), upload));
      } finally {
        await upload.dispose();
      }
    },
  );
  app.get(
    '/api/v1/imports',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Imports, newest first (a manager sees their own)',
        querystring: ZImportListQuery,
        response: { 200: listOf(ZImport) },
      },
    },
    async (req) => listImports(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/imports/fields',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'The fields an entity’s import can fill',
        querystring: ZImportFieldsQuery,
        response: { 200: z.object({ fields: z.array(ZImportField) }) },
      },
    },
    async (req) => importFields(ctxOf(req), req.query.entity),
  );
  app.get(
    '/api/v1/imports/:id',
    {
      config: { access: importers },
      schema: { tags, summary: 'An import’s status, counts and first errors', params: ZParams, response: { 200: ZImport } },
    },
    async (req) => importView(await getImport(ctxOf(req), req.params.id)),
  );
  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      config: { access: importers },
      schema: { tags, summary: 'Every invalid row of an import: row, column, message (CSV, UTF-8)', params: ZParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const pages = importErrorPages(ctx, req.params.id);
      const first = await pages.next(); // a 404 happens here, before the headers are sent
      const csv = stringify({ header: true, columns: ['row', 'column', 'message'], bom: true });
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`);
      void (async () => {
        try {
          for (let page = first; !page.done; page = await pages.next())
            for (const e of page.value)
              if (!csv.write([e.row, neutraliseCell(e.column ?? ''), neutraliseCell(e.message)]))
                await new Promise((r) => csv.once('drain', r));
          csv.end();
        } catch (err) {
          csv.destroy(err as Error);
        }
      })();
      return reply.send(csv);
    },
  );
};
