import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/testDatabase.ts';
import type { Database } from '../../db/client.ts';
import { inSnapshot, migrationCount, tableSums, tablesWithRows } from './snapshot.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sumOf = async (table: string) => (await inSnapshot(database.db, tableSums)).find((s) => s.table === table)!;

describe('table checksums', () => {
  it('do not depend on the order rows were written in, nor on the session time zone', async () => {
    await database.rawQuery('create table zz_a (id int primary key, at timestamptz, amount numeric)');
    await database.rawQuery('create table zz_b (id int primary key, at timestamptz, amount numeric)');
    await database.rawQuery("insert into zz_a values (1, '2025-06-30T08:00:00Z', 1.50), (2, null, 2), (3, '2025-01-01T00:00:00Z', 0)");
    await database.rawQuery("insert into zz_b values (3, '2025-01-01T00:00:00Z', 0), (1, '2025-06-30T08:00:00Z', 1.50), (2, null, 2)");
    const a = await sumOf('zz_a');
    expect(a.rows).toBe(3);
    expect({ ...(await sumOf('zz_b')), table: 'zz_a' }).toEqual(a);

    // The server's session may use another zone; the sums read rows in UTC whatever it is.
    await database.rawQuery("set timezone = 'Asia/Shanghai'");
    expect(await sumOf('zz_a')).toEqual(a);
    await database.rawQuery("set timezone = 'UTC'");
  });

  it('change with any value, and count empty tables as zero rows', async () => {
    const before = await sumOf('zz_a');
    await database.rawQuery('update zz_a set amount = 1.51 where id = 1');
    expect((await sumOf('zz_a')).checksum).not.toBe(before.checksum);
    await database.rawQuery('create table zz_empty (id int)');
    expect(await sumOf('zz_empty')).toEqual({ table: 'zz_empty', rows: 0, checksum: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('come with the tables that hold rows and the applied migrations', async () => {
    const found = await inSnapshot(database.db, tablesWithRows);
    expect(found).toContain('zz_a');
    expect(found).not.toContain('zz_empty');
    expect(await inSnapshot(database.db, migrationCount)).toBeGreaterThan(0);
  });
});
