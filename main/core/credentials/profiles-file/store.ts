/**
 * The credential store of one agent: `agents/<id>/agent/auth-profiles.json` plus, from OpenClaw 2026.4, the runtime
 * state beside it in `auth-state.json`. Reads both layouts (2026.3 kept `order`/`lastGood`/`usageStats` inside
 * the profiles file), keeps every key it does not know, and writes the way OpenClaw 2026.5 does: under the
 * `auth-profiles.json.lock` sidecar lock, atomically, 0600. A file that does not parse is never overwritten.
 */
import path from 'node:path';
import { z } from 'zod';
import { readParsedFile, writeFileAtomic } from '../../fs/atomic-file';
import { CoreError } from '../../errors';
import { withFileLock, type LockOptions } from '../../fs/file-lock';
import { setOwn } from '../../../../shared/own-keys';

/** File names inside an agent dir. */
export const AUTH_PROFILES_FILE = 'auth-profiles.json';
export const AUTH_STATE_FILE = 'auth-state.json';
const STATE_KEYS = ['order', 'lastGood', 'usageStats'] as const;

/** A stored credential: the fields OpenClaw defines, any other key kept as it is. */
export const StoredProfile = z.looseObject({
  type: z.string(),
  provider: z.string().optional(),
  key: z.string().optional(),
  keyRef: z.unknown().optional(),
  token: z.string().optional(),
  tokenRef: z.unknown().optional(),
  access: z.string().optional(),
  refresh: z.string().optional(),
  expires: z.unknown().optional(),
  email: z.string().optional(),
  displayName: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

/** Runtime auth state (`auth-state.json`, or the same keys inside a 2026.3 profiles file). */
export interface AuthState {
  order?: Record<string, string[]>;
  lastGood?: Record<string, string>;
  usageStats?: Record<string, Record<string, unknown>>;
}

/** Where the state lives in this agent's files: inside the profiles file (2026.3) or beside it (2026.4+). */
export type StoreLayout = 'legacy' | 'split';

/** Both files as plain objects, unknown keys included; what `updateAuthStore` mutators edit. */
export interface AuthDraft {
  /** The whole `auth-profiles.json` object; `file.profiles` is always an object. */
  file: Record<string, unknown> & { profiles: Record<string, unknown> };
  /** The object holding `order`/`lastGood`/`usageStats`: `file` itself in the legacy layout, else `auth-state.json`. */
  state: Record<string, unknown>;
  layout: StoreLayout;
}

/** A read of the store: the raw draft, the profiles that validate, the merged state, and problems found. */
export interface AuthSnapshot extends AuthDraft {
  exists: boolean;
  profiles: Record<string, StoredProfile>;
  merged: AuthState;
}

/** The two file paths of an agent dir. */
export function authStorePaths(agentDir: string): { authPath: string; statePath: string } {
  return { authPath: path.join(agentDir, AUTH_PROFILES_FILE), statePath: path.join(agentDir, AUTH_STATE_FILE) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseProfilesFile(text: string): AuthDraft['file'] {
  const value: unknown = JSON.parse(text);
  if (!isObject(value)) throw new Error('the top level is not an object');
  if (value.profiles === undefined) value.profiles = {};
  if (!isObject(value.profiles)) throw new Error('"profiles" is not an object');
  return value as AuthDraft['file'];
}

function parseStateFile(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (!isObject(value)) throw new Error('the top level is not an object');
  return value;
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') setOwn(out, k, val);
  return out;
}

function orderRecord(v: unknown): Record<string, string[]> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, val] of Object.entries(v)) if (Array.isArray(val)) setOwn(out, k, val.filter((x): x is string => typeof x === 'string'));
  return out;
}

function statsRecord(v: unknown): Record<string, Record<string, unknown>> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, val] of Object.entries(v)) if (isObject(val)) setOwn(out, k, val);
  return out;
}

/** Merges state as OpenClaw 2026.5 does: per key, `auth-state.json` entries override those inside the profiles file. */
export function mergeState(fromFile: Record<string, unknown>, fromStateFile: Record<string, unknown> | undefined): AuthState {
  const a = fromFile;
  const b = fromStateFile ?? {};
  const merge = <T>(x: Record<string, T> | undefined, y: Record<string, T> | undefined) => (x || y ? { ...x, ...y } : undefined);
  const state: AuthState = {};
  const order = merge(orderRecord(a.order), orderRecord(b.order));
  const lastGood = merge(stringRecord(a.lastGood), stringRecord(b.lastGood));
  const usageStats = merge(statsRecord(a.usageStats), statsRecord(b.usageStats));
  if (order) state.order = order;
  if (lastGood) state.lastGood = lastGood;
  if (usageStats) state.usageStats = usageStats;
  return state;
}

/** The layout of existing files: legacy when the profiles file carries state and no `auth-state.json` exists. */
export function detectLayout(file: Record<string, unknown>, stateFileExists: boolean): StoreLayout {
  if (stateFileExists) return 'split';
  return STATE_KEYS.some((k) => k in file) ? 'legacy' : 'split';
}

interface RawRead {
  file: AuthDraft['file'];
  fileRaw: string | undefined;
  stateFile: Record<string, unknown> | undefined;
  stateError: CoreError | undefined;
}

async function readRaw(agentDir: string, now: number): Promise<RawRead> {
  const { authPath, statePath } = authStorePaths(agentDir);
  const profiles = await readParsedFile(authPath, parseProfilesFile, { now });
  let stateFile: Record<string, unknown> | undefined;
  let stateError: CoreError | undefined;
  try {
    stateFile = (await readParsedFile(statePath, parseStateFile, { now }))?.value;
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    stateError = err;
  }
  return { file: profiles?.value ?? { version: 1, profiles: {} }, fileRaw: profiles?.raw, stateFile, stateError };
}

function snapshotOf(raw: RawRead): AuthSnapshot {
  const layout = raw.stateError ? 'split' : detectLayout(raw.file, raw.stateFile !== undefined);
  const profiles: Record<string, StoredProfile> = {};
  for (const [id, value] of Object.entries(raw.file.profiles)) {
    const parsed = StoredProfile.safeParse(value);
    if (parsed.success) setOwn(profiles, id, parsed.data);
  }
  const state = layout === 'legacy' ? raw.file : (raw.stateFile ?? { version: 1 });
  return { file: raw.file, state, layout, exists: raw.fileRaw !== undefined, profiles, merged: mergeState(raw.file, raw.stateFile) };
}

/**
 * Reads an agent's store without locking (a parse failure is retried once). Throws `CORRUPT_FILE` when
 * `auth-profiles.json` does not parse; a broken `auth-state.json` is reported through the returned `stateProblem`.
 */
export async function readAuthStore(agentDir: string, options: { now?: number } = {}): Promise<AuthSnapshot & { stateProblem?: CoreError }> {
  const raw = await readRaw(agentDir, options.now ?? Date.now());
  const snap = snapshotOf(raw);
  return raw.stateError ? { ...snap, stateProblem: raw.stateError } : snap;
}

/**
 * Changes an agent's store under OpenClaw's lock: reads both files fresh, lets `mutate` edit the draft, and writes
 * back only the files whose data changed (profiles file first). Refuses (`CORRUPT_FILE`, nothing written) when a
 * file it must rewrite does not parse. Returns the store as written and the files it wrote.
 */
export async function updateAuthStore<T = void>(
  agentDir: string,
  mutate: (draft: AuthDraft) => T,
  options: { now?: number; lock?: LockOptions } = {},
): Promise<{ snapshot: AuthSnapshot; result: T; written: string[] }> {
  const { authPath, statePath } = authStorePaths(agentDir);
  return withFileLock(
    authPath,
    async () => {
      const raw = await readRaw(agentDir, options.now ?? Date.now());
      const snap = snapshotOf(raw);
      const fileBefore = JSON.stringify(snap.file);
      const stateBefore = JSON.stringify(snap.state);
      const result = mutate({ file: snap.file, state: snap.state, layout: snap.layout });
      if (!isObject(snap.file.profiles)) throw new Error('A store mutator must keep "profiles" an object.');
      const stateChanged = snap.layout === 'split' && JSON.stringify(snap.state) !== stateBefore;
      if (stateChanged && raw.stateError) throw raw.stateError;
      const written: string[] = [];
      if (JSON.stringify(snap.file) !== fileBefore || !snap.exists) {
        if (snap.file.version === undefined) snap.file.version = 1;
        await writeFileAtomic(authPath, `${JSON.stringify(snap.file, null, 2)}\n`);
        written.push(authPath);
      }
      if (stateChanged) {
        if (snap.state.version === undefined) snap.state.version = 1;
        await writeFileAtomic(statePath, `${JSON.stringify(snap.state, null, 2)}\n`);
        written.push(statePath);
      }
      const snapshot = snapshotOf({ ...raw, file: snap.file, fileRaw: '', stateFile: snap.layout === 'split' ? snap.state : raw.stateFile });
      return { snapshot, result, written };
    },
    options.lock,
  );
}

/** Inserts or replaces one profile (the whole credential object), keeping every other profile and key. */
export function upsertProfile(draft: AuthDraft, profileId: string, credential: Record<string, unknown>): void {
  draft.file.profiles[profileId] = credential;
}

/**
 * Removes a profile and every reference to it in the state (order, lastGood, usage stats); an order left empty is
 * removed, as OpenClaw does (an empty list would read as "no profile"). Returns whether the profile existed.
 */
export function removeProfile(draft: AuthDraft, profileId: string): boolean {
  const existed = Object.prototype.hasOwnProperty.call(draft.file.profiles, profileId);
  delete draft.file.profiles[profileId];
  for (const holder of new Set([draft.file, draft.state])) {
    if (isObject(holder.order)) {
      for (const [provider, ids] of Object.entries(holder.order)) {
        if (!Array.isArray(ids) || !ids.includes(profileId)) continue;
        const rest = ids.filter((x) => x !== profileId);
        if (rest.length) holder.order[provider] = rest;
        else delete holder.order[provider];
      }
      if (!Object.keys(holder.order).length) delete holder.order;
    }
    if (isObject(holder.lastGood)) {
      for (const [provider, id] of Object.entries(holder.lastGood)) if (id === profileId) delete holder.lastGood[provider];
    }
    if (isObject(holder.usageStats)) delete holder.usageStats[profileId];
  }
  return existed;
}

/** Sets the per-agent order for a provider where this layout keeps it; an empty list removes the override. */
export function setOrder(draft: AuthDraft, provider: string, order: string[]): void {
  const holder = draft.state;
  const current = isObject(holder.order) ? holder.order : {};
  if (order.length) current[provider] = [...order];
  else delete current[provider];
  if (Object.keys(current).length) holder.order = current;
  else delete holder.order;
}
