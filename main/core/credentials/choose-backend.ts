/**
 * Picks the credential backend for an OpenClaw install from its version (read from its `package.json`). OpenClaw
 * 2026.6 moved credentials into private SQLite stores, so from 2026.6 on the app must go through OpenClaw's gateway
 * and CLI (`openclaw-managed`); up to 2026.5 it shares `auth-profiles.json` with OpenClaw (`profiles-file`). This
 * module is the only one outside `profiles-file/` that imports it.
 */
import semver from 'semver';
import type { CredentialBackend, CredentialBackendKind } from './backend';
import { createOpenClawManagedBackend, type ManagedBackendDeps } from './openclaw-managed/backend';
import { createProfilesFileBackend, type ProfilesFileDeps } from './profiles-file/backend';

/** The first OpenClaw release that keeps credentials in SQLite and declares them private. */
export const MANAGED_SINCE = '2026.6.0';

/**
 * Pure: the backend an OpenClaw version needs. Pre-releases count as their release (2026.6.0-beta.1 already has
 * the SQLite stores). No install (`null`) or a version that does not parse keeps `profiles-file`, what the app has
 * always written.
 */
export function credentialBackendKind(version: string | null): CredentialBackendKind {
  const parsed = version === null ? null : semver.coerce(version);
  return parsed && semver.gte(parsed, MANAGED_SINCE) ? 'openclaw-managed' : 'profiles-file';
}

/** What each backend needs to be built: the files for profiles-file, plus the CLI and gateway RPC for managed. */
export type BackendDeps = ProfilesFileDeps & Partial<Omit<ManagedBackendDeps, 'paths' | 'logger'>>;

/** The backend of one kind. `openclaw-managed` needs `cli`, `rpc` and `clock`. */
export function backendForKind(kind: CredentialBackendKind, deps: BackendDeps): CredentialBackend {
  switch (kind) {
    case 'profiles-file':
      return createProfilesFileBackend(deps);
    case 'openclaw-managed': {
      const { cli, rpc, clock } = deps;
      if (!cli || !rpc || !clock) throw new Error('The openclaw-managed backend needs the CLI runner, the gateway RPC and a clock.');
      return createOpenClawManagedBackend({ ...deps, cli, rpc, clock });
    }
  }
}

/** The backend an install's version needs. */
export function backendForVersion(version: string | null, deps: BackendDeps): CredentialBackend {
  return backendForKind(credentialBackendKind(version), deps);
}
