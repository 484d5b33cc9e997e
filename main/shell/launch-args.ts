/**
 * The desktop app accepts the same `--state-dir DIR` and `--data-dir DIR` as the web shell, so a user can point it
 * at another OpenClaw state folder and the end-to-end specs can run it over temp folders. Electron's argv also
 * carries Chromium switches and the app path, so unknown arguments are ignored rather than refused.
 */
import path from 'node:path';

/** Folders named on the command line; absent ones fall back to OpenClaw's resolution and Electron's userData. */
export interface LaunchDirs {
  stateDir?: string;
  dataDir?: string;
}

/** Reads `--state-dir DIR`, `--state-dir=DIR`, `--data-dir DIR`, `--data-dir=DIR` (the last one wins). */
export function parseLaunchDirs(argv: readonly string[]): LaunchDirs {
  const dirs: LaunchDirs = {};
  const keys = { '--state-dir': 'stateDir', '--data-dir': 'dataDir' } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = keys[flag as keyof typeof keys];
    if (!key) continue;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (value && !value.startsWith('--')) dirs[key] = path.resolve(value);
  }
  return dirs;
}
