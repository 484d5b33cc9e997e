/**
 * The platform's app-data folder, the same place Electron's `app.getPath('userData')` uses, so the web shell's
 * default `--data-dir` shares settings with the desktop app.
 */
import path from 'node:path';

/** `~/Library/Application Support/ClawTray`, `%APPDATA%\ClawTray` or `$XDG_CONFIG_HOME/ClawTray`. */
export function defaultAppDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, homeDir: string): string {
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'ClawTray');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(homeDir, 'AppData', 'Roaming'), 'ClawTray');
  return path.join(env.XDG_CONFIG_HOME || path.join(homeDir, '.config'), 'ClawTray');
}
