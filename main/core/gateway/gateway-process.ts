/**
 * One OpenClaw gateway child: how it is launched (`gateway run --port N --bind loopback` in its own process group,
 * with the supervised-child environment), how its output is read, how its whole tree is stopped (SIGTERM to the
 * group, a bounded grace, then SIGKILL; `taskkill /T /F` on Windows), and how it is left running at quit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Clock } from '../clock';
import { openclawChildEnv } from '../openclaw/child-env';
import { childEnv } from '../process/child-env';
import type { LaunchSpec } from '../openclaw/locate';
import { isOwnGroupAlive, isReaped, signalOwnGroup, taskkillTree, waitUntil } from '../process/process-tree';

/** A running (or exited) gateway child. */
export interface GatewayProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Resolves when stdout and stderr are fully read (or errored). */
  outputEnded: Promise<void>;
  done: boolean;
  /** The Node that runs the gateway when it was chosen (never the app's own executable); the Windows drain reuses it. */
  node?: string;
}

/** What launching needs. */
export interface LaunchOptions {
  launch: LaunchSpec;
  port: number;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  stateDir: string;
  configPath: string;
  onOutput: (stream: 'stdout' | 'stderr', chunk: string) => void;
  /** Extra variable names the child may get (test fakes only). */
  envPassthrough?: ((name: string) => boolean) | undefined;
}

/** The argv of `openclaw gateway run` for `port`. Pure. */
export function gatewayArgs(launch: LaunchSpec, port: number): string[] {
  return [...launch.prefixArgs, 'gateway', 'run', '--port', String(port), '--bind', 'loopback'];
}

/** Spawns the gateway; resolves to the process, or to an error message when it could not be started at all. */
export async function launchGateway(o: LaunchOptions): Promise<GatewayProcess | { error: string }> {
  let child: ChildProcess;
  try {
    child = spawn(o.launch.command, gatewayArgs(o.launch, o.port), {
      cwd: o.stateDir,
      env: openclawChildEnv({ ...o, passthrough: o.envPassthrough }) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: o.platform !== 'win32',
      windowsHide: true,
    });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (child.pid === undefined) return { error: await new Promise<string>((resolve) => child.once('error', (e) => resolve(e.message))) };
  child.on('error', () => undefined);
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.setEncoding('utf8');
    child[stream]?.on('data', (c: string) => o.onOutput(stream, c));
  }
  const ended = (stream: NodeJS.ReadableStream | null) =>
    new Promise<void>((resolve) => {
      if (!stream) return resolve();
      stream.once('end', resolve);
      stream.once('error', () => resolve());
    });
  const outputEnded = Promise.all([ended(child.stdout), ended(child.stderr)]).then(() => undefined);
  return {
    child,
    pid: child.pid,
    outputEnded,
    done: false,
    ...(o.launch.pathDir ? { node: o.launch.command } : {}),
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
}

/** Stops the whole tree: SIGTERM the group, wait up to `graceMs` for it all to end, then SIGKILL the group. */
export async function stopGateway(p: GatewayProcess, o: { platform: NodeJS.Platform; clock: Clock; graceMs: number; note: (line: string) => void }): Promise<void> {
  if (o.platform === 'win32') {
    await taskkillTree(p.pid);
    await p.exited;
    return;
  }
  const alive = () => isOwnGroupAlive(p.pid, isReaped(p.child));
  signalOwnGroup(p.pid, isReaped(p.child), 'SIGTERM');
  const started = o.clock.now();
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const exitedInTime = await Promise.race([p.exited.then(() => true), new Promise<boolean>((r) => (timer = o.clock.setTimeout(() => r(false), o.graceMs)))]);
  if (timer) o.clock.clearTimeout(timer);
  const left = Math.max(0, o.graceMs - (o.clock.now() - started));
  const groupGone = exitedInTime && (await waitUntil(o.clock, alive, left));
  if (!groupGone) {
    o.note(`OpenClaw did not stop within ${o.graceMs} ms; killing its process group.`);
    signalOwnGroup(p.pid, isReaped(p.child), 'SIGKILL');
  }
  await p.exited;
  await waitUntil(o.clock, alive, 5000);
}

/** Kills what is left of a group whose leader already exited (workers of a crashed gateway). */
export function killLeftovers(p: GatewayProcess, platform: NodeJS.Platform): void {
  if (platform !== 'win32' && isOwnGroupAlive(p.pid, isReaped(p.child))) signalOwnGroup(p.pid, isReaped(p.child), 'SIGKILL');
}

/**
 * The drain that keeps a kept-running gateway's pipes read: `cat` on POSIX, the gateway's own Node on Windows (never
 * the app's executable, whose run-as-Node fuse is off), or nothing when no Node is known. Pure.
 */
export function drainCommand(platform: NodeJS.Platform, node: string | undefined): { command: string; args: string[] } | null {
  if (platform !== 'win32') return { command: '/bin/sh', args: ['-c', 'cat <&3 >/dev/null & cat >/dev/null; wait'] };
  if (!node) return null;
  return { command: node, args: ['-e', "for(const fd of [0,3])require('fs').createReadStream(null,{fd}).on('error',()=>{}).resume()"] };
}

/**
 * Leaves the gateway running after the app quits. Its stdout/stderr are pipes to this process; once this process
 * exits, OpenClaw's next write would fail with EPIPE and kill it (seen with 2026.5.28). So the pipes are handed to a
 * tiny detached drain (`cat` on POSIX, Node elsewhere) that reads them until every writer is gone, then exits.
 */
export function detachGateway(p: GatewayProcess, platform: NodeJS.Platform): void {
  const [out, err] = [p.child.stdout, p.child.stderr];
  for (const stream of [out, err]) {
    stream?.removeAllListeners('data');
    stream?.pause();
  }
  const cmd = drainCommand(platform, p.node);
  if (out && err && cmd) {
    const drain = spawn(cmd.command, cmd.args, { stdio: [out, 'ignore', 'ignore', err], detached: true, windowsHide: true, env: childEnv('helper', process.env, { platform }) });
    drain.on('error', () => undefined);
    drain.unref();
  }
  for (const stream of [out, err]) stream?.destroy();
  p.child.unref();
}
