/**
 * The current time, re-rendered every `intervalMs`, for countdowns and uptimes. The only place in the window
 * that reads the clock on a timer.
 */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `intervalMs` (30 s by default). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
