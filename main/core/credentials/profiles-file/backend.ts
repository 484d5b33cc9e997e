/**
 * The credential backend for OpenClaw <= 2026.5: each agent's `auth-profiles.json` and `auth-state.json`, read and
 * written by `store.ts` under OpenClaw's own lock, and `openclaw.json` written by `openclaw/config-file.ts`. Agents
 * own separate, complete stores, so every capability flag is false and a copy is a copy of the stored object.
 */
import type { Logger } from '../../context';
import { toErrorShape } from '../../errors';
import { createDirWatcher, type DirWatcher } from '../../fs/dir-watcher';
import type { LockOptions } from '../../fs/file-lock';
import { requireKnownAgent } from '../../openclaw/agents';
import { readConfig, updateConfig } from '../../openclaw/config-file';
import { agentDir, type OpenClawPaths } from '../../openclaw/paths';
import type { BackendCapabilities, CredentialBackend, CredentialInput, CredentialSnapshot } from '../backend';
import { oauthNotCopied, unknownProfile } from '../credential-errors';
import { inlineSecret, secretsOf, snapshotOfStore } from './records';
import { ownValue } from '../../../../shared/own-keys';
import { authStorePaths, readAuthStore, removeProfile, setOrder, StoredProfile, updateAuthStore, upsertProfile } from './store';

/** What the backend needs: where the files are, the time, lock tuning (tests shorten it) and a logger. */
export interface ProfilesFileDeps {
  paths: OpenClawPaths;
  now(): number;
  lock?: LockOptions;
  logger?: Logger;
}

const CAPABILITIES: BackendCapabilities = Object.freeze({
  inheritsSharedCredentials: false,
  copyIsRepaste: false,
  removeFromInheritingAgentRemovesForAll: false,
  slowWrites: false,
});

function storedCredential(input: CredentialInput): Record<string, unknown> {
  if (input.type === 'api_key') {
    return { type: 'api_key', provider: input.provider, key: input.key, ...(input.metadata ? { metadata: { ...input.metadata } } : {}) };
  }
  return { type: 'token', provider: input.provider, token: input.token, ...(input.expires !== undefined ? { expires: input.expires } : {}) };
}

/** Keeps the email and display name OpenClaw recorded for a profile that is being replaced. */
function carryIdentity(existing: unknown, next: Record<string, unknown>): Record<string, unknown> {
  const parsed = StoredProfile.safeParse(existing);
  if (parsed.success && parsed.data.email) next.email = parsed.data.email;
  if (parsed.success && parsed.data.displayName) next.displayName = parsed.data.displayName;
  return next;
}

/** Creates the backend over one OpenClaw state dir. */
export function createProfilesFileBackend(deps: ProfilesFileDeps): CredentialBackend {
  const secretsByAgent = new Map<string, string[]>();
  /** Secrets saved through this backend, kept even once removed: a log line may still quote one. */
  const given = new Set<string>();
  const listeners = new Set<() => void>();
  // The state dir too: the agents folder may not exist yet, and is created inside it.
  const watchedDirs = new Set<string>([deps.paths.stateDir, deps.paths.agentsDir]);
  let watcher: DirWatcher | undefined;
  const storeOptions = () => ({ now: deps.now(), ...(deps.lock ? { lock: deps.lock } : {}) });

  const where = (agentId: string) => {
    const dir = agentDir(deps.paths, agentId);
    const { authPath, statePath } = authStorePaths(dir);
    return { dir, location: { credentials: authPath, state: statePath } };
  };

  function noteRead(dir: string, agentId: string, profiles: Record<string, unknown>): void {
    secretsByAgent.set(agentId, secretsOf(profiles));
    watchedDirs.add(dir);
    watcher?.sync(watchedDirs);
  }

  /** The snapshot, or the store's error (`CORRUPT_FILE`, ...) when `auth-profiles.json` cannot be read. */
  async function load(agentId: string): Promise<CredentialSnapshot> {
    const { dir, location } = where(agentId);
    try {
      const store = await readAuthStore(dir, { now: deps.now() });
      noteRead(dir, agentId, store.file.profiles);
      const snapshot = snapshotOfStore(agentId, { profiles: store.file.profiles, state: store.merged }, location);
      return store.stateProblem ? { ...snapshot, problem: { scope: 'state', error: store.stateProblem.toShape() } } : snapshot;
    } catch (err) {
      noteRead(dir, agentId, {});
      throw err;
    }
  }

  async function read(agentId: string): Promise<CredentialSnapshot> {
    return load(agentId).catch((err) => ({
      agentId,
      profiles: [],
      order: {},
      location: where(agentId).location,
      problem: { scope: 'credentials' as const, error: toErrorShape(err) },
    }));
  }


  return {
    kind: 'profiles-file',
    capabilities: CAPABILITIES,
    read,
    async check(agentId, options = {}) {
      const { config } = await readConfig(deps.paths.configPath, { now: deps.now() });
      await requireKnownAgent(deps.paths, config, agentId, options.field);
      return load(agentId);
    },
    async upsert(agentId, credential) {
      const { dir, location } = where(agentId);
      given.add(credential.type === 'api_key' ? credential.key : credential.token);
      await updateAuthStore(
        dir,
        (draft) => upsertProfile(draft, credential.profileId, carryIdentity(draft.file.profiles[credential.profileId], storedCredential(credential))),
        storeOptions(),
      );
      return { profileId: credential.profileId, files: [location.credentials] };
    },
    async remove(agentId, profileId) {
      const { dir } = where(agentId);
      const store = await readAuthStore(dir, { now: deps.now() });
      if (!Object.prototype.hasOwnProperty.call(store.file.profiles, profileId)) return { removed: false, files: [] };
      const { result, written } = await updateAuthStore(dir, (draft) => removeProfile(draft, profileId), storeOptions());
      return { removed: result, files: written };
    },
    async setOrder(agentId, provider, profileIds) {
      const { written } = await updateAuthStore(where(agentId).dir, (draft) => setOrder(draft, provider, profileIds), storeOptions());
      return { files: written };
    },
    async copy(profileId, fromAgentId, toAgentId) {
      const from = await readAuthStore(where(fromAgentId).dir, { now: deps.now() });
      const credential = from.file.profiles[profileId];
      const parsed = StoredProfile.safeParse(credential);
      if (!parsed.success) throw unknownProfile(fromAgentId, profileId);
      if (parsed.data.type === 'oauth') throw oauthNotCopied();
      const to = where(toAgentId);
      await updateAuthStore(to.dir, (draft) => upsertProfile(draft, profileId, structuredClone(credential) as Record<string, unknown>), storeOptions());
      return { profileId, files: [to.location.credentials] };
    },
    async applyConfig(edit) {
      await updateConfig(deps.paths.configPath, edit, { now: deps.now() });
      return { files: [deps.paths.configPath] };
    },
    watch(onChange) {
      listeners.add(onChange);
      watcher ??= createDirWatcher(
        () => {
          watcher?.sync(watchedDirs);
          for (const l of [...listeners]) l();
        },
        (dir, err) => deps.logger?.warn(`cannot watch ${dir}: ${err.message}`),
      );
      watcher.sync(watchedDirs);
      return () => {
        listeners.delete(onChange);
        if (listeners.size || !watcher) return;
        watcher.close();
        watcher = undefined;
      };
    },
    copiedFiles(agentId) {
      const { authPath, statePath } = authStorePaths(where(agentId).dir);
      return [authPath, statePath];
    },
    async secretOf(agentId, profileId) {
      const store = await readAuthStore(where(agentId).dir, { now: deps.now() });
      const profile = ownValue(store.profiles, profileId);
      const value = profile ? inlineSecret(profile) : undefined;
      return value ? { value } : {};
    },
    knownSecrets() {
      return [...new Set([...given, ...[...secretsByAgent.values()].flat()])];
    },
    async dispose() {
      listeners.clear();
      watcher?.close();
      watcher = undefined;
    },
  };
}

