import { describe, expect, it } from 'vitest';
import { createFakeClock } from './fake-clock';

describe('fake clock', () => {
  it('fires due timers in order, each at its own time, and counts them', () => {
    const clock = createFakeClock(1_000);
    const seen: [string, number][] = [];
    clock.setTimeout(() => seen.push(['b', clock.now()]), 200);
    clock.setTimeout(() => seen.push(['a', clock.now()]), 100);
    clock.setTimeout(() => seen.push(['a2', clock.now()]), 100);
    const c = clock.setTimeout(() => seen.push(['c', clock.now()]), 300);
    clock.clearTimeout(c);
    clock.advance(250);
    expect(seen).toEqual([['a', 1_100], ['a2', 1_100], ['b', 1_200]]);
    expect(clock.now()).toBe(1_250);
    expect([clock.timersSet, clock.timersFired, clock.pending()]).toEqual([4, 3, 0]);
  });

  it('runs timers set by a firing timer when they fall due within the same advance', () => {
    const clock = createFakeClock(0);
    const seen: number[] = [];
    const tick = () => {
      seen.push(clock.now());
      if (seen.length < 3) clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advance(100);
    expect(seen).toEqual([10, 20, 30]);
  });

  it('jump() moves time at once and fires overdue timers late; shiftWall() fires nothing', () => {
    const clock = createFakeClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 100);
    clock.shiftWall(1_000);
    expect(seen).toEqual([]);
    expect(clock.nextDueAt()).toBe(1_100);
    clock.jump(500);
    expect(seen).toEqual([1_500]);
    expect(() => clock.advance(-1)).toThrow();
  });
});
