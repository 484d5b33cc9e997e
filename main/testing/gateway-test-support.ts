/**
 * Helpers for gateway tests: the fake gateway and fake `openclaw` install, free ports, a supervisor wired to temp
 * dirs, event recording, waiting for a status, a time-scaled clock, and process-tree checks by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { GatewayState, LogLine } from '../../shared/contract';
import { systemClock, type Clock } from '../core/clock';
import { makeTempDir, testFakeVariable } from './test-support';
import type { HealthCadence, ProbeBackoff } from '../core/gateway/backoff';
import { ensureGatewayConfig } from '../core/gateway/gateway-config';
import { createHealthClient, type HealthClient } from '../core/gateway/health';
import type { Located } from '../core/openclaw/locate';
import { createOpenClawInstallation } from '../core/openclaw/installation';
import { descendants } from '../core/process/process-tree';
import { isPidAlive } from '../core/process/pid';
import { GatewaySupervisor } from '../core/gateway/supervisor';
import { ownerRecordPath } from '../core/gateway/owner-record';
import type { ProcessIdentity } from '../core/process/process-identity';

const repo = path.resolve(__dirname, '..', '..');
/** The fake gateway script. */
export const FAKE_GATEWAY = path.join(repo, 'main', 'testing', 'fixtures', 'fake-gateway.mjs');
/** The fake install's entry (`openclaw.mjs`), usable as settings `openclawPath`. */
export const FAKE_OPENCLAW = path.join(repo, 'main', 'testing', 'fixtures', 'fake-openclaw', 'openclaw.mjs');

/** A port nothing listens on right now (the OS picks it, so parallel tests do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs `clock` k times faster than real time, so backoffs of seconds take milliseconds. */
export function scaledClock(k: number): Clock {
  const origin = Date.now();
  return {
    now: () => Math.round(origin + (Date.now() - origin) * k),
    setTimeout: (fn, ms) => systemClock.setTimeout(fn, ms / k),
    clearTimeout: (h) => systemClock.clearTimeout(h),
  };
}

/** Options of a test supervisor. */
export interface TestGatewayOptions {
  env?: Record<string, string | undefined>;
  openclawPath?: string;
  stopGraceMs?: number;
  clock?: Clock;
  cadence?: HealthCadence;
  probe?: ProbeBackoff;
  secrets?: () => string[];
  locate?: () => Promise<Located>;
  port?: number;
  config?: unknown;
  /** Share state and data dirs with an earlier test gateway (a second run of the app). */
  dirs?: { root: string };
  identify?: (pid: number) => Promise<ProcessIdentity | undefined>;
  followMs?: number;
}

/** A supervisor over temp dirs running the fake install, plus what it emitted. */
export interface TestGateway {
  sup: GatewaySupervisor;
  port: number;
  stateDir: string;
  dataDir: string;
  root: string;
  configPath: string;
  states: GatewayState[];
  logs: LogLine[];
  health: HealthClient;
  /** Statuses emitted, repeats collapsed (a state can change without its status changing). */
  statuses(): string[];
  waitFor(status: GatewayState['status'], timeoutMs?: number, pred?: (s: GatewayState) => boolean): Promise<GatewayState>;
  cleanup(): Promise<void>;
}

/** Builds a test supervisor; `cleanup()` disposes it (stopping the child) and removes the temp dirs. */
export async function makeTestGateway(o: TestGatewayOptions = {}): Promise<TestGateway> {
  const tmp = o.dirs ? { dir: o.dirs.root, cleanup: () => fs.rmSync(o.dirs!.root, { recursive: true, force: true }) } : makeTempDir('clawtray-gw-');
  const stateDir = path.join(tmp.dir, 'state');
  const dataDir = path.join(tmp.dir, 'data');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const configPath = path.join(stateDir, 'openclaw.json');
  if (o.config !== undefined && !o.dirs) fs.writeFileSync(configPath, JSON.stringify(o.config), { mode: 0o600 });
  const port = o.port ?? (await freePort());
  const clock = o.clock ?? systemClock;
  const env = { PATH: process.env.PATH, HOME: tmp.dir, ...o.env };
  const states: GatewayState[] = [];
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  const health = createHealthClient();
  const installation = createOpenClawInstallation({
    settingsPath: () => o.openclawPath ?? FAKE_OPENCLAW,
    env,
    homeDir: tmp.dir,
    platform: process.platform,
    dataDir,
    clock,
    loginShellPath: async () => undefined,
    selfNode: process.execPath,
  });
  const sup = new GatewaySupervisor({
    clock,
    platform: process.platform,
    env,
    envPassthrough: testFakeVariable,
    stateDir,
    configPath,
    options: () => ({ port, stopGraceMs: o.stopGraceMs ?? 2000 }),
    locate: o.locate ?? (() => installation.get()),
    ensureConfig: () => ensureGatewayConfig(configPath, clock.now()),
    health,
    emitState: (s) => {
      states.push(s);
      for (const w of [...waiters]) w();
    },
    emitLog: (lines) => logs.push(...lines),
    ...(o.secrets ? { secrets: o.secrets } : {}),
    ...(o.cadence ? { cadence: o.cadence } : {}),
    ...(o.probe ? { probe: o.probe } : {}),
    ownerRecord: ownerRecordPath(dataDir),
    ...(o.identify ? { identify: o.identify } : {}),
    ...(o.followMs ? { followMs: o.followMs } : {}),
  });
  return {
    sup,
    port,
    stateDir,
    dataDir,
    root: tmp.dir,
    configPath,
    states,
    logs,
    health,
    statuses: () => states.map((s) => s.status).filter((s, i, all) => i === 0 || all[i - 1] !== s),
    waitFor(status, timeoutMs = 10_000, pred = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const s = sup.state();
          if (s.status === status && pred(s)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(s);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for "${status}"; saw ${states.map((s) => s.status).join(' -> ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async cleanup() {
      await sup.dispose(false);
      installation.dispose();
      await health.close();
      tmp.cleanup();
    },
  };
}

/** The pid and every live descendant. */
export function treeOf(pid: number): number[] {
  return [pid, ...descendants(pid)];
}

/** The pids of `pids` still alive. */
export function alive(pids: number[]): number[] {
  return pids.filter((p) => isPidAlive(p));
}

/** Starts the fake gateway directly (not supervised), e.g. to hold a port or be an external gateway. */
export async function startLoneFake(port: number, mode: string, stateDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [FAKE_GATEWAY, 'gateway', 'run', '--port', String(port), '--bind', 'loopback', '--mode', mode], {
    env: { ...process.env, OPENCLAW_STATE_DIR: stateDir, FAKE_GATEWAY_SKIP_CONFIG: '1', FAKE_GATEWAY_MODE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      if (/holding port|live at/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fake gateway exited early (${code}): ${out}`)));
  });
  return child;
}

/** Kills a lone fake and waits for it. */
export async function killLone(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
