/**
 * Which credential form to open and with what filled in: the four kinds, the values a form holds, and how a
 * credential to renew (or a provider the default model needs) maps to a prefilled form. No schemas here, so the
 * status panel can open forms without loading the forms' validation (`credential-input.ts` has that part).
 */
import type { ProfileView } from '../../../shared/contract';
import type { ExpiryPreset } from './expiry-presets';

/** The credential forms. */
export const CREDENTIAL_KINDS = ['anthropic-key', 'setup-token', 'cloudflare', 'provider-token'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** The Cloudflare provider id, as OpenClaw names it. */
export const CLOUDFLARE_PROVIDER = 'cloudflare-ai-gateway';

/** Everything any credential form may hold, as typed (strings and check boxes). */
export interface CredentialValues {
  apiKey: string;
  token: string;
  provider: string;
  profileName: string;
  agentId: string;
  accountId: string;
  gatewayId: string;
  gatewayAuthToken: string;
  writeEnv: boolean;
  setDefaultModel: boolean;
  expiryPreset: ExpiryPreset;
  expiryCustom: string;
  /** "Save it anyway": a key without its provider's usual shape, where that format is not certain. */
  acceptUnusualKey: boolean;
}

/** Which form to open, with what already filled in (renew, replace, or a provider the default model needs). */
export interface FormRequest {
  kind: CredentialKind;
  prefill?: Partial<CredentialValues>;
  /** The profile being renewed or replaced, shown in the form's title. */
  profileId?: string;
  /** The agent gets its own copy of the shared `profileId` (OpenClaw 2026.6+: the secret is pasted again). */
  ownCopy?: boolean;
}

/** The profile id a form saves under (as main names it): `<provider>:<name>`, the usual name when left empty. */
export function targetProfileId(kind: CredentialKind, values: Pick<CredentialValues, 'provider' | 'profileName'>): string {
  if (kind === 'cloudflare') return `${CLOUDFLARE_PROVIDER}:default`;
  const name = values.profileName.trim();
  if (kind === 'provider-token') return `${values.provider.trim()}:${name || 'manual'}`;
  return `anthropic:${name || 'default'}`;
}

/** The form that renews or replaces `profile`, prefilled with its provider, profile name and agent. */
export function formRequestFor(profile: Pick<ProfileView, 'id' | 'provider' | 'name' | 'type' | 'metadata'>, agentId: string): FormRequest {
  const base = { profileId: profile.id };
  if (profile.provider === CLOUDFLARE_PROVIDER) {
    return {
      ...base,
      kind: 'cloudflare',
      prefill: { agentId, accountId: profile.metadata?.accountId ?? '', gatewayId: profile.metadata?.gatewayId ?? '' },
    };
  }
  if (profile.provider === 'anthropic') {
    return { ...base, kind: profile.type === 'api_key' ? 'anthropic-key' : 'setup-token', prefill: { agentId, profileName: profile.name } };
  }
  return { ...base, kind: 'provider-token', prefill: { agentId, provider: profile.provider, profileName: profile.name } };
}

/**
 * The form that gives `agentId` its own copy of a credential it inherits: the same provider and name for a token
 * (OpenClaw keeps the agent's copy beside the shared one), another name for an API key (OpenClaw would replace the
 * shared key under the same name), the agent's id.
 */
export function ownCopyRequest(profile: Pick<ProfileView, 'id' | 'provider' | 'name' | 'type' | 'metadata'>, agentId: string): FormRequest {
  const request = formRequestFor(profile, agentId);
  const prefill = profile.type === 'api_key' ? { ...request.prefill, profileName: agentId } : request.prefill;
  return { ...request, ...(prefill ? { prefill } : {}), ownCopy: true };
}

/** The form for adding a credential to `provider` (e.g. the one the default model needs). */
export function formRequestForProvider(provider: string, agentId: string): FormRequest {
  if (provider === 'anthropic') return { kind: 'anthropic-key', prefill: { agentId } };
  if (provider === CLOUDFLARE_PROVIDER) return { kind: 'cloudflare', prefill: { agentId } };
  return { kind: 'provider-token', prefill: { agentId, provider } };
}
