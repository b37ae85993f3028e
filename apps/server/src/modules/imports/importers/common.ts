import { AppError, type FieldError, unprocessable } from '../../../platform/errors.ts';
import type { issueCollector } from '../importer.ts';

/** Looks a cell up by name; an unknown value becomes the field's issue, an empty cell stays undefined. */
export function lookupIn(c: ReturnType<typeof issueCollector>) {
  return (field: string, text: string | undefined, find: (t: string) => string | undefined, what: string) => {
    if (text === undefined) return undefined;
    const id = find(text);
    if (!id) c.fail(field, `no ${what} "${text}"`);
    return id;
  };
}

/** "30%", "30", "0.3"? — a percentage is a whole number 0–100; a trailing % is allowed. */
export const percentText = (text: string) => text.replace(/\s*[%％]$/, '');

/** The refusal of a batch, naming each record at fault (the engine turns these into row errors). */
export function refuseRecords(errors: FieldError[]): never {
  throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);
}

/**
 * Errors of a use case that was given a subset of the batch (`indexes[k]` is the batch index of its
 * record k), renamed to the batch's `records.<i>.…` paths; an error naming no record becomes one for
 * every record of the subset, so the engine can still tell the rows apart.
 */
export function errorsOfSubset(err: unknown, indexes: number[], prefix = 'records'): FieldError[] {
  if (!(err instanceof AppError) || err.status >= 500) throw err;
  const named = (err.errors ?? []).flatMap((e) => {
    const m = new RegExp(`^${prefix}\\.(\\d+)(\\..*)?$`).exec(e.path);
    const i = m ? indexes[+m[1]] : undefined;
    return i === undefined ? [] : [{ path: `records.${i}${m?.[2] ?? ''}`, message: e.message }];
  });
  return named.length ? named : indexes.map((i) => ({ path: `records.${i}`, message: err.message }));
}
