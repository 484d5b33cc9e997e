/**
 * Which credentials the tray lists, and how urgent each is: the selected agent's profiles whose status is not
 * fine (expiring, expired, missing, cooling down, disabled) merged with every agent's alerts, one entry per
 * profile, most urgent first. Pure: the same auth status and alerts always give the same list.
 */
import type { Alert, AuthStatus, ProfileView } from '../../shared/contract';

/** What is wrong with a credential, most urgent first. */
export const ATTENTION_KINDS = ['expired', 'missing', 'expiring', 'disabled', 'cooldown'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** One credential needing attention. */
export interface AttentionItem {
  agentId: string;
  profileId: string;
  provider: string;
  /** The profile name (the part of the id after the provider when the profile is not in the auth status). */
  name: string;
  kind: AttentionKind;
  /** Expiry (expired/expiring) or end of the pause (cooldown/disabled), when known. */
  at?: number;
  /** The default model's provider is this profile's provider. */
  inUse: boolean;
  /** An alert about it is raised and not snoozed: the user has not been told to wait. */
  alerted: boolean;
}

const STATUS_KIND: Partial<Record<ProfileView['status'], AttentionKind>> = {
  expired: 'expired',
  missing: 'missing',
  expiring: 'expiring',
  disabled: 'disabled',
  cooldown: 'cooldown',
};

const ALERT_KIND: Record<Alert['kind'], AttentionKind> = { expired: 'expired', threshold: 'expiring', disabled: 'disabled', cooldown: 'cooldown' };

const rank = (kind: AttentionKind) => ATTENTION_KINDS.indexOf(kind);

function nameFromId(profileId: string): string {
  const colon = profileId.indexOf(':');
  return colon >= 0 ? profileId.slice(colon + 1) : profileId;
}

function merge(into: AttentionItem, other: AttentionItem): void {
  if (rank(other.kind) < rank(into.kind)) {
    into.kind = other.kind;
    if (other.at === undefined) delete into.at;
    else into.at = other.at;
  } else if (other.kind === into.kind && into.at === undefined && other.at !== undefined) into.at = other.at;
  into.inUse ||= other.inUse;
  into.alerted ||= other.alerted;
}

/** The credentials needing attention: most urgent kind first, then the one in use, then the soonest. */
export function attentionItems(auth: AuthStatus | null, alerts: readonly Alert[]): AttentionItem[] {
  const byKey = new Map<string, AttentionItem>();
  const add = (item: AttentionItem) => {
    const key = `${item.agentId}\u0000${item.profileId}`;
    const known = byKey.get(key);
    if (known) merge(known, item);
    else byKey.set(key, item);
  };
  const profiles = new Map((auth?.profiles ?? []).map((p) => [p.id, p]));
  for (const p of auth?.profiles ?? []) {
    const kind = STATUS_KIND[p.status];
    if (!kind) continue;
    const at = kind === 'cooldown' || kind === 'disabled' ? p.until : p.expiresAt;
    const inUse = auth!.defaultProvider !== null && p.provider === auth!.defaultProvider;
    add({ agentId: auth!.agentId, profileId: p.id, provider: p.provider, name: p.name, kind, ...(at !== undefined ? { at } : {}), inUse, alerted: false });
  }
  for (const a of alerts) {
    const known = auth?.agentId === a.agentId ? profiles.get(a.profileId) : undefined;
    add({
      agentId: a.agentId,
      profileId: a.profileId,
      provider: a.provider,
      name: known?.name ?? nameFromId(a.profileId),
      kind: ALERT_KIND[a.kind],
      at: a.expiresAt,
      inUse: a.inUse,
      alerted: a.snoozedUntil === undefined && (a.kind === 'expired' || a.kind === 'threshold'),
    });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      Number(b.inUse) - Number(a.inUse) ||
      (a.at ?? Infinity) - (b.at ?? Infinity) ||
      (a.agentId + a.profileId < b.agentId + b.profileId ? -1 : 1),
  );
}

/** Expired while the default model uses it: requests fail now (the tray shows the error icon). */
export function isBlocking(item: AttentionItem): boolean {
  return item.kind === 'expired' && item.inUse;
}

/** Worth the attention icon: a raised, unsnoozed expiry alert, or a missing secret the default model needs. */
export function needsAttention(item: AttentionItem): boolean {
  return (item.alerted && (item.kind === 'expired' || item.kind === 'expiring')) || (item.kind === 'missing' && item.inUse);
}
