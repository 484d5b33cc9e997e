/**
 * The one ClawTray window: created with the secure preferences, loaded from `app://clawtray`, shown and focused
 * on demand (tray, second launch, notification click). Closing it hides it to the tray; it really closes only
 * while quitting, and on a Linux desktop without a tray host closing it quits the app instead.
 */
import type { Logger } from '../core/context';
import type { BrowserWindowLike, ElectronSurface } from './electron-surface';
import { secureWebPreferences } from './security';

/** What closing the window does. */
export type CloseAction = 'hide' | 'close' | 'quit';

/** Pure decision behind the `close` handler. */
export function closeAction(state: { quitting: boolean; trayAvailable: boolean }): CloseAction {
  if (state.quitting) return 'close';
  return state.trayAvailable ? 'hide' : 'quit';
}

/** What the window needs from the rest of the shell. */
export interface MainWindowDeps {
  BrowserWindow: ElectronSurface['BrowserWindow'];
  preloadPath: string;
  startUrl: string;
  /** Whether a tray icon exists that the user can reopen the window from. */
  trayAvailable(): boolean;
  /** Starts the app's quit sequence (the quit guard disposes core first). */
  requestQuit(): void;
  logger: Logger;
}

/** The window controller the shell and the tray use. */
export interface MainWindow {
  /** The live window, or null before it is created or after it closed. */
  get(): BrowserWindowLike | null;
  /** Creates the window; it shows itself once painted unless `show` is false (a login-item launch). */
  open(options: { show: boolean }): BrowserWindowLike;
  /** Shows and focuses the window, creating it again if it was closed. */
  showAndFocus(): void;
  /** From now on, closing really closes. */
  setQuitting(): void;
}

/** Builds the controller; nothing is created until `open` or `showAndFocus`. */
export function createMainWindow(deps: MainWindowDeps): MainWindow {
  let win: BrowserWindowLike | null = null;
  let quitting = false;

  const live = () => (win && !win.isDestroyed() ? win : null);

  function open({ show }: { show: boolean }): BrowserWindowLike {
    const existing = live();
    if (existing) return existing;
    const w = new deps.BrowserWindow({
      width: 980,
      height: 700,
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: 'ClawTray',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(deps.preloadPath),
    });
    w.on('close', (event) => {
      const action = closeAction({ quitting, trayAvailable: deps.trayAvailable() });
      if (action === 'close') return;
      event.preventDefault();
      if (action === 'hide') w.hide();
      else deps.requestQuit();
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    if (show) {
      w.once('ready-to-show', () => {
        w.show();
        w.focus();
      });
    }
    w.loadURL(deps.startUrl).catch((err: unknown) => deps.logger.error('could not load the ClawTray page', err));
    win = w;
    return w;
  }

  return {
    get: live,
    open,
    showAndFocus() {
      const w = live() ?? open({ show: false });
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
    setQuitting() {
      quitting = true;
    },
  };
}
