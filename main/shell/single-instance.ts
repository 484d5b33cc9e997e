/**
 * One ClawTray per user: a second launch hands over to the first (which shows its window) and exits, so two apps
 * never supervise the same gateway or write the same files.
 */
import type { AppLike } from './electron-surface';

/** Takes the lock. Returns false (and quits) when another instance holds it. */
export function acquireSingleInstance(app: AppLike, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
