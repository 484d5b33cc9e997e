/**
 * The window's one clock. Every countdown, uptime and "snoozed until" reads the time from here: one timer for the
 * whole window, ticking at the finest interval any subscriber asked for, and each subscriber told only as often as it
 * asked (a credential's countdown every 30 s, the gateway's uptime every second), subscribers of the same interval at
 * the same ticks. No per-row timers, however many rows there are.
 */

interface Subscriber {
  everyMs: number;
  last: number;
  listener: (now: number) => void;
}

/** A clock with its own time source and timer functions, so tests can drive it. */
export interface Clock {
  now(): number;
  /** Calls `listener(now)` about every `everyMs`; returns the unsubscribe function. */
  subscribe(everyMs: number, listener: (now: number) => void): () => void;
  /** How many timers are running (0 or 1). */
  timers(): number;
}

/** Timer functions the clock uses (the global ones by default). */
export interface ClockDeps {
  now: () => number;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: unknown) => void;
}

/** A clock over `deps`. */
export function createClock(deps: ClockDeps): Clock {
  const subscribers = new Set<Subscriber>();
  let timer: unknown;
  let period = 0;
  let lastTick = 0;

  function tick(): void {
    const now = deps.now();
    lastTick = now;
    // A tick may come a little early: treat anything within a tenth of the period as due.
    for (const s of [...subscribers]) {
      if (now - s.last >= s.everyMs - period / 10) {
        s.last = now;
        s.listener(now);
      }
    }
  }

  function rearm(): void {
    const next = subscribers.size ? Math.min(...[...subscribers].map((s) => s.everyMs)) : 0;
    if (next === period) return;
    if (timer !== undefined) deps.clearInterval(timer);
    timer = next ? deps.setInterval(tick, next) : undefined;
    period = next;
    lastTick = deps.now();
  }

  return {
    now: deps.now,
    subscribe(everyMs, listener) {
      // Counted from the timer's last tick, so subscribers asking for the same interval are told at the same ticks
      // with the same time (a countdown and the chip beside it turn together).
      const s: Subscriber = { everyMs: Math.max(250, everyMs), last: timer === undefined ? deps.now() : lastTick, listener };
      subscribers.add(s);
      rearm();
      return () => {
        subscribers.delete(s);
        rearm();
      };
    },
    timers: () => (timer === undefined ? 0 : 1),
  };
}

/** The window's clock. */
export const clock = createClock({
  now: () => Date.now(),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (id) => globalThis.clearInterval(id as ReturnType<typeof setInterval>),
});
