/**
 * A value fetched once through an invoke and then kept current by an event, the pattern every screen uses
 * (gateway state, auth status, alerts, settings). Unavailable channels surface as `error`, never as a throw.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/contract';

/** The current value (null until known), the last error, and a way to fetch again. */
export interface Live<T> {
  value: T | null;
  error: AppErrorShape | null;
  reload: () => Promise<void>;
  set: (value: T) => void;
}

/**
 * `fetch` is called on mount and whenever `key` changes; `subscribe` receives a setter and returns an
 * unsubscribe function (it may ignore events, e.g. for another agent).
 */
export function useLive<T>(key: string, fetch: () => Promise<Result<T>>, subscribe: (set: (value: T) => void) => () => void): Live<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const subscribeRef = useRef(subscribe);
  subscribeRef.current = subscribe;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const r = await fetchRef.current();
    if (mine !== generation.current) return;
    if (r.ok) {
      setValue(r.value);
      setError(null);
    } else {
      setError(r.error);
    }
  }, []);

  const set = useCallback((v: T) => {
    generation.current++;
    setValue(v);
    setError(null);
  }, []);

  useEffect(() => {
    setValue(null);
    const off = subscribeRef.current(set);
    void reload();
    return () => {
      generation.current++;
      off();
    };
  }, [key, reload, set]);

  return useMemo(() => ({ value, error, reload, set }), [value, error, reload, set]);
}
