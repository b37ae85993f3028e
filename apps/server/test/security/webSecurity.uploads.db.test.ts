import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/modules/imports/imports.upload.ts';
import { XLSX_LIMITS } from '../../src/modules/imports/imports.xlsxGuard.ts';
import { multipartBody, postForm } from '../multipart.ts';
import { type Caller, createTestApp, seedOrg } from '../testApp.ts';
import { xlsxBomb, xlsxOf, zipOf } from './webSecurity.xlsx.ts';

/** Uploads (issue 11, item 3): limited in size and in type, and an Excel zip bomb refused before it is parsed. */

const t = await createTestApp();
let admin: Caller;
beforeAll(async () => {
  ({ admin } = await seedOrg(t));
});

type Res = { statusCode: number; headers: Record<string, unknown>; json: () => any };
function expectProblem(res: Res, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code, errors: [expect.objectContaining({ path: 'file' })] });
  return res.json();
}
const importCount = async () => (await admin.get('/api/v1/imports')).json().data.length;
const preview = (file: { name: string; content: Buffer | string }) =>
  postForm(admin, '/api/v1/imports/preview', { entity: 'customers' }, file);
const start = (file: { name: string; content: Buffer | string }) => postForm(admin, '/api/v1/imports', { entity: 'customers' }, file);

describe('size', () => {
  it('a JSON body over 1 MB → 413 problem+json', async () => {
    const res = await admin.post('/api/v1/customers', { name: 'Big', address: 'x'.repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('too_large');
  });

  it(`an import file over ${MAX_IMPORT_BYTES / 1024 ** 2} MB → 413 problem+json, nothing stored`, async () => {
    // Streamed to the server a MiB at a time: neither side holds the file in memory.
    const { body: head, contentType } = multipartBody({ entity: 'customers' });
    const boundary = contentType.split('boundary=')[1];
    const opening = head.subarray(0, head.length - `--${boundary}--\r\n`.length);
    const row = Buffer.from('Acme Trading Co.,Shanghai,manufacturing\n'.repeat(26_000));
    let sent = 0;
    async function* body() {
      yield opening;
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\nname,region,industry\n`,
      );
      while (sent <= MAX_IMPORT_BYTES) {
        sent += row.length;
        yield row;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: `tl_session=${admin.auth.cookie}`, 'x-csrf-token': String(admin.auth.csrf), 'content-type': contentType },
      payload: Readable.from(body()),
    });
    expect(sent).toBeGreaterThan(MAX_IMPORT_BYTES);
    expectProblem(res, 413, 'file_too_large');
    expect(await importCount()).toBe(0);
  });
});

describe('type', () => {
  it('a binary file sent as .csv (an image, an old .xls) → 400 unsupported_file', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(2048)]);
    expectProblem(await preview({ name: 'customers.csv', content: png }), 400, 'unsupported_file');
    expectProblem(await start({ name: 'customers.csv', content: png }), 400, 'unsupported_file');
  });

  it('a text file named .xlsx → 400 unreadable_file; a zip that is no workbook → 400 empty_file', async () => {
    const text = expectProblem(await preview({ name: 'customers.xlsx', content: 'name\nAcme\n' }), 400, 'unreadable_file');
    expect(text.detail).toContain('not a zip archive');
    const notWorkbook = zipOf([{ name: 'readme.txt', parts: [{ data: Buffer.from('hello') }] }]);
    expectProblem(await preview({ name: 'customers.xlsx', content: notWorkbook }), 400, 'empty_file');
  });

  it('a JSON body instead of a form → 400, and no file field → 400', async () => {
    const json = await admin.post('/api/v1/imports', { entity: 'customers' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('not_multipart');
    expect((await postForm(admin, '/api/v1/imports', { entity: 'customers' })).json().code).toBe('missing_file');
  });

  it('an honest small workbook is read (the guard does not stand in the way)', async () => {
    const res = await preview({
      name: 'customers.xlsx',
      content: xlsxOf([
        ['客户名称', '区域'],
        ['苏州恒远', '苏州'],
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ columns: ['客户名称', '区域'] });
  });
});

describe('an Excel zip bomb is refused before it is parsed', () => {
  const rssGrowthMb = async (run: () => Promise<Res>) => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const res = await run();
    return { res, grownMb: (process.memoryUsage().rss - before) / 1024 ** 2 };
  };

  it('512 MiB of sheet in a ~0.5 MB file → 413 file_unpacks_too_large, without the server unpacking it', async () => {
    const bomb = xlsxBomb(512);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const send of [preview, start]) {
      const { res, grownMb } = await rssGrowthMb(() => send({ name: 'bomb.xlsx', content: bomb }));
      const problem = expectProblem(res, 413, 'file_unpacks_too_large');
      expect(problem.detail).toMatch(/zip bomb/);
      // Parsed, the sheet's one cell alone would be a 512 MB string.
      expect(grownMb).toBeLessThan(128);
    }
    expect(await importCount()).toBe(0);
  });

  it('a bomb whose zip headers lie about its size is caught while inflating, at the declared size', async () => {
    const { res, grownMb } = await rssGrowthMb(() => start({ name: 'bomb.xlsx', content: xlsxBomb(512, { lie: true }) }));
    const problem = expectProblem(res, 413, 'file_unpacks_too_large');
    expect(problem.detail).toMatch(/more than the 1024 bytes it declares/);
    expect(grownMb).toBeLessThan(128);
    expect(await importCount()).toBe(0);
  });

  it('a single value larger than any Excel cell (random text, barely compressible) → 413', async () => {
    // 4 MiB of random text in one cell: compressed only ~1.3:1, so only the size of the value gives it away.
    const withHugeCell = xlsxOf([['name'], [randomBytes(3 * 1024 * 1024).toString('base64')]]);
    const problem = expectProblem(await preview({ name: 'wide.xlsx', content: withHugeCell }), 413, 'file_unpacks_too_large');
    expect(problem.detail).toContain(`single value over ${XLSX_LIMITS.tokenBytes / 1024 ** 2} MB`);
  });

  it('a zip with a part hidden between its listed parts is refused (the parser reads front to back)', async () => {
    const honest = xlsxOf([['name'], ['Acme']]);
    const hidden = zipOf([{ name: 'xl/worksheets/sheet1.xml', parts: [{ data: Buffer.from('<worksheet/>') }] }]);
    const hiddenLocal = hidden.subarray(0, hidden.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    // Prepend the extra local entry and shift the directory's offsets by its length.
    const shifted = Buffer.from(honest);
    const end = shifted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const dirStart = shifted.readUInt32LE(end + 16);
    for (let p = dirStart; p < end; ) {
      shifted.writeUInt32LE(shifted.readUInt32LE(p + 42) + hiddenLocal.length, p + 42);
      p += 46 + shifted.readUInt16LE(p + 28) + shifted.readUInt16LE(p + 30) + shifted.readUInt16LE(p + 32);
    }
    shifted.writeUInt32LE(dirStart + hiddenLocal.length, end + 16);
    const smuggled = Buffer.concat([hiddenLocal, shifted]);
    const problem = expectProblem(await preview({ name: 'smuggled.xlsx', content: smuggled }), 400, 'unreadable_file');
    expect(problem.detail).toContain('is not where the previous one ends');
    // The same workbook without the smuggled part is read.
    expect((await preview({ name: 'honest.xlsx', content: honest })).statusCode).toBe(200);
  });
});
