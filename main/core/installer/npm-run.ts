/**
 * One npm run of the installer: started without a shell in its own process group (so cancelling ends npm and every
 * install script it started), its output handed over line by line, and a `cancel()` that ends the whole group
 * (SIGTERM, a grace, SIGKILL; `taskkill /T` on Windows) and resolves only once it is gone. Safe to cancel twice.
 */
import { spawn } from 'node:child_process';
import { systemClock, type Clock } from '../clock';
import { LineSplitter } from '../secrets/line-splitter';
import { isOwnGroupAlive, isReaped, signalOwnGroup, taskkillTree, waitUntil } from '../process/process-tree';
import type { NpmLaunch } from './npm-command';

/** How long npm's whole group gets to exit after SIGTERM on cancel before it is killed. */
const CANCEL_GRACE_MS = 5000;

/** How a run ended: npm's exit code, or the error that kept it from starting. */
export interface NpmOutcome {
  code: number | null;
  error?: string;
}

/** A started npm run. */
export interface NpmRun {
  /** Settles when npm (and the pipes) closed. */
  done: Promise<NpmOutcome>;
  /** Ends npm's whole group and waits until it is gone. */
  cancel(): Promise<void>;
}

/** Starts `launch` in `cwd` with exactly `env`; every non-empty output line goes to `onLine`. */
export function startNpm(o: {
  launch: NpmLaunch;
  cwd: string;
  env: Record<string, string>;
  platform: NodeJS.Platform;
  onLine: (line: string) => void;
  /** The known secrets: each line is redacted before it is handed over (or cut). */
  secrets?: () => readonly string[];
  clock?: Clock;
}): NpmRun {
  const clock = o.clock ?? systemClock;
  const child = spawn(o.launch.command, o.launch.args, {
    cwd: o.cwd,
    env: o.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.platform !== 'win32',
    windowsHide: true,
    shell: false,
  });
  for (const stream of [child.stdout, child.stderr]) {
    const splitter = new LineSplitter(
      (line) => {
        if (line.trim()) o.onLine(line);
      },
      { secrets: () => o.secrets?.() ?? [] },
    );
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => splitter.push(c));
    stream.on('end', () => splitter.flush());
  }
  const done = new Promise<NpmOutcome>((resolve) => {
    child.once('error', (e) => resolve({ code: null, error: e.message }));
    child.once('close', (code) => resolve({ code }));
  });
  let cancelling: Promise<void> | undefined;
  return {
    done,
    cancel() {
      cancelling ??= (async () => {
        const pid = child.pid;
        if (!pid) return;
        if (o.platform === 'win32') {
          if (!isReaped(child)) await taskkillTree(pid);
        } else {
          const groupAlive = () => isOwnGroupAlive(pid, isReaped(child));
          signalOwnGroup(pid, isReaped(child), 'SIGTERM');
          if (!(await waitUntil(clock, groupAlive, CANCEL_GRACE_MS))) signalOwnGroup(pid, isReaped(child), 'SIGKILL');
          await done;
          await waitUntil(clock, groupAlive, CANCEL_GRACE_MS);
        }
        await done;
      })();
      return cancelling;
    },
  };
}
