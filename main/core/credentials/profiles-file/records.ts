/**
 * Pure: what `auth-profiles.json` and `auth-state.json` hold, as the seam's plain records. This is where the file
 * format's rules live (`key`/`token`/`access` or a `keyRef`/`tokenRef`, `expires` in ms, usage stats), so the
 * status function never sees a secret or a file layout.
 */
import { maskSecret } from '../../../../shared/masking';
import type { CredentialRecord, CredentialSnapshot, SecretPresence, UsageState } from '../backend';
import { StoredProfile, type AuthState } from './store';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The secret a stored profile holds inline (key, token, or OAuth access token), trimmed, if any. Pure. */
export function inlineSecret(p: StoredProfile): string | undefined {
  const secret = p.type === 'api_key' ? p.key : p.type === 'token' ? p.token : p.type === 'oauth' ? (p.access ?? p.refresh) : undefined;
  return nonEmpty(secret) ? secret.trim() : undefined;
}

function secretOf(p: StoredProfile): SecretPresence {
  const secret = inlineSecret(p);
  if (secret) return { kind: 'inline', masked: maskSecret(secret) };
  const ref = p.type === 'api_key' ? p.keyRef : p.type === 'token' ? p.tokenRef : undefined;
  if (ref === undefined) return { kind: 'none' };
  return isObject(ref) && typeof ref.id === 'string' ? { kind: 'ref', source: String(ref.source), id: ref.id } : { kind: 'ref' };
}

function usageOf(stats: Record<string, unknown> | undefined): UsageState | undefined {
  if (!stats) return undefined;
  const usage: UsageState = {};
  if (typeof stats.cooldownUntil === 'number') usage.cooldownUntil = stats.cooldownUntil;
  if (nonEmpty(stats.cooldownReason)) usage.cooldownReason = stats.cooldownReason;
  if (typeof stats.disabledUntil === 'number') usage.disabledUntil = stats.disabledUntil;
  if (nonEmpty(stats.disabledReason)) usage.disabledReason = stats.disabledReason;
  return Object.keys(usage).length ? usage : undefined;
}

const validExpiry = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** One stored entry as a record; `usage` is the profile's entry in `usageStats`. */
export function recordOf(id: string, raw: unknown, stats?: Record<string, unknown>): CredentialRecord {
  const colon = id.indexOf(':');
  const idProvider = id.slice(0, Math.max(colon, 0));
  const parsed = StoredProfile.safeParse(raw);
  if (!parsed.success) return { id, provider: idProvider.toLowerCase(), type: 'unreadable', secret: { kind: 'none' }, source: 'own' };
  const p = parsed.data;
  const record: CredentialRecord = {
    id,
    provider: (nonEmpty(p.provider) ? p.provider : idProvider).trim().toLowerCase(),
    type: p.type,
    secret: secretOf(p),
    source: 'own',
  };
  if (p.expires !== undefined) record.expires = validExpiry(p.expires) ? p.expires : 'invalid';
  if (nonEmpty(p.email)) record.email = p.email;
  if (nonEmpty(p.displayName)) record.displayName = p.displayName;
  if (isObject(p.metadata)) {
    const meta = Object.fromEntries(Object.entries(p.metadata).filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (Object.keys(meta).length) record.metadata = meta;
  }
  const usage = usageOf(stats);
  if (usage) record.usage = usage;
  return record;
}

/** A whole store (raw profiles and merged runtime state) as the seam's snapshot. */
export function snapshotOfStore(
  agentId: string,
  store: { profiles: Record<string, unknown>; state: AuthState },
  location: CredentialSnapshot['location'],
): CredentialSnapshot {
  return {
    agentId,
    profiles: Object.entries(store.profiles).map(([id, raw]) => recordOf(id, raw, store.state.usageStats?.[id])),
    order: { ...store.state.order },
    location,
  };
}

/** The secret values in a store's profiles (keys, tokens, OAuth access and refresh tokens). */
export function secretsOf(profiles: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const raw of Object.values(profiles)) {
    if (!isObject(raw)) continue;
    for (const v of [raw.key, raw.token, raw.access, raw.refresh]) if (typeof v === 'string') out.push(v);
  }
  return out;
}
