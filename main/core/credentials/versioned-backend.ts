/**
 * The credential backend that follows the OpenClaw install: it asks the shared installation for the version (from
 * its package.json), delegates to the backend that version needs (`choose-backend.ts`), and swaps it when the
 * install changes (a new path in Settings, "Install for me", an update). With no OpenClaw found, reads still show
 * what the files hold, but every write is refused before anything is written: the user is told to install
 * OpenClaw first (`errors.openclaw.missing`, which the window answers with its Install button).
 */
import type { OpenClawInfo } from '../../../shared/contract';
import { CoreError } from '../errors';
import type { Logger } from '../context';
import type { OpenClawInstallation } from '../openclaw/installation';
import type { Located } from '../openclaw/locate';
import type { CredentialBackend, CredentialBackendKind } from './backend';
import { credentialBackendKind } from './choose-backend';

/** What the versioned backend needs: the install to follow and a way to build each kind. */
export interface VersionedBackendDeps {
  installation: Pick<OpenClawInstallation, 'get' | 'onChange'>;
  make(kind: CredentialBackendKind): CredentialBackend;
  logger?: Logger | undefined;
}

/** The backend plus what the app reports about the install it serves. */
export interface VersionedBackend extends CredentialBackend {
  /** The OpenClaw version and backend in use now (version null: not installed). */
  info(): OpenClawInfo;
  /** Resolves once the first search for OpenClaw ended and the matching backend is in place. */
  ready(): Promise<void>;
}

interface Current {
  kind: CredentialBackendKind;
  version: string | null;
  backend: CredentialBackend;
  unwatch?: (() => void) | undefined;
}

/** Builds the versioned backend; the kind starts as `profiles-file` until the install is known. */
export function createVersionedBackend(deps: VersionedBackendDeps): VersionedBackend {
  const listeners = new Set<() => void>();
  const secrets = new Set<string>();
  let current: Current = { kind: 'profiles-file', version: null, backend: deps.make('profiles-file') };
  let settling: Promise<void> = Promise.resolve();
  let disposed = false;

  const notify = () => {
    for (const l of [...listeners]) l();
  };

  function attach(c: Current): void {
    if (listeners.size && !c.unwatch) c.unwatch = c.backend.watch(notify);
  }

  /** Follows the install: the version it reports picks the backend; a change of kind swaps it. */
  async function settle(given?: Located): Promise<void> {
    const located = given ?? (await deps.installation.get().catch(() => undefined));
    // An install found without a Node able to run it still says which files it keeps (the CLI will say what to install).
    const version = located && located.problem?.reason !== 'not-installed' ? (located.installation.version ?? null) : null;
    const kind = credentialBackendKind(version);
    if (disposed) return;
    if (kind === current.kind) {
      if (version !== current.version) (current.version = version), notify();
      return;
    }
    const old = current;
    for (const s of old.backend.knownSecrets()) secrets.add(s);
    current = { kind, version, backend: deps.make(kind) };
    attach(current);
    old.unwatch?.();
    await old.backend.dispose().catch((err) => deps.logger?.error('credential backend dispose failed', err));
    deps.logger?.info(`credentials now go through the ${kind} backend (OpenClaw ${version ?? 'not found'})`);
    notify();
  }

  /** Settles one after another (a search in flight is joined; a known install costs a package.json read). */
  const ensure = (given?: Located): Promise<void> => {
    const next = settling.then(() => settle(given)).catch((err) => deps.logger?.error('following the OpenClaw install failed', err));
    settling = next;
    return next;
  };
  // A search's answer is taken as it is (asking again from here would search again while nothing is installed).
  const unsubscribe = deps.installation.onChange((located) => void ensure(located));
  /** Reads wait for the first answer only; later they follow the install through `onChange`. */
  let first: Promise<void> | undefined;
  const known = () => (first ??= ensure());

  /** The backend for a write: refuses when no OpenClaw was found. */
  async function writable(): Promise<CredentialBackend> {
    await ensure();
    if (current.version === null) {
      throw new CoreError('NOT_FOUND', 'errors.openclaw.missing');
    }
    return current.backend;
  }

  return {
    get kind() {
      return current.kind;
    },
    get capabilities() {
      return current.backend.capabilities;
    },
    info: () => ({ version: current.version, backend: current.version === null ? null : current.kind, capabilities: { ...current.backend.capabilities } }),
    ready: () => known(),
    read: async (agentId) => (await known(), current.backend.read(agentId)),
    check: async (agentId, options) => (await writable()).check(agentId, options),
    upsert: async (agentId, credential) => {
      const backend = await writable();
      secrets.add(credential.type === 'api_key' ? credential.key : credential.token);
      return backend.upsert(agentId, credential);
    },
    remove: async (agentId, profileId) => (await writable()).remove(agentId, profileId),
    setOrder: async (agentId, provider, ids) => (await writable()).setOrder(agentId, provider, ids),
    copy: async (profileId, from, to) => (await writable()).copy(profileId, from, to),
    applyConfig: async (edit) => (await writable()).applyConfig(edit),
    secretOf: async (agentId, profileId) => (await known(), (await current.backend.secretOf?.(agentId, profileId)) ?? {}),
    copiedFiles: (agentId) => current.backend.copiedFiles?.(agentId) ?? [],
    watch(onChange) {
      listeners.add(onChange);
      attach(current);
      return () => {
        listeners.delete(onChange);
        if (listeners.size) return;
        current.unwatch?.();
        current.unwatch = undefined;
      };
    },
    knownSecrets: () => [...new Set([...secrets, ...current.backend.knownSecrets()])],
    async dispose() {
      disposed = true;
      unsubscribe();
      listeners.clear();
      current.unwatch?.();
      await current.backend.dispose();
    },
  };
}
