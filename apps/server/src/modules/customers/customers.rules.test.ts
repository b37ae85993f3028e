import { describe, expect, it } from 'vitest';
import { likeLiteral, normaliseTags, phoneDigits } from './customers.rules.ts';

describe('customer rules', () => {
  it.each([
    ['+86 138-0000-1234', '8613800001234'],
    ['(010) 6552 8888', '01065528888'],
    ['n/a', null],
    ['', null],
    [null, null],
  ])('phoneDigits(%s) = %s', (input, expected) => expect(phoneDigits(input)).toBe(expected));

  it('escapes LIKE wildcards', () => expect(likeLiteral('50%_off\\')).toBe('%50\\%\\_off\\\\%'));
  it('normalises tags', () => expect(normaliseTags([' a', 'b', 'a ', ''])).toEqual(['a', 'b']));
});
