import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isDiskFull, isUniqueViolation } from '../../src/platform/dbErrors.ts';
import { freePort } from '../serverProcess.ts';

/**
 * Which database failures the error handler answers 503 (unavailable) or 507 (disk full) instead of
 * 500: the errors the `pg` driver really raises, wrapped the way drizzle wraps them (in `cause`).
 */

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into teams …'), { cause });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

/** A TCP server that accepts and never answers: a database that hangs. */
const sockets: net.Socket[] = [];
const silent = net.createServer((socket) => sockets.push(socket));
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('database failures as the client sees them', () => {
  it('a server that is not listening (ECONNREFUSED) is unavailable', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/x` });
    const err = await errorOf(() => pool.query('select 1'));
    await pool.end();
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(err))).toBe(true);
    expect(isDiskFull(wrapped(err))).toBe(false);
  });

  it('a server that never answers is unavailable once the pool’s connection timeout passes', async () => {
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as net.AddressInfo;
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/x`, connectionTimeoutMillis: 300 });
    const err = await errorOf(() => pool.query('select 1'));
    await pool.end();
    expect(isDatabaseUnavailable(wrapped(err))).toBe(true);
  });

  it('shutdown, crash, start-up and connection-exception SQLSTATEs are unavailable; rule violations are not', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300'])
      expect(isDatabaseUnavailable(wrapped(pgError(code, 'terminating connection'))), code).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    const unique = wrapped(pgError('23505', 'duplicate key value violates unique constraint'));
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });

  it('disk full: PostgreSQL’s 53100 and the file system’s ENOSPC', () => {
    expect(isDiskFull(wrapped(pgError('53100', 'could not extend file "base/5/16384": No space left on device')))).toBe(true);
    expect(isDiskFull(wrapped(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })))).toBe(true);
    expect(isDiskFull(wrapped(pgError('23505', 'duplicate key')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(pgError('53100', 'No space left on device')))).toBe(false);
  });
});
