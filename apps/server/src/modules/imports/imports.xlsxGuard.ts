import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError, badRequest } from '../../platform/errors.ts';

/**
 * What an uploaded .xlsx may unpack to. A zip of a few hundred KB can hold a sheet of gigabytes
 * (a zip bomb); ExcelJS would inflate and parse it all, and one huge text node becomes one huge
 * string in memory. So the file is checked before it is parsed, by inflating it for real and counting.
 */
export const XLSX_LIMITS = {
  entries: 10_000,
  /** All parts unpacked together: a full Excel sheet (1,048,576 rows) of ordinary data is well below. */
  totalBytes: 2 * 1024 ** 3,
  /** Unpacked : packed. Apache POI refuses above 100:1 (its ZipSecureFile default); real sheets are 5–30:1. */
  ratio: 100,
  /** Small parts (styles, rels) may compress better than that without harm. */
  ratioGraceBytes: 1024 * 1024,
  /** The longest run of XML without a '<', i.e. the largest single tag or text: Excel caps a cell at 32,767 characters. */
  tokenBytes: 1024 * 1024,
};

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const LT = 0x3c;

type Entry = { name: string; flags: number; method: number; packed: number; size: number; offset: number };

const unreadable = (why: string) =>
  badRequest('unreadable_file', `The file cannot be read as an Excel .xlsx file: ${why}`, [{ path: 'file', message: 'unreadable' }]);
const bomb = (why: string) =>
  new AppError(413, 'file_unpacks_too_large', 'Payload too large', `The Excel file is refused: ${why}`, [
    { path: 'file', message: 'unpacks too large' },
  ]);

/** The zip's central directory: every entry with its declared sizes and where its local header is. */
async function directoryOf(filePath: string): Promise<{ entries: Entry[]; directoryOffset: number }> {
  const fh = await open(filePath);
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === END) {
        end = i;
        break;
      }
    if (end < 0) throw unreadable('it is not a zip archive');
    const count = tail.readUInt16LE(end + 10);
    const directoryLength = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    // Zip64 is only needed beyond 4 GB or 65,535 parts: far past what an import accepts.
    if (count === 0xffff || directoryOffset === 0xffffffff) throw bomb('it is a Zip64 archive (parts over 4 GB)');
    if (count > XLSX_LIMITS.entries) throw bomb(`it has more than ${XLSX_LIMITS.entries} parts`);
    if (directoryOffset + directoryLength > size - tailLength + end) throw unreadable('its central directory is damaged');
    const dir = Buffer.alloc(directoryLength);
    await fh.read(dir, 0, directoryLength, directoryOffset);
    const entries: Entry[] = [];
    for (let p = 0; entries.length < count; ) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw unreadable('its central directory is damaged');
      const nameLength = dir.readUInt16LE(p + 28);
      entries.push({
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        packed: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return { entries: await withDataStarts(fh, entries, directoryOffset), directoryOffset };
  } finally {
    await fh.close();
  }
}

/**
 * ExcelJS reads the zip front to back by its local headers, not by the directory. So the local entries
 * must be exactly the directory's, back to back from byte 0: no entry hidden between them, none overlapping
 * another (the overlapping-entries bomb), each local header naming the same part as the directory.
 */
async function withDataStarts(fh: Awaited<ReturnType<typeof open>>, entries: Entry[], directoryOffset: number) {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  const header = Buffer.alloc(30);
  for (const [i, e] of sorted.entries()) {
    if (e.offset !== expected) throw unreadable(`part ${e.name} is not where the previous one ends`);
    await fh.read(header, 0, 30, e.offset);
    if (header.readUInt32LE(0) !== LOCAL) throw unreadable(`part ${e.name} has no local header`);
    const nameLength = header.readUInt16LE(26);
    const name = Buffer.alloc(nameLength);
    await fh.read(name, 0, nameLength, e.offset + 30);
    if (name.toString('utf8') !== e.name) throw unreadable(`part ${e.name} is named differently in its local header`);
    const dataStart = e.offset + 30 + nameLength + header.readUInt16LE(28);
    const next = sorted[i + 1]?.offset ?? directoryOffset;
    const gap = next - (dataStart + e.packed);
    // Bit 3: a data descriptor (CRC and sizes, 12–24 bytes) follows the data.
    const allowed = e.flags & 8 ? [12, 16, 20, 24] : [0];
    if (!allowed.includes(gap)) throw unreadable(`part ${e.name} does not end where the next begins`);
    e.offset = dataStart;
    expected = next;
  }
  return sorted;
}

/** Inflates one part, counting: refuses it as soon as it outgrows its declared size, the ratio or the total. */
async function inflateCounting(filePath: string, e: Entry, before: number): Promise<number> {
  if (e.method !== 0 && e.method !== 8) throw unreadable(`part ${e.name} uses compression method ${e.method}`);
  if (e.packed === 0) {
    // A folder entry, or an empty stored part.
    if (e.size !== 0) throw unreadable(`part ${e.name} is empty but declares ${e.size} bytes`);
    return 0;
  }
  const raw = createReadStream(filePath, { start: e.offset, end: e.offset + e.packed - 1 });
  const out: Readable = e.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const xml = /\.(xml|rels)$/i.test(e.name);
  let bytes = 0;
  let sinceLt = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > e.size) throw bomb(`part ${e.name} unpacks to more than the ${e.size} bytes it declares`);
      if (before + bytes > XLSX_LIMITS.totalBytes) throw bomb(`it unpacks to more than ${XLSX_LIMITS.totalBytes / 1024 ** 2} MB`);
      if (bytes > XLSX_LIMITS.ratioGraceBytes && bytes > XLSX_LIMITS.ratio * e.packed)
        throw bomb(`part ${e.name} is compressed more than ${XLSX_LIMITS.ratio}:1 (a zip bomb)`);
      if (xml) {
        // Chunks are at most 64 KB, so only a run across chunk boundaries can exceed the limit.
        const first = chunk.indexOf(LT);
        const run = first < 0 ? sinceLt + chunk.length : sinceLt + first;
        if (run > XLSX_LIMITS.tokenBytes) throw bomb(`part ${e.name} holds a single value over ${XLSX_LIMITS.tokenBytes / 1024 ** 2} MB`);
        sinceLt = first < 0 ? run : chunk.length - 1 - chunk.lastIndexOf(LT);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`part ${e.name} is damaged (${(err as Error).message})`);
  } finally {
    raw.destroy();
    out.destroy();
  }
  if (bytes !== e.size) throw unreadable(`part ${e.name} is ${bytes} bytes, not the ${e.size} it declares`);
  return bytes;
}

/**
 * Refuses an .xlsx that would unpack to more than XLSX_LIMITS allow, before ExcelJS sees it. The declared
 * sizes are checked first (a plain bomb is refused in milliseconds), then every part is inflated and
 * counted, because declared sizes can lie; that pass stops at the first limit crossed.
 */
export async function checkXlsxUnpacksSafely(filePath: string): Promise<void> {
  const { entries } = await directoryOf(filePath);
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (e.size > XLSX_LIMITS.ratioGraceBytes && e.size > XLSX_LIMITS.ratio * e.packed)
      throw bomb(`part ${e.name} is compressed more than ${XLSX_LIMITS.ratio}:1 (a zip bomb)`);
  }
  if (declared > XLSX_LIMITS.totalBytes) throw bomb(`it unpacks to more than ${XLSX_LIMITS.totalBytes / 1024 ** 2} MB`);
  let total = 0;
  for (const e of entries) total += await inflateCounting(filePath, e, total);
}
