/**
 * The auth status as it is now, not as it was when main computed it: main sends a status when something changes on
 * disk, but a token crossing its expiry changes nothing on disk. The window recomputes each profile's clock-dependent
 * status (`shared/profile-status.ts`) at the moments one changes, on the window's one clock: every 30 s while the
 * next change is far, every second in the minute before it, so a chip turns "Expired" within a second of the expiry
 * the countdown beside it shows.
 */
import type { AuthStatus, ProfileView } from '../../../shared/contract';
import { nextStatusChange, statusAt } from '../../../shared/profile-status';
import type { Clock } from './clock';

/** How long before a change the watch ticks every second; above the slow tick, so one tick always lands inside it. */
export const NEAR_MS = 60_000;
const SLOW_MS = 30_000;
const FAST_MS = 1000;

/**
 * The interval for `useNow` of a line that shows the time to or since one of `moments`: every second within
 * `NEAR_MS` of one (the seconds show, and the chips turn at that moment), else every 30 s.
 */
export function tickNear(moments: readonly (number | undefined)[]): (now: number) => number {
  return (now) => (moments.some((m) => m !== undefined && Math.abs(m - now) <= NEAR_MS) ? FAST_MS : SLOW_MS);
}

/**
 * `status` with each profile's status at `now` (never earlier than when main computed it). Unchanged profiles and
 * an unchanged status keep their identity, so memoised rows re-render only when their own status moves.
 */
export function authAt(status: AuthStatus, now: number): AuthStatus {
  const at = Math.max(now, status.computedAt);
  let changed = false;
  const profiles = status.profiles.map((p) => {
    const s = statusAt(p, at);
    if (s === p.status) return p;
    changed = true;
    const next: ProfileView = { ...p, status: s };
    if (s !== 'cooldown' && s !== 'disabled') {
      delete next.until;
      delete next.reason;
    }
    return next;
  });
  return changed ? { ...status, profiles } : status;
}

/** The next moment after `now` when some profile's status changes, or null. */
export function nextChange(profiles: readonly ProfileView[], now: number): number | null {
  let next: number | null = null;
  for (const p of profiles) {
    const m = nextStatusChange(p, now);
    if (m !== null && (next === null || m < next)) next = m;
  }
  return next;
}

/**
 * Calls `onDue(now)` once, on the first tick of `clock` at or after `at`: slow ticks while it is far, one a second
 * within `NEAR_MS`. Returns the function that stops watching.
 */
export function watchMoment(clock: Clock, at: number, onDue: (now: number) => void): () => void {
  let off: (() => void) | null = null;
  let every = 0;
  const check = (now: number) => {
    if (now >= at) {
      stop();
      onDue(now);
      return;
    }
    const wanted = at - now <= NEAR_MS ? FAST_MS : SLOW_MS;
    if (wanted !== every) {
      off?.();
      every = wanted;
      off = clock.subscribe(every, check);
    }
  };
  const stop = () => {
    off?.();
    off = null;
  };
  check(clock.now());
  return stop;
}
