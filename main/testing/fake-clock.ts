/**
 * A deterministic `Clock` for tests and benchmarks: time only moves when the test says so, timers fire in due
 * order, and every timer set and fired is counted (so "no polling" can be asserted). It keeps two times, like a
 * real machine: the wall clock that `now()` reads, and the monotonic clock that timers run on. A wall-clock change
 * (NTP correction, a suspend the monotonic clock did not count) moves only the first: timers then fire late or
 * early in wall time, which is what the code under test has to cope with.
 */
import type { Clock, TimerHandle } from '../core/clock';

interface FakeTimer {
  id: number;
  dueMono: number;
  fn: () => void;
}

/** The fake clock plus the controls a test drives it with. */
export interface FakeClock extends Clock {
  /** Moves both clocks forward by `ms`, firing each due timer in order with `now()` at its due time. */
  advance(ms: number): void;
  /** Moves both clocks forward by `ms` at once (a sleep), then fires every overdue timer in order, all late. */
  jump(ms: number): void;
  /** Moves only the wall clock by `ms` (either way); no timer fires. */
  shiftWall(ms: number): void;
  /** Timers created since the clock was made. */
  readonly timersSet: number;
  /** Timers that fired since the clock was made. */
  readonly timersFired: number;
  /** Timers set and not yet fired or cleared. */
  pending(): number;
  /** Wall time at which the earliest pending timer will fire, if any. */
  nextDueAt(): number | undefined;
}

/** Creates a fake clock whose wall time starts at `startMs`. */
export function createFakeClock(startMs = Date.UTC(2026, 0, 15, 12, 0, 0)): FakeClock {
  let wallOffset = startMs;
  let mono = 0;
  let seq = 0;
  let set = 0;
  let fired = 0;
  const timers = new Map<number, FakeTimer>();

  const earliest = (): FakeTimer | undefined => {
    let best: FakeTimer | undefined;
    for (const t of timers.values()) if (!best || t.dueMono < best.dueMono || (t.dueMono === best.dueMono && t.id < best.id)) best = t;
    return best;
  };
  const fire = (t: FakeTimer) => {
    timers.delete(t.id);
    fired++;
    t.fn();
  };
  const runDue = (untilMono: number) => {
    for (let t = earliest(); t && t.dueMono <= untilMono; t = earliest()) {
      mono = Math.max(mono, t.dueMono);
      fire(t);
    }
    mono = untilMono;
  };

  return {
    now: () => wallOffset + mono,
    setTimeout(fn, ms) {
      const id = ++seq;
      set++;
      const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
      timers.set(id, { id, dueMono: mono + delay, fn });
      return { id } satisfies TimerHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle.id as number);
    },
    advance(ms) {
      if (ms < 0) throw new Error('advance() only goes forward; use shiftWall() to move the wall clock back.');
      runDue(mono + ms);
    },
    jump(ms) {
      if (ms < 0) throw new Error('jump() only goes forward; use shiftWall() to move the wall clock back.');
      mono += ms;
      runDue(mono);
    },
    shiftWall(ms) {
      wallOffset += ms;
    },
    get timersSet() {
      return set;
    },
    get timersFired() {
      return fired;
    },
    pending: () => timers.size,
    nextDueAt() {
      const t = earliest();
      return t ? wallOffset + t.dueMono : undefined;
    },
  };
}
