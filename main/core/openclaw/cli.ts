/**
 * Runs OpenClaw's own CLI (`node openclaw.mjs <args>` with the Node the installation found), the documented way to
 * change credentials and config on OpenClaw 2026.6+. Secrets go on stdin only, never on the command line (any
 * user can read a command line). Each run has its own process group, a deadline (the group is ended on timeout
 * and on `dispose()`), bounded stdout/stderr that are returned whole with the exit code, and the environment of
 * the managed gateway (state dir, config path, port), so a run talks to the app's gateway and no other. Writes are
 * one at a time per state dir (OpenClaw exits 78 when two writers race); reads run side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { systemClock, type Clock, type TimerHandle } from '../clock';
import { CoreError } from '../errors';
import { runExclusive } from '../fs/keyed-queue';
import { isOwnGroupAlive, isReaped, signalOwnGroup, taskkillTree, waitUntil } from '../process/process-tree';
import { LineSplitter } from '../secrets/line-splitter';
import { BoundedOutput } from '../process/bounded-output';
import { openclawChildEnv } from './child-env';
import type { OpenClawInstallation } from './installation';

/**
 * How a run ended. `code`/`signal` are the process's; `ended` says whether the app cut it short and why. `stdout` and
 * `stderr` are raw, for parsing: whatever of them is shown or logged goes through `ctx.secrets.redact` first.
 */
export interface CliResult {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when stdout went past the bound and only its first `maxOutputBytes` were kept. */
  stdoutTruncated: boolean;
  /** True when stderr went past the bound and only its last `maxOutputBytes` were kept (the error is at the end). */
  stderrTruncated: boolean;
  /** `exit`: it ended by itself; `timeout`: the deadline passed and its group was killed; `disposed`: the app quit. */
  ended: 'exit' | 'timeout' | 'disposed';
  durationMs: number;
}

/** Options of one run. */
export interface CliRunOptions {
  /** Written to the child's stdin, then stdin is closed: the only way a secret reaches OpenClaw. */
  stdin?: string;
  /** A write: waits for every earlier write on the same state dir to finish first. */
  write?: boolean;
  /** Deadline in ms (default `CliDeps.timeoutMs`). */
  timeoutMs?: number;
  /** Each complete output line as it arrives (progress, the log), redacted; never called with more than the kept output. */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** What the runner needs. */
export interface CliDeps {
  installation: Pick<OpenClawInstallation, 'launch'>;
  clock: Clock;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  stateDir: string;
  configPath: string;
  /** The managed gateway's port, read at each run. */
  port: () => number;
  /** Default deadline; the real 2026.9 CLI takes 10-15 s per write on a slow machine. */
  timeoutMs?: number;
  /** Bound of each of stdout and stderr, in bytes (default 1 MiB). */
  maxOutputBytes?: number;
  /** How long a group gets after SIGTERM before SIGKILL (timeout and dispose). */
  killGraceMs?: number;
  /** The known secrets: every line handed to `onLine` is redacted with them (and the shape rules) first. */
  secrets?: () => readonly string[];
  /** Extra variable names a run may get besides the allow-list (test fakes only). */
  envPassthrough?: (name: string) => boolean;
}

/** Runs OpenClaw's CLI; one per core. */
export interface OpenClawCli {
  /** Runs `openclaw <args>`; rejects only when OpenClaw cannot be launched at all (CoreError NOT_FOUND) or after dispose. */
  run(args: string[], options?: CliRunOptions): Promise<CliResult>;
  /** Ends every run in flight (its whole group) and refuses new ones; resolves when they are gone. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A run's deadline unless told otherwise: generous, since `doctor --fix` alone takes ~16 s on a slow machine. */
export const DEFAULT_CLI_TIMEOUT_MS = 120_000;
/** How much of each of stdout and stderr a run keeps. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
const DEFAULT_KILL_GRACE_MS = 2_000;
/** How long the pipes are read after the process exited, for output still in flight. */
const PIPE_RELEASE_MS = 2_000;

interface Live {
  child: ChildProcess;
  end: (why: 'timeout' | 'disposed') => Promise<void>;
  settled: Promise<unknown>;
}

/** Builds the CLI runner over the shared installation. */
export function createOpenClawCli(d: CliDeps): OpenClawCli {
  const live = new Set<Live>();
  let disposed: Promise<void> | undefined;
  const maxBytes = d.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const graceMs = d.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const secrets = () => d.secrets?.() ?? [];

  /** Ends the child's whole group: SIGTERM, a grace, then SIGKILL (taskkill on Windows). */
  async function killGroup(child: ChildProcess): Promise<void> {
    if (!child.pid) return;
    if (d.platform === 'win32') {
      if (!isReaped(child)) await taskkillTree(child.pid);
      return;
    }
    const pid = child.pid;
    const alive = () => isOwnGroupAlive(pid, isReaped(child));
    signalOwnGroup(pid, isReaped(child), 'SIGTERM');
    // The OS ends processes in real time, whatever clock the app runs on (a test's may stand still).
    if (!(await waitUntil(systemClock, alive, graceMs))) signalOwnGroup(pid, isReaped(child), 'SIGKILL');
    await waitUntil(systemClock, alive, 5_000);
  }

  async function runOnce(args: string[], o: CliRunOptions): Promise<CliResult> {
    if (disposed) throw new CoreError('INTERNAL', 'errors.cli.quitting');
    const found = await d.installation.launch();
    if ('problem' in found) {
      const key = found.problem.reason === 'node-missing' ? 'errors.cli.nodeMissing' : 'errors.cli.notInstalled';
      throw new CoreError('NOT_FOUND', key, { details: { reason: found.problem.reason }, cause: new Error(found.problem.message) });
    }
    if (disposed) throw new CoreError('INTERNAL', 'errors.cli.quitting');
    const { launch } = found;
    const started = d.clock.now();
    const env = openclawChildEnv({ env: d.env, platform: d.platform, stateDir: d.stateDir, configPath: d.configPath, launch, port: d.port(), passthrough: d.envPassthrough });
    let child: ChildProcess;
    try {
      child = spawn(launch.command, [...launch.prefixArgs, ...args], {
        cwd: d.stateDir,
        env: env as NodeJS.ProcessEnv,
        stdio: [o.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        detached: d.platform !== 'win32',
        windowsHide: true,
      });
    } catch (err) {
      throw new CoreError('INTERNAL', 'errors.cli.spawnFailed', { details: { said: err instanceof Error ? err.message : String(err) }, cause: err });
    }
    const out = new BoundedOutput(maxBytes, 'head');
    const errText = new BoundedOutput(maxBytes, 'tail');
    const splitters = {
      stdout: new LineSplitter((line) => o.onLine?.('stdout', line), { secrets }),
      stderr: new LineSplitter((line) => o.onLine?.('stderr', line), { secrets }),
    };
    for (const [name, buffer] of [['stdout', out], ['stderr', errText]] as const) {
      child[name]?.on('data', (chunk: Buffer) => {
        buffer.push(chunk);
        if (o.onLine) splitters[name].push(chunk.toString('utf8'));
      });
      child[name]?.on('error', () => undefined);
    }
    if (o.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(o.stdin);
    }
    let ended: CliResult['ended'] = 'exit';
    let ending: Promise<void> | undefined;
    const end = (why: 'timeout' | 'disposed') => {
      if (ended === 'exit') ended = why;
      return (ending ??= killGroup(child));
    };
    const timer: TimerHandle = d.clock.setTimeout(() => void end('timeout'), o.timeoutMs ?? d.timeoutMs ?? DEFAULT_CLI_TIMEOUT_MS);
    // A process that left the group (setsid) may still hold the pipes after OpenClaw exited: stop reading them then.
    child.once('exit', () => {
      const release = d.clock.setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, PIPE_RELEASE_MS);
      child.once('close', () => d.clock.clearTimeout(release));
    });
    const settled = new Promise<CliResult>((resolve, reject) => {
      child.once('error', (err) => {
        d.clock.clearTimeout(timer);
        if (child.pid === undefined) reject(new CoreError('INTERNAL', 'errors.cli.spawnFailed', { details: { said: err.message }, cause: err }));
      });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        d.clock.clearTimeout(timer);
        for (const s of Object.values(splitters)) s.flush();
        const kept = { stdout: out.text(), stderr: errText.text() };
        resolve({ args, code, signal, ...kept, stdoutTruncated: out.truncated, stderrTruncated: errText.truncated, ended, durationMs: d.clock.now() - started });
      });
    });
    const entry: Live = { child, end, settled: settled.catch(() => undefined) };
    live.add(entry);
    try {
      const result = await settled;
      if (ending) await ending;
      return result;
    } finally {
      live.delete(entry);
    }
  }

  return {
    run(args, options = {}) {
      return options.write ? runExclusive(`openclaw-cli-write:${d.stateDir}`, () => runOnce(args, options)) : runOnce(args, options);
    },
    dispose() {
      disposed ??= (async () => {
        await Promise.all([...live].map(async (l) => {
          await l.end('disposed');
          await l.settled;
        }));
      })();
      return disposed;
    },
  };
}
