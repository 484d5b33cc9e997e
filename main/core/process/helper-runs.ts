/**
 * The short helper processes the app runs while looking for OpenClaw (the login shell's PATH, `node --version`).
 * Each runs in its own process group under a deadline on the app clock, and every one still running is killed,
 * group and all, when the app quits, so a hung rc file or a slow program never outlives the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { systemClock, type Clock } from '../clock';
import { isReaped, signalOwnGroup, taskkillTree } from './process-tree';
import { childEnv } from './child-env';

/** How a helper ended: its exit code and what it printed on stdout (capped). */
export interface HelperResult {
  code: number | null;
  stdout: string;
}

const MAX_STDOUT = 256 * 1024;

/** Runs helpers and remembers the live ones (with how to settle each) so `killAll()` can end them at quit. */
export class HelperRuns {
  private readonly live = new Map<ChildProcess, () => void>();
  private closed = false;

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Runs `command args`; undefined when it could not start, timed out or was killed at quit. */
  run(command: string, args: string[], o: { env: Record<string, string | undefined>; timeoutMs: number }): Promise<HelperResult | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let child: ChildProcess;
      try {
        child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], detached: this.platform !== 'win32', windowsHide: true, env: childEnv('helper', o.env, { platform: this.platform }) });
      } catch {
        resolve(undefined);
        return;
      }
      let out = '';
      let done = false;
      const finish = (r: HelperResult | undefined) => {
        if (done) return;
        done = true;
        this.clock.clearTimeout(timer);
        this.live.delete(child);
        resolve(r);
      };
      const timer = this.clock.setTimeout(() => {
        this.kill(child);
        finish(undefined);
      }, o.timeoutMs);
      this.live.set(child, () => finish(undefined));
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (d: string) => {
        if (out.length < MAX_STDOUT) out += d;
      });
      child.once('error', () => finish(undefined));
      child.once('close', (code: number | null) => finish({ code, stdout: out }));
    });
  }

  /** Kills every helper still running and refuses new ones (at quit). */
  killAll(): void {
    this.closed = true;
    for (const [child, settle] of [...this.live]) {
      this.kill(child);
      settle();
    }
  }

  private kill(child: ChildProcess): void {
    child.stdout?.destroy();
    if (!child.pid) return;
    if (this.platform !== 'win32') signalOwnGroup(child.pid, isReaped(child), 'SIGKILL');
    else if (!isReaped(child)) void taskkillTree(child.pid);
  }
}
