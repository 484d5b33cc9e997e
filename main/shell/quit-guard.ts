/**
 * Quitting waits for core to shut down (stop the gateway it started, flush files) exactly once: the first
 * `before-quit` is held back while `dispose` runs, then the app quits for real. Before that, `confirm` may ask the
 * user (unsaved changes in the window): answering "stay" leaves the app running as if nothing was asked.
 */
import type { LeavePrompt } from '../../shared/contract';
import type { Logger } from '../core/context';
import type { AppLike, MessageBoxOptionsLike } from './electron-surface';

/** The index of the "leave" button in `leaveBox`: "stay" comes first and is what Escape and Enter choose. */
export const LEAVE = 1;

/** The native question before quitting with unsaved changes, in the window's words. Pure. */
export function leaveBox(prompt: LeavePrompt): MessageBoxOptionsLike {
  return { type: 'warning', title: prompt.title, message: prompt.title, detail: prompt.message, buttons: [prompt.stay, prompt.leave], defaultId: 0, cancelId: 0, noLink: true };
}

/** What the guard runs on the way out. */
export interface QuitGuardDeps {
  /** Called synchronously on the first quit request (the window stops hiding itself on close). */
  onQuitting(): void;
  dispose(): Promise<void>;
  /**
   * Asked once per quit request before anything stops; false keeps the app running. `true` at once (nothing to ask)
   * shuts down in the same turn, as without `confirm`.
   */
  confirm?(): boolean | Promise<boolean>;
  logger: Logger;
}

/** Installs the `before-quit` handler. */
export function installQuitGuard(app: AppLike, deps: QuitGuardDeps): void {
  let phase: 'running' | 'asking' | 'disposing' | 'done' = 'running';
  const shutDown = () => {
    phase = 'disposing';
    deps.onQuitting();
    deps
      .dispose()
      .catch((err: unknown) => deps.logger.error('shutdown failed', err))
      .finally(() => {
        phase = 'done';
        app.quit();
      });
  };
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase !== 'running') return;
    const answer = deps.confirm?.() ?? true;
    if (answer === true) return shutDown();
    phase = 'asking';
    Promise.resolve(answer)
      .catch((err: unknown) => {
        deps.logger.error('could not ask before quitting', err);
        return true;
      })
      .then((leave) => {
        if (leave) shutDown();
        else phase = 'running';
      });
  });
}
