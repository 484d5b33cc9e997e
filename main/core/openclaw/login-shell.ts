/**
 * The PATH a user's login shell sets up (nvm, Homebrew, `~/.zshrc` edits), which an app started from a desktop
 * launcher does not inherit. Read once with `$SHELL -ilc` as a helper run (own process group, deadline, killed at
 * quit) so a hung rc file is killed whole.
 */
import path from 'node:path';
import { absolutePathValue } from '../process/child-env';
import { HelperRuns } from '../process/helper-runs';

const MARK = '__CLAWTRAY_PATH__';

/** Extracts the PATH printed between markers, ignoring whatever rc files print around it. Pure. */
export function parseMarkedPath(output: string): string | undefined {
  const start = output.indexOf(MARK);
  if (start === -1) return undefined;
  const end = output.indexOf(MARK, start + MARK.length);
  if (end === -1) return undefined;
  const value = output.slice(start + MARK.length, end).trim();
  return value || undefined;
}

/**
 * Runs `shell -ilc` and returns its PATH with only absolute directories (an rc file that adds `node_modules/.bin`
 * or `.` must not make the app run programs from the folder it was started in), or undefined (no shell, Windows,
 * error, timeout or quit).
 */
export async function readLoginShellPath(shell: string | undefined, platform: NodeJS.Platform, env: Record<string, string | undefined>, timeoutMs = 3000, runs = new HelperRuns()): Promise<string | undefined> {
  if (!shell || platform === 'win32' || !path.isAbsolute(shell)) return undefined;
  const r = await runs.run(shell, ['-ilc', `printf '%s%s%s' '${MARK}' "$PATH" '${MARK}'`], { env: { ...env, TERM: 'dumb' }, timeoutMs });
  const value = r ? parseMarkedPath(r.stdout) : undefined;
  return value === undefined ? undefined : absolutePathValue(value, platform) || undefined;
}
