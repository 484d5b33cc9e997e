/**
 * The credentials service other modules use: computes each agent's `AuthStatus` from the files on disk, tells
 * listeners about every status it computes, emits the `auth:status` event when a status changes (after the app's
 * own changes and when someone else edits the files: debounced `fs.watch` on the agent dirs, the state dir and the
 * config's dir), and keeps the set of secret values found in those files so logs can be redacted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorShape, AuthStatus } from '../../../shared/contract';
import { listAgents as listKnownAgents } from '../openclaw/agents';
import { computeAuthStatus } from './status';
import { authStorePaths, readAuthStore, type AuthSnapshot } from './profiles-file/store';
import type { TimerHandle } from '../clock';
import type { CoreContext } from '../context';
import { readEnvFile } from '../openclaw/env-file';
import { CoreError, toErrorShape } from '../errors';
import { readConfig, valueAt, type OpenClawConfig } from '../openclaw/config-file';
import { agentDir } from '../openclaw/paths';

/** What other modules may use. */
export interface AuthService {
  /** The status of one agent (default: the agent chosen in settings), computed fresh from disk. */
  getStatus(agentId?: string): Promise<AuthStatus>;
  /** Every agent the app manages: `main`, agent folders, and agents declared in config. */
  listAgents(): Promise<string[]>;
  /** Called with every status computed, for every agent; returns the unsubscribe function. */
  onStatus(listener: (status: AuthStatus) => void): () => void;
  /** Secret values currently in the credential files, `.env` and config (longest first), to redact from logs. */
  knownSecrets(): string[];
}

/** The service plus what the auth module drives. */
export interface AuthServiceControl extends AuthService {
  /** Recomputes the given agents (default: all) and emits `auth:status` for those that changed (all, with `force`). */
  refresh(agentIds?: (string | undefined)[], options?: { force?: boolean }): Promise<void>;
  /** The agent used when a request names none. */
  defaultAgent(): string;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

const DEBOUNCE_MS = 150;
const MIN_SECRET_LENGTH = 8;
const IGNORED = /(\.lock|\.tmp|\.bak|\.corrupt-[^/]*)$/;

function collect(out: Set<string>, value: unknown): void {
  if (typeof value !== 'string') return;
  const v = value.trim();
  if (v.length >= MIN_SECRET_LENGTH) out.add(v);
  const bearer = /^Bearer\s+(.+)$/i.exec(v);
  if (bearer?.[1] && bearer[1].length >= MIN_SECRET_LENGTH) out.add(bearer[1]);
}

function configSecrets(config: OpenClawConfig, out: Set<string>): void {
  collect(out, valueAt(config, ['gateway', 'auth', 'token']));
  collect(out, valueAt(config, ['gateway', 'auth', 'password']));
  const providers = valueAt(config, ['models', 'providers']);
  if (!providers || typeof providers !== 'object') return;
  for (const block of Object.values(providers)) {
    collect(out, valueAt(block, ['apiKey']));
    const headers = valueAt(block, ['headers']);
    if (headers && typeof headers === 'object') for (const v of Object.values(headers)) collect(out, v);
  }
}

/** Creates the service for one core. */
export function createAuthService(ctx: CoreContext): AuthServiceControl {
  const listeners = new Set<(s: AuthStatus) => void>();
  const lastEmitted = new Map<string, string>();
  const secretsByAgent = new Map<string, Set<string>>();
  let sharedSecrets = new Set<string>();
  const watchers = new Map<string, fs.FSWatcher>();
  let debounce: TimerHandle | undefined;
  let disposed = false;

  const defaultAgent = () => ctx.settings.get().agentId;

  async function readShared(): Promise<{ config: OpenClawConfig; env: Record<string, string>; problem?: AppErrorShape }> {
    const now = ctx.clock.now();
    let problem: AppErrorShape | undefined;
    const config = await readConfig(ctx.paths.configPath, { now }).then(
      (r) => r.config,
      (err) => ((problem = toErrorShape(err)), {}),
    );
    const env = await readEnvFile(ctx.paths.envPath).catch((err) => ((problem ??= toErrorShape(err)), {}));
    const secrets = new Set<string>();
    configSecrets(config, secrets);
    for (const v of Object.values(env)) collect(secrets, v);
    for (const [k, v] of Object.entries(ctx.env)) if (/KEY|TOKEN|SECRET|PASSWORD/i.test(k)) collect(secrets, v);
    sharedSecrets = secrets;
    return problem ? { config, env, problem } : { config, env };
  }

  async function compute(agentId: string, shared: Awaited<ReturnType<typeof readShared>>, agents: string[]): Promise<AuthStatus> {
    const dir = agentDir(ctx.paths, agentId);
    const { authPath, statePath } = authStorePaths(dir);
    let problem = shared.problem;
    let store: Pick<AuthSnapshot, 'profiles' | 'merged'> = { profiles: {}, merged: {} };
    try {
      const snap = await readAuthStore(dir, { now: ctx.clock.now() });
      store = snap;
      if (snap.stateProblem) problem ??= snap.stateProblem.toShape();
    } catch (err) {
      problem = toErrorShape(err);
    }
    const secrets = new Set<string>();
    for (const p of Object.values(store.profiles)) for (const v of [p.key, p.token, p.access, p.refresh]) collect(secrets, v);
    secretsByAgent.set(agentId, secrets);
    const nonEmptyEnv = Object.fromEntries(Object.entries(shared.env).filter(([, v]) => v.trim()));
    const status = computeAuthStatus({
      agentId,
      agents,
      profiles: store.profiles,
      state: store.merged,
      config: shared.config,
      env: { ...nonEmptyEnv, ...ctx.env },
      now: ctx.clock.now(),
      files: { authProfiles: authPath, authState: statePath, config: ctx.paths.configPath, env: ctx.paths.envPath },
      ...(problem ? { problem } : {}),
    });
    for (const l of [...listeners]) {
      try {
        l(status);
      } catch (err) {
        ctx.logger.error('auth status listener failed', err);
      }
    }
    return status;
  }

  async function syncWatchers(agents: string[]): Promise<void> {
    if (disposed) return;
    const wanted = new Set([ctx.paths.stateDir, path.dirname(ctx.paths.configPath), ctx.paths.agentsDir, ...agents.map((a) => agentDir(ctx.paths, a))]);
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) (w.close(), watchers.delete(dir));
    }
    for (const dir of wanted) {
      if (watchers.has(dir) || !fs.existsSync(dir)) continue;
      try {
        const w = fs.watch(dir, { persistent: false }, (_event, name) => {
          if (name && IGNORED.test(String(name))) return;
          schedule();
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch (err) {
        ctx.logger.warn(`cannot watch ${dir}: ${(err as Error).message}`);
      }
    }
  }

  function schedule(): void {
    if (disposed) return;
    if (debounce) ctx.clock.clearTimeout(debounce);
    debounce = ctx.clock.setTimeout(() => {
      debounce = undefined;
      refresh().catch((err) => ctx.logger.error('auth status refresh failed', err));
    }, DEBOUNCE_MS);
  }

  async function refresh(agentIds?: (string | undefined)[], options: { force?: boolean } = {}): Promise<void> {
    if (disposed) return;
    const shared = await readShared();
    const agents = await listKnownAgents(ctx.paths, shared.config);
    const targets = agentIds ? [...new Set(agentIds.map((a) => a ?? defaultAgent()))].filter((a) => agents.includes(a)) : agents;
    for (const agentId of targets) {
      const status = await compute(agentId, shared, agents);
      const { computedAt: _ignored, ...comparable } = status;
      const key = JSON.stringify(comparable);
      if (!options.force && lastEmitted.get(agentId) === key) continue;
      lastEmitted.set(agentId, key);
      ctx.events.emit('auth:status', status);
    }
    await syncWatchers(agents);
  }

  return {
    async getStatus(agentId) {
      const id = agentId ?? defaultAgent();
      const shared = await readShared();
      const agents = await listKnownAgents(ctx.paths, shared.config);
      if (!agents.includes(id)) {
        throw new CoreError('NOT_FOUND', `There is no agent "${id}". Known agents: ${agents.join(', ')}.`, { fields: { agentId: 'Unknown agent.' } });
      }
      return compute(id, shared, agents);
    },
    async listAgents() {
      const { config } = await readConfig(ctx.paths.configPath, { now: ctx.clock.now() }).catch(() => ({ config: {} }));
      return listKnownAgents(ctx.paths, config);
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    knownSecrets() {
      const all = new Set(sharedSecrets);
      for (const set of secretsByAgent.values()) for (const s of set) all.add(s);
      return [...all].sort((a, b) => b.length - a.length);
    },
    refresh,
    defaultAgent,
    async start() {
      await refresh();
    },
    async dispose() {
      disposed = true;
      if (debounce) ctx.clock.clearTimeout(debounce);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      listeners.clear();
    },
  };
}
