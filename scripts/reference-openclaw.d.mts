/** Types for `reference-openclaw.mjs`: the reference OpenClaw install used by conformance tests. */

/** Paths of the reference install. */
export interface ReferenceOpenClaw {
  /** The `openclaw.mjs` entry, run as `nodeBin openclawBin ...args`. */
  openclawBin: string;
  /** A Node >= 22.19 able to run it. */
  nodeBin: string;
  /** The installed OpenClaw version (`2026.5.28`). */
  version: string;
}

/** Result of one CLI run. */
export interface OpenClawRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The pinned version. */
export const REFERENCE_VERSION: string;
/** The git-ignored cache folder. */
export const CACHE_DIR: string;
/** Installs once (lock + atomic rename, safe across workers) and returns the paths. */
export function ensureReferenceOpenClaw(): Promise<ReferenceOpenClaw>;
/** A hermetic env (no real OPENCLAW_* or provider keys) with HOME and OPENCLAW_STATE_DIR set. */
export function openclawEnv(options: { home: string; stateDir: string; extra?: Record<string, string> }): Record<string, string>;
/** Runs the CLI and collects output; resolves on any exit code. */
export function runOpenClaw(
  ref: ReferenceOpenClaw,
  args: string[],
  options?: { env?: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<OpenClawRun>;
