import { describe, expect, it } from 'vitest';
import {
  checksumSql,
  compareSums,
  formatBytes,
  type Manifest,
  manifestPathFor,
  movedAsideName,
  parseManifest,
  quoteIdent,
  redact,
  redactUrl,
  restoreRefusal,
  splitPassword,
  totalRows,
} from './backup.rules.ts';

const manifest: Manifest = {
  format: 'tierline-backup/1',
  tierlineVersion: '0.2.0',
  engine: 'pglite',
  createdAt: '2025-06-30T12:00:00.000Z',
  migrations: 12,
  file: { name: 'b.tar.gz', bytes: 10, sha256: 'a'.repeat(64) },
  tables: [
    { table: 'customers', rows: 3, checksum: 'c1' },
    { table: 'orgs', rows: 1, checksum: 'o1' },
  ],
};

describe('checksumSql: one order-independent fingerprint per table', () => {
  it('hashes every row, sorts the hashes, and counts', () => {
    const q = checksumSql('customers');
    expect(q).toContain('count(*)::bigint as row_count');
    expect(q).toContain("string_agg(md5(t::text), '' order by md5(t::text))");
    expect(q).toMatch(/from public\."customers" t$/);
  });

  it('quotes table names, doubling quotes inside them', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(checksumSql('we"ird')).toMatch(/from public\."we""ird" t$/);
  });
});

describe('compareSums: every difference between the manifest and the restored tables', () => {
  it('is empty when they agree, in any order', () => {
    expect(compareSums(manifest.tables, [...manifest.tables].reverse())).toEqual([]);
  });

  it('names missing and extra tables, wrong counts and wrong checksums', () => {
    const actual = [
      { table: 'customers', rows: 2, checksum: 'c1' },
      { table: 'users', rows: 0, checksum: 'u' },
    ];
    expect(compareSums(manifest.tables, actual)).toEqual(['customers: 2 rows, expected 3', 'orgs: missing', 'users: not in the backup']);
    expect(compareSums(manifest.tables, [{ ...manifest.tables[0], checksum: 'x' }, manifest.tables[1]])).toEqual([
      'customers: checksum x, expected c1',
    ]);
  });

  it('totals the rows', () => {
    expect(totalRows(manifest.tables)).toBe(4);
  });
});

describe('parseManifest', () => {
  it('reads back what the backup wrote', () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it.each([
    ['not json', /is not JSON/],
    ['{"format":"other"}', /is not a Tierline backup manifest \(format:/],
    [JSON.stringify({ ...manifest, file: { ...manifest.file, sha256: 'xyz' } }), /file\.sha256/],
  ])('explains what is wrong with %s', (text, message) => {
    expect(parseManifest(text)).toMatch(message);
  });

  it('lives beside the backup file', () => {
    expect(manifestPathFor('/backups/t.tar.gz')).toBe('/backups/t.tar.gz.manifest.json');
  });
});

describe('restoreRefusal', () => {
  it('accepts the same engine with as many or more known migrations', () => {
    expect(restoreRefusal(manifest, { engine: 'pglite', knownMigrations: 12 })).toBeNull();
    expect(restoreRefusal(manifest, { engine: 'pglite', knownMigrations: 15 })).toBeNull();
  });

  it('refuses another engine and a newer schema', () => {
    expect(restoreRefusal(manifest, { engine: 'postgres', knownMigrations: 12 })).toMatch(
      /pglite backup .* postgres \(DATABASE_URL is set\)/,
    );
    expect(restoreRefusal(manifest, { engine: 'pglite', knownMigrations: 11 })).toMatch(/restore it with Tierline 0\.2\.0 or later/);
  });
});

describe('passwords never reach the command line or the output', () => {
  it('takes the password out of the URL, decoded', () => {
    expect(splitPassword('postgres://app:p%40ss%3Aword@db:5432/tierline?sslmode=require')).toEqual({
      url: 'postgres://app@db:5432/tierline?sslmode=require',
      password: 'p@ss:word',
    });
    expect(splitPassword('postgres://app@db/tierline').password).toBeNull();
  });

  it('masks it in URLs and tool output', () => {
    expect(redactUrl('postgres://app:secret@db/tierline')).toBe('postgres://app:***@db/tierline');
    expect(redactUrl('postgres://app@db/tierline')).toBe('postgres://app@db/tierline');
    expect(redact('password secret rejected', 'secret')).toBe('password *** rejected');
    expect(redact('no password', null)).toBe('no password');
  });
});

describe('file names and sizes', () => {
  it('moves a replaced database aside under a sortable time stamp', () => {
    expect(movedAsideName('/data/pgdata', new Date('2025-06-30T08:09:10.123Z'))).toBe(
      '/data/pgdata.before-restore-2025-06-30T08-09-10-123Z',
    );
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [5_892_420, '5.6 MB'],
    [3 * 1024 ** 4, '3.0 TB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
