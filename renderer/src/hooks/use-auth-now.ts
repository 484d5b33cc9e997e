/**
 * The auth status with each profile's status as it is now (`lib/timed-status.ts`): recomputed at the moments a
 * status changes, on the window's one clock, and main asked afresh then, so what the window derives from the
 * credentials it cannot recompute itself (the default model's usability) follows too.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AuthStatus } from '../../../shared/contract';
import { clock } from '../lib/clock';
import { authAt, nextChange, watchMoment } from '../lib/timed-status';
import type { Live } from './use-live';

/** `auth` with its value as at the last moment a status changed; `auth.reload()` is called at each such moment. */
export function useAuthNow(auth: Live<AuthStatus>): Live<AuthStatus> {
  const [time, setTime] = useState(() => clock.now());
  const raw = auth.value;
  const value = useMemo(() => (raw ? authAt(raw, time) : null), [raw, time]);
  const next = useMemo(() => (value ? nextChange(value.profiles, Math.max(time, value.computedAt)) : null), [value, time]);
  const { reload } = auth;
  useEffect(() => {
    if (next === null) return undefined;
    return watchMoment(clock, next, (now) => {
      setTime(now);
      void reload();
    });
  }, [next, reload]);
  return useMemo(() => (value === raw ? auth : { ...auth, value }), [auth, value, raw]);
}
