/**
 * For tests only: the window clock (`lib/clock.ts`) over a hand-driven time and timer list, so a test moves the
 * time and sees exactly which ticks fire. Never imported by the window's code.
 */
import { createClock } from '../lib/clock';

/** A clock starting at `start`; `advance(ms)` fires the due timers in order; `intervals()` lists the running ones. */
export function manualClock(start = 0) {
  let now = start;
  const timers = new Map<number, { fn: () => void; ms: number; next: number }>();
  let ids = 0;
  const clock = createClock({
    now: () => now,
    setInterval: (fn, ms) => {
      timers.set(++ids, { fn, ms, next: now + ms });
      return ids;
    },
    clearInterval: (id) => void timers.delete(id as number),
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  return { clock, advance, intervals: () => [...timers.values()].map((t) => t.ms) };
}
