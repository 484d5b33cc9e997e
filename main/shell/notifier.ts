/**
 * Core's `Notifier` for the Electron shell: native notifications whose click opens the window on the view the
 * request names (`action`, e.g. `{ view: 'renew', profileId }`). Live notifications are kept by id so their
 * click handlers survive garbage collection and a repeated id replaces the older one.
 */
import type { Logger, NotificationRequest, Notifier } from '../core/context';
import type { ElectronSurface, NotificationLike } from './electron-surface';

/** What the notifier needs: Electron's `Notification` and what a click does. */
export interface NotifierDeps {
  Notification: ElectronSurface['Notification'];
  /** Shows the window and, when `action` names a view, asks the renderer to open it. */
  onClick(action: Record<string, string> | undefined): void;
  logger: Logger;
}

/** The notifier, plus `dispose` to close whatever is still on screen when quitting. */
export interface ShellNotifier extends Notifier {
  dispose(): void;
}

/** Builds the notifier. On systems without notification support requests are logged and dropped. */
export function createNotifier(deps: NotifierDeps): ShellNotifier {
  const live = new Map<string, NotificationLike>();
  return {
    show(request: NotificationRequest) {
      if (!deps.Notification.isSupported()) {
        deps.logger.info(`notifications unsupported; dropped "${request.title}"`);
        return;
      }
      live.get(request.id)?.close();
      const n = new deps.Notification({ title: request.title, body: request.body });
      live.set(request.id, n);
      n.on('click', () => deps.onClick(request.action));
      n.on('close', () => {
        if (live.get(request.id) === n) live.delete(request.id);
      });
      n.show();
    },
    dispose() {
      for (const n of live.values()) n.close();
      live.clear();
    },
  };
}
