/**
 * The gateway state machine as a pure function: (machine, event) -> machine. The supervisor performs the I/O
 * (spawn, probes, signals) and feeds what happened here; everything about which state follows which, how crashes
 * are counted and when restarts are due is decided in this file and tested without processes or timers.
 */
import type { GatewayState, MessageParams } from '../../../shared/contract';
import { englishText } from '../../../shared/app-error';
import type { GatewayDetailKey } from '../../../shared/message-keys';
import { CRASH_WINDOW_MS, isCrashLoop, recordCrash, restartDelayMs } from './backoff';
import type { ConfigReport } from './config-report';

/** The exit code OpenClaw uses for configuration-class failures: never restarted. */
export const EXIT_CONFIG = 78;

/** The state shown to the renderer plus the bookkeeping transitions need. */
export interface Machine {
  state: GatewayState;
  /** Crash times inside the crash window. */
  crashTimes: number[];
  /** Crashes since the last user start (or since a run that outlived the crash window). */
  consecutiveCrashes: number;
}

type Installation = NonNullable<GatewayState['installation']>;
type PortHolder = NonNullable<GatewayState['portHolder']>;

/** Everything that can happen to a gateway, as the supervisor reports it. */
export type MachineEvent =
  | { type: 'located'; installation: Installation; version?: string | undefined }
  | { type: 'not-installed'; installation: Installation }
  | { type: 'node-missing'; installation: Installation; nodeRange?: string | undefined }
  | { type: 'user-start' }
  | { type: 'port'; port: number }
  | { type: 'log-file'; logFile: string | undefined }
  | { type: 'external'; version?: string | undefined }
  | { type: 'external-gone' }
  | { type: 'port-in-use'; holder?: PortHolder | undefined; suggestedPort?: number | undefined }
  /** `prepare`: the config could not be made ready (`said`: why); otherwise OpenClaw could not be run. */
  | { type: 'spawn-error'; said: string; prepare?: string | undefined }
  /** The config could not be read before a start (the app's own check), reported like OpenClaw's refusal. */
  | { type: 'config-invalid'; report: ConfigReport }
  | { type: 'spawned'; pid: number; at: number }
  | { type: 'adopted'; pid: number; at: number }
  | { type: 'live' }
  | { type: 'ready' }
  | { type: 'unready' }
  | { type: 'stopping' }
  /** `config`: the run's output held OpenClaw's "Invalid config" report (whatever the exit code). */
  | { type: 'exited'; code: number | null; signal: string | null; at: number; lastStderr: string[]; config?: ConfigReport | undefined }
  | { type: 'stopped' };

/** A fresh machine: `stopped` on `port`, nothing known yet. */
export function initialMachine(port: number): Machine {
  return { state: { status: 'stopped', port, owned: false }, crashTimes: [], consecutiveCrashes: 0 };
}

/** Keeps what describes the setup (port, installation, log file) and drops what described the previous status. */
function carry(s: GatewayState): GatewayState {
  const next: GatewayState = { status: s.status, port: s.port, owned: false };
  if (s.installation) next.installation = s.installation;
  if (s.logFile) next.logFile = s.logFile;
  if (s.version) next.version = s.version;
  return next;
}

/** A state's words: the key and parameters the window translates, and the same in English for logs. */
export function say(key: GatewayDetailKey, params?: MessageParams): Pick<GatewayState, 'message' | 'detail'> {
  return { message: englishText(key, params), detail: params ? { key, params } : { key } };
}

function describeHolder(port: number, holder: PortHolder | undefined): Pick<GatewayState, 'message' | 'detail'> {
  const who = holder?.command ? `${holder.command}${holder.pid ? ` (pid ${holder.pid})` : ''}` : holder?.pid ? `pid ${holder.pid}` : undefined;
  return who ? say('gateway.detail.portHeldBy', { port, who }) : say('gateway.detail.portHeld', { port });
}

function describeExit(code: number | null, signal: string | null, crashKey: 'crashed' | 'crashLoop', params: MessageParams): Pick<GatewayState, 'message' | 'detail'> {
  return signal ? say(`gateway.detail.${crashKey}Signal`, { ...params, signal }) : say(`gateway.detail.${crashKey}Code`, { ...params, code: code ?? '?' });
}

const ALIVE = new Set(['starting', 'running', 'ready']);

/** True while a child the app started is (or should be) alive. */
export function hasChild(m: Machine): boolean {
  return m.state.owned && (ALIVE.has(m.state.status) || m.state.status === 'stopping');
}

/** Applies one event. Events that make no sense in the current state leave the machine unchanged. */
export function transition(m: Machine, e: MachineEvent): Machine {
  const s = m.state;
  switch (e.type) {
    case 'located': {
      const state: GatewayState = { ...s, installation: e.installation };
      if (e.version) state.version = e.version;
      if (s.status === 'not-installed' || (s.status === 'failed' && (s.reason === 'not-installed' || s.reason === 'node-missing'))) {
        return { ...m, state: { ...carry(state), status: 'stopped' } };
      }
      return { ...m, state };
    }
    case 'not-installed': {
      if (hasChild(m)) return m;
      const state = carry({ ...s, installation: e.installation });
      delete state.version;
      return { ...m, state: { ...state, status: 'not-installed', reason: 'not-installed', ...say('gateway.detail.notInstalled') } };
    }
    case 'node-missing':
      if (hasChild(m)) return m;
      return {
        ...m,
        state: {
          ...carry({ ...s, installation: e.installation }),
          status: 'failed',
          reason: 'node-missing',
          ...say('gateway.detail.nodeMissing', { version: e.installation.version ?? '', range: e.nodeRange ?? '' }),
        },
      };
    case 'user-start':
      return { ...m, crashTimes: [], consecutiveCrashes: 0 };
    case 'port':
      // A failure about the old port says nothing about the new one: it goes, so no stale "port N is held" stays.
      if (e.port !== s.port && s.status === 'failed' && s.reason === 'port-in-use') return { ...m, state: { ...carry({ ...s, port: e.port }), status: 'stopped' } };
      return { ...m, state: { ...s, port: e.port } };
    case 'log-file': {
      const state = { ...s };
      if (e.logFile) state.logFile = e.logFile;
      else delete state.logFile;
      return { ...m, state };
    }
    case 'external': {
      if (hasChild(m)) return m;
      const state: GatewayState = { ...carry(s), status: 'external', owned: false, owner: 'other', ...say('gateway.detail.external', { port: s.port }) };
      if (e.version) state.version = e.version;
      return { ...m, state };
    }
    case 'external-gone':
      if (s.status !== 'external') return m;
      return { ...m, state: { ...carry(s), status: 'stopped' } };
    case 'port-in-use':
      if (hasChild(m)) return m;
      return {
        ...m,
        state: {
          ...carry(s),
          status: 'failed',
          reason: 'port-in-use',
          ...describeHolder(s.port, e.holder),
          ...(e.holder ? { portHolder: e.holder } : {}),
          ...(e.suggestedPort ? { suggestedPort: e.suggestedPort } : {}),
        },
      };
    case 'spawn-error':
      return {
        ...m,
        state: { ...carry(s), status: 'failed', reason: 'spawn-error', ...(e.prepare ? say('gateway.detail.prepareFailed', { path: e.prepare, said: e.said }) : say('gateway.detail.spawnFailed', { said: e.said })) },
      };
    case 'config-invalid':
      if (hasChild(m)) return m;
      return { ...m, state: configFailure(carry(s), e.report, []) };
    case 'spawned': {
      const state: GatewayState = { ...carry(s), status: 'starting', owned: true, owner: 'app', pid: e.pid, startedAt: e.at };
      if (m.consecutiveCrashes) state.crashCount = m.consecutiveCrashes;
      return { ...m, state };
    }
    case 'adopted':
      if (hasChild(m)) return m;
      return { crashTimes: [], consecutiveCrashes: 0, state: { ...carry(s), status: 'running', owned: true, owner: 'app-earlier', pid: e.pid, startedAt: e.at } };
    case 'live':
      if (s.status !== 'starting' || !s.owned) return m;
      return { ...m, state: { ...s, status: 'running', degraded: false } };
    case 'ready':
      if (!s.owned || (s.status !== 'starting' && s.status !== 'running')) return m;
      return { ...m, state: { ...s, status: 'ready', degraded: false } };
    case 'unready':
      if (!s.owned || s.status !== 'ready') return m;
      return { ...m, state: { ...s, status: 'running', degraded: true } };
    case 'stopping':
      if (!hasChild(m)) return m;
      return { ...m, state: { ...s, status: 'stopping' } };
    case 'exited':
      return exited(m, e);
    case 'stopped':
      if (s.status === 'external' || s.status === 'not-installed') return m;
      return { ...m, state: { ...carry(s), status: 'stopped' } };
  }
}

/** A gateway refused its configuration: no restart; the keys OpenClaw named, when its report was recognised. */
function configFailure(base: GatewayState, report: ConfigReport | undefined, lastStderr: string[]): GatewayState {
  const state: GatewayState = {
    ...base,
    status: 'failed',
    reason: 'config',
    ...say('gateway.detail.config'),
    lastStderr,
  };
  if (report?.issues.length) state.configIssues = report.issues;
  if (report?.file) state.configFile = report.file;
  return state;
}

function exited(m: Machine, e: Extract<MachineEvent, { type: 'exited' }>): Machine {
  const s = m.state;
  if (!hasChild(m)) return m;
  const base = carry(s);
  if (s.status === 'stopping') return { ...m, state: { ...base, status: 'stopped' } };
  if (e.code === EXIT_CONFIG || e.config) return { ...m, state: configFailure(base, e.config, e.lastStderr) };
  const ranFor = s.startedAt === undefined ? 0 : e.at - s.startedAt;
  const consecutiveCrashes = (ranFor >= CRASH_WINDOW_MS ? 0 : m.consecutiveCrashes) + 1;
  const crashTimes = recordCrash(m.crashTimes, e.at);
  const lastStderr = e.lastStderr.length ? { lastStderr: e.lastStderr } : {};
  if (isCrashLoop(crashTimes)) {
    return {
      crashTimes,
      consecutiveCrashes,
      state: {
        ...base,
        status: 'failed',
        reason: 'crash-loop',
        crashCount: crashTimes.length,
        ...describeExit(e.code, e.signal, 'crashLoop', { count: crashTimes.length }),
        ...lastStderr,
      },
    };
  }
  const delay = restartDelayMs(consecutiveCrashes);
  return {
    crashTimes,
    consecutiveCrashes,
    state: {
      ...base,
      status: 'crashed',
      crashCount: consecutiveCrashes,
      restartAt: e.at + delay,
      ...describeExit(e.code, e.signal, 'crashed', { seconds: Math.round(delay / 1000) }),
      ...lastStderr,
    },
  };
}
