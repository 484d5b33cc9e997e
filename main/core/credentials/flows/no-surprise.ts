/**
 * "Never replace by surprise": a save from an "add" form onto a profile id the agent already has is refused with a
 * `CONFLICT` that names what is there (type, masked label, expiry) and suggests a free name, so the form can offer
 * "Replace it" or "Save as <free name>". Renew and Replace send `replace: true` and are not asked. The rule runs in
 * the flows, above the credential backend seam, so it holds the same on every backend.
 */
import { CoreError } from '../../errors';
import type { CredentialRecord, CredentialSnapshot } from '../backend';

/** Names tried first instead of `<provider>:default`, by type (a Claude subscription's setup-token). */
const FIRST_CHOICE: Record<string, Record<string, string>> = { anthropic: { token: 'subscription' } };
const MAX_SUFFIX = 99;

/**
 * Pure: a free profile id near `profileId` for a credential of `type`, or undefined when the id is fixed (Cloudflare)
 * or nothing nearby is free. `anthropic:default` -> `anthropic:subscription` for a token; `anthropic:work` -> `anthropic:work-2`.
 */
export function suggestFreeId(taken: ReadonlySet<string>, profileId: string, type: string, fixed = false): string | undefined {
  if (fixed) return undefined;
  const colon = profileId.indexOf(':');
  const provider = profileId.slice(0, colon);
  const name = profileId.slice(colon + 1);
  const first = name === 'default' ? FIRST_CHOICE[provider]?.[type] : undefined;
  if (first && !taken.has(`${provider}:${first}`)) return `${provider}:${first}`;
  const base = name.replace(/-\d+$/, '');
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const id = `${provider}:${base}-${n}`;
    if (!taken.has(id)) return id;
  }
  return undefined;
}

/** The masked form of what a record holds, as the status panel shows it ('' for a reference or nothing). */
function labelOf(record: CredentialRecord): string {
  return record.secret.kind === 'inline' ? record.secret.masked : '';
}

/**
 * Throws `CONFLICT` (`errors.credential.exists`) when `snapshot` already has `profileId` and the save did not say
 * `replace`. Params and details name the existing credential and carry the suggested free id (`suggestedProfile`).
 */
export function refuseSurpriseReplace(
  snapshot: CredentialSnapshot,
  wish: { profileId: string; type: string; replace?: boolean | undefined; fixedId?: boolean },
): void {
  if (wish.replace) return;
  const existing = snapshot.profiles.find((p) => p.id === wish.profileId);
  if (!existing) return;
  const taken = new Set(snapshot.profiles.map((p) => p.id));
  const suggestion = suggestFreeId(taken, wish.profileId, wish.type, wish.fixedId);
  const label = labelOf(existing);
  const expires = typeof existing.expires === 'number' ? existing.expires : undefined;
  throw new CoreError('CONFLICT', 'errors.credential.exists', {
    params: { profile: existing.id, type: existing.type, label, ...(suggestion ? { suggestion } : {}) },
    details: {
      existingProfile: existing.id,
      existingType: existing.type,
      existingLabel: label,
      ...(expires !== undefined ? { existingExpires: String(expires) } : {}),
      ...(existing.source !== 'own' ? { existingSource: existing.source } : {}),
      ...(suggestion ? { suggestedProfile: suggestion } : {}),
    },
  });
}
