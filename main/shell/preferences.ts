/**
 * The app's own preferences file for the Electron shell: an electron-store in the app's data folder, handed to
 * core as its `settingsBackend` (same file name and layout as the web shell's `conf` store, so both shells share
 * one data dir). A file that is not valid JSON is moved aside to a timestamped copy, never overwritten, and the
 * app starts from defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/context';
import type { SettingsBackend } from '../core/settings';

/** The store's base name: `<dataDir>/settings.json`. */
export const PREFERENCES_NAME = 'settings';

/** Options both electron-store and conf understand (`name` is electron-store's spelling of `configName`). */
export interface StoreOptions {
  cwd: string;
  name: string;
  configFileMode: number;
}

/** Opens a store; `main/index.ts` passes `(o) => new ElectronStore(o)`, tests pass a `conf`-backed one. */
export type StoreFactory = (options: StoreOptions) => SettingsBackend;

/** What opening the preferences needs. */
export interface PreferencesDeps {
  createStore: StoreFactory;
  logger: Logger;
  now?: () => Date;
}

function isSyntaxError(err: unknown): boolean {
  return err instanceof Error && err.name === 'SyntaxError';
}

/** The timestamped name a corrupt preferences file is moved to. */
export function corruptCopyName(now: Date): string {
  return `${PREFERENCES_NAME}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** Opens the preferences in `dataDir`, setting aside a corrupt file first if needed. */
export function openPreferences(dataDir: string, deps: PreferencesDeps): SettingsBackend {
  const options: StoreOptions = { cwd: dataDir, name: PREFERENCES_NAME, configFileMode: 0o600 };
  try {
    return deps.createStore(options);
  } catch (err) {
    if (!isSyntaxError(err)) throw err;
    const file = path.join(dataDir, `${PREFERENCES_NAME}.json`);
    const copy = path.join(dataDir, corruptCopyName((deps.now ?? (() => new Date()))()));
    fs.renameSync(file, copy);
    deps.logger.warn(`preferences file was not valid JSON; kept it as ${copy} and started from defaults`);
    return deps.createStore(options);
  }
}
