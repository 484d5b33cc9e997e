/**
 * OpenClaw's refusals that mean something to the app beyond "it failed". On 2026.6+ an `auth-profiles.json` left
 * by an older OpenClaw (or by anyone writing it) makes every credential read and write fail with "Auth profile
 * store ... requires legacy credential migration; ... run openclaw doctor --fix.", and a config it does not accept
 * (one 2026.5 wrote) with "Invalid config at <path>: ...". Told apart here, they become `errors.migration.needed` and
 * `errors.migration.configRejected`: the status panel and the forms then point at "Import into OpenClaw" (OpenClaw's
 * own repair with consent and a backup) instead of a command to type. Pure.
 */
import type { ErrorKey } from '../../../shared/message-keys';
import { CoreError } from '../errors';

/** OpenClaw's words for each refusal the import repairs (CLI JSON error, RPC error, log). */
const REFUSALS: readonly { key: ErrorKey; words: RegExp }[] = [
  { key: 'errors.migration.needed', words: /requires legacy credential migration|AUTH_PROFILE_MIGRATION_REQUIRED/i },
  { key: 'errors.migration.configRejected', words: /\bInvalid config at\b/ },
];

/** Whether OpenClaw's message says the legacy credentials must be imported first. Pure. */
export function saysMigrationRequired(said: string | undefined): boolean {
  return !!said && REFUSALS[0]!.words.test(said);
}

/**
 * The error for a refusal the import repairs (legacy credentials, a rejected config), or undefined for any other.
 * `details` keeps what the caller knows (command or method, OpenClaw's redacted words). Pure.
 */
export function migrationRequiredError(said: string | undefined, details: Record<string, string>, cause?: unknown): CoreError | undefined {
  const refusal = said ? REFUSALS.find((r) => r.words.test(said)) : undefined;
  if (!refusal) return undefined;
  return new CoreError('CONFLICT', refusal.key, { details: { ...details, ...(said ? { said } : {}) }, ...(cause === undefined ? {} : { cause }) });
}
