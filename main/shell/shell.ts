/**
 * The Electron shell's glue, in start-up order: security that must precede `ready`, the single-instance lock,
 * the quit guard, then on `ready` the `app://` protocol, core, the IPC binding, the window, the tray, the login
 * item and the wake-up hook. Every Electron API arrives through `ElectronSurface`, so tests run this whole
 * sequence against a fake.
 */
import { parseLaunchDirs } from './launch-args';
import os from 'node:os';
import type { AppCore, CoreDeps } from '../core/app-core';
import type { Logger } from '../core/context';
import type { ElectronSurface } from './electron-surface';
import { registerIpc } from './ipc';
import { createNotifier } from './notifier';
import { openPreferences, type StoreFactory } from './preferences';
import { installQuitGuard, LEAVE, leaveBox } from './quit-guard';
import { APP_SCHEME, APP_START_URL, applyPreReadySecurity, createAppProtocolHandler, denyAllPermissions, hardenApp, createCheckedBrowser } from './security';
import { acquireSingleInstance } from './single-instance';
import { trackTrayInput } from '../tray/tray-input';
import type { LaunchCommand } from './autostart-entry';
import { createLoginItem, HIDDEN_FLAG, syncLoginItem } from './login-item';
import { createTray, handleTrayAction, openLogsFolder, type TrayActionContext, type TrayController } from './tray';
import { trayHostLikely } from './tray-host';
import { buildTrayModel } from '../tray/tray-model';
import { resumeOnWake } from './wake';
import { createMainWindow, type MainWindow } from './window';

/** The app id, shared with `electron-builder.yml` (Windows needs it for notifications). */
export const APP_ID = 'ai.clawtray.app';

export { HIDDEN_FLAG } from './login-item';

/** What differs between the real app and a test. */
export interface ShellOptions {
  createCore(deps: CoreDeps): AppCore;
  createStore: StoreFactory;
  rendererRoot: string;
  preloadPath: string;
  trayIconDir: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** What a login item launches (see `loginLaunchCommand`). */
  loginLaunch: LaunchCommand;
  /** The user's home (for `~/.config/autostart` when `XDG_CONFIG_HOME` is unset); defaults to `os.homedir()`. */
  homeDir?: string;
  logger: Logger;
  /** Where SIGINT/SIGTERM arrive (the process), so a terminal Ctrl+C quits cleanly. */
  signals?: { on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
}

/** The shell once `ready` has run. */
export interface RunningShell {
  core: AppCore;
  window: MainWindow;
  tray: TrayController | null;
  /** Shows the window and, when `action` names a view, asks the renderer to open it (notifications, tray). */
  openView(action?: Record<string, string>): void;
}

/** `ready` resolves to the running shell, or to null when another instance already runs. */
export interface ShellHandle {
  ready: Promise<RunningShell | null>;
}

/** The tray, when this desktop can show one: its model rebuilt from core's state on every change. */
function setUpTray(electron: ElectronSurface, options: ShellOptions, core: AppCore, actions: Omit<TrayActionContext, 'openLogsFolder'>) {
  if (!trayHostLikely(options.platform, options.env)) return null;
  let tray: TrayController | null = null;
  const tracker = trackTrayInput(core, { env: options.env, onChange: (input) => tray?.render(buildTrayModel(input)) });
  const context: TrayActionContext = {
    ...actions,
    openLogsFolder: () => openLogsFolder(tracker.current().gateway, new Date(), electron.shell.openPath),
  };
  const created = createTray(
    {
      Tray: electron.Tray,
      Menu: electron.Menu,
      iconDir: options.trayIconDir,
      platform: options.platform,
      onAction: (action) => void handleTrayAction(action, context),
    },
    buildTrayModel(tracker.current()),
  );
  tray = created;
  return {
    tray: created,
    seed: tracker.seed,
    dispose() {
      tracker.dispose();
      created.dispose();
    },
  };
}

/** Starts the Electron shell. Call once, synchronously at start-up (before `ready`). */
export function startShell(electron: ElectronSurface, options: ShellOptions): ShellHandle {
  const { app } = electron;
  const { logger } = options;
  applyPreReadySecurity(app, electron.protocol);

  let running: RunningShell | null = null;
  if (!acquireSingleInstance(app, () => void app.whenReady().then(() => running?.window.showAndFocus()))) {
    return { ready: Promise.resolve(null) };
  }
  if (options.platform === 'win32') app.setAppUserModelId(APP_ID);
  // The dashboard may be opened on the gateway's configured port and on the port the running gateway uses (a changed
  // setting applies at the next start).
  let gatewayPort: number | undefined;
  const gatewayPorts = () => [core?.settings.get().port, gatewayPort].filter((p): p is number => p !== undefined);
  const linkPolicy = { openExternal: (url: string) => electron.shell.openExternal(url), logger, gatewayPorts };
  hardenApp(app, linkPolicy);

  let core: AppCore | null = null;
  let window: MainWindow | null = null;
  let tray: TrayController | null = null;
  let disposeIpc: (() => void) | null = null;
  let disposeTray: (() => void) | null = null;
  let disposeLoginItem: (() => void) | null = null;

  let quitting = false;
  // A signal (Ctrl+C, SIGTERM) quits without a question: nobody may be there to answer it.
  let signalled = false;
  const notifier = createNotifier({ Notification: electron.Notification, onClick: (action) => running?.openView(action), logger });
  installQuitGuard(app, {
    onQuitting: () => {
      quitting = true;
      window?.setQuitting();
    },
    async dispose() {
      notifier.dispose();
      await core?.dispose();
      disposeIpc?.();
      disposeTray?.();
      disposeLoginItem?.();
    },
    confirm: () => {
      const prompt = signalled ? null : (core?.leavePrompt() ?? null);
      const w = window?.get();
      if (!prompt || !w || !window) return true;
      window.showAndFocus();
      return electron.dialog.showMessageBox(w, leaveBox(prompt)).then((r) => r.response === LEAVE);
    },
    logger,
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => window?.showAndFocus());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    options.signals?.on(signal, () => {
      signalled = true;
      app.quit();
    });
  }

  const ready = app.whenReady().then(async () => {
    // A quit (Ctrl+C, SIGTERM) before ready has already run the guard with no core: starting one now would leave
    // its gateway behind.
    if (quitting) return null;
    denyAllPermissions(electron.session.defaultSession);
    electron.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: options.rendererRoot, logger }));

    const dirs = parseLaunchDirs(options.argv);
    const dataDir = dirs.dataDir ?? app.getPath('userData');
    const c = options.createCore({
      shell: 'electron',
      version: app.getVersion(),
      dataDir,
      stateDirOverride: dirs.stateDir,
      settingsBackend: openPreferences(dataDir, { createStore: options.createStore, logger }),
      notifier,
      browser: createCheckedBrowser(linkPolicy),
      logger,
    });
    core = c;
    c.events.on('gateway:state', (state) => {
      gatewayPort = state.port;
    });

    const w = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      preloadPath: options.preloadPath,
      startUrl: APP_START_URL,
      trayAvailable: () => tray !== null,
      requestQuit: () => app.quit(),
      logger,
    });
    window = w;
    disposeIpc = registerIpc({ ipcMain: electron.ipcMain, dispatch: c.dispatch, events: c.events, getWindow: w.get, logger });

    const openView = (action?: Record<string, string>) => {
      w.showAndFocus();
      if (action) c.navigate(action);
    };
    const trayHandle = setUpTray(electron, options, c, {
      openView,
      async gateway(op) {
        const result = await c.dispatch(`gateway:${op}`, {});
        return result.ok ? { ok: true } : { ok: false, message: result.error.message };
      },
      async openDashboard() {
        const result = await c.dispatch('gateway:openDashboard', {});
        return result.ok ? { ok: true } : { ok: false, message: result.error.message };
      },
      quit: () => app.quit(),
      logger,
    });
    tray = trayHandle?.tray ?? null;
    disposeTray = trayHandle?.dispose ?? null;
    const loginItem = createLoginItem({
      platform: options.platform,
      app,
      launch: options.loginLaunch,
      env: options.env,
      homeDir: options.homeDir ?? os.homedir(),
      logger,
    });
    disposeLoginItem = syncLoginItem(c.settings, loginItem, logger);
    resumeOnWake(electron.powerMonitor, () => c.resume(), logger);

    const launchedHidden = options.argv.includes(HIDDEN_FLAG) || (options.platform === 'darwin' && !!app.getLoginItemSettings().wasOpenedAtLogin);
    w.open({ show: !launchedHidden || !trayHandle });
    running = { core: c, window: w, tray, openView };
    await c.start().catch((err: unknown) => logger.error('core failed to start', err));
    await trayHandle?.seed().catch((err: unknown) => logger.error('could not read the state for the tray', err));
    return running;
  });
  ready.catch((err: unknown) => {
    logger.error('ClawTray could not start', err);
    electron.dialog.showErrorBox('ClawTray could not start', err instanceof Error ? err.message : String(err));
    app.quit();
  });
  return { ready };
}
