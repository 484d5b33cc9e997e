/**
 * The only code that touches `ipcMain`. It binds every contract channel to core's dispatcher (which parses the
 * input with the contract and wraps the result), after checking that the request came from the top frame of our
 * own window showing our own origin. Core events are forwarded to that window only.
 */
import { appError } from '../../shared/app-error';
import { INVOKE_CHANNELS, type Result } from '../../shared/contract';
import type { Logger } from '../core/context';
import type { Dispatch } from '../core/dispatch';
import type { EventSource } from '../core/events';
import type { BrowserWindowLike, InvokeEventLike, IpcMainLike } from './electron-surface';
import { isAppUrl } from './security';

/** electron-store answers this sync IPC message for renderer-side stores; ClawTray has none, so it is removed. */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/** The answer to a request from anywhere but our window. */
export const FORBIDDEN_RESULT: Result<never> = {
  ok: false,
  error: appError('FORBIDDEN', 'errors.request.foreignSender'),
};

/** True when the invoke came from the top frame of `window`, showing a page of `app://clawtray`. */
export function isTrustedSender(event: InvokeEventLike, window: BrowserWindowLike | null): boolean {
  if (!window || window.isDestroyed()) return false;
  // Ids, not object identity: Electron may hand out a fresh wrapper object for the same contents.
  if (event.sender.id !== window.webContents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** What the wrapper needs: core's dispatcher and events, and a way to find the current window. */
export interface IpcDeps {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  events: EventSource;
  getWindow(): BrowserWindowLike | null;
  logger: Logger;
}

/** Registers every contract channel and forwards events. Returns a disposer that undoes both. */
export function registerIpc(deps: IpcDeps): () => void {
  deps.ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  for (const channel of INVOKE_CHANNELS) {
    deps.ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event, deps.getWindow())) {
        deps.logger.warn(`refused "${channel}" from a sender that is not the ClawTray window`);
        return FORBIDDEN_RESULT;
      }
      try {
        return await deps.dispatch(channel, input);
      } catch (err) {
        deps.logger.error(`channel ${channel} failed`, err);
        return { ok: false, error: appError('INTERNAL', 'errors.unexpected') } satisfies Result<never>;
      }
    });
  }
  const unsubscribe = deps.events.onAny((event, payload) => {
    const window = deps.getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of INVOKE_CHANNELS) deps.ipcMain.removeHandler(channel);
  };
}
