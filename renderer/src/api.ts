/**
 * The one module that reads `window.clawtray`. Components call `api()` and never touch the global, so either
 * shell (Electron preload or the web bridge) can stand behind it.
 */
import type { ClawtrayApi } from '../../shared/api';

declare global {
  interface Window {
    clawtray?: ClawtrayApi;
  }
}

/** The bridge to main. */
export function api(): ClawtrayApi {
  if (!window.clawtray) throw new Error('ClawTray bridge missing: the page was opened outside ClawTray.');
  return window.clawtray;
}
