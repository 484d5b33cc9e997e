/**
 * Quitting waits for core to shut down (stop the gateway it started, flush files) exactly once: the first
 * `before-quit` is held back while `dispose` runs, then the app quits for real.
 */
import type { Logger } from '../core/context';
import type { AppLike } from './electron-surface';

/** What the guard runs on the way out. */
export interface QuitGuardDeps {
  /** Called synchronously on the first quit request (the window stops hiding itself on close). */
  onQuitting(): void;
  dispose(): Promise<void>;
  logger: Logger;
}

/** Installs the `before-quit` handler. */
export function installQuitGuard(app: AppLike, deps: QuitGuardDeps): void {
  let phase: 'running' | 'disposing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'disposing') return;
    phase = 'disposing';
    deps.onQuitting();
    deps
      .dispose()
      .catch((err: unknown) => deps.logger.error('shutdown failed', err))
      .finally(() => {
        phase = 'done';
        app.quit();
      });
  });
}
