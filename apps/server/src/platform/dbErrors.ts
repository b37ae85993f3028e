/** The errors in a chain: drizzle wraps the driver's error in `cause`. */
function* causes(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    yield e;
    e = e.cause as typeof e;
  }
}

/** PostgreSQL error codes we turn into client errors. */
function pgCode(err: unknown): string | undefined {
  for (const e of causes(err)) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

export const isUniqueViolation = (err: unknown) => pgCode(err) === '23505';
export const isForeignKeyViolation = (err: unknown) => pgCode(err) === '23503';

/** The socket to the database server failed (node's codes). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What `pg` says when a connection died or could not be had from the pool in time. */
const DRIVER_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection timeout)/;

/**
 * The database server cannot be reached right now (stopped, restarting, crashed, too many
 * connections): nothing the request did is at fault and trying again later may succeed → 503.
 * SQLSTATE class 08 is "connection exception"; 57P01–57P03 are an administrator's or a crash's
 * shutdown and "the database system is starting up"; 53300 is too many connections.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = pgCode(err);
  if (code && (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && SOCKET_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/**
 * The database's disk is full: PostgreSQL's `disk_full` (53100, "could not extend file … No space
 * left on device"), or the embedded database's file system answering ENOSPC. Nothing was written:
 * the statement failed and its transaction rolled back.
 */
export function isDiskFull(err: unknown): boolean {
  if (pgCode(err) === '53100') return true;
  for (const e of causes(err)) {
    if (e.code === 'ENOSPC') return true;
    if (typeof e.message === 'string' && /No space left on device/i.test(e.message)) return true;
  }
  return false;
}
