/**
 * The PATH a user's login shell sets up (nvm, Homebrew, `~/.zshrc` edits), which an app started from a desktop
 * launcher does not inherit. Read once with `$SHELL -ilc` under a timeout; the shell runs in its own process group
 * so a hung rc file is killed whole.
 */
import { spawn } from 'node:child_process';
import { systemClock, type Clock } from '../clock';
import { isReaped, signalOwnGroup } from './process-tree';

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

/** Runs `shell -ilc` and returns its PATH, or undefined (no shell, Windows, error or timeout). */
export function readLoginShellPath(shell: string | undefined, platform: NodeJS.Platform, env: Record<string, string | undefined>, timeoutMs = 3000, clock: Clock = systemClock): Promise<string | undefined> {
  if (!shell || platform === 'win32') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let out = '';
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      resolve(value);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(shell, ['-ilc', `printf '%s%s%s' '${MARK}' "$PATH" '${MARK}'`], {
        stdio: ['ignore', 'pipe', 'ignore'],
        detached: true,
        env: { ...env, TERM: 'dumb' } as NodeJS.ProcessEnv,
      });
    } catch {
      resolve(undefined);
      return;
    }
    const timer = clock.setTimeout(() => {
      try {
        if (child.pid) signalOwnGroup(child.pid, isReaped(child), 'SIGKILL');
      } catch {
        // already gone
      }
      finish(undefined);
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      if (out.length < 256 * 1024) out += d;
    });
    child.on('error', () => finish(undefined));
    child.on('close', () => finish(parseMarkedPath(out)));
  });
}
