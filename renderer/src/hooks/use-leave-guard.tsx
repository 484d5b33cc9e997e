/**
 * Leaving a screen with unsaved changes asks first. A screen with something unsaved registers a blocker (what is
 * unsaved, and how to save it); the frame asks before it navigates away (a tab, a notification click) and, in the
 * browser, before the page is reloaded or closed.
 */
import { createContext, useContext, useEffect, useRef } from 'react';

/** What leaving would lose (the names of the unsaved fields, in the user's words) and how to save it. */
export interface LeaveBlocker {
  fields: string[];
  /** Saves; false when the changes could not be saved (the screen then shows why). */
  save: () => Promise<boolean>;
}

const Ctx = createContext<(blocker: LeaveBlocker | null) => void>(() => undefined);

/** Provides the place blockers register with (the frame's setter). */
export const LeaveGuardProvider = Ctx.Provider;

/** While `fields` is not empty, leaving asks first, offering `save`. */
export function useLeaveBlocker(fields: readonly string[], save: () => Promise<boolean>): void {
  const register = useContext(Ctx);
  const saveRef = useRef(save);
  saveRef.current = save;
  const key = fields.join('\n');
  useEffect(() => {
    register(key ? { fields: key.split('\n'), save: () => saveRef.current() } : null);
    return () => register(null);
  }, [key, register]);
}

/** Asks the browser to confirm a reload or close of the page while `active` (its own question; no text of ours). */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
