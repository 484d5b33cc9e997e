import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('replays the same sequence for a seed, differs across seeds, and stays in [0, 1)', () => {
    const a = Array.from({ length: 100 }, seededRandom(42));
    expect(Array.from({ length: 100 }, seededRandom(42))).toEqual(a);
    expect(Array.from({ length: 100 }, seededRandom(43))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBe(100);
  });
});
