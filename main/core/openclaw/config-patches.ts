/**
 * Pure edits of `openclaw.json` data, one per thing a credential flow must say in config, each written the way
 * OpenClaw's own `onboard` writes it (see openclaw-reference.md). Used inside `updateConfig` mutators; they touch
 * only their keys.
 */
import { deleteAt, objectAt, valueAt, type OpenClawConfig } from './config-file';

/** The Cloudflare AI Gateway provider id, profile id and default model. */
export const CLOUDFLARE_PROVIDER = 'cloudflare-ai-gateway';
export const CLOUDFLARE_PROFILE_ID = `${CLOUDFLARE_PROVIDER}:default`;
export const CLOUDFLARE_MODEL_ID = 'claude-sonnet-4-6';
export const CLOUDFLARE_DEFAULT_MODEL = `${CLOUDFLARE_PROVIDER}/${CLOUDFLARE_MODEL_ID}`;
/** The Anthropic model OpenClaw 2026.5 onboarding picks when no default model is set. */
export const ANTHROPIC_DEFAULT_MODEL = 'anthropic/claude-opus-4-8';
/** The header Cloudflare expects when the gateway has authentication turned on. */
export const CF_AUTH_HEADER = 'cf-aig-authorization';

/** The model entry OpenClaw's Cloudflare onboarding writes. */
export const CLOUDFLARE_MODEL_ENTRY = {
  id: CLOUDFLARE_MODEL_ID,
  name: 'Claude Sonnet 4.6',
  reasoning: true,
  input: ['text', 'image'],
  cost: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  contextWindow: 200000,
  maxTokens: 64000,
};

/** The base URL for a gateway; the ids must already be validated (32 hex, and `[a-z0-9_-]{1,64}`). */
export function cloudflareBaseUrl(accountId: string, gatewayId: string): string {
  if (!/^[0-9a-fA-F]{32}$/.test(accountId) || !/^[a-z0-9_-]{1,64}$/.test(gatewayId)) throw new Error('Unvalidated Cloudflare ids.');
  return `https://gateway.ai.cloudflare.com/v1/${accountId}/${gatewayId}/anthropic`;
}

/** `auth.profiles[id] = {provider, mode}`: the metadata OpenClaw keeps in config for each profile. */
export function setProfileMeta(cfg: OpenClawConfig, profileId: string, provider: string, mode: 'api_key' | 'token' | 'oauth'): void {
  const profiles = objectAt(cfg, ['auth', 'profiles']);
  const existing = profiles[profileId];
  profiles[profileId] = { ...(typeof existing === 'object' && existing && !Array.isArray(existing) ? existing : {}), provider, mode };
}

/**
 * Removes a profile's metadata and its mentions in `auth.order`. A provider's order left empty is removed: OpenClaw
 * reads `auth.order.<provider> = []` as "no profile may be used" for that provider.
 */
export function removeProfileMeta(cfg: OpenClawConfig, profileId: string): void {
  deleteAt(cfg, ['auth', 'profiles', profileId]);
  const order = valueAt(cfg, ['auth', 'order']);
  if (order && typeof order === 'object') {
    for (const [provider, ids] of Object.entries(order as Record<string, unknown>)) {
      if (Array.isArray(ids) && ids.includes(profileId)) setConfigOrder(cfg, provider, ids.filter((x) => x !== profileId));
    }
  }
}

/** `auth.order[provider]`; an empty list removes the override. */
export function setConfigOrder(cfg: OpenClawConfig, provider: string, ids: string[]): void {
  if (ids.length) objectAt(cfg, ['auth', 'order'])[provider] = [...ids];
  else deleteAt(cfg, ['auth', 'order', provider]);
}

/** The current default model (`agents.defaults.model` as a string or `{primary}`), or null. */
export function defaultModelOf(cfg: OpenClawConfig): string | null {
  const model = valueAt(cfg, ['agents', 'defaults', 'model']);
  if (typeof model === 'string' && model.trim()) return model.trim();
  const primary = valueAt(model, ['primary']);
  return typeof primary === 'string' && primary.trim() ? primary.trim() : null;
}

/**
 * Sets `agents.defaults.model.primary` (keeping fallbacks). When `agents.defaults.models` exists it is an
 * allowlist, so the model is added there too, or OpenClaw would refuse it. With `onlyIfUnset`, an existing
 * default wins. Returns whether the default changed.
 */
export function setDefaultModel(cfg: OpenClawConfig, ref: string, options: { onlyIfUnset?: boolean; alias?: string } = {}): boolean {
  const current = defaultModelOf(cfg);
  if (options.onlyIfUnset && current) return false;
  const defaults = objectAt(cfg, ['agents', 'defaults']);
  if (typeof defaults.model === 'string') defaults.model = { primary: ref };
  else objectAt(defaults, ['model']).primary = ref;
  const allow = defaults.models;
  if (allow && typeof allow === 'object' && !Array.isArray(allow) && !(ref in allow)) {
    (allow as Record<string, unknown>)[ref] = options.alias ? { alias: options.alias } : {};
  }
  return current !== ref;
}

/**
 * Sets `agents.defaults.model.fallbacks` to `refs`, in order (an empty list removes them), keeping the default; each
 * is added to the `agents.defaults.models` allowlist when there is one, as for the default. Returns whether they changed.
 */
export function setFallbackModels(cfg: OpenClawConfig, refs: string[]): boolean {
  const defaults = objectAt(cfg, ['agents', 'defaults']);
  if (typeof defaults.model === 'string') defaults.model = { primary: defaults.model };
  const model = objectAt(defaults, ['model']);
  const before = JSON.stringify(Array.isArray(model.fallbacks) ? model.fallbacks : []);
  if (refs.length) model.fallbacks = [...refs];
  else delete model.fallbacks;
  const allow = defaults.models;
  if (allow && typeof allow === 'object' && !Array.isArray(allow)) {
    for (const ref of refs) if (!(ref in allow)) (allow as Record<string, unknown>)[ref] = {};
  }
  return before !== JSON.stringify(refs);
}

/**
 * The Cloudflare provider block: base URL from the ids, `anthropic-messages`, the Sonnet model (other models the
 * user added are kept), `models.mode: "merge"` unless a mode is set, the plugin enabled, and the
 * `cf-aig-authorization` header present exactly when a gateway token is given.
 */
export function setCloudflareProvider(cfg: OpenClawConfig, input: { accountId: string; gatewayId: string; gatewayAuthToken?: string | undefined }): void {
  const models = objectAt(cfg, ['models']);
  if (models.mode === undefined) models.mode = 'merge';
  const block = objectAt(cfg, ['models', 'providers', CLOUDFLARE_PROVIDER]);
  block.baseUrl = cloudflareBaseUrl(input.accountId, input.gatewayId);
  block.api = 'anthropic-messages';
  const list = Array.isArray(block.models) ? block.models : [];
  if (!list.some((m) => valueAt(m, ['id']) === CLOUDFLARE_MODEL_ID)) list.push({ ...CLOUDFLARE_MODEL_ENTRY });
  block.models = list;
  if (input.gatewayAuthToken) objectAt(block, ['headers'])[CF_AUTH_HEADER] = `Bearer ${input.gatewayAuthToken}`;
  else deleteAt(block, ['headers', CF_AUTH_HEADER]);
  objectAt(cfg, ['plugins', 'entries', CLOUDFLARE_PROVIDER]).enabled = true;
}
