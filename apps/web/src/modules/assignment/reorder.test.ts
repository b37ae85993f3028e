import { describe, expect, it } from 'vitest';
import { dropOnto, moveBy, moveItem } from './reorder.ts';

describe('moveItem', () => {
  it.each([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c', 'd']],
    [1, 99, ['a', 'c', 'd', 'b']],
    [9, 0, ['a', 'b', 'c', 'd']],
  ])('moves the item at %i to %i', (from, to, expected) => {
    expect(moveItem(['a', 'b', 'c', 'd'], from, to)).toEqual(expected);
  });

  it('leaves the input untouched', () => {
    const ids = ['a', 'b'];
    moveItem(ids, 0, 1);
    expect(ids).toEqual(['a', 'b']);
  });
});

describe('moveBy', () => {
  it('moves a rule up or down one place', () => {
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('cannot move the first up, the last down, or an unknown id', () => {
    expect(moveBy(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveBy(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveBy(['a', 'b'], 'x', 1)).toBeNull();
  });
});

describe('dropOnto', () => {
  it('puts the dragged rule where the target was, pushing the target along', () => {
    expect(dropOnto(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOnto(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('does nothing when dropped on itself or on something not in the list', () => {
    expect(dropOnto(['a', 'b'], 'a', 'a')).toBeNull();
    expect(dropOnto(['a', 'b'], 'a', 'z')).toBeNull();
  });
});
