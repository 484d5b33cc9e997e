import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../testing/fake-clock';
import { createWakeTimer, MAX_TIMER_MS, type WakeInfo } from './wake-timer';

const D = 24 * 3_600_000;

function setup(tolerance = 10_000) {
  const clock = createFakeClock();
  const wakes: (WakeInfo & { at: number })[] = [];
  const timer = createWakeTimer(clock, (info) => wakes.push({ ...info, at: clock.now() }), tolerance);
  return { clock, wakes, timer };
}

describe('wake timer', () => {
  it('chains hops no longer than Node allows and wakes once at a time 60 days away', () => {
    const { clock, wakes, timer } = setup();
    const target = clock.now() + 60 * D;
    timer.arm(target);
    expect(clock.nextDueAt()! - clock.now()).toBe(MAX_TIMER_MS);
    clock.advance(59 * D);
    expect(wakes).toEqual([]);
    clock.advance(D);
    expect(wakes).toEqual([{ at: target, late: false, lateByMs: 0 }]);
    expect(clock.timersSet).toBe(3);
    expect(clock.pending()).toBe(0);
  });

  it('re-arming for the same time keeps the timer; disarming clears it', () => {
    const { clock, timer } = setup();
    timer.arm(clock.now() + D);
    timer.arm(clock.now() + D);
    expect(clock.timersSet).toBe(1);
    timer.arm(undefined);
    expect(clock.pending()).toBe(0);
    expect(timer.target).toBeUndefined();
  });

  it('reports a hop that fires late (sleep, wall clock moved forward)', () => {
    const { clock, wakes, timer } = setup();
    const start = clock.now();
    timer.arm(start + 10 * D);
    clock.shiftWall(2 * D);
    clock.advance(10 * D);
    expect(wakes).toEqual([{ at: start + 12 * D, late: true, lateByMs: 2 * D }]);
  });

  it('hops again when the wall clock went back, and wakes at the wall time asked for', () => {
    const { clock, wakes, timer } = setup();
    const target = clock.now() + 3_600_000;
    timer.arm(target);
    clock.shiftWall(-1_800_000);
    clock.advance(3_600_000);
    expect(wakes).toEqual([]);
    clock.advance(1_800_000);
    expect(wakes).toEqual([{ at: target, late: false, lateByMs: 0 }]);
  });
});
