/** Types for `reference-openclaw.mjs`: the reference OpenClaw installs used by conformance tests. */

/** Paths of the reference install. */
export interface ReferenceOpenClaw {
  /** The `openclaw.mjs` entry, run as `nodeBin openclawBin ...args`. */
  openclawBin: string;
  /** A Node able to run it (>= 22.19 for 2026.5.28; >= 24.16 <25 or >= 26.1 for 2026.9.6). */
  nodeBin: string;
  /** The installed OpenClaw version (`2026.5.28` or `2026.9.6`). */
  version: string;
}

/** Result of one CLI run. */
export interface OpenClawRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The pinned version with `auth-profiles.json` (2026.5.28), the default. */
export const REFERENCE_VERSION: string;
/** The pinned current version (2026.9.6: SQLite stores, written through its gateway RPC or CLI only). */
export const CURRENT_VERSION: string;
/** The git-ignored cache folder. */
export const CACHE_DIR: string;
/** Whether Node `nodeVersion` (`v24.22.3`) can run reference OpenClaw `version`; throws for an unknown version. */
export function nodeCanRun(version: string, nodeVersion: string): boolean;
/** Installs `version` (default `REFERENCE_VERSION`) once (lock + atomic rename, safe across workers) and returns the paths. */
export function ensureReferenceOpenClaw(version?: string): Promise<ReferenceOpenClaw>;
/** A hermetic env (no real OPENCLAW_* or provider keys) with HOME and OPENCLAW_STATE_DIR set. */
export function openclawEnv(options: { home: string; stateDir: string; extra?: Record<string, string> }): Record<string, string>;
/** Runs the CLI and collects output (`input` goes to its stdin); resolves on any exit code. */
export function runOpenClaw(
  ref: ReferenceOpenClaw,
  args: string[],
  options?: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; input?: string },
): Promise<OpenClawRun>;
