/**
 * The credential backend seam: the one interface through which the flows, the status service and the handlers
 * read and write an agent's credentials, whatever keeps them. `profiles-file/` implements it for OpenClaw <= 2026.5
 * (`auth-profiles.json` + `auth-state.json` under OpenClaw's lock); OpenClaw >= 2026.6 keeps credentials in private
 * SQLite stores and gets a backend that goes through its gateway RPC and CLI. `choose-backend.ts` picks one from
 * the installed OpenClaw's version.
 *
 * Where the cut is, and why:
 * - **Credentials** (upsert, remove, order, copy) are backend operations: only the backend knows its store.
 * - **`openclaw.json` edits** that belong to a flow (profile metadata, the Cloudflare provider block, the default
 *   model, `auth.order`) are also a backend operation, `applyConfig(edit)`. The flow says *what* to change as a
 *   plain synchronous edit of the config object (the pure patches of `openclaw/config-patches.ts`), and the backend
 *   decides *how* it is written: profiles-file writes the file itself (JSON5 in, JSON out, `.bak`); a backend for
 *   2026.6+ can run the same edit on a copy of the config it reads, diff the result and hand the changed paths to
 *   `openclaw config set --batch-file` (or the gateway's config patch). So each flow is the same code on both.
 * - **Reading `openclaw.json`** (to validate it before a write, for the default model and agents) and **`.env`**
 *   (read and written line by line, never owned by OpenClaw) stay above the seam: both versions read them the same.
 * - **Agents** are known from the config and the agent folders (`openclaw/agents.ts`), above the seam; `check`
 *   still refuses an unknown agent so that no backend writes for one.
 *
 * Everything crossing the seam is plain data (no secrets in what `read` returns: `CredentialRecord` carries a masked
 * label), so `status.ts` stays a pure function of a snapshot from either backend.
 */
import type { AppErrorShape } from '../../../shared/contract';
import type { OpenClawConfig } from '../openclaw/config-file';

/** Which backend serves an OpenClaw install. `openclaw-managed` (2026.6+) is named here and built by issue 10. */
export type CredentialBackendKind = 'profiles-file' | 'openclaw-managed';

/**
 * What the user-facing code must do differently for a backend. Every flag is false for `profiles-file`, whose
 * agents each own a complete, separate store.
 */
export interface BackendCapabilities {
  /** Agents read shared credentials they do not own (2026.6+): a snapshot has `inherited` records. */
  inheritsSharedCredentials: boolean;
  /** The backend cannot read a secret back, so "copy to another agent" means pasting the secret again (`upsert`). */
  copyIsRepaste: boolean;
  /** Removing a profile an agent only inherits deletes it from the shared store, for every agent: warn first. */
  removeFromInheritingAgentRemovesForAll: boolean;
  /** A write takes seconds (a CLI run): the form shows progress instead of an instant answer. */
  slowWrites: boolean;
}

/** How a record's secret is held: in the store (only its masked form crosses the seam), by reference, or not at all. */
export type SecretPresence =
  | { kind: 'inline'; masked: string }
  /** `keyRef`/`tokenRef`: `source` (`env`, `file`, `exec`) and `id` are absent when the reference is malformed. */
  | { kind: 'ref'; source?: string; id?: string }
  | { kind: 'none' };

/** Runtime state OpenClaw records for a profile after failures; times in epoch ms. */
export interface UsageState {
  cooldownUntil?: number;
  cooldownReason?: string;
  disabledUntil?: number;
  disabledReason?: string;
}

/** One credential as a backend reports it: plain data, never the secret. */
export interface CredentialRecord {
  /** `<provider>:<name>`. */
  id: string;
  /** Lower-case provider id. */
  provider: string;
  /**
   * `api_key`, `token` or `oauth`; a type this app does not know (a newer OpenClaw's) as the store says it, or
   * `unreadable` for an entry that is not a credential object. Such records are listed, never shown or edited.
   */
  type: string;
  secret: SecretPresence;
  /** Expiry in epoch ms; `invalid` when the store holds something that is not a positive finite number. */
  expires?: number | 'invalid';
  email?: string;
  displayName?: string;
  /** String metadata (Cloudflare's `accountId`/`gatewayId`). */
  metadata?: Record<string, string>;
  usage?: UsageState;
  /**
   * The status OpenClaw itself reported, where a backend reads statuses from OpenClaw (2026.6+). The app computes
   * the status from the expiry and usage as OpenClaw does; this is used only where that is impossible: a token
   * reported `expired` without its date, a `cooldown`/`disabled` reported without its end.
   */
  reported?: { status: string; reason?: string };
  /** The agent's own credential, one it inherits from the shared store (2026.6+), or one declared in config. */
  source: 'own' | 'inherited' | 'config';
}

/** What could not be read: the whole credential store (`credentials`), or only its runtime state (`state`). */
export interface SnapshotProblem {
  scope: 'credentials' | 'state';
  error: AppErrorShape;
}

/** An agent's credentials at one moment. */
export interface CredentialSnapshot {
  agentId: string;
  /** Every credential the agent can use, in store order. */
  profiles: CredentialRecord[];
  /** The agent's own order per provider (it overrides `auth.order` in config). */
  order: Record<string, string[]>;
  /** Where they live, for the status panel: the credential store and the runtime-state store (files or databases). */
  location: { credentials: string; state: string };
  /** Set when part of it could not be read; `read` never throws for a store the user must be shown as broken. */
  problem?: SnapshotProblem;
}

/** A credential to save. The id is a wish: a backend that cannot choose ids answers with the one it used. */
export type CredentialInput =
  | { type: 'api_key'; profileId: string; provider: string; key: string; metadata?: Record<string, string> }
  | { type: 'token'; profileId: string; provider: string; token: string; expires?: number };

/** Where a write went, for the confirmation the user sees: the files (or stores) holding what was saved. */
export interface WriteOutcome {
  files: string[];
}

/** A synchronous edit of the config object, built from `openclaw/config-patches.ts`. */
export type ConfigEdit = (config: OpenClawConfig) => void;

/** The seam. Errors are `CoreError`s with the contract's codes; a method that throws has written nothing. */
export interface CredentialBackend {
  readonly kind: CredentialBackendKind;
  readonly capabilities: BackendCapabilities;
  /** The agent's credentials now. Never throws for an unreadable store: the snapshot's `problem` says what and why. */
  read(agentId: string): Promise<CredentialSnapshot>;
  /**
   * Throws when a write for this agent would fail before it starts (`NOT_FOUND` for an unknown agent, naming
   * `field`; `CORRUPT_FILE` for a store that does not parse), else returns the snapshot the write will start from.
   */
  check(agentId: string, options?: { field?: string }): Promise<CredentialSnapshot>;
  /** Inserts or replaces one credential (email and display name of a replaced one are kept). */
  upsert(agentId: string, credential: CredentialInput): Promise<WriteOutcome & { profileId: string }>;
  /** Removes one credential and every runtime reference to it; `removed: false` (nothing written) when absent. */
  remove(agentId: string, profileId: string): Promise<WriteOutcome & { removed: boolean }>;
  /** The agent's order for a provider; an empty list removes the override. */
  setOrder(agentId: string, provider: string, profileIds: string[]): Promise<WriteOutcome>;
  /** Gives `toAgentId` its own copy of a credential. Backends with `copyIsRepaste` refuse (`VALIDATION`). */
  copy(profileId: string, fromAgentId: string, toAgentId: string): Promise<WriteOutcome & { profileId: string }>;
  /** Applies a flow's edit to `openclaw.json`, keeping everything else. */
  applyConfig(edit: ConfigEdit): Promise<WriteOutcome>;
  /** Calls `onChange` (not debounced) when credentials may have changed outside the app; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  /** Secret values this backend has seen (read or written), for log redaction. */
  knownSecrets(): string[];
  /**
   * What the backend knows of one credential's secret, to find the same value in `.env`, `openclaw.json` and backup
   * copies when the user removes it (`credentials/secret-places.ts` only): the value where it can read it back
   * (profiles-file) or was given it this session, else the widest masked form it has (OpenClaw 2026.6+ never gives
   * a secret back, but prints 8 + 8 characters of it). Never leaves core.
   */
  secretOf?(agentId: string, profileId: string): Promise<{ value?: string; label?: string }>;
  /**
   * The files of an agent's store the app keeps `.corrupt-<time>` copies of when they do not parse (profiles-file:
   * `auth-profiles.json` and `auth-state.json`; none for a store the app never reads itself). The copies may hold
   * secrets: they are scrubbed on removal and pruned (`fs/backups.ts`). No I/O.
   */
  copiedFiles?(agentId: string): string[];
  /** Stops watching and closes connections; safe to call twice. */
  dispose(): Promise<void>;
}
