/**
 * OpenClaw's refusals that mean something to the app beyond "it failed". On 2026.6+ an `auth-profiles.json` left
 * by an older OpenClaw (or by anyone writing it) makes every credential read and write fail with "Auth profile
 * store ... requires legacy credential migration; ... run openclaw doctor --fix." Told apart here, that refusal
 * becomes `errors.migration.needed`: the status panel and the forms then point at "Import into OpenClaw" (the
 * import with consent and a backup) instead of a command to type. Pure.
 */
import { CoreError } from '../errors';

/** OpenClaw's words when a legacy `auth-profiles.json` must be imported first (CLI JSON error, RPC error, log). */
const MIGRATION_REQUIRED = /requires legacy credential migration|AUTH_PROFILE_MIGRATION_REQUIRED/i;

/** Whether OpenClaw's message says the legacy credentials must be imported first. Pure. */
export function saysMigrationRequired(said: string | undefined): boolean {
  return !!said && MIGRATION_REQUIRED.test(said);
}

/**
 * The error for a refusal that asks for the import, or undefined for any other. `details` keeps what the caller
 * knows (command or method, OpenClaw's redacted words). Pure.
 */
export function migrationRequiredError(said: string | undefined, details: Record<string, string>, cause?: unknown): CoreError | undefined {
  if (!saysMigrationRequired(said)) return undefined;
  return new CoreError('CONFLICT', 'errors.migration.needed', { details: { ...details, ...(said ? { said } : {}) }, ...(cause === undefined ? {} : { cause }) });
}
