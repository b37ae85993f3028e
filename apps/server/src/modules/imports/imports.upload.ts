import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/errors.ts';
import { type FileFormat, formatOf, readRows } from './imports.source.ts';
import { checkXlsxUnpacksSafely } from './imports.xlsxGuard.ts';

/** Larger files are refused at upload: a guard for the disk and the database, far above real CRM files. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const tooLarge = () =>
  new AppError(413, 'file_too_large', 'Payload too large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, [
    { path: 'file', message: 'too large' },
  ]);

/**
 * A CSV is text: a NUL byte in its first 4 KB means another binary format (.xls, .pdf, an image).
 * An .xlsx is a zip, checked for what it unpacks to before anything parses it.
 */
async function checkKind(fileName: string, head: Buffer, filePath: string) {
  const format = formatOf(fileName, head);
  if (format === 'csv' && head.includes(0))
    throw badRequest('unsupported_file', 'Send a CSV (UTF-8 or GB18030) or an Excel .xlsx file', [
      { path: 'file', message: 'not CSV or .xlsx' },
    ]);
  if (format === 'xlsx') await checkXlsxUnpacksSafely(filePath);
  return format;
}

/** An uploaded file parked in a temporary directory while the request is served. */
export type Upload = {
  fields: Record<string, string>;
  fileName: string;
  format: FileFormat;
  bytes: number;
  /** Line breaks counted while it streamed in: a CSV's row count before it is parsed. */
  lineBreaks: number;
  path: string;
  chunks: (size?: number) => AsyncIterable<Buffer>;
  /** Reads the header and up to `limit` data rows. */
  head: (limit: number) => Promise<{ columns: string[]; rows: string[][] }>;
  dispose: () => Promise<void>;
};

/**
 * Reads a multipart request whose text fields come before its one `file` part, streaming the file to
 * a temporary file (never whole in memory) and refusing one above MAX_IMPORT_BYTES.
 */
export async function receiveUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw badRequest('not_multipart', 'Send multipart/form-data with the fields first and the file last');
  const dir = await mkdtemp(path.join(tmpdir(), 'tierline-upload-'));
  const fields: Record<string, string> = {};
  let file: Omit<Upload, 'fields' | 'chunks' | 'head' | 'dispose'> | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String((part as MultipartValue).value);
        continue;
      }
      const f = part as MultipartFile;
      if (f.fieldname !== 'file')
        throw badRequest('invalid_upload', `unexpected file field "${f.fieldname}"`, [
          { path: f.fieldname, message: 'send the file as "file"' },
        ]);
      const target = path.join(dir, 'upload');
      let bytes = 0;
      let lineBreaks = 0;
      let head = Buffer.alloc(0);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lineBreaks++;
          done(null, chunk);
        },
      });
      await pipeline(f.file, counter, createWriteStream(target));
      if (f.file.truncated) throw tooLarge();
      if (bytes === 0) throw badRequest('empty_file', 'The file is empty', [{ path: 'file', message: 'empty' }]);
      file = { fileName: f.filename || 'upload', format: await checkKind(f.filename ?? '', head, target), bytes, lineBreaks, path: target };
    }
    if (!file) throw badRequest('missing_file', 'Attach the file as the last part, named "file"', [{ path: 'file', message: 'required' }]);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return uploadOf(file, fields, () => rm(dir, { recursive: true, force: true }));
}

/** A file already on disk (the CLI's), read as an upload: its size, line breaks and format. */
export async function uploadFromFile(filePath: string, fields: Record<string, string>): Promise<Upload> {
  let bytes = 0;
  let lineBreaks = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lineBreaks++;
  }
  if (bytes > MAX_IMPORT_BYTES) throw tooLarge();
  const fileName = path.basename(filePath);
  return uploadOf(
    { fileName, format: await checkKind(fileName, head, filePath), bytes, lineBreaks, path: filePath },
    fields,
    async () => {},
  );
}

function uploadOf(
  upload: Omit<Upload, 'fields' | 'chunks' | 'head' | 'dispose'>,
  fields: Record<string, string>,
  dispose: () => Promise<void>,
): Upload {
  const chunks = (size = 1024 * 1024) => createReadStream(upload.path, { highWaterMark: size }) as AsyncIterable<Buffer>;
  return {
    ...upload,
    fields,
    chunks,
    async head(limit) {
      const rows: string[][] = [];
      let columns: string[] | undefined;
      try {
        for await (const cells of readRows(chunks(64 * 1024), upload.format)) {
          if (!columns) columns = cells.map((c) => c.trim());
          else rows.push(cells);
          if (rows.length >= limit) break;
        }
      } catch (err) {
        throw badRequest('unreadable_file', `The file cannot be read as ${upload.format.toUpperCase()}: ${(err as Error).message}`, [
          { path: 'file', message: 'unreadable' },
        ]);
      }
      if (!columns?.length) throw badRequest('empty_file', 'The file has no header row', [{ path: 'file', message: 'no header row' }]);
      return { columns, rows };
    },
    dispose,
  };
}
