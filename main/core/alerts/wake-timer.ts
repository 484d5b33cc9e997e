/**
 * One wake-up at a wall-clock time through the core's `Clock`. Node's timers cannot wait longer than 2^31-1 ms
 * (24.8 days; beyond that they fire at once), so longer waits are chained hops. Timers run on a monotonic clock:
 * after a sleep or a wall-clock change a hop fires late or early in wall time. Early: it hops again. Late by more
 * than the tolerance: the owner is told, so it can re-read everything instead of trusting what it had.
 */
import type { Clock, TimerHandle } from '../clock';

/** The longest single timer Node honours. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the owner learns when the wake-up time is reached. */
export interface WakeInfo {
  /** The hop fired this much later than planned (sleep, wall clock moved forward). */
  lateByMs: number;
  late: boolean;
}

/** A re-armable single wake-up. */
export interface WakeTimer {
  /** Wakes at wall time `at` (replacing any earlier arming); `undefined` disarms. */
  arm(at: number | undefined): void;
  cancel(): void;
  /** The wall time currently armed for, if any. */
  readonly target: number | undefined;
}

/** Creates a wake timer calling `onWake` once per arming, when `at` is reached or a hop is late. */
export function createWakeTimer(clock: Clock, onWake: (info: WakeInfo) => void, lateToleranceMs = 10_000): WakeTimer {
  let handle: TimerHandle | undefined;
  let target: number | undefined;

  const hop = () => {
    if (target === undefined) return;
    const now = clock.now();
    const delay = Math.min(Math.max(0, target - now), MAX_TIMER_MS);
    const expected = now + delay;
    handle = clock.setTimeout(() => {
      handle = undefined;
      const firedAt = clock.now();
      const lateByMs = firedAt - expected;
      if (lateByMs <= lateToleranceMs && target !== undefined && firedAt < target) return hop();
      target = undefined;
      onWake({ lateByMs, late: lateByMs > lateToleranceMs });
    }, delay);
  };
  const cancel = () => {
    if (handle) clock.clearTimeout(handle);
    handle = undefined;
    target = undefined;
  };

  return {
    arm(at) {
      if (at === target && handle) return;
      cancel();
      target = at;
      hop();
    },
    cancel,
    get target() {
      return target;
    },
  };
}
