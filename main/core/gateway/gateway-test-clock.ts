/**
 * A hand-driven clock for gateway tests of timer logic: `advance(ms)` fires due timers in order.
 */
import type { Clock, TimerHandle } from '../clock';

/** A clock whose time moves only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  pending(): number;
}

/** Creates a manual clock starting at a realistic epoch (log lines need positive timestamps). */
export function createManualClock(start = 1_800_000_000_000): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return { id } as TimerHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle.id as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}
