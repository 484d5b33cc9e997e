/**
 * Pure readings of what OpenClaw 2026.6+ answers around an import: whether `config validate --json` rejects the
 * config (and OpenClaw's own list of what it rejects), and whether `models status --json` after the import shows
 * every credential of the legacy files with the same secret (by the masked form OpenClaw prints) and expiry.
 */
import type { LegacyCredential } from './legacy';

/** The JSON object in a CLI's stdout (OpenClaw may print warnings before it), or undefined. */
export function jsonOf(stdout: string): Record<string, unknown> | undefined {
  const start = stdout.indexOf('{');
  if (start < 0) return undefined;
  try {
    const v: unknown = JSON.parse(stdout.slice(start));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What `openclaw config validate --json` says: `valid`, `rejected` with OpenClaw's issues (`meta: Unrecognized key:
 * "lastTouchedAt"`), or `unknown` (no config yet, or an answer that is not the expected JSON).
 */
export function configVerdict(code: number | null, stdout: string): { kind: 'valid' } | { kind: 'rejected'; issues: string[] } | { kind: 'unknown' } {
  const out = jsonOf(stdout);
  if (!out) return { kind: 'unknown' };
  if (code === 0 && out.valid === true) return { kind: 'valid' };
  const issues = Array.isArray(out.issues)
    ? out.issues.flatMap((i) => {
        const issue = i as { path?: unknown; message?: unknown };
        return typeof issue.message === 'string' ? [typeof issue.path === 'string' && issue.path ? `${issue.path}: ${issue.message}` : issue.message] : [];
      })
    : [];
  return out.valid === false && issues.length ? { kind: 'rejected', issues } : { kind: 'unknown' };
}

/** The masked form OpenClaw prints for a secret in `models status` labels (first 8 and last 8 characters). */
export function openclawMask(secret: string): string | undefined {
  const s = secret.trim();
  return s.length > 20 ? `${s.slice(0, 8)}...${s.slice(-8)}` : undefined;
}

/** Profile id -> masked secret, from `auth.providers[].profiles.labels` (`id=masked` or `id=token:masked`). */
function labelsOf(status: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const providers = (status.auth as { providers?: unknown } | undefined)?.providers;
  if (!Array.isArray(providers)) return out;
  for (const p of providers) {
    const labels = (p as { profiles?: { labels?: unknown } }).profiles?.labels;
    if (!Array.isArray(labels)) continue;
    for (const label of labels) {
      if (typeof label !== 'string') continue;
      const eq = label.indexOf('=');
      if (eq > 0) out.set(label.slice(0, eq), label.slice(eq + 1).replace(/^[a-z_]+:(?=.*\.\.\.)/, ''));
    }
  }
  return out;
}

/** Profile id -> expiry (ms) or null, from `auth.oauth.profiles[]`. */
function profilesOf(status: Record<string, unknown>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const profiles = (status.auth as { oauth?: { profiles?: unknown } } | undefined)?.oauth?.profiles;
  if (!Array.isArray(profiles)) return out;
  for (const p of profiles) {
    const entry = p as { profileId?: unknown; expiresAt?: unknown };
    if (typeof entry.profileId === 'string') out.set(entry.profileId, typeof entry.expiresAt === 'number' ? entry.expiresAt : null);
  }
  return out;
}

/**
 * What is wrong with an import, judged from one agent's `models status --json` (exit code and stdout) against that
 * agent's legacy credentials: an empty list means every credential is there with its secret and expiry. The
 * problems name profile ids only, never a secret.
 */
export function importProblems(code: number | null, stdout: string, legacy: LegacyCredential[]): string[] {
  const status = jsonOf(stdout);
  if (code !== 0 || !status || status.ok === false) {
    const said = (status?.error as { message?: unknown } | undefined)?.message;
    return [`models status failed (exit ${code ?? 'none'})${typeof said === 'string' ? `: ${said}` : ''}`];
  }
  const profiles = profilesOf(status);
  const labels = labelsOf(status);
  const problems: string[] = [];
  for (const c of legacy) {
    if (!profiles.has(c.profileId)) {
      problems.push(`${c.profileId} is missing`);
      continue;
    }
    const expected = c.secret ? openclawMask(c.secret) : undefined;
    const shown = labels.get(c.profileId);
    if (expected && shown && shown.includes('...') && !shown.includes('REDACTED') && shown !== expected) problems.push(`${c.profileId} has another secret`);
    if (c.expires !== undefined && profiles.get(c.profileId) !== c.expires) problems.push(`${c.profileId} has another expiry`);
  }
  return problems;
}

/**
 * Whether `models status --agent A` refused because OpenClaw does not know the agent: a folder under `agents/` that
 * no config declares (OpenClaw 2026.5 did not run it either). Its file is still imported into its own store. Pure.
 */
export function isUnknownAgent(code: number | null, stdout: string): boolean {
  const said = (jsonOf(stdout)?.error as { message?: unknown } | undefined)?.message;
  return code !== 0 && typeof said === 'string' && /^Unknown agent id\b/.test(said);
}
