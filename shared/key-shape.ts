/**
 * The known shape of each provider's key, checked by the form as the user types and by main before saving (one
 * rule for both). A key of the wrong shape is the first sign of a failed chat, so it is caught here: an Anthropic
 * API key starts with `sk-ant-api` and has a sane length (a setup-token pasted there is named as such), OpenAI's
 * start with `sk-`, OpenRouter's with `sk-or-`... Where the provider's format is certain (Anthropic's own keys) a
 * wrong shape is refused; where it is not (other providers, proxies, a key behind a gateway) the user may save it
 * anyway. Unknown providers get only the schema's rule (non-empty, one line).
 */
import type { ValidationKey } from './message-keys';

/** What a key is for: which form field, which provider. */
export interface KeyTarget {
  /** `api_key` (Anthropic key form, Cloudflare's provider key) or `token` (another provider's key or token). */
  kind: 'api_key' | 'token';
  /** Lower-case provider id (`anthropic`, `openai`, `cloudflare-ai-gateway`, ...). */
  provider: string;
}

/** A key that does not look like the provider's: the sentence, and whether "save anyway" is offered. */
export interface KeyShapeProblem {
  key: ValidationKey;
  params?: Record<string, string | number>;
  /** The provider's format is not certain: the user may save it anyway. */
  unusualOnly: boolean;
}

const ANTHROPIC_API = /^sk-ant-api\d*-/;
const SETUP_TOKEN = /^sk-ant-oat\d*-/;
/** Anthropic's API keys are about 108 characters; anything much shorter is cut, anything much longer is two pasted. */
const ANTHROPIC_MIN = 40;
const ANTHROPIC_MAX = 250;
const KEY_CHARS = /^[A-Za-z0-9_-]+$/;

/** Prefixes other providers' keys usually have (not certain: proxies and older keys differ). */
const USUAL_PREFIX: Record<string, { prefix: RegExp; example: string }> = {
  openai: { prefix: /^sk-/, example: 'sk-' },
  openrouter: { prefix: /^sk-or-/, example: 'sk-or-' },
  groq: { prefix: /^gsk_/, example: 'gsk_' },
  xai: { prefix: /^xai-/, example: 'xai-' },
};

function anthropicApiKey(value: string, certain: boolean): KeyShapeProblem | null {
  if (SETUP_TOKEN.test(value)) return { key: 'validation.keyShape.setupTokenInKeyField', unusualOnly: false };
  if (!ANTHROPIC_API.test(value)) return { key: 'validation.keyShape.anthropicPrefix', unusualOnly: !certain };
  if (!KEY_CHARS.test(value) || value.length < ANTHROPIC_MIN || value.length > ANTHROPIC_MAX) {
    return { key: 'validation.keyShape.anthropicLength', params: { length: value.length }, unusualOnly: !certain };
  }
  return null;
}

/**
 * Pure: the problem with `value` (trimmed, non-empty: the schema checks that first) as a key for `target`, or null
 * when it has the provider's known shape or the provider has none.
 */
export function keyShapeProblem(target: KeyTarget, value: string): KeyShapeProblem | null {
  const v = value.trim();
  if (v === '') return null;
  const provider = target.provider.trim().toLowerCase();
  if (provider === 'anthropic' && target.kind === 'api_key') return anthropicApiKey(v, true);
  // Cloudflare's provider key is the key of the provider behind the gateway: usually Anthropic's, not always.
  if (provider === 'cloudflare-ai-gateway') {
    const p = anthropicApiKey(v, false);
    return p && p.key === 'validation.keyShape.anthropicPrefix' ? { key: 'validation.keyShape.cloudflareKey', unusualOnly: true } : p;
  }
  if (provider === 'anthropic') {
    // The token form for Anthropic takes a setup-token or an API key.
    return SETUP_TOKEN.test(v) || ANTHROPIC_API.test(v) ? null : { key: 'validation.keyShape.anthropicPrefix', unusualOnly: true };
  }
  const usual = USUAL_PREFIX[provider];
  if (usual && !usual.prefix.test(v)) return { key: 'validation.keyShape.usualPrefix', params: { provider, prefix: usual.example }, unusualOnly: true };
  if (provider !== 'openai' && provider !== 'openrouter' && /^sk-ant-/.test(v)) {
    return { key: 'validation.keyShape.anthropicElsewhere', params: { provider }, unusualOnly: true };
  }
  if (provider === 'openai' && /^sk-(ant|or)-/.test(v)) return { key: 'validation.keyShape.usualPrefix', params: { provider, prefix: 'sk-' }, unusualOnly: true };
  return null;
}
