import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Zip files written by hand, so a test can make an Excel zip bomb in milliseconds without holding
 * its unpacked size in memory: a block of deflate output that ends on a sync flush is self-contained
 * and byte-aligned, so repeating it N times inflates to N copies of its input.
 */
type Entry = { name: string; parts: { data: Buffer; times?: number }[]; declaredSize?: number };

function deflatedEntry(entry: Entry) {
  const blocks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  entry.parts.forEach((part, i) => {
    const last = i === entry.parts.length - 1;
    const block = deflateRawSync(part.data, { level: 9, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    for (let n = 0; n < (part.times ?? 1); n++) {
      blocks.push(block);
      crc = crc32(part.data, crc);
      size += part.data.length;
    }
  });
  return { name: Buffer.from(entry.name), data: Buffer.concat(blocks), size, crc, declared: entry.declaredSize ?? size };
}

export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries.map(deflatedEntry)) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(e.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.data);
    centrals.push(central, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (s: string) => ({ data: Buffer.from(s) });
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The four parts every .xlsx needs around its one worksheet. */
function workbookParts(sheet: Entry['parts'], declaredSize?: number): Entry[] {
  return [
    {
      name: '[Content_Types].xml',
      parts: [
        text(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
            '</Types>',
        ),
      ],
    },
    {
      name: '_rels/.rels',
      parts: [
        text(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
    },
    {
      name: 'xl/workbook.xml',
      parts: [
        text(
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      parts: [
        text(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', parts: sheet, declaredSize },
  ];
}

const cell = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/** A workbook whose one sheet holds `rows` (inline strings; the first is the header). */
export function xlsxOf(rows: string[][]): Buffer {
  const xml = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, v)).join('')}</row>`)
    .join('');
  return zipOf(
    workbookParts([text(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`)]),
  );
}

/**
 * An Excel zip bomb: a header row, then one cell whose text is `megabytes` MiB of "A" — about 1 KB of
 * deflate per MiB. `lie` declares a 1 KB sheet in the zip's headers, as a bomb meant to pass a check
 * of the declared sizes would.
 */
export function xlsxBomb(megabytes: number, options: { lie?: boolean } = {}): Buffer {
  const sheet = [
    text(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell('A1', 'name')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>`,
    ),
    { data: Buffer.alloc(1024 * 1024, 'A'), times: megabytes },
    text('</t></is></c></row></sheetData></worksheet>'),
  ];
  return zipOf(workbookParts(sheet, options.lie ? 1024 : undefined));
}
