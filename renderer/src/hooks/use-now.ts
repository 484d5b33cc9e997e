/**
 * The current time for a component, refreshed about every `intervalMs` by the window's one clock
 * (`lib/clock.ts`): countdowns, uptimes and snoozes never start timers of their own.
 */
import { useEffect, useState } from 'react';
import { clock } from '../lib/clock';

/**
 * `Date.now()`, refreshed about every `intervalMs` (30 s by default). `intervalMs` may depend on the time (a
 * countdown ticks every second near zero): it is asked again with each new time.
 */
export function useNow(intervalMs: number | ((now: number) => number) = 30_000): number {
  const [now, setNow] = useState(() => clock.now());
  const every = typeof intervalMs === 'function' ? intervalMs(now) : intervalMs;
  useEffect(() => {
    setNow(clock.now());
    return clock.subscribe(every, setNow);
  }, [every]);
  return now;
}
