/**
 * Leaving a screen with unsaved changes asks first. A screen with something unsaved registers a blocker (what is
 * unsaved, and how to save it); the frame asks before it navigates away (a tab, a notification click), in the
 * browser before the page is reloaded or closed, and in Electron main asks before the app quits (closing the window
 * only hides it to the tray, with the changes still in it).
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { api } from '../api';
import { formatList } from '../lib/format';
import { useLocale } from './use-locale';

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

/**
 * Asks the browser to confirm a reload or close of the page while `active` (its own question; no text of ours). A
 * layout effect: the question is armed in the same commit that marks the screen unsaved, never a moment later.
 */
export function useBeforeUnload(active: boolean): void {
  useLayoutEffect(() => {
    if (!active) return undefined;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

/**
 * Electron: tells main what to ask before the app quits while `blocker` holds unsaved changes (nothing once they are
 * saved or dropped), in the window's language. Also says "nothing" once at start, so a reloaded window clears a
 * question left by the one before.
 */
export function useQuitPrompt(blocker: LeaveBlocker | null, active: boolean): void {
  const { t, locale } = useLocale();
  const message = blocker ? t('leave.message', { fields: formatList(blocker.fields, locale) }) : null;
  useEffect(() => {
    if (!active) return;
    const prompt = message ? { title: t('leave.title'), message, stay: t('leave.stay'), leave: t('leave.quit') } : null;
    void api().appSetUnsaved({ prompt });
  }, [active, message, t]);
}
