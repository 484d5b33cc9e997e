/**
 * The credentials service other modules use: computes each agent's `AuthStatus` from the backend's snapshot plus
 * `openclaw.json`, `.env` and the environment, tells listeners about every status it computes, emits the
 * `auth:status` event when a status changes (after the app's own changes and when someone else changes them:
 * the backend's watch, and a debounced `fs.watch` on the state dir and the config's dir), and keeps the set of
 * secret values seen so logs can be redacted.
 */
import path from 'node:path';
import type { AppErrorShape, AuthStatus, OpenClawInfo } from '../../../shared/contract';
import { listAgents as listKnownAgents } from '../openclaw/agents';
import { computeAuthStatus } from './status';
import type { CredentialBackend } from './backend';
import type { TimerHandle } from '../clock';
import type { CoreContext } from '../context';
import { readEnvFile } from '../openclaw/env-file';
import { CoreError, toErrorShape } from '../errors';
import { createDirWatcher } from '../fs/dir-watcher';
import { readConfig, type OpenClawConfig } from '../openclaw/config-file';
import { collectSecret, configSecrets, envSecrets, readSecretFiles } from '../secrets/known-secrets';

/** What a status was computed from, besides the credentials: for views built beside it (the models panel). */
export interface StatusInputs {
  config: OpenClawConfig;
  /** `$STATE/.env` as parsed (empty values dropped). */
  envFile: Record<string, string>;
}

/** What other modules may use. */
export interface AuthService {
  /** The status of one agent (default: the agent chosen in settings), computed fresh from disk. */
  getStatus(agentId?: string): Promise<AuthStatus>;
  /** Every agent the app manages: `main`, agent folders, and agents declared in config. */
  listAgents(): Promise<string[]>;
  /** Called with every status computed, for every agent, and what it was computed from; returns the unsubscribe function. */
  onStatus(listener: (status: AuthStatus, inputs: StatusInputs) => void): () => void;
  /** Like `getStatus`, with the config and `.env` the status was computed from. */
  getStatusWithInputs(agentId?: string): Promise<{ status: AuthStatus; inputs: StatusInputs }>;
  /**
   * Secret values the backend has seen, and those in `openclaw.json` (by key name, any depth, `tokenFile` contents),
   * `.env` and the environment (longest first), to redact from logs.
   */
  knownSecrets(): string[];
  /** The OpenClaw version and credential backend in use (once the install was looked for). */
  openclaw(): Promise<OpenClawInfo | undefined>;
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
/** Creates the service for one core over a credential backend (which the caller disposes). */
export function createAuthService(
  ctx: CoreContext,
  backend: CredentialBackend,
  openclaw: () => OpenClawInfo | undefined = () => undefined,
  /** Adds what the app knows beside the stores (the last test of each credential) to a computed status. */
  decorate: (status: AuthStatus) => void = () => undefined,
): AuthServiceControl {
  const listeners = new Set<(s: AuthStatus, inputs: StatusInputs) => void>();
  const lastEmitted = new Map<string, string>();
  let sharedSecrets = new Set<string>();
  const sharedWatcher = createDirWatcher(
    () => schedule(),
    (dir, err) => ctx.logger.warn(`cannot watch ${dir}: ${err.message}`),
  );
  let unwatchBackend: (() => void) | undefined;
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
    const found = configSecrets(config);
    sharedSecrets = new Set([...found.values, ...(await readSecretFiles(found.files, ctx.homeDir)), ...envSecrets(env, { all: true }), ...envSecrets(ctx.env)]);
    return problem ? { config, env, problem } : { config, env };
  }

  async function compute(agentId: string, shared: Awaited<ReturnType<typeof readShared>>, agents: string[]): Promise<AuthStatus> {
    return (await computeWithInputs(agentId, shared, agents)).status;
  }

  async function computeWithInputs(agentId: string, shared: Awaited<ReturnType<typeof readShared>>, agents: string[]): Promise<{ status: AuthStatus; inputs: StatusInputs }> {
    const snapshot = await backend.read(agentId);
    // An unreadable store is the first thing to fix; a broken runtime-state file comes after the shared files.
    const problem = snapshot.problem?.scope === 'credentials' ? snapshot.problem.error : (shared.problem ?? snapshot.problem?.error);
    const nonEmptyEnv = Object.fromEntries(Object.entries(shared.env).filter(([, v]) => v.trim()));
    const status = computeAuthStatus({
      agentId,
      agents,
      credentials: snapshot,
      config: shared.config,
      env: { ...nonEmptyEnv, ...ctx.env },
      now: ctx.clock.now(),
      files: { authProfiles: snapshot.location.credentials, authState: snapshot.location.state, config: ctx.paths.configPath, env: ctx.paths.envPath },
      ...(problem ? { problem } : {}),
    });
    const info = openclaw();
    if (info) status.openclaw = info;
    decorate(status);
    const inputs: StatusInputs = { config: shared.config, envFile: nonEmptyEnv };
    for (const l of [...listeners]) {
      try {
        l(status, inputs);
      } catch (err) {
        ctx.logger.error('auth status listener failed', err);
      }
    }
    return { status, inputs };
  }

  function syncWatchers(): void {
    if (disposed) return;
    sharedWatcher.sync([ctx.paths.stateDir, path.dirname(ctx.paths.configPath)]);
    unwatchBackend ??= backend.watch(schedule);
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
    syncWatchers();
  }

  async function getStatusWithInputs(agentId?: string): Promise<{ status: AuthStatus; inputs: StatusInputs }> {
    const id = agentId ?? defaultAgent();
    const shared = await readShared();
    const agents = await listKnownAgents(ctx.paths, shared.config);
    if (!agents.includes(id)) {
      throw new CoreError('NOT_FOUND', 'errors.agent.unknown', { params: { agent: id, known: agents.join(', ') }, fields: { agentId: { key: 'validation.unknownAgent' } } });
    }
    return computeWithInputs(id, shared, agents);
  }

  return {
    async getStatus(agentId) {
      return (await getStatusWithInputs(agentId)).status;
    },
    getStatusWithInputs,
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
    async openclaw() {
      await (backend as { ready?(): Promise<void> }).ready?.();
      return openclaw();
    },
    knownSecrets() {
      const all = new Set(sharedSecrets);
      for (const s of backend.knownSecrets()) collectSecret(all, s);
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
      sharedWatcher.close();
      unwatchBackend?.();
      listeners.clear();
    },
  };
}
