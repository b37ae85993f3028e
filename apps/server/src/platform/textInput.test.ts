import { describe, expect, it } from 'vitest';
import { nulCharacterPath } from './textInput.ts';

describe('nulCharacterPath', () => {
  it('names the first NUL by its dotted path, in a value or a key, and nothing when there is none', () => {
    expect(nulCharacterPath({ a: { b: ['x', 'y\u0000'] } })).toBe('a.b.1');
    expect(nulCharacterPath([{ q: '\u0000' }])).toBe('0.q');
    expect(nulCharacterPath({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(nulCharacterPath('a\u0000')).toBe('');
    expect(nulCharacterPath({ name: 'ok', n: 1, none: null, list: [] })).toBeNull();
  });
});
