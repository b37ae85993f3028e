import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/**
 * Where the first U+0000 is in a parsed request part (in a string or a key), or null; '' is the part itself.
 * Runs on every request, so the dotted path is built only on the way back from a find.
 */
export function nulCharacterPath(value: unknown): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? '' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return key;
    const found = nulCharacterPath(inner);
    if (found !== null) return found === '' ? key : `${key}.${found}`;
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a NUL anywhere in a request would fail deep in a
 * query as a 500. Refused at the door instead, naming the field (fuzzing found it, issue 11).
 */
export async function refuseNulCharacters(req: FastifyRequest) {
  for (const part of [req.params, req.query, req.body]) {
    const at = nulCharacterPath(part);
    if (at !== null)
      throw badRequest('invalid_character', 'Text may not contain the NUL character (U+0000)', [{ path: at, message: 'contains U+0000' }]);
  }
}
