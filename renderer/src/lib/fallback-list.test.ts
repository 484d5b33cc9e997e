import { describe, expect, it } from 'vitest';
import { addProblem, moveItem, removeItem, sameList } from './fallback-list';

describe('fallback list edits', () => {
  it('moves an item up, down, to either end, and clamps out-of-range targets', () => {
    const l = ['a', 'b', 'c'];
    expect(moveItem(l, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(l, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(l, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(l, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(l, 2, 9)).toEqual(['a', 'b', 'c']);
    expect(moveItem(l, 5, 0)).toEqual(['a', 'b', 'c']);
    expect(l).toEqual(['a', 'b', 'c']);
  });

  it('removes by index, refuses a repeat or the default model, and compares lists in order', () => {
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(addProblem(['a'], 'a', 'd')).toBe('duplicate');
    expect(addProblem(['a'], 'd', 'd')).toBe('default');
    expect(addProblem(['a'], 'b', 'd')).toBeNull();
    expect(sameList(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameList(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameList(['a'], ['a', 'b'])).toBe(false);
  });
});
