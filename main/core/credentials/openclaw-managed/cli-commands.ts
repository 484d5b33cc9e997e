/**
 * Pure: the OpenClaw 2026.6+ CLI commands the managed backend runs (checked against the real 2026.9.6), and what a
 * finished run means. Secrets never appear here: they go on stdin. `--agent` is always given (once two agents exist
 * every `models auth` write needs it). A run that ends with a code other than 0 becomes a `GATEWAY` error with
 * OpenClaw's own last words (redacted); 78 means another OpenClaw process raced this one and is retried by the
 * caller; a run cut short by its deadline is `GATEWAY` too, one cut short by quitting is `INTERNAL`.
 */
import { CoreError } from '../../errors';
import { migrationRequiredError } from '../../openclaw/refusals';

/** Exit code of a configuration-class failure, and of a CLI write that lost a race with another one. */
export const EXIT_RACE = 78;

/**
 * `printf '%s\n' "$KEY" | openclaw models auth paste-api-key ...`: the key replaces a profile or creates it. Without
 * a profile id OpenClaw picks one (the provider's first API key, else `<provider>:manual`). Careful: an id the
 * agent only inherits is replaced in the shared store, for every agent.
 */
export function pasteApiKeyArgs(provider: string, profileId: string | undefined, agentId: string): string[] {
  return ['models', 'auth', 'paste-api-key', '--provider', provider, ...(profileId ? ['--profile-id', profileId] : []), '--agent', agentId];
}

/** `... | openclaw models auth paste-token ...`; the expiry as a duration in ms from the moment of the call. */
export function pasteTokenArgs(provider: string, profileId: string, agentId: string, expiresInMs?: number): string[] {
  const args = ['models', 'auth', 'paste-token', '--provider', provider, '--profile-id', profileId, '--agent', agentId];
  if (expiresInMs !== undefined) args.push('--expires-in', `${Math.max(1, Math.round(expiresInMs))}ms`);
  return args;
}

/** Removes a profile (on an agent that only inherits it: from the shared store, for every agent). */
export function logoutArgs(profileId: string, agentId: string): string[] {
  return ['models', 'auth', 'logout', profileId, '--yes', '--agent', agentId];
}

/** The agent's order for a provider (it restricts the list to the ids named); an empty list clears it. */
export function orderArgs(provider: string, agentId: string, profileIds: string[]): string[] {
  return profileIds.length
    ? ['models', 'auth', 'order', 'set', '--provider', provider, '--agent', agentId, ...profileIds]
    : ['models', 'auth', 'order', 'clear', '--provider', provider, '--agent', agentId];
}

/** Applies (or with `dryRun` only validates) a JSON file of `{path, value}` settings, atomically. */
export function configSetBatchArgs(file: string, dryRun: boolean): string[] {
  return ['config', 'set', '--batch-file', file, ...(dryRun ? ['--dry-run'] : [])];
}

/** Removes one config path. */
export function configUnsetArgs(path: string): string[] {
  return ['config', 'unset', path];
}

/** OpenClaw's own view of an agent's credentials, as JSON on stdout. */
export function modelsStatusArgs(agentId: string): string[] {
  return ['models', 'status', '--json', '--agent', agentId];
}

/** What the managed backend reads of a finished run (the CLI runner's result has these fields). */
export interface CliOutcome {
  args: string[];
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ended: 'exit' | 'timeout' | 'disposed';
}

const NOISE = /^\[openclaw\] (Debug|Try|Help):|could not be verified|^\s*$/;

/** OpenClaw's own explanation of a failed run: its JSON error on stdout, else the last lines of stderr. */
export function openclawMessage(r: Pick<CliOutcome, 'stdout' | 'stderr'>): string {
  try {
    const json = JSON.parse(r.stdout) as { error?: { message?: unknown } };
    if (typeof json?.error?.message === 'string' && json.error.message.trim()) return json.error.message.trim();
  } catch {
    // not JSON: fall back to stderr
  }
  const lines = r.stderr.split(/\r?\n/).filter((l) => !NOISE.test(l));
  const text = lines.slice(-3).join(' ').trim() || r.stdout.split(/\r?\n/).filter((l) => l.trim()).slice(-1).join('').trim();
  return text.length > 600 ? `${text.slice(0, 600)}...` : text;
}

/** The command as the user could type it (no secrets are ever in `args`). */
export function commandLine(args: string[]): string {
  return ['openclaw', ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)))].join(' ');
}

/**
 * Undefined when the run succeeded, else the error to throw. OpenClaw's own words (redacted by `redact`) are data:
 * `details.said`; the sentence is a key with the command as its parameter.
 */
export function cliError(r: CliOutcome, redact: (s: string) => string = (s) => s): CoreError | undefined {
  if (r.ended === 'exit' && r.code === 0) return undefined;
  const command = commandLine(r.args);
  if (r.ended === 'disposed') return new CoreError('INTERNAL', 'errors.cli.quitting', { details: { cli: 'disposed', command } });
  if (r.ended === 'timeout') return new CoreError('GATEWAY', 'errors.cli.timeout', { params: { command }, details: { cli: 'timeout', command } });
  const said = redact(openclawMessage(r));
  const exit = r.code === null ? String(r.signal ?? '') : String(r.code);
  const details: Record<string, string> = { cli: r.code === EXIT_RACE ? 'race' : 'refused', command, exit, ...(said ? { said } : {}) };
  const migration = migrationRequiredError(said, details);
  if (migration) return migration;
  return new CoreError('GATEWAY', r.code === EXIT_RACE ? 'errors.cli.busy' : 'errors.cli.refused', { params: { command, exit }, details });
}
