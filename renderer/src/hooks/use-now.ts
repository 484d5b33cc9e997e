/**
 * The current time for a component, refreshed about every `intervalMs` by the window's one clock
 * (`lib/clock.ts`): countdowns, uptimes and snoozes never start timers of their own.
 */
import { useEffect, useState } from 'react';
import { clock } from '../lib/clock';

/** `Date.now()`, refreshed about every `intervalMs` (30 s by default). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    return clock.subscribe(intervalMs, setNow);
  }, [intervalMs]);
  return now;
}
