import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/manual-clock';

describe('the window clock', () => {
  it('runs one timer for any number of subscribers, at the finest interval asked for', () => {
    const { clock, intervals } = manualClock();
    const offs = Array.from({ length: 1000 }, () => clock.subscribe(30_000, () => undefined));
    expect(intervals()).toEqual([30_000]);
    const fast = clock.subscribe(1000, () => undefined);
    expect(intervals()).toEqual([1000]);
    fast();
    expect(intervals()).toEqual([30_000]);
    for (const off of offs) off();
    expect(intervals()).toEqual([]);
    expect(clock.timers()).toBe(0);
  });

  it('tells each subscriber only as often as it asked', () => {
    const { clock, advance } = manualClock();
    const slow: number[] = [];
    const fast: number[] = [];
    clock.subscribe(30_000, (t) => slow.push(t));
    clock.subscribe(1000, (t) => fast.push(t));
    advance(61_000);
    expect(fast).toHaveLength(61);
    expect(slow).toEqual([30_000, 60_000]);
  });

  it('stops calling a subscriber once it unsubscribed', () => {
    const { clock, advance } = manualClock();
    const seen: number[] = [];
    const off = clock.subscribe(1000, (t) => seen.push(t));
    advance(2000);
    off();
    advance(5000);
    expect(seen).toEqual([1000, 2000]);
  });

  it('tells subscribers of the same interval at the same ticks, however far apart they subscribed', () => {
    const { clock, advance } = manualClock();
    const first: number[] = [];
    const second: number[] = [];
    clock.subscribe(1000, (t) => first.push(t));
    advance(1400);
    clock.subscribe(1000, (t) => second.push(t));
    advance(2600);
    expect(first).toEqual([1000, 2000, 3000, 4000]);
    expect(second).toEqual([2000, 3000, 4000]);
  });
});
