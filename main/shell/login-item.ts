/**
 * Start ClawTray at login, opt-in (settings `openAtLogin`, off by default), per platform: Electron's login item on
 * macOS and Windows, an XDG autostart entry on Linux. The launch carries `--hidden` so the app starts in the tray.
 * On every change of the setting it is turned on or off; at start-up it is only refreshed when on (the app may
 * have moved), never removed, so an entry the user made by hand in the system's settings is not undone.
 */
import type { Logger } from '../core/context';
import type { SettingsService } from '../core/settings';
import { autostartDir, autostartEntry, removeAutostartEntry, writeAutostartEntry, type LaunchCommand } from './autostart-entry';
import type { AppLike } from './electron-surface';

/** Launch flag a login item passes so the app starts in the tray without showing the window. */
export const HIDDEN_FLAG = '--hidden';

/** Where the running app comes from, to launch the same thing at login. */
export interface LaunchSource {
  execPath: string;
  isPackaged: boolean;
  /** The app folder Electron was given in development (`electron .`). */
  appPath: string;
  env: Record<string, string | undefined>;
}

/**
 * The command a login item runs: the packaged executable (the AppImage file itself when running from one, not the
 * temporary mount) or, in development, Electron with the app folder; always with `--hidden`.
 */
export function loginLaunchCommand(source: LaunchSource): LaunchCommand {
  if (!source.isPackaged) return { exe: source.execPath, args: [source.appPath, HIDDEN_FLAG] };
  return { exe: source.env.APPIMAGE || source.execPath, args: [HIDDEN_FLAG] };
}

/** Windows keeps the login item's arguments as one command line: arguments with spaces or quotes are quoted. */
export function windowsArgs(args: readonly string[]): string[] {
  return args.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a));
}

/** What the login item needs. */
export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<AppLike, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  launch: LaunchCommand;
  env: Record<string, string | undefined>;
  homeDir: string;
  logger: Logger;
}

/** Turns start-at-login on or off for this platform. */
export interface LoginItem {
  /** Makes the system match `enabled`; `onlyIfDifferent` skips the system call when it already does (start-up). */
  apply(enabled: boolean, options?: { onlyIfDifferent?: boolean }): void;
}

/** The login item for `deps.platform` (Linux: the autostart entry; others: Electron's login item settings). */
export function createLoginItem(deps: LoginItemDeps): LoginItem {
  if (deps.platform === 'linux' || deps.platform === 'freebsd' || deps.platform === 'openbsd') {
    const dir = autostartDir(deps.env, deps.homeDir);
    return {
      apply(enabled) {
        if (enabled) {
          if (writeAutostartEntry(dir, autostartEntry(deps.launch)) === 'written') deps.logger.info(`start at login: wrote ${dir}`);
        } else if (removeAutostartEntry(dir) === 'not-ours') {
          deps.logger.warn(`start at login: left ${dir} alone (an entry not written by ClawTray)`);
        }
      },
    };
  }
  const windows = deps.platform === 'win32';
  const target = windows ? { path: deps.launch.exe, args: windowsArgs(deps.launch.args) } : {};
  return {
    apply(enabled, options) {
      if (options?.onlyIfDifferent && deps.app.getLoginItemSettings(windows ? target : undefined).openAtLogin === enabled) return;
      deps.app.setLoginItemSettings({ openAtLogin: enabled, ...target });
    },
  };
}

/** Refreshes an enabled login item now and applies every change; failures are logged (the setting keeps what the user chose). */
export function syncLoginItem(settings: Pick<SettingsService, 'get' | 'onChange'>, item: LoginItem, logger: Logger): () => void {
  const apply = (enabled: boolean, onlyIfDifferent: boolean) => {
    try {
      item.apply(enabled, { onlyIfDifferent });
    } catch (err) {
      logger.error(`could not turn start at login ${enabled ? 'on' : 'off'}`, err);
    }
  };
  if (settings.get().openAtLogin) apply(true, true);
  return settings.onChange((next, prev) => {
    if (next.openAtLogin !== prev.openAtLogin) apply(next.openAtLogin, false);
  });
}
